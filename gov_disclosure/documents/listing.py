"""The document library's filters, sorting and pagination (政策文件库).

Everything the public page shows comes from a fixed number of queries, whatever the page size
or the size of the library: the view restrictions (once, for ``public()``), the count and the
rows of the current page, the agencies and the years that have documents here, and the theme
category tree. Bad filter values never raise: each one is dropped with a message saying so.
"""

from __future__ import annotations

from functools import reduce
from operator import and_, or_

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gov_disclosure.listing import (
    ListingFilterForm,
    download_links,
    keyword_field,
    record_field,
    sort_field,
    year_field,
)
from gov_disclosure.models import Agency, ThemeCategory
from gov_disclosure.pagination import paginate

from .app_settings import app_settings
from .models import DocumentPage, DocumentType, Validity

KEYWORD_MAX_TERMS = 5
KEYWORD_FIELDS = (
    "title",
    "document_number",
    "index_number",
    "registration_number",
    "caption",
)

# Sort keys in the URL → (label, ordering). The primary key breaks ties, so a document never
# shows up on two pages.
SORTS = {
    "newest": (
        _("Publication date, newest first"),
        (F("publication_date").desc(nulls_last=True), F("pk").desc()),
    ),
    "oldest": (
        _("Publication date, oldest first"),
        (F("publication_date").asc(nulls_last=True), F("pk").asc()),
    ),
    "written": (
        _("Date written, newest first"),
        (F("date_written").desc(nulls_last=True), F("pk").desc()),
    ),
    "effective": (
        _("Effective date, newest first"),
        (F("effective_date").desc(nulls_last=True), F("pk").desc()),
    ),
}
DEFAULT_SORT = "newest"


class LibraryFilterForm(ListingFilterForm):
    """The library's filters; choices come from what the library holds."""

    q = keyword_field()
    agency = record_field(_("Issuing agency"), _("There is no such issuing agency here."))
    category = record_field(_("Theme category"), _("There is no such theme category."))
    year = year_field(_("Year"))
    validity = forms.ChoiceField(
        label=_("Validity"),
        required=False,
        choices=[("", _("All"))] + list(Validity.choices),
        error_messages={"invalid_choice": _("There is no such validity.")},
    )
    type = forms.ChoiceField(
        label=_("Document type"),
        required=False,
        choices=[("", _("All"))] + list(DocumentType.choices),
        error_messages={"invalid_choice": _("There is no such document type.")},
    )
    sort = sort_field(SORTS)

    def __init__(self, data, *, agencies, categories, years):
        super().__init__(data)
        self.categories = {category.pk: category for category in categories}
        self.fields["agency"].choices = [("", _("All"))] + [
            (agency.pk, agency.name) for agency in agencies
        ]
        self.fields["category"].choices = [("", _("All"))] + [
            (category.pk, category.tree_label()) for category in categories
        ]
        self.set_year_choices("year", years)


def public_documents(page):
    """The library's public documents: live, not restricted, proactively disclosed."""
    return DocumentPage.objects.public_disclosures().descendant_of(page)


def keyword_q(keyword: str) -> Q:
    """Every term must appear in one of the searchable fields."""
    terms = keyword.split()[:KEYWORD_MAX_TERMS]
    return reduce(
        and_,
        (
            reduce(or_, (Q(**{f"{field}__icontains": term}) for field in KEYWORD_FIELDS))
            for term in terms
        ),
        Q(),
    )


def filter_documents(documents, filters, categories):
    if keyword := filters.get("q"):
        documents = documents.filter(keyword_q(keyword))
    if agency := filters.get("agency"):
        documents = documents.filter(agency_id=agency)
    if category_id := filters.get("category"):
        # A category includes its subcategories.
        path = categories[category_id].tree_path
        documents = documents.filter(
            Q(theme_category__tree_path=path) | Q(theme_category__tree_path__startswith=path + ".")
        )
    if year := filters.get("year"):
        documents = documents.filter(publication_date__year=year)
    if validity := filters.get("validity"):
        documents = documents.filter(validity=validity)
    if document_type := filters.get("type"):
        documents = documents.filter(document_type=document_type)
    return documents


def library_context(page, request):
    """Context for the document library page: the filter form, the results, the pager."""
    documents = public_documents(page)
    agencies = list(
        Agency.objects.filter(pk__in=documents.order_by().values("agency_id")).order_by(
            "sort_order", "name"
        )
    )
    categories = list(ThemeCategory.objects.filter(locale_id=page.locale_id).in_tree_order())
    years = [d.year for d in documents.order_by().dates("publication_date", "year", order="DESC")]

    form = LibraryFilterForm(request.GET, agencies=agencies, categories=categories, years=years)
    filters = form.filters()
    problems = form.problems()
    sort = filters.get("sort", DEFAULT_SORT)

    results = (
        filter_documents(documents, filters, form.categories)
        .select_related("agency", "theme_category")
        .defer_streamfields()
        .order_by(*SORTS[sort][1])
    )
    query = {
        name: value for name, value in filters.items() if name != "sort" or value != DEFAULT_SORT
    }
    pages, page_problems = paginate(
        results, app_settings.LIBRARY_PAGE_SIZE, request.GET.get("page"), query
    )
    problems.extend(page_problems)
    active = [name for name in filters if name not in ("q", "sort")]
    downloads = download_links(
        "documents",
        {**{name: value for name, value in filters.items() if name != "sort"}, "section": page.pk},
    )
    return {
        "downloads": downloads,
        "filter_form": form,
        "filters": filters,
        "filter_problems": problems,
        "filters_open": bool(active) or bool(problems),
        "years": years,
        "documents": pages["page_obj"].object_list,
        **pages,
        "reset_url": "?",
        "is_filtered": bool(query),
    }
