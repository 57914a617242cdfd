"""The standard catalogue's items (标准目录事项) as open data (see ``gov_disclosure.opendata``).

Catalogue items are records, not pages: ``apps.py`` offers them with
``registry.register_open_data``. The API serves exactly the items the public topic page
(``StandardsTopicPage``) shows: items of the catalogue of a topic page the public can reach
(live, not restricted, not below an unpublished or restricted page), or of a village or
community catalogue under that catalogue, in a domain that is not hidden. The detail adds the
content listed under the item on the topic (``content.item_contents``, the topic's own rule:
public pages of the topic's language and outside addresses).

Each row carries the topic page that shows it (``topic_id``, ``topic_url_path``,
``topic_locale_id``: subqueries of the list's one query), for the item's address and the
language of its content.
"""

from __future__ import annotations

import datetime

from django.db.models import F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from ninja import Field, Schema
from wagtail.models import Page

from gov_disclosure.listing import KEYWORD_MAX_LENGTH
from gov_disclosure.models import hidden_sections_q
from gov_disclosure.opendata import (
    ID_MAX,
    Choice,
    OpenData,
    ParameterError,
    choice,
)

from .models import (
    Audience,
    Catalogue,
    CatalogueItem,
    CatalogueScope,
    Method,
    StandardDomain,
    StandardsTopicPage,
)
from .topic import ITEM_PAGE_LIMIT


def public_topics(private_q=None):
    """The topic pages a member of the public can reach (those with a catalogue)."""
    hidden = private_q if private_q is not None else hidden_sections_q()
    return StandardsTopicPage.objects.live().exclude(hidden).filter(catalogue__isnull=False)


def shown_catalogues_q(private_q=None, prefix="") -> Q:
    """The catalogues a public topic page shows: its own and the village or community
    catalogues under it (``topic._topic_catalogues``), as subqueries."""
    topic_catalogues = public_topics(private_q).order_by().values("catalogue_id")
    return Q(**{f"{prefix}pk__in": topic_catalogues}) | Q(
        **{f"{prefix}parent_id__in": topic_catalogues}
    )


def topic_annotations(private_q=None) -> dict:
    """``topic_id``, ``topic_url_path`` and ``topic_locale_id`` of the public topic page that
    shows the outer catalogue item: the topic of its own catalogue, else of the county
    catalogue above it (an original before an alias, then the oldest page)."""
    order = (F("alias_of_id").asc(nulls_first=True), "pk")

    def first_topic(catalogue):
        topics = public_topics(private_q).filter(catalogue_id=OuterRef(catalogue))
        return Subquery(topics.order_by(*order).values("pk")[:1])

    def of_topic(field):
        topic = Page.objects.filter(pk=OuterRef("topic_id"))
        return Subquery(topic.values(field)[:1])

    return {
        "topic_id": Coalesce(first_topic("catalogue_id"), first_topic("catalogue__parent_id")),
        "topic_url_path": of_topic("url_path"),
        "topic_locale_id": of_topic("locale_id"),
    }


def item_topic(item):
    """The topic page that shows ``item``, from the row's annotations (no query)."""
    topic_id = getattr(item, "topic_id", None)
    if topic_id is None:
        return None
    return StandardsTopicPage(
        id=topic_id,
        page_ptr_id=topic_id,
        url_path=item.topic_url_path,
        locale_id=item.topic_locale_id,
    )


def item_url(item, request=None) -> str | None:
    """The item's page on the topic (``StandardsTopicPage.item_detail``)."""
    topic = item_topic(item)
    base = topic.get_full_url(request=request) if topic is not None else None
    return base + topic.reverse_subpage("item_detail", args=[item.pk]) if base else None


def _content(item, context):
    """What the topic lists under ``item`` (the detail only: one item per response)."""
    cached = getattr(item, "_open_data_content", None)
    if cached is not None:
        return cached
    from .content import item_contents

    content = item_contents(
        [item],
        request=(context or {}).get("request"),
        limit=ITEM_PAGE_LIMIT,
        locale_id=getattr(item, "topic_locale_id", None),
    )[item.pk]
    item._open_data_content = content
    return content


