"""What belongs to each catalogue item: content chosen by hand and content found by rules.

``item_contents(items)`` answers for any number of items in a fixed number of queries: the
links chosen on the items, the pages that chose the items, the public state of all those pages,
the subcategories of the rules' theme categories, and one query per content type used by a rule
(its newest entries per category, with the count and the latest date, by window functions).
Only what a member of the public may see counts: live, not restricted, proactively disclosed.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, F, Max, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from gov_disclosure.models import ThemeCategory, hidden_sections_q
from gov_disclosure.registry import registry

from .models import CatalogueItemLink, PageCatalogueItem


@dataclass
class Entry:
    """One piece of content listed under an item."""

    title: str
    url: str
    date: datetime.date | None
    external: bool = False
    page_id: int | None = None


@dataclass
class Problem:
    """A broken link found on an item (for the coverage report)."""

    code: str  # "deleted", "not_public", "unreachable"
    label: str
    detail: str
    link_id: int | None = None
    page_id: int | None = None


@dataclass
class ItemContent:
    entries: list[Entry] = field(default_factory=list)
    count: int = 0
    latest: datetime.date | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.count == 0


PROBLEM_LABELS = {
    "deleted": _("Linked page was deleted"),
    "not_public": _("Linked page is not public"),
    "unreachable": _("Outside address does not answer"),
}


def _as_date(value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def _own_dates(pages):
    """``{page.pk: date}`` from each registered type's own date field (a document's publication
    date, not the day it went live on the site): one query per type among ``pages``."""
    from django.contrib.contenttypes.models import ContentType

    by_entry = defaultdict(list)
    for page in pages:
        model = ContentType.objects.get_for_id(page.content_type_id).model_class()
        entry = registry.for_model(model) if model is not None else None
        if entry is not None and entry.is_page and entry.date_field:
            by_entry[entry.kind].append(page.pk)
    dates = {}
    for kind, pks in by_entry.items():
        entry = registry.get(kind)
        rows = entry.model._default_manager.filter(pk__in=pks).values_list("pk", entry.date_field)
        dates.update((pk, _as_date(value)) for pk, value in rows if value)
    return dates


def _rule_kinds():
    """Registered page kinds that carry a theme category (the ones a rule can attach)."""
    return [
        entry
        for entry in registry
        if entry.is_page and any(f.name == "theme_category" for f in entry.model._meta.fields)
    ]


def item_contents(
    items,
    *,
    request=None,
    limit=None,
    with_problems=False,
    private_q=None,
    locale_id=None,
    with_urls=True,
):
    """``{item.pk: ItemContent}`` for ``items`` (catalogue items, already loaded).

    ``limit`` caps the entries kept per item (newest first); counts and dates cover them all.
    ``locale_id`` keeps only the pages in that language (the topic's): a translated page is
    not listed twice. ``with_urls=False`` leaves the entries' URLs empty, for callers that only
    count (the topic's overview).
    """
    items = list(items)
    result = {item.pk: ItemContent() for item in items}
    if not items:
        return result
    ids = list(result)
    if private_q is None:
        private_q = hidden_sections_q()

    locale = {"locale_id": locale_id} if locale_id else {}
    links = list(CatalogueItemLink.objects.filter(item_id__in=ids).order_by("sort_order", "pk"))
    page_links = list(
        PageCatalogueItem.objects.filter(item_id__in=ids).values_list("item_id", "page_id")
    )
    page_ids = {link.page_id for link in links if link.page_id} | {pk for _, pk in page_links}
    public_pages = {}
    if page_ids:
        queryset = registry.exclude_undisclosed(
            Page.objects.filter(pk__in=page_ids, **locale).live().exclude(private_q)
        ).only(
            "id", "title", "url_path", "content_type_id", "first_published_at", "last_published_at"
        )
        public_pages = {page.pk: page for page in queryset}
    own_dates = _own_dates(public_pages.values())

    entries = defaultdict(list)
    seen = defaultdict(set)

    def add(item_id, entry):
        key = entry.page_id or entry.url
        if key in seen[item_id]:
            return
        seen[item_id].add(key)
        entries[item_id].append(entry)

    def page_entry(page, title="", date=None):
        return Entry(
            title=title or page.title,
            url=(page.get_url(request=request) or "") if with_urls else "",
            date=date or own_dates.get(page.pk) or _as_date(page.first_published_at),
            page_id=page.pk,
        )

    for link in links:
        if link.page_id:
            page = public_pages.get(link.page_id)
            if page is not None:
                add(link.item_id, page_entry(page, link.title, link.date))
            elif with_problems:
                result[link.item_id].problems.append(
                    Problem(
                        "not_public",
                        PROBLEM_LABELS["not_public"],
                        link.title or link.page_title,
                        link.pk,
                        link.page_id,
                    )
                )
        elif link.url:
            if link.check_ok is False and with_problems:
                result[link.item_id].problems.append(
                    Problem(
                        "unreachable",
                        PROBLEM_LABELS["unreachable"],
                        f"{link.url} ({link.check_error})" if link.check_error else link.url,
                        link.pk,
                    )
                )
            add(link.item_id, Entry(link.title, link.url, link.date, external=True))
        elif with_problems:
            result[link.item_id].problems.append(
                Problem(
                    "deleted", PROBLEM_LABELS["deleted"], link.title or link.page_title, link.pk
                )
            )
    for item_id, page_id in page_links:
        page = public_pages.get(page_id)
        if page is not None:
            add(item_id, page_entry(page))

    rule_totals = _add_rule_content(
        items, add, request, limit, private_q, set(public_pages), locale, with_urls
    )

    for item in items:
        content = result[item.pk]
        listed = sorted(
            entries[item.pk], key=lambda e: (e.date or datetime.date.min, e.title), reverse=True
        )
        rule_total, rule_listed, rule_latest = rule_totals.get(item.pk, (0, 0, None))
        content.count = len(listed) + max(rule_total - rule_listed, 0)
        dates = [e.date for e in listed if e.date] + ([rule_latest] if rule_latest else [])
        content.latest = max(dates, default=None)
        content.entries = listed[:limit] if limit else listed
    return result


def _add_rule_content(
    items, add, request, limit, private_q, chosen_ids=(), locale=None, with_urls=True
):
    """Content attached by the items' theme-category rules; returns per-item totals.

    ``chosen_ids``: pages already listed by hand. They are fetched even beyond the ``limit`` so
    that a page both chosen and found by a rule is counted once.
    """
    rules = [item for item in items if item.rule_theme_category_id]
    if not rules:
        return {}
    roots = ThemeCategory.objects.filter(pk__in={item.rule_theme_category_id for item in rules})
    roots = {category.pk: category.tree_path for category in roots.only("id", "tree_path")}
    if not roots:
        return {}
    prefix_q = Q()
    for path in roots.values():
        prefix_q |= Q(tree_path=path) | Q(tree_path__startswith=path + ".")
    paths = dict(ThemeCategory.objects.filter(prefix_q).values_list("id", "tree_path"))
    # Categories each rule covers: its own and every category below it.
    covered = {
        root: {
            pk
            for pk, path in paths.items()
            if path == root_path or path.startswith(root_path + ".")
        }
        for root, root_path in roots.items()
    }
    all_categories = set().union(*covered.values())
    wanted_kinds = {item.rule_kind for item in rules}
    kinds = [entry for entry in _rule_kinds() if "" in wanted_kinds or entry.kind in wanted_kinds]

    # per (kind, category): newest pages, the total and the latest date
    tops = defaultdict(list)
    stats = {}
    for entry in kinds:
        date_field = entry.date_field or "first_published_at"
        window = {"partition_by": [F("theme_category_id")]}
        order = F(date_field).desc(nulls_last=True)
        queryset = (
            entry.public_queryset(private_q)
            .filter(**(locale or {}))
            .filter(theme_category_id__in=all_categories)
            .annotate(
                rank=Window(RowNumber(), order_by=[order, F("pk").desc()], **window),
                total=Window(Count("pk"), **window),
                newest=Window(Max(date_field), **window),
            )
            .filter(Q(rank__lte=limit) | Q(pk__in=chosen_ids) if limit else Q())
            .only("id", "title", "url_path", "first_published_at", "theme_category_id", date_field)
            .order_by()
        )
        for page in queryset:
            key = (entry.kind, page.theme_category_id)
            tops[key].append(page)
            stats[key] = (page.total, _as_date(page.newest))
        for key in tops:
            if key[0] == entry.kind:
                tops[key].sort(key=lambda p: p.rank)

    totals = {}
    for item in rules:
        categories = covered.get(item.rule_theme_category_id, set())
        total, listed, latest = 0, 0, None
        for entry in kinds:
            if item.rule_kind and entry.kind != item.rule_kind:
                continue
            date_field = entry.date_field or "first_published_at"
            for category in categories:
                key = (entry.kind, category)
                if key not in stats:
                    continue
                count, newest = stats[key]
                total += count
                if newest and (latest is None or newest > latest):
                    latest = newest
                for page in tops[key]:
                    listed += 1
                    add(
                        item.pk,
                        Entry(
                            title=page.title,
                            url=(page.get_url(request=request) or "") if with_urls else "",
                            date=_as_date(getattr(page, date_field)),
                            page_id=page.pk,
                        ),
                    )
        totals[item.pk] = (total, listed, latest)
    return totals


def stale_since(content: ItemContent, item, today=None):
    """The date before which content counts as stale for ``item``, or None if it cannot be."""
    if not item.update_interval_days:
        return None
    today = today or timezone.localdate()
    return today - datetime.timedelta(days=item.update_interval_days)


def is_stale(content: ItemContent, item, today=None) -> bool:
    limit = stale_since(content, item, today)
    if limit is None or content.is_empty:
        return False
    return content.latest is None or content.latest < limit
