"""Pagination of the public listings: a pager that never fails on a bad page number.

Shared by every listing page of the domain apps (document library, project index, …), so that
they all treat ``?page=`` the same way: not a number → the first page, past the end → the last
page, each with a message saying so.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _


def page_url(query: dict, **extra) -> str:
    """``?`` plus the query string of ``query`` and ``extra`` (page 1 is left out)."""
    params = {**query, **{k: v for k, v in extra.items() if v not in (None, 1)}}
    return "?" + urlencode(params, doseq=True) if params else "?"


def parse_page_number(value):
    """``(number, was_bad)`` for the ``page`` parameter."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1, value not in (None, "")
    if number < 1:
        return 1, True
    return number, False


def page_links(page_obj, query):
    """(number or None for a gap, URL, is current) for the pagination bar."""
    links = []
    for number in page_obj.paginator.get_elided_page_range(
        page_obj.number, on_each_side=2, on_ends=1
    ):
        if number == page_obj.paginator.ELLIPSIS:
            links.append((None, None, False))
        else:
            links.append((number, page_url(query, page=number), number == page_obj.number))
    return links


def paginate(queryset, per_page: int, page_param, query: dict):
    """Context for a paginated listing, and the problems to show above the results."""
    problems = []
    paginator = Paginator(queryset, per_page)
    number, bad_number = parse_page_number(page_param)
    if bad_number:
        problems.append(_("The page number must be a whole number; the first page is shown."))
    if number > paginator.num_pages:
        if paginator.count:
            problems.append(
                _("There is no page %(number)s; the last page is shown.") % {"number": number}
            )
        number = paginator.num_pages
    page_obj = paginator.page(number)
    context = {
        "page_obj": page_obj,
        "paginator": paginator,
        "page_links": page_links(page_obj, query) if paginator.num_pages > 1 else [],
        "previous_url": page_url(query, page=page_obj.previous_page_number())
        if page_obj.has_previous()
        else None,
        "next_url": page_url(query, page=page_obj.next_page_number())
        if page_obj.has_next()
        else None,
    }
    return context, problems
