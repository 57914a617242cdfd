"""RSS 2.0 and Atom feeds: the newest items of every list, and a kind's own events.

``/api/v1/<list>/feed.rss`` (or ``.atom``) gives the newest items of a list with the list's
filters, so a feed per agency or per theme category is ``?agency=3`` or ``?category=7``. A kind
whose ``OpenData`` has ``events()`` (documents: validity changes) also gets
``/api/v1/<list>/events.rss``. Built with Django's ``feedgenerator``; only public items, as
everywhere in the API.
"""

from __future__ import annotations

import datetime

from django.http import HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from . import pagination

FEED_LENGTH = 50
GENERATORS = {"rss": feedgenerator.Rss201rev2Feed, "atom": feedgenerator.Atom1Feed}


def moment(value) -> datetime.datetime | None:
    """A date as the start of that day in the site's time zone (feeds carry date-times)."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))


def site_name(request) -> str:
    site = Site.find_for_request(request)
    return (site.site_name if site and site.site_name else "") or request.get_host()


def _feed(request, feed_format, title, description):
    return GENERATORS[feed_format](
        title=title,
        link=request.build_absolute_uri("/"),
        description=description,
        language=request.LANGUAGE_CODE if hasattr(request, "LANGUAGE_CODE") else None,
        feed_url=request.build_absolute_uri(),
    )


def _response(feed, feed_format):
    content_type = "application/rss+xml" if feed_format == "rss" else "application/atom+xml"
    response = HttpResponse(content_type=f"{content_type}; charset=utf-8")
    feed.write(response, "utf-8")
    return response


def items_feed(spec, queryset, request, feed_format):
    rows, _cursor = pagination.page(
        spec.items(queryset),
        kind=spec.kind,
        date_field=spec.date_field,
        cursor=None,
        size=FEED_LENGTH,
    )
    label = str(spec.entry.label) if spec.entry is not None else spec.path
    feed = _feed(
        request,
        feed_format,
        title=f"{site_name(request)} — {label}",
        description=_("The newest %(kind)s published on this site.") % {"kind": label},
    )
    for row in rows:
        link = row.get_full_url(request=request)
        categories = [str(record) for record in (row.agency, row.theme_category) if record]
        date = getattr(row, spec.date_field) if spec.date_field else None
        feed.add_item(
            title=row.title,
            link=link,
            description=spec.feed_description(row),
            unique_id=link,
            pubdate=moment(date) or row.last_published_at,
            updateddate=row.last_published_at,
            categories=categories,
        )
    return _response(feed, feed_format)


def events_feed(spec, queryset, request, feed_format):
    label = str(spec.events_label)
    feed = _feed(
        request,
        feed_format,
        title=f"{site_name(request)} — {label}",
        description=label,
    )
    for event in spec.events(queryset, request, FEED_LENGTH):
        feed.add_item(
            title=event.title,
            link=event.link,
            description=event.description,
            unique_id=event.unique_id,
            pubdate=moment(event.date),
        )
    return _response(feed, feed_format)
