"""Filter forms of the public listings: a bad value drops that filter, not the page.

Shared by the listing pages of every domain app (document library, project index, meeting and
solicitation indexes), so that all of them answer bad input in the address the same way.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

KEYWORD_MAX_LENGTH = 100
YEAR_RANGE = (1949, 2100)
YEAR_ERRORS = {
    "invalid": _("The year must be a number such as 2024."),
    "min_value": _("The year must be a number such as 2024."),
    "max_value": _("The year must be a number such as 2024."),
}


def year_field(label):
    """A year chosen from a list, that also accepts any sensible year typed in the address."""
    return forms.IntegerField(
        label=label,
        required=False,
        widget=forms.Select,
        min_value=YEAR_RANGE[0],
        max_value=YEAR_RANGE[1],
        error_messages=YEAR_ERRORS,
    )


def keyword_field():
    """The search box of a listing (``q``); runs of spaces are made one by the form."""
    return forms.CharField(
        label=_("Keyword"),
        required=False,
        max_length=KEYWORD_MAX_LENGTH,
        widget=forms.SearchInput(attrs={"enterkeyhint": "search", "autocomplete": "off"}),
        error_messages={
            "max_length": _("The keyword is too long (at most %(limit_value)d characters).")
        },
    )


def record_field(label, invalid_message):
    """A record (an agency, a theme category…) chosen by its id; the form sets the choices."""
    return forms.TypedChoiceField(
        label=label,
        required=False,
        coerce=int,
        empty_value=None,
        error_messages={"invalid_choice": invalid_message},
    )


def sort_field(sorts):
    """The sort order, from ``{key: (label, ordering)}``."""
    return forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(key, label) for key, (label, _ordering) in sorts.items()],
        error_messages={"invalid_choice": _("This sort order is not available.")},
    )


class ListingFilterForm(forms.Form):
    """Base of the listings' filter forms (bound to ``request.GET``)."""

    def clean_q(self):
        return " ".join((self.cleaned_data.get("q") or "").split())

    def set_year_choices(self, name, years):
        """Offer ``years``; a valid year with nothing in it stays selected (a fair question)."""
        choices = [("", _("All"))] + [(year, str(year)) for year in years]
        selected = self.data.get(name, "")
        if (
            selected.isascii()
            and selected.isdigit()
            and YEAR_RANGE[0] <= int(selected) <= YEAR_RANGE[1]
            and int(selected) not in years
        ):
            choices.append((int(selected), selected))
        self.fields[name].widget.choices = choices

    def filters(self):
        """The valid values only: a bad value drops that filter, not the others."""
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name) not in (None, "")
        }

    def problems(self):
        """One line per bad filter, for the notice above the results."""
        return [
            _("%(field)s: %(message)s — this filter was ignored.")
            % {"field": self.fields[name].label, "message": " ".join(errors)}
            for name, errors in self.errors.items()
        ]


DOWNLOAD_FORMATS = (
    ("export", "csv", _("CSV")),
    ("export", "xlsx", _("Excel")),
    ("export", "jsonl", _("JSON Lines")),
    ("feed", "rss", _("RSS feed")),
)


def download_links(path: str, filters: dict) -> list[dict]:
    """Links to the open-data downloads of a listing (``path`` is the API list, e.g.
    ``"documents"``) with the listing's filters; empty when ``gov_disclosure.api`` is not
    installed or its URLs are not mounted."""
    from django.apps import apps
    from django.urls import NoReverseMatch, reverse
    from django.utils.http import urlencode

    if not apps.is_installed("gov_disclosure.api"):
        return []
    query = urlencode({name: value for name, value in filters.items() if value not in (None, "")})
    links = []
    for endpoint, file_format, label in DOWNLOAD_FORMATS:
        argument = "file_format" if endpoint == "export" else "feed_format"
        try:
            url = reverse(f"gov_disclosure_api:{endpoint}_{path}", kwargs={argument: file_format})
        except NoReverseMatch:
            return []
        links.append(
            {"url": f"{url}?{query}" if query else url, "label": label, "format": file_format}
        )
    return links
