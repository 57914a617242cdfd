"""How a domain app describes its content as open data (可机读): the API, exports and feeds.

A domain app writes one :class:`OpenData` subclass per registered kind, in its own
``opendata.py``, and names it when it registers the kind::

    registry.register(DocumentPage, kind="document", ..., open_data="….opendata.Documents")

The API app (``gov_disclosure.api``) reads the registry and serves every kind that has one, so
it never imports a domain app. Field names of the schemas are the stable, documented names of
the open data; renaming one is a breaking change.

The schemas are django-ninja ``Schema`` classes (pydantic models read from the ORM objects).
Their descriptions document the OpenAPI description and are in English, as API references are;
what a citizen reads (error messages, export headers) is translated.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from typing import Any, ClassVar

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema

from .listing import KEYWORD_MAX_LENGTH, YEAR_RANGE

KEYWORD_MAX_TERMS = 5
#: The largest id a database column holds (a larger number in an address is a 400, not a 500).
ID_MAX = 2**63 - 1


@dataclass(frozen=True)
class FeedEvent:
    """One entry of a kind's events feed (a document repealed on a date…)."""

    title: str
    link: str
    date: datetime.date | datetime.datetime
    description: str = ""
    unique_id: str = ""


class ParameterError(Exception):
    """A query parameter whose value is well-formed but names nothing (an unknown agency…)."""

    def __init__(self, parameter: str, message):
        super().__init__(parameter, message)
        self.parameter = parameter
        self.message = message


# References to records, as they appear inside the items.


class AgencyRef(Schema):
    id: int
    name: str = Field(description="Name of the issuing agency (发布机构).")
    credit_code: str = Field(description="Unified social credit code; empty when not recorded.")


class CategoryRef(Schema):
    id: int
    name: str = Field(description="Name of the theme category (主题分类).")
    code: str = Field(description="Code in the agency's classification scheme; may be empty.")
    parent_id: int | None = Field(description="The parent category, null at the top level.")


class PageRef(Schema):
    id: int
    title: str
    url: str | None = Field(description="Public address of the page.")

    @staticmethod
    def resolve_url(page, context):
        return public_url(page, context)


class Choice(Schema):
    """A coded value with its label in the language of the request."""

    code: str
    label: str


def choice(value, choices_class) -> dict | None:
    if not value:
        return None
    try:
        return {"code": value, "label": str(choices_class(value).label)}
    except ValueError:  # a value that is no longer among the choices
        return {"code": value, "label": value}


def public_reference(context, model, page):
    """``page`` (a ``model`` another item points at) when the public may see it, else ``None``.

    The API looks the references of a whole response up before serializing it
    (:meth:`OpenData.public_references`, one query per model), so a hidden page is never named.
    """
    if page is None:
        return None
    public = (context or {}).get("public_references", {}).get(model, ())
    return page if page.pk in public else None


def public_url(page, context) -> str | None:
    """The page's full public address (the site's root paths are cached per request)."""
    request = (context or {}).get("request")
    return page.get_full_url(request=request)


class PageItem(Schema):
    """Fields every page kind has."""

    id: int = Field(description="Stable identifier (the page's id).")
    title: str
    url: str | None = Field(description="Public address of the page.")
    language: str = Field(description="Language code of the page, e.g. zh-hans.")
    last_published_at: datetime.datetime | None = Field(
        description="When the page was last published; changes whenever its content does."
    )

    @staticmethod
    def resolve_url(page, context):
        return public_url(page, context)

    @staticmethod
    def resolve_language(page):
        return page.locale.language_code


class DisclosureItem(PageItem):
    """Fields every gov_disclosure page kind has."""

    agency: AgencyRef | None = Field(description="The issuing agency.")
    theme_category: CategoryRef | None = Field(description="The theme category.")
    publication_date: datetime.date | None = Field(description="Date of publication (发布日期).")


# Query parameters.


class PageFilters(Schema):
    """Filters every page kind accepts (the public listings' filters)."""

    q: str | None = Field(
        None,
        max_length=KEYWORD_MAX_LENGTH,
        description="Words that must all appear (in the title or the kind's keyword fields).",
    )
    agency: int | None = Field(None, ge=1, le=ID_MAX, description="Id of an issuing agency.")
    category: int | None = Field(
        None,
        ge=1,
        le=ID_MAX,
        description="Id of a theme category; its subcategories are included.",
    )
    year: int | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="Year of the kind's date (publication date, meeting date…).",
    )
    published_since: datetime.datetime | None = Field(
        None,
        description="Only pages published (or published again) at or after this moment, "
        "ISO 8601, e.g. 2026-01-01T00:00:00+08:00: poll with the time of the last poll.",
    )
    language: str | None = Field(
        None, max_length=20, description="Language code, e.g. zh-hans; default: all languages."
    )
    section: int | None = Field(
        None,
        ge=1,
        le=ID_MAX,
        description="Id of a page (a document library, a project index…): only the items "
        "below it, as its listing shows them.",
    )


