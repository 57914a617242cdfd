"""The project index's filters and pagination (重大建设项目).

A fixed number of queries whatever the number of projects or the page size: the view
restrictions, the choices of each filter (types, districts, years and agencies that have public
projects here), the count and the rows of the current page. A card shows the stage the project
has reached from the project's own fields, so no record is read. Bad filter values never raise:
each is dropped with a message saying so.
"""

from __future__ import annotations

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
from gov_disclosure.models import Agency
from gov_disclosure.pagination import paginate

from .app_settings import app_settings
from .lifecycle import Stage
from .models import ProjectPage, ProjectType

COMPLETED = "completed"

SORTS = {
    "newest": (
        _("Newest first"),
        (F("publication_date").desc(nulls_last=True), F("pk").desc()),
    ),
    "investment": (
        _("Total investment, largest first"),
        (F("total_investment").desc(nulls_last=True), F("pk").desc()),
    ),
    "completion": (
        _("Planned completion, soonest first"),
        (F("planned_completion").asc(nulls_last=True), F("pk").asc()),
    ),
}
DEFAULT_SORT = "newest"


class ProjectFilterForm(ListingFilterForm):
    q = keyword_field()
    type = record_field(_("Project type"), _("There is no such project type here."))
    stage = forms.ChoiceField(
        label=_("Stage reached"),
        required=False,
        error_messages={"invalid_choice": _("There is no such stage.")},
    )
    district = forms.ChoiceField(
        label=_("District"),
        required=False,
        error_messages={"invalid_choice": _("There is no project in this district here.")},
    )
    year = year_field(_("Plan year"))
    agency = record_field(_("Responsible agency"), _("There is no such agency here."))
    sort = sort_field(SORTS)

    def __init__(self, data, *, types, districts, years, agencies):
        super().__init__(data)
        everything = [("", _("All"))]
        self.fields["type"].choices = everything + [(t.pk, t.name) for t in types]
        self.fields["stage"].choices = (
            everything + list(Stage.choices) + [(COMPLETED, _("Completed"))]
        )
        self.fields["district"].choices = everything + [(d, d) for d in districts]
        self.set_year_choices("year", years)
        self.fields["agency"].choices = everything + [(a.pk, a.name) for a in agencies]


def public_projects(page):
    return ProjectPage.objects.public_disclosures().descendant_of(page)


def filter_projects(projects, filters):
    if keyword := filters.get("q"):
        for term in keyword.split()[:5]:
            projects = projects.filter(
                Q(title__icontains=term)
                | Q(project_code__icontains=term)
                | Q(owner_unit__icontains=term)
                | Q(address__icontains=term)
                | Q(district__icontains=term)
            )
    if project_type := filters.get("type"):
        projects = projects.filter(project_type_id=project_type)
    if stage := filters.get("stage"):
        if stage == COMPLETED:
            projects = projects.filter(actual_completion__isnull=False)
        else:
            projects = projects.filter(current_stage=stage, actual_completion__isnull=True)
    if district := filters.get("district"):
        projects = projects.filter(district=district)
    if year := filters.get("year"):
        projects = projects.filter(plan_year=year)
    if agency := filters.get("agency"):
        projects = projects.filter(agency_id=agency)
    return projects


def index_context(page, request):
    projects = public_projects(page)
    unordered = projects.order_by()
    types = list(
        ProjectType.objects.filter(pk__in=unordered.values("project_type_id")).order_by(
            "sort_order", "name"
        )
    )
    districts = list(unordered.exclude(district="").values_list("district", flat=True).distinct())
    districts.sort()
    years = sorted(
        set(unordered.exclude(plan_year=None).values_list("plan_year", flat=True)), reverse=True
    )
    agencies = list(
        Agency.objects.filter(pk__in=unordered.values("agency_id")).order_by("sort_order", "name")
    )
    form = ProjectFilterForm(
        request.GET, types=types, districts=districts, years=years, agencies=agencies
    )
    filters = form.filters()
    problems = form.problems()
    sort = filters.get("sort", DEFAULT_SORT)
    results = (
        filter_projects(projects, filters)
        .select_related("project_type", "agency")
        .order_by(*SORTS[sort][1])
    )
    query = {
        name: value for name, value in filters.items() if name != "sort" or value != DEFAULT_SORT
    }
    pages, page_problems = paginate(
        results, app_settings.PROJECT_INDEX_PAGE_SIZE, request.GET.get("page"), query
    )
    problems.extend(page_problems)
    active = [name for name in filters if name not in ("q", "sort")]
    downloads = download_links(  # the same filters, under the same names, in the API
        "projects",
        {**{name: value for name, value in filters.items() if name != "sort"}, "section": page.pk},
    )
    return {
        "downloads": downloads,
        "filter_form": form,
        "filters": filters,
        "filter_problems": problems,
        "filters_open": bool(active) or bool(problems),
        "projects": pages["page_obj"].object_list,
        **pages,
        "is_filtered": bool(query),
    }
