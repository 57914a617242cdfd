"""The public search page: keyword, facets with counts, 二次搜索, sort, pages."""

from __future__ import annotations

from urllib.parse import urlencode

from django.core.exceptions import FieldDoesNotExist
from django.http import HttpResponseRedirect, QueryDict
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from gov_disclosure.models import Agency, ThemeCategory
from gov_disclosure.pagination import paginate, parse_page_number
from gov_disclosure.registry import registry

from .app_settings import app_settings
from .backends.base import SearchQuery
from .forms import SORTS, SearchForm
from .models import SearchEntry
from .segmentation import normalize, query_terms
from .service import search

FACET_PARAMS = ("kind", "agency", "category", "year", "validity")
MAX_PAGE = 10_000


def validity_labels() -> dict:
    """The validity values of the registered types that have one, with their labels."""
    labels = {}
    for entry in registry:
        try:
            field = entry.model._meta.get_field("validity")
        except FieldDoesNotExist:
            continue
        labels.update(dict(field.choices or []))
    return labels


def _canonical(params: dict) -> dict:
    """The address's parameters in a fixed order, without empty values."""
    out = {}
    for name in ("q", "wq", *FACET_PARAMS, "sort"):
        value = params.get(name)
        if value in (None, "", []) or (name == "sort" and value == "relevance"):
            continue
        out[name] = value
    return out


def _within_redirect(request):
    """The search box's "search within these results" → the address of the narrower search."""
    state = QueryDict(request.GET.get("state", "")[:4000])
    params = {name: state.get(name) for name in (*FACET_PARAMS, "sort")}
    previous = [*state.getlist("wq"), state.get("q", "")]
    params["wq"] = [w for w in previous if w.strip()]
    params["q"] = request.GET.get("q", "")
    return HttpResponseRedirect("?" + urlencode(_canonical(params), doseq=True))


class FacetChoice:
    def __init__(self, value, label, count, url, selected):
        self.value, self.label, self.count = value, label, count
        self.url, self.selected = url, selected


def _facet_choices(name, counts, labels, params, order=None):
    query = _canonical(params)
    query.pop("page", None)
    values = order if order is not None else sorted(counts, key=lambda v: (-counts[v], str(v)))
    choices = []
    selected = params.get(name)
    for value in values:
        if value not in counts or value not in labels:
            continue
        is_selected = value == selected
        target = {**query}
        if is_selected:
            target.pop(name, None)
        else:
            target[name] = value
        url = "?" + urlencode(target, doseq=True)
        choices.append(FacetChoice(value, labels[value], counts[value], url, is_selected))
    return choices


def _category_counts(counts: dict, categories: dict, selected) -> tuple[dict, list]:
    """Counts rolled up the category tree, for the level below the chosen category."""
    rolled: dict[int, int] = {}
    by_path = {category.tree_path: category for category in categories.values()}
    for category_id, count in counts.items():
        category = categories.get(category_id)
        if category is None:
            continue
        parts = category.tree_path.split(".")
        for depth in range(1, len(parts) + 1):
            ancestor = by_path.get(".".join(parts[:depth]))
            if ancestor is not None:
                rolled[ancestor.pk] = rolled.get(ancestor.pk, 0) + count
    if selected:
        chosen = categories[selected]
        shown = [chosen.pk] + [
            c.pk for c in categories.values() if c.parent_id == chosen.pk and c.pk in rolled
        ]
    else:
        shown = [c.pk for c in categories.values() if c.parent_id is None and c.pk in rolled]
    return rolled, shown


def _search_locale():
    """The language of the page; the main language while nothing is translated into it (its
    pages are then shown in the main language too)."""
    locale = Locale.get_active()
    if not SearchEntry.objects.filter(locale=locale).exists():
        return Locale.get_default()
    return locale