def _site_root(context) -> str:
    """``http://host`` of the site the request is for: the entries' page addresses are
    relative to it (``Page.get_url(request)``)."""
    from wagtail.models import Site

    request = (context or {}).get("request")
    if request is None:
        return ""
    site = Site.find_for_request(request)
    return site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")


# The schemas.


class CatalogueRef(Schema):
    """The catalogue an item belongs to (flat, so that an export gives one column a field)."""

    id: int
    name: str = Field(description="Name of the catalogue, e.g. 示范县基层政务公开标准目录.")
    scope: str = Field(description="county, township or village (目录层级).")
    scope_label: str = Field(description="The scope in the language of the request.")
    parent_id: int | None = Field(
        description="For a village or community catalogue: the county catalogue it belongs to."
    )
    agency_id: int | None = Field(
        description="The government, township or village committee that keeps the catalogue "
        "(an id of /agencies/)."
    )
    agency_name: str | None = Field(description="Its name.")

    @staticmethod
    def resolve_scope_label(catalogue):
        return choice(catalogue.scope, CatalogueScope)["label"]

    @staticmethod
    def resolve_agency_name(catalogue):
        return catalogue.agency.name if catalogue.agency is not None else None


class DomainRef(Schema):
    id: int
    name: str = Field(description="Name of the domain (领域), e.g. 社会救助.")


class StandardCatalogueItem(Schema):
    """One row of a standard catalogue, with every column of the national layout."""

    id: int = Field(description="Stable identifier of the item.")
    url: str | None = Field(description="Public address of the item on the topic page.")
    catalogue: CatalogueRef
    domain: DomainRef
    number: str = Field(description="Number of the row in the catalogue (序号); may be empty.")
    level1: str = Field(description="Level-1 item (一级事项).")
    level2: str = Field(description="Level-2 item (二级事项); may be empty.")
    content: str = Field(description="What is to be disclosed (公开内容（要素）).")
    legal_basis: str = Field(description="Legal basis of the disclosure (公开依据).")
    time_limit: str = Field(description="Time limit of the disclosure (公开时限).")
    responsible_body: str = Field(description="The body that discloses it (公开主体).")
    channels: str = Field(description="Channels and media of the disclosure (公开渠道和载体).")
    audience: Choice = Field(
        description="Who it is disclosed to (公开对象): everyone (全社会) or specific groups "
        "(特定群众)."
    )
    method: Choice = Field(
        description="How it is disclosed (公开方式): proactive (主动) or on application (依申请)."
    )
    level_county: bool = Field(description="Disclosed at county level (公开层级：县级).")
    level_township: bool = Field(description="Disclosed at township level (公开层级：乡级).")
    update_interval_days: int | None = Field(
        description="For an item renewed on a schedule: the days between renewals; null for "
        "items disclosed when something happens."
    )
    county_item_id: int | None = Field(
        description="For an item of a village or community catalogue: the matching item of "
        "the county catalogue."
    )
    last_changed_at: datetime.datetime | None = Field(
        description="When the item was last changed (its latest revision); null when no "
        "revision was recorded."
    )

    @staticmethod
    def resolve_url(item, context):
        return item_url(item, (context or {}).get("request"))

    @staticmethod
    def resolve_audience(item):
        return choice(item.audience, Audience)

    @staticmethod
    def resolve_method(item):
        return choice(item.method, Method)

    @staticmethod
    def resolve_county_item_id(item):
        """Only a county item the topic shows: the village catalogue's own county catalogue,
        in a domain that is not hidden."""
        county = item.county_item
        if county is None or county.catalogue_id != item.catalogue.parent_id:
            return None
        return None if county.domain.hidden else county.pk


class AttachedContent(Schema):
    id: int | None = Field(description="Id of the page; null for an outside address.")
    title: str
    url: str = Field(description="Address of the page or of the outside content.")
    date: datetime.date | None = Field(
        description="The content's own date (a document's publication date…)."
    )
    external: bool = Field(description="An address outside the site (a provincial platform…).")

    @staticmethod
    def resolve_id(entry):
        return entry.page_id

    @staticmethod
    def resolve_url(entry, context):
        if entry.external or not entry.url.startswith("/"):
            return entry.url
        return _site_root(context) + entry.url


