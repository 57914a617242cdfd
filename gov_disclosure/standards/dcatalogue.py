"""The disclosure catalogue (政府信息公开目录): every proactively disclosed page of a site.

All registered page kinds are listed together, newest first. Each kind's public pages
(``entry.public_queryset``: live, not restricted, proactively disclosed) become rows of the same
shape, and one UNION of them is counted and sliced per page, so the number of queries does not
depend on the number of pages, nor even on the number of kinds:

1. the view restrictions (``private_q``), once for every kind;
2. the theme category tree of the page's language;
3. the counts per kind, category, agency and year (a UNION of one aggregate per kind);
4. the agencies named in those counts;
5. the number of rows matching the filters, and 6. the rows of the current page.

Bad filter values never raise: each is dropped, with the form's message shown above the results.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import and_, or_
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Count, F, Q, Value
from django.db.models.functions import ExtractYear, TruncDate
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from gov_disclosure.listing import ListingFilterForm, keyword_field, record_field, year_field
from gov_disclosure.models import Agency, ThemeCategory, hidden_sections_q
from gov_disclosure.pagination import paginate
from gov_disclosure.registry import registry

from .app_settings import app_settings

KEYWORD_MAX_TERMS = 5

# Columns every kind's rows share (the UNION needs the same columns in the same order).
ROW_COLUMNS = (
    "dcat_id",
    "dcat_title",
    "dcat_url_path",
    "dcat_kind",
    "dcat_date",
    "dcat_number",
    "dcat_agency",
    "dcat_category",
)


def catalogue_kinds():
    """The registered kinds the catalogue lists: every page type in the registry."""
    return [entry for entry in registry if entry.is_page]


def number_field(entry):
    """The name of the kind's document number field (registry option ``number_field``)."""
    return entry.options.get("number_field") or None


def _has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def _date_name(entry):
    return entry.date_field or "first_published_at"


def _date_expression(entry):
    name = _date_name(entry)
    if isinstance(entry.model._meta.get_field(name), models.DateTimeField):
        return TruncDate(name)
    return F(name)


def _fk_expression(entry, name, target):
    if _has_field(entry.model, name):
        return F(f"{name}__{target}")
    if target == "id":
        return Value(None, output_field=models.BigIntegerField())
    return Value("", output_field=models.CharField())


@dataclass(frozen=True)
class Scope:
    """Where the catalogue looks: the pages of one site in one language."""

    root_path: str
    locale_id: int
    private_q: Q


def site_scope(page, request):
    """The site ``page`` belongs to (its root path), its language and the view restrictions."""
    parts = page.get_url_parts(request)
    root_path = "/"
    if parts:
        for root in Site.get_site_root_paths():
            if root.site_id == parts[0] and page.url_path.startswith(root.root_path):
                root_path = root.root_path
                break
    return Scope(root_path, page.locale_id, hidden_sections_q())


def public_pages(entry, scope):
    """The kind's public pages in the scope, unordered."""
    return (
        entry.public_queryset(scope.private_q)
        .filter(url_path__startswith=scope.root_path, locale_id=scope.locale_id)
        .order_by()
    )


def _union(querysets):
    querysets = list(querysets)
    if not querysets:
        return None
    first, *others = querysets
    return first.union(*others, all=True) if others else first


# Counts


@dataclass
class Counts:
    """How many public pages there are per kind, category, agency and year."""

    total: int
    kinds: Counter
    categories: Counter  # own pages of each category, without subcategories
    agencies: Counter
    years: Counter
    uncategorised: int


