"""The search page's parameters: a bad value drops that part of the search, never the page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.listing import KEYWORD_MAX_LENGTH, YEAR_RANGE

WITHIN_MAX = 5  # earlier searches kept by 二次搜索
SORTS = {"relevance": _("Relevance"), "date": _("Newest first")}


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search for"),
        required=False,
        widget=forms.SearchInput(
            attrs={"enterkeyhint": "search", "autocomplete": "off", "maxlength": KEYWORD_MAX_LENGTH}
        ),
    )
    kind = forms.CharField(required=False)
    agency = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    category = forms.IntegerField(required=False, min_value=1, max_value=2**31 - 1)
    year = forms.IntegerField(required=False, min_value=YEAR_RANGE[0], max_value=YEAR_RANGE[1])
    validity = forms.CharField(required=False, max_length=20)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=list(SORTS.items()))

    def __init__(self, data, *, kinds, agencies, categories, validities):
        super().__init__(data)
        self.kinds, self.agencies = kinds, agencies
        self.categories, self.validities = categories, validities
        self.problems = []

    @staticmethod
    def _clean_words(value: str) -> str:
        return " ".join((value or "").split())

    def _keyword(self, value: str) -> str:
        value = self._clean_words(value)
        if len(value) > KEYWORD_MAX_LENGTH:
            self.problems.append(
                _("The search words are too long; the first %(limit)d characters are used.")
                % {"limit": KEYWORD_MAX_LENGTH}
            )
            value = value[:KEYWORD_MAX_LENGTH]
        return value

    def search_params(self) -> dict:
        """The valid parameters: ``q``, ``wq`` (list), the facets and ``sort``."""
        self.is_valid()
        data = self.data
        params = {"q": self._keyword(data.get("q", ""))}
        within = [self._keyword(v) for v in data.getlist("wq")] if hasattr(data, "getlist") else []
        within = [w for w in dict.fromkeys(within) if w and w != params["q"]]
        if len(within) > WITHIN_MAX:
            self.problems.append(
                _("Only the last %(count)d searches within the results are kept.")
                % {"count": WITHIN_MAX}
            )
            within = within[-WITHIN_MAX:]
        params["wq"] = within
        checks = {
            "kind": lambda v: v in self.kinds,
            "agency": lambda v: v in self.agencies,
            "category": lambda v: v in self.categories,
            "year": lambda v: True,
            "validity": lambda v: v in self.validities,
        }
        dropped = False
        for name, check in checks.items():
            raw = data.get(name, "")
            if raw in ("", None):
                continue
            value = self.cleaned_data.get(name) if name not in self.errors else None
            if value in (None, "") or not check(value):
                dropped = True
                continue
            params[name] = value
        if dropped:
            self.problems.append(_("A filter in the address was not valid and has been left out."))
        sort = data.get("sort", "")
        params["sort"] = sort if sort in SORTS else "relevance"
        if sort and sort not in SORTS:
            self.problems.append(_("This sort order is not available; results are by relevance."))
        return params
