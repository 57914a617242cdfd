"""The public search page: keyword, facets with counts, 二次搜索, sort, pages."""

from __future__ import annotations

from dataclasses import replace
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


def _terms(params) -> list[str]:
    """The words to find: those typed now and those of the searches it narrows (二次搜索)."""
    terms = []
    for text in (params["q"], *params["wq"]):
        terms.extend(query_terms(text))
    return list(dict.fromkeys(terms))


def _filters(params, categories) -> dict:
    filters = {
        name: params[name] for name in ("kind", "agency", "year", "validity") if name in params
    }
    if "category" in params:
        path = categories[params["category"]].tree_path
        filters["theme_category"] = [
            c.pk
            for c in categories.values()
            if c.tree_path == path or c.tree_path.startswith(path + ".")
        ]
    return filters


def _facets(counts, params, *, kinds, agencies, categories, validities):
    """(name, heading, choices) of each facet that has something to offer."""
    rolled, shown = _category_counts(
        counts.get("theme_category", {}), categories, params.get("category")
    )
    years = counts.get("year", {})
    facets = [
        ("kind", _("Content type"), _facet_choices("kind", counts.get("kind", {}), kinds, params)),
        (
            "agency",
            _("Issuing agency"),
            _facet_choices("agency", counts.get("agency", {}), agencies, params),
        ),
        (
            "category",
            _("Theme category"),
            _facet_choices(
                "category", rolled, {pk: c.name for pk, c in categories.items()}, params, shown
            ),
        ),
        (
            "year",
            _("Year"),
            _facet_choices(
                "year", years, {y: str(y) for y in years}, params, sorted(years, reverse=True)
            ),
        ),
        (
            "validity",
            _("Validity"),
            _facet_choices("validity", counts.get("validity", {}), validities, params),
        ),
    ]
    return [facet for facet in facets if facet[2]]


def _run(request, query: SearchQuery, params) -> dict:
    """Search, page by page: a page past the end shows the last one (searched again)."""
    per_page = query.limit
    result, degraded = search(query)
    pagination, problems = paginate(
        range(result.total), per_page, request.GET.get("page"), _canonical(params)
    )
    number = pagination["page_obj"].number
    if result.total and (number - 1) * per_page != query.offset:
        result, degraded = search(replace(query, offset=(number - 1) * per_page))
    return {**pagination, "result": result, "degraded": degraded, "page_problems": problems}


@require_safe
def search_view(request):
    if "state" in request.GET:
        if request.GET.get("within"):
            return _within_redirect(request)
        # A new search from the box of a results page: only its words, in a clean address.
        words = request.GET.get("q", "")
        return HttpResponseRedirect("?" + urlencode({"q": words}) if words.strip() else "?")

    locale = _search_locale()
    labels = {
        "kinds": {entry.kind: entry.label for entry in registry if entry.is_page},
        "agencies": dict(Agency.objects.filter(locale=locale).values_list("pk", "name")),
        "categories": {
            c.pk: c for c in ThemeCategory.objects.filter(locale=locale).order_by("tree_path")
        },
        "validities": validity_labels(),
    }
    form = SearchForm(request.GET, **labels)
    params = form.search_params()
    problems = list(form.problems)
    terms = _terms(params)
    filters = _filters(params, labels["categories"])
    searched = bool(terms or filters)
    if any(w.strip() for w in (params["q"], *params["wq"])) and not terms:
        problems.append(_("Enter words or numbers to search for."))
    canonical = _canonical(params)
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
                "?" + urlencode({**canonical, "sort": key}, doseq=True),
                key == params["sort"],
            )
            for key, label in SORTS.items()
        ],
        "clear_filters_url": "?"
        + urlencode(_canonical({"q": params["q"], "wq": params["wq"]}), doseq=True),
        "state": urlencode(canonical, doseq=True),
        "simplified": normalize(params["q"])
        if normalize(params["q"]) != params["q"].lower()
        else "",
    }
    if searched:
        per_page = app_settings.SEARCH_PAGE_SIZE
        number = min(parse_page_number(request.GET.get("page"))[0], MAX_PAGE)
        query = SearchQuery(
            terms=tuple(terms),
            locale_id=locale.pk,
            filters=filters,
            sort=params["sort"],
            offset=(number - 1) * per_page,
            limit=per_page,
        )
        found = _run(request, query, params)
        problems.extend(found.pop("page_problems"))
        facets = _facets(found["result"].facets, params, **labels)
        for hit in found["result"].hits:
            hit.kind_label = labels["kinds"].get(hit.kind, "")
            hit.agency_name = labels["agencies"].get(hit.agency_id, "")
            hit.validity_label = labels["validities"].get(hit.validity, "")
        context.update(
            found,
            hits=found["result"].hits,
            facets=facets,
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
