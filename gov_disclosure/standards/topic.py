"""The context of the topic page's views: the overview, a domain section, a village catalogue.

Each view runs a fixed number of queries whatever the number of items, domains or attached
pages (tests/test_standards_topic.py counts them): the items are read in one query and what
belongs to them through ``content.item_contents``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from .app_settings import app_settings
from .content import ItemContent, item_contents
from .models import Catalogue, CatalogueItem, CatalogueScope, StandardDomain


@dataclass
class ItemView:
    item: CatalogueItem
    content: ItemContent
    url: str = ""
    county_url: str = ""

    @property
    def has_more(self):
        return self.content.count > len(self.content.entries)


@dataclass
class DomainView:
    domain: StandardDomain
    url: str
    items: list[ItemView] = field(default_factory=list)
    item_count: int = 0
    filled_count: int = 0

    @property
    def empty_count(self):
        return self.item_count - self.filled_count


def _base_url(page, request):
    return page.get_url(request=request) or ""


def _domain_url(page, domain_id, request=None):
    return _base_url(page, request) + page.reverse_subpage("domain_section", args=[domain_id])


def _visible_domains():
    return list(StandardDomain.objects.filter(hidden=False).order_by("sort_order", "name"))


def overview_context(page, request=None):
    """Every visible domain of the page's catalogue with its number of items and filled ones."""
    catalogue = page.catalogue
    domains = _visible_domains()
    views = {
        domain.pk: DomainView(domain, _domain_url(page, domain.pk, request)) for domain in domains
    }
    villages = []
    if catalogue is not None:
        items = list(
            CatalogueItem.objects.filter(catalogue=catalogue, domain__hidden=False).only(
                "id", "domain_id", "rule_theme_category_id", "rule_kind", "update_interval_days"
            )
        )
        contents = item_contents(
            items, request=request, limit=1, locale_id=page.locale_id, with_urls=False
        )
        for item in items:
            view = views.get(item.domain_id)
            if view is None:
                continue
            view.item_count += 1
            view.filled_count += not contents[item.pk].is_empty
        villages = list(
            Catalogue.objects.filter(parent=catalogue)
            .exclude(scope=CatalogueScope.COUNTY)
            .annotate(item_count=Count("items"))
            .order_by("sort_order", "name")
        )
        for village in villages:
            village.url = _base_url(page, request) + page.reverse_subpage(
                "village_catalogue", args=[village.pk]
            )
    item_total = sum(view.item_count for view in views.values())
    filled_total = sum(view.filled_count for view in views.values())
    return {
        "catalogue": catalogue,
        "domains": list(views.values()),
        "villages": villages,
        "item_total": item_total,
        "filled_total": filled_total,
    }


def _item_views(page, items, request=None):
    contents = item_contents(
        items,
        request=request,
        limit=app_settings.STANDARDS_ITEM_CONTENT_LIMIT,
        locale_id=page.locale_id,
    )
    base = _base_url(page, request)
    return [
        ItemView(item, contents[item.pk], base + page.reverse_subpage("item_detail", args=[pk]))
        for item, pk in ((item, item.pk) for item in items)
    ]


def domain_context(page, catalogue, domain_id, request=None):
    """One domain section: its items in catalogue order, each with its newest content."""
    domains = _visible_domains()
    domain = next((d for d in domains if d.pk == domain_id), None)
    if domain is None:
        return None
    items = list(
        CatalogueItem.objects.filter(catalogue=catalogue, domain=domain).order_by(
            "sort_order", "pk"
        )
    )
    views = _item_views(page, items, request)
    position = domains.index(domain)
    neighbours = {
        "previous_domain": domains[position - 1] if position > 0 else None,
        "next_domain": domains[position + 1] if position + 1 < len(domains) else None,
    }
    for other in domains:
        other.url = _domain_url(page, other.pk, request)
    return {
        "catalogue": catalogue,
        "domain": domain,
        "domains": domains,
        "item_views": views,
        "subpage_title": domain.name,
        **neighbours,
    }


def village_context(page, catalogue, request=None):
    """A village or community catalogue, by domain, each item pointing to its county item."""
    items = list(
        CatalogueItem.objects.filter(catalogue=catalogue, domain__hidden=False)
        .select_related("domain", "county_item")
        .order_by("domain__sort_order", "domain__name", "sort_order", "pk")
    )
    sections: dict[int, DomainView] = {}
    for view in _item_views(page, items, request):
        item = view.item
        county = item.county_item
        if county is not None and county.catalogue_id == page.catalogue_id:
            view.county_url = f"{_domain_url(page, county.domain_id, request)}#{county.anchor}"
        section = sections.get(item.domain_id)
        if section is None:
            section = sections[item.domain_id] = DomainView(
                item.domain, _domain_url(page, item.domain_id, request)
            )
        section.items.append(view)
        section.item_count += 1
    return {
        "catalogue": catalogue,
        "sections": list(sections.values()),
        "subpage_title": catalogue.name,
    }


# Under an item, the topic lists this many entries at most; the item's own page lists the rest.
ITEM_PAGE_LIMIT = 100


def item_context(page, item_id, request=None):
    """One item with all its content (the newest ``ITEM_PAGE_LIMIT``), or None if not here."""
    item = (
        CatalogueItem.objects.filter(
            pk=item_id, domain__hidden=False, catalogue__in=_topic_catalogues(page)
        )
        .select_related("domain", "catalogue")
        .first()
    )
    if item is None:
        return None
    content = item_contents(
        [item], request=request, limit=ITEM_PAGE_LIMIT, locale_id=page.locale_id
    )[item.pk]
    return {
        "catalogue": item.catalogue,
        "domain": item.domain,
        "domain_url": _domain_url(page, item.domain_id, request),
        "item_view": ItemView(item, content),
        "shown_limit": ITEM_PAGE_LIMIT,
        "subpage_title": item.title,
    }


def _topic_catalogues(page):
    """The page's catalogue and the village catalogues under it (a subquery)."""
    return Catalogue.objects.filter(pk=page.catalogue_id) | Catalogue.objects.filter(
        parent_id=page.catalogue_id
    )