def count_pages(kinds, scope) -> Counts:
    rows = _union(
        public_pages(entry, scope)
        .values(
            dcat_kind=Value(entry.kind, output_field=models.CharField()),
            dcat_category=_fk_expression(entry, "theme_category", "id"),
            dcat_agency=_fk_expression(entry, "agency", "id"),
            dcat_year=ExtractYear(_date_name(entry)),
        )
        .annotate(dcat_count=Count("pk"))
        for entry in kinds
    )
    counts = Counts(0, Counter(), Counter(), Counter(), Counter(), 0)
    for row in rows if rows is not None else ():
        number = row["dcat_count"]
        counts.total += number
        counts.kinds[row["dcat_kind"]] += number
        if row["dcat_category"] is None:
            counts.uncategorised += number
        else:
            counts.categories[row["dcat_category"]] += number
        if row["dcat_agency"] is not None:
            counts.agencies[row["dcat_agency"]] += number
        if row["dcat_year"] is not None:
            counts.years[row["dcat_year"]] += number
    return counts


@dataclass(frozen=True)
class CategoryGroup:
    category: ThemeCategory
    count: int  # with the subcategories

    @property
    def depth(self):
        return self.category.depth


def category_groups(categories, own_counts):
    """The categories with pages (in them or below them), in tree order, with their totals."""
    totals = Counter()
    by_path = {category.tree_path: category for category in categories}
    for category in categories:
        number = own_counts.get(category.pk, 0)
        if not number:
            continue
        # The category and each of its ancestors (tree paths are dotted prefixes).
        segments = category.tree_path.split(".")
        for end in range(1, len(segments) + 1):
            ancestor = by_path.get(".".join(segments[:end]))
            if ancestor is not None:
                totals[ancestor.pk] += number
    return [CategoryGroup(c, totals[c.pk]) for c in categories if totals[c.pk]]


def subcategory_ids(categories, category):
    """The category's id and the ids of every category below it."""
    prefix = category.tree_path + "."
    return [c.pk for c in categories if c.pk == category.pk or c.tree_path.startswith(prefix)]


# Filters


class CatalogueFilterForm(ListingFilterForm):
    """The catalogue's filters (bound to ``request.GET``); choices come from what it holds."""

    q = keyword_field()
    category = record_field(_("Theme category"), _("There is no such theme category."))
    agency = record_field(_("Issuing agency"), _("There is no such issuing agency here."))
    kind = forms.ChoiceField(
        label=_("Type of information"),
        required=False,
        error_messages={"invalid_choice": _("There is no such type of information.")},
    )
    year = year_field(_("Year"))

    def __init__(self, data, *, kinds, agencies, categories, years):
        super().__init__(data)
        self.categories = {category.pk: category for category in categories}
        self.fields["category"].choices = [("", _("All"))] + [
            (category.pk, category.tree_label()) for category in categories
        ]
        self.fields["agency"].choices = [("", _("All"))] + [
            (agency.pk, agency.name) for agency in agencies
        ]
        self.fields["kind"].choices = [("", _("All"))] + [
            (entry.kind, entry.label) for entry in kinds
        ]
        self.set_year_choices("year", years)


def keyword_q(entry, keyword):
    """Every term must appear in the title or, for kinds that have one, the document number."""
    fields = ["title"] + ([number_field(entry)] if number_field(entry) else [])
    terms = keyword.split()[:KEYWORD_MAX_TERMS]
    return reduce(
        and_,
        (reduce(or_, (Q(**{f"{name}__icontains": term}) for name in fields)) for term in terms),
        Q(),
    )


def filter_pages(entry, queryset, filters, category_ids):
    if keyword := filters.get("q"):
        queryset = queryset.filter(keyword_q(entry, keyword))
    if category_ids is not None:
        if not _has_field(entry.model, "theme_category"):
            return queryset.none()
        queryset = queryset.filter(theme_category_id__in=category_ids)
    if agency := filters.get("agency"):
        if not _has_field(entry.model, "agency"):
            return queryset.none()
        queryset = queryset.filter(agency_id=agency)
    if year := filters.get("year"):
        queryset = queryset.filter(**{f"{_date_name(entry)}__year": year})
    return queryset