class OpenData:
    """One kind's open data. Subclasses set the class attributes and may extend the methods."""

    #: The registry kind (``"document"``) and the path under the API (``"documents"``).
    kind: ClassVar[str]
    path: ClassVar[str]
    #: What a listing and an export show of each item, and what the detail adds.
    Item: ClassVar[type[Schema]]
    Detail: ClassVar[type[Schema]]
    Filters: ClassVar[type[Schema]] = PageFilters
    #: Model fields the ``q`` words are looked for in, besides the title.
    keyword_fields: ClassVar[tuple[str, ...]] = ()
    #: ``select_related`` / ``prefetch_related`` for the item and for the detail.
    item_related: ClassVar[tuple[str, ...]] = ("agency", "theme_category", "locale")
    item_prefetch: ClassVar[tuple[str, ...]] = ()
    detail_prefetch: ClassVar[tuple[str, ...]] = ()
    #: One-line description for the OpenAPI description.
    description: ClassVar[str] = ""
    #: Headings of the XLSX export's columns that are not model fields (computed values,
    #: flattened records), by column name (``"stages_done"``, ``"project_type_name"``); the
    #: other columns are headed by the model field's verbose name.
    column_labels: ClassVar[dict[str, Any]] = {}

    #: The field lists are ordered by (newest first, undated last), then by id; set from the
    #: registry for a registered kind, by the subclass otherwise (``None``: by id only).
    date_field: ClassVar[str | None] = None

    def __init__(self, entry=None):
        self.entry = entry  # the registry's ContentType; None for records that are not pages
        if entry is not None:
            self.date_field = entry.date_field

    def queryset(self, private_q=None):
        """The public rows, unordered (the API orders them). A subclass for records that are
        not a registered kind of page must override this."""
        queryset = self.entry.public_queryset(private_q=private_q)
        if self.entry.is_page:
            queryset = queryset.filter(alias_of__isnull=True)  # an alias repeats its original
        return queryset

    def items(self, queryset):
        """``queryset`` with what :attr:`Item` reads, in a fixed number of queries."""
        if hasattr(queryset, "defer_streamfields"):
            queryset = queryset.defer_streamfields()
        return queryset.select_related(*self.item_related).prefetch_related(*self.item_prefetch)

    def details(self, queryset):
        return queryset.select_related(*self.item_related).prefetch_related(
            *self.item_prefetch, *self.detail_prefetch
        )

    #: The title of the kind's events feed, when :meth:`events` is implemented.
    events_label: ClassVar[Any] = None

    def events(self, queryset, request, limit: int) -> list[FeedEvent]:
        """The newest events of the public rows in ``queryset``, newest first (feeds)."""
        raise NotImplementedError

    def feed_description(self, row) -> str:
        """The line under an item's title in the feeds."""
        parts = (getattr(row, name, "") for name in ("document_number", "caption", "summary"))
        return " ".join(str(part) for part in parts if part)

    def references(self, rows) -> dict[type, set[int]]:
        """Ids of the pages, by model, that ``rows`` point at and the schemas name."""
        return {}

    def public_references(self, rows, private_q=None) -> dict[type, set[int]]:
        found = {}
        for model, ids in self.references(rows).items():
            ids = {pk for pk in ids if pk}
            found[model] = (
                set(
                    model.objects.public_disclosures(private_q=private_q)
                    .filter(pk__in=ids)
                    .values_list("pk", flat=True)
                )
                if ids
                else set()
            )
        return found

    def filter(self, queryset, filters):
        """Apply the :attr:`Filters` values (a validated schema instance)."""
        values = filters.dict(exclude_none=True)
        if keyword := " ".join((values.pop("q", "") or "").split()):
            queryset = queryset.filter(self.keyword_q(keyword))
        if agency := values.pop("agency", None):
            from .models import Agency

            if not Agency.objects.filter(pk=agency).exists():
                raise ParameterError("agency", _("There is no such issuing agency."))
            queryset = queryset.filter(agency_id=agency)
        if category := values.pop("category", None):
            from .models import ThemeCategory

            path = ThemeCategory.objects.filter(pk=category).values_list("tree_path", flat=True)
            path = path.first()
            if path is None:
                raise ParameterError("category", _("There is no such theme category."))
            queryset = queryset.filter(
                Q(theme_category__tree_path=path)
                | Q(theme_category__tree_path__startswith=path + ".")
            )
        if (year := values.pop("year", None)) and self.date_field:
            queryset = queryset.filter(**{f"{self.date_field}__year": year})
        if since := values.pop("published_since", None):
            queryset = queryset.filter(last_published_at__gte=since)
        if language := values.pop("language", None):
            queryset = queryset.filter(locale__language_code__iexact=language)
        if section := values.pop("section", None):
            from wagtail.models import Page

            path = Page.objects.filter(pk=section).values_list("path", flat=True).first()
            if path is None:
                raise ParameterError("section", _("There is no such page."))
            queryset = queryset.filter(path__startswith=path).exclude(pk=section)
        return self.filter_own(queryset, values)

    def filter_own(self, queryset, values: dict[str, Any]):
        """The kind's own filters (``values`` holds what the common ones left)."""
        return queryset.filter(**values) if values else queryset

    def keyword_q(self, keyword: str) -> Q:
        is_page = self.entry is not None and self.entry.is_page
        fields = (("title",) if is_page else ()) + tuple(self.keyword_fields)
        terms = keyword.split()[:KEYWORD_MAX_TERMS]
        return reduce(
            and_,
            (
                reduce(or_, (Q(**{f"{field}__icontains": term}) for field in fields))
                for term in terms
            ),
            Q(),
        )