class StandardCatalogueItemDetail(StandardCatalogueItem):
    contents: list[AttachedContent] = Field(
        description=f"The content the topic lists under the item, newest first (at most "
        f"{ITEM_PAGE_LIMIT}): public pages of the site chosen by hand or found by the "
        "item's theme-category rule, and outside addresses."
    )
    content_count: int = Field(description="How many pieces of content belong to the item.")
    latest_content_date: datetime.date | None = Field(
        description="Date of the newest content; null when there is none."
    )

    @staticmethod
    def resolve_contents(item, context):
        return _content(item, context).entries

    @staticmethod
    def resolve_content_count(item, context):
        return _content(item, context).count

    @staticmethod
    def resolve_latest_content_date(item, context):
        return _content(item, context).latest


class CatalogueItemFilters(Schema):
    q: str | None = Field(
        None,
        max_length=KEYWORD_MAX_LENGTH,
        description="Words that must all appear (in the level-1 or level-2 item, the content, "
        "the legal basis, the responsible body or the channels).",
    )
    catalogue: int | None = Field(
        None, ge=1, le=ID_MAX, description="Id of a catalogue (the county's or a village's)."
    )
    domain: str | None = Field(
        None,
        max_length=100,
        description="Id or exact name of a domain, e.g. 12 or 社会救助.",
    )


class CatalogueItems(OpenData):
    kind = "catalogue_item"
    path = "catalogue-items"
    model = CatalogueItem  # the exports' column labels
    Item = StandardCatalogueItem
    Detail = StandardCatalogueItemDetail
    Filters = CatalogueItemFilters
    column_labels = {
        "catalogue_name": pgettext_lazy("export heading", "Catalogue"),
        "catalogue_scope": pgettext_lazy("export heading", "Catalogue level (code)"),
        "catalogue_scope_label": pgettext_lazy("export heading", "Catalogue level"),
        "catalogue_parent_id": pgettext_lazy("export heading", "Parent catalogue ID"),
        "catalogue_agency_id": pgettext_lazy("export heading", "Agency ID"),
        "catalogue_agency_name": pgettext_lazy("export heading", "Agency"),
        "domain_name": pgettext_lazy("export heading", "Domain"),
        "last_changed_at": pgettext_lazy("export heading", "Last changed"),
    }
    keyword_fields = (
        "level1",
        "level2",
        "content",
        "legal_basis",
        "responsible_body",
        "channels",
    )
    item_related = ("catalogue__agency", "domain", "county_item__domain")
    description = (
        "Items of the standard catalogues (标准目录事项) that the standardized-disclosure "
        "topic shows, with every column of the national layout."
    )

    def queryset(self, private_q=None):
        return CatalogueItem.objects.filter(
            shown_catalogues_q(private_q, prefix="catalogue__"), domain__hidden=False
        ).annotate(**topic_annotations(private_q), last_changed_at=F("latest_revision__created_at"))

    def filter_own(self, queryset, values):
        if catalogue := values.pop("catalogue", None):
            shown = Catalogue.objects.filter(shown_catalogues_q(), pk=catalogue)
            if not shown.exists():
                raise ParameterError("catalogue", _("There is no such catalogue."))
            queryset = queryset.filter(catalogue_id=catalogue)
        if domain := (values.pop("domain", None) or "").strip():
            domains = StandardDomain.objects.filter(hidden=False)
            by_id = domain.isdecimal() and int(domain) <= ID_MAX  # no integer overflow
            lookup = {"pk": int(domain)} if by_id else {"name": domain}
            found = domains.filter(**lookup).values_list("pk", flat=True).first()
            if found is None:
                raise ParameterError("domain", _("There is no such domain."))
            queryset = queryset.filter(domain_id=found)
        return super().filter_own(queryset, values)