def _rows(entry, queryset):
    number = number_field(entry)
    return queryset.values(
        dcat_id=F("pk"),
        dcat_title=F("title"),
        dcat_url_path=F("url_path"),
        dcat_kind=Value(entry.kind, output_field=models.CharField()),
        dcat_date=_date_expression(entry),
        dcat_number=F(number) if number else Value("", output_field=models.CharField()),
        dcat_agency=_fk_expression(entry, "agency", "id"),
        dcat_category=_fk_expression(entry, "theme_category", "id"),
    )


@dataclass(frozen=True)
class CatalogueRow:
    """One line of the catalogue."""

    kind: str
    kind_label: str
    title: str
    url: str
    number: str
    agency: Agency | None
    category: ThemeCategory | None
    date: datetime.date | None


def group_url(**params):
    """The address of one group alone (``page_url`` would drop an id of 1, as a page number)."""
    return "?" + urlencode(params)


def _row_url(row, request):
    page = Page(id=row["dcat_id"], url_path=row["dcat_url_path"])
    return page.get_url(request=request) or ""


# The page


def catalogue_context(page, request):
    """Context of the catalogue page: the groups, the filter form, the rows and the pager."""
    kinds = catalogue_kinds()
    labels = {entry.kind: entry.label for entry in kinds}
    scope = site_scope(page, request)
    categories = list(ThemeCategory.objects.filter(locale_id=page.locale_id).in_tree_order())
    counts = count_pages(kinds, scope)
    agencies = list(
        Agency.objects.filter(pk__in=list(counts.agencies)).order_by("sort_order", "name")
    )
    years = sorted(counts.years, reverse=True)

    form = CatalogueFilterForm(
        request.GET, kinds=kinds, agencies=agencies, categories=categories, years=years
    )
    filters = form.filters()
    problems = form.problems()

    category_ids = None
    if category_id := filters.get("category"):
        category_ids = subcategory_ids(categories, form.categories[category_id])
    listed = [e for e in kinds if not filters.get("kind") or e.kind == filters["kind"]]
    rows = _union(
        _rows(entry, filter_pages(entry, public_pages(entry, scope), filters, category_ids))
        for entry in listed
    )
    if rows is None:
        rows = Page.objects.none()
    else:
        rows = rows.order_by(F("dcat_date").desc(nulls_last=True), F("dcat_id").desc())

    query = dict(filters)
    pages, page_problems = paginate(
        rows, app_settings.DISCLOSURE_CATALOGUE_PAGE_SIZE, request.GET.get("page"), query
    )
    problems.extend(page_problems)

    agencies_by_pk = {agency.pk: agency for agency in agencies}
    results = [
        CatalogueRow(
            kind=row["dcat_kind"],
            kind_label=labels.get(row["dcat_kind"], ""),
            title=row["dcat_title"],
            url=_row_url(row, request),
            number=row["dcat_number"] or "",
            agency=agencies_by_pk.get(row["dcat_agency"]),
            category=form.categories.get(row["dcat_category"]),
            date=row["dcat_date"],
        )
        for row in pages["page_obj"].object_list
    ]

    selected_category = filters.get("category")
    selected_agency = filters.get("agency")
    selected_kind = filters.get("kind")
    return {
        "filter_form": form,
        "filters": filters,
        "filter_problems": problems,
        "filters_open": any(name != "q" for name in filters) or bool(problems),
        "results": results,
        **pages,
        "is_filtered": bool(query),
        "total_count": counts.total,
        "uncategorised_count": counts.uncategorised,
        "category_groups": [
            (group, group_url(category=group.category.pk), group.category.pk == selected_category)
            for group in category_groups(categories, counts.categories)
        ],
        "agency_groups": [
            (
                agency,
                counts.agencies[agency.pk],
                group_url(agency=agency.pk),
                agency.pk == selected_agency,
            )
            for agency in agencies
        ],
        "kind_groups": [
            (
                entry,
                counts.kinds[entry.kind],
                group_url(kind=entry.kind),
                entry.kind == selected_kind,
            )
            for entry in kinds
            if counts.kinds[entry.kind]
        ],
    }