@require_safe
def search_view(request):
    if "state" in request.GET:
        if request.GET.get("within"):
            return _within_redirect(request)
        # A new search from the box of a results page: only its words, in a clean address.
        words = request.GET.get("q", "")
        return HttpResponseRedirect("?" + urlencode({"q": words}) if words.strip() else "?")

    locale = _search_locale()
    categories = {
        c.pk: c for c in ThemeCategory.objects.filter(locale=locale).order_by("tree_path")
    }
    agencies = dict(Agency.objects.filter(locale=locale).values_list("pk", "name"))
    kinds = {entry.kind: entry.label for entry in registry if entry.is_page}
    validities = validity_labels()
    form = SearchForm(
        request.GET, kinds=kinds, agencies=agencies, categories=categories, validities=validities
    )
    params = form.search_params()
    problems = list(form.problems)

    words = [params["q"], *params["wq"]]
    terms = []
    for text in words:
        terms.extend(query_terms(text))
    terms = list(dict.fromkeys(terms))
    filters = {}
    for name in ("kind", "agency", "year", "validity"):
        if name in params:
            filters[name] = params[name]
    if "category" in params:
        path = categories[params["category"]].tree_path
        filters["theme_category"] = [
            c.pk
            for c in categories.values()
            if c.tree_path == path or c.tree_path.startswith(path + ".")
        ]

    searched = bool(terms or filters)
    if any(w.strip() for w in words) and not terms:
        problems.append(_("Enter words or numbers to search for."))
    context = {
        "form": form,
        "params": params,
        "query": params["q"],
        "within": params["wq"],
        "terms": terms,
        "searched": searched,
        "filter_problems": problems,
        "sorts": [
            (
                key,
                label,
                "?" + urlencode({**_canonical(params), "sort": key}, doseq=True),
                key == params["sort"],
            )
            for key, label in SORTS.items()
        ],
        "clear_filters_url": "?"
        + urlencode(_canonical({"q": params["q"], "wq": params["wq"]}), doseq=True),
        "state": urlencode(_canonical(params), doseq=True),
        "simplified": "",
    }
    if normalize(params["q"]) != params["q"].lower() and params["q"]:
        context["simplified"] = normalize(params["q"])

    if searched:
        per_page = app_settings.SEARCH_PAGE_SIZE
        number, _bad = parse_page_number(request.GET.get("page"))
        number = min(number, MAX_PAGE)
        query = SearchQuery(
            terms=tuple(terms),
            locale_id=locale.pk,
            filters=filters,
            sort=params["sort"],
            offset=(number - 1) * per_page,
            limit=per_page,
        )
        result, degraded = search(query)
        link_query = _canonical(params)
        pagination, page_problems = paginate(
            range(result.total), per_page, request.GET.get("page"), link_query
        )
        problems.extend(page_problems)
        if result.total and pagination["page_obj"].number != number:
            query = SearchQuery(
                **{**query.__dict__, "offset": (pagination["page_obj"].number - 1) * per_page}
            )
            result, degraded = search(query)
        rolled, shown = _category_counts(
            result.facets.get("theme_category", {}), categories, params.get("category")
        )
        facet_params = {**params}
        facets = [
            (
                "kind",
                _("Content type"),
                _facet_choices("kind", result.facets.get("kind", {}), kinds, facet_params),
            ),
            (
                "agency",
                _("Issuing agency"),
                _facet_choices("agency", result.facets.get("agency", {}), agencies, facet_params),
            ),
            (
                "category",
                _("Theme category"),
                _facet_choices(
                    "category",
                    rolled,
                    {pk: c.name for pk, c in categories.items()},
                    facet_params,
                    order=shown,
                ),
            ),
            (
                "year",
                _("Year"),
                _facet_choices(
                    "year",
                    result.facets.get("year", {}),
                    {y: str(y) for y in result.facets.get("year", {})},
                    facet_params,
                    order=sorted(result.facets.get("year", {}), reverse=True),
                ),
            ),
            (
                "validity",
                _("Validity"),
                _facet_choices(
                    "validity", result.facets.get("validity", {}), validities, facet_params
                ),
            ),
        ]
        hits = result.hits
        for hit in hits:
            hit.kind_label = kinds.get(hit.kind, "")
            hit.agency_name = agencies.get(hit.agency_id, "")
            hit.validity_label = validities.get(hit.validity, "")
        context.update(
            pagination,
            result=result,
            hits=hits,
            degraded=degraded,
            facets=[f for f in facets if f[2]],
            filter_problems=problems,
            active_filters=[
                (label, choice)
                for _name, label, choices in facets
                for choice in choices
                if choice.selected
            ],
        )
    response = TemplateResponse(request, "gov_disclosure_search/search.html", context)
    if searched:
        response["X-Robots-Tag"] = "noindex"
    return response
