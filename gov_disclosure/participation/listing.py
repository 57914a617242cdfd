"""The meeting and solicitation indexes: filters by year, agency and state, and pagination.

Each index reads a fixed number of queries whatever the number of pages: the view
restrictions, the choices of the filters, the count and the rows of the current page. Bad
filter values never raise: each is dropped with a message saying so.
"""

from __future__ import annotations

from django import forms
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from gov_disclosure.listing import ListingFilterForm, download_links, record_field, year_field
from gov_disclosure.models import Agency
from gov_disclosure.pagination import paginate

from . import services
from .app_settings import app_settings
from .models import Adoption, MeetingPage, SolicitationPage, SolicitationState


class IndexFilterForm(ListingFilterForm):
    year = year_field(_("Year"))
    agency = record_field(_("Agency"), _("There is no such agency here."))
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        error_messages={"invalid_choice": _("There is no such state.")},
    )

    def __init__(self, data, *, years, agencies, states, state_label=None):
        super().__init__(data)
        everything = [("", _("All"))]
        self.set_year_choices("year", years)
        self.fields["agency"].choices = everything + [(a.pk, a.name) for a in agencies]
        self.fields["state"].choices = everything + list(states)
        if state_label:
            self.fields["state"].label = state_label


def _index_context(page, request, items, *, date_field, states, state_label, apply_state, key, api):
    """``api``: the open-data list of the index and its name for the ``state`` filter."""
    unordered = items.order_by()
    years = [d.year for d in unordered.dates(date_field, "year", order="DESC")]
    agencies = list(
        Agency.objects.filter(pk__in=unordered.values("agency_id")).order_by("sort_order", "name")
    )
    form = IndexFilterForm(
        request.GET, years=years, agencies=agencies, states=states, state_label=state_label
    )
    filters = form.filters()
    problems = form.problems()
    if year := filters.get("year"):
        items = items.filter(**{f"{date_field}__year": year})
    if agency := filters.get("agency"):
        items = items.filter(agency_id=agency)
    if state := filters.get("state"):
        items = apply_state(items, state)
    items = items.select_related("agency").order_by(F(date_field).desc(), F("pk").desc())
    pages, page_problems = paginate(
        items, app_settings.PARTICIPATION_INDEX_PAGE_SIZE, request.GET.get("page"), filters
    )
    problems.extend(page_problems)
    path, state_parameter = api
    downloads = download_links(
        path,
        {
            **{
                state_parameter if name == "state" else name: value
                for name, value in filters.items()
            },
            "section": page.pk,
        },
    )
    return {
        "downloads": downloads,
        "filter_form": form,
        "filter_problems": problems,
        "filters_open": bool(filters) or bool(problems),
        key: pages["page_obj"].object_list,
        **pages,
        "is_filtered": bool(filters),
    }


def _meetings_with(items, adoption):
    return items.filter(representatives__adoption=adoption).distinct()


def meeting_index_context(page, request):
    meetings = MeetingPage.objects.public_disclosures().descendant_of(page)
    return _index_context(
        page,
        request,
        meetings,
        date_field="meeting_date",
        states=Adoption.choices,
        state_label=_("Opinions"),
        apply_state=_meetings_with,
        key="meetings",
        api=("meetings", "adoption"),
    )


def solicitations_in(items, state):
    """The solicitations of ``items`` that are upcoming, open or closed today (the index's and
    the open data's ``state``)."""
    day = services.today()
    if state == SolicitationState.UPCOMING:
        return items.filter(opens_on__gt=day)
    if state == SolicitationState.CLOSED:
        return items.filter(closes_on__lt=day)
    return items.filter(Q(opens_on__lte=day) & Q(closes_on__gte=day))


def solicitation_index_context(page, request):
    solicitations = SolicitationPage.objects.public_disclosures().descendant_of(page)
    return _index_context(
        page,
        request,
        solicitations,
        date_field="opens_on",
        states=SolicitationState.choices,
        state_label=_("State"),
        apply_state=solicitations_in,
        key="solicitations",
        api=("solicitations", "state"),
    )


__all__ = ["meeting_index_context", "solicitation_index_context", "solicitations_in"]
