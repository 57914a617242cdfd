"""Major construction projects (重大建设项目) as open data (see ``gov_disclosure.opendata``).

The list item is what the project index and the facts of a project's page show; the detail adds
the lifecycle as the page's timeline shows it: the eight stages with their state and, in each,
the records the page shows (``ProjectPage.public_records``: the published revision's), with each
record's own fields and its files. The filters are those of the project index.
"""

from __future__ import annotations

import datetime
from functools import reduce
from operator import or_
from typing import Literal

from django.db.models import Prefetch, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from ninja import Field, Schema
from wagtail.rich_text import expand_db_html

from gov_disclosure.listing import YEAR_RANGE
from gov_disclosure.opendata import (
    ID_MAX,
    Choice,
    DisclosureItem,
    OpenData,
    PageFilters,
    ParameterError,
    choice,
)

from .lifecycle import DETAIL_FIELDS, STAGE_FIELDS, Stage, StageState
from .listing import COMPLETED
from .models import LifecycleRecord, ProjectType, TenderMethod

#: The size of the photos the API points at (among the renditions the page reads).
PHOTO_FILTER = "max-1200x900"


def _absolute(context, url):
    request = (context or {}).get("request")
    return request.build_absolute_uri(url) if request is not None and url else url


def _number(value):
    """A money amount or a coordinate as a JSON number (14 digits at most: exact as a float)."""
    return None if value is None else float(value)


def _html(value) -> str:
    """Rich text as the public page renders it (links and embeds expanded)."""
    return expand_db_html(value) if value else ""


def _page_context(page) -> dict:
    """What the project's public page shows (stages, records with their files, photos), built
    by the page's own code once per response, so that the API shows no more than the page."""
    from .views import project_context

    cached = getattr(page, "_open_data_context", None)
    if cached is None:
        cached = page._open_data_context = project_context(page)
    return cached


def _restricted_collections(documents) -> set[int]:
    """Ids of the collections of ``documents`` that have a view restriction on them or above
    them (Wagtail asks for a login or a password before serving their files). One query, two
    when some collection is restricted."""
    from wagtail.models import Collection, CollectionViewRestriction

    restricted = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not restricted or not documents:
        return set()
    return set(
        Collection.objects.filter(pk__in={document.collection_id for document in documents})
        .filter(reduce(or_, (Q(path__startswith=path) for path in restricted)))
        .values_list("pk", flat=True)
    )


class ProjectTypeRef(Schema):
    id: int
    name: str = Field(description="Name of the project type (项目类型), e.g. 学校.")


class ProjectItem(DisclosureItem):
    project_code: str = Field(
        description="Unified project code (项目代码) from the national investment project "
        "approval platform, e.g. 2403-370322-04-01-587316; empty when not recorded."
    )
    project_type: ProjectTypeRef | None = Field(description="The project type (项目类型).")
    plan_year: int | None = Field(
        description="Year of the major projects plan that lists the project (计划年度)."
    )
    owner_unit: str = Field(description="The owner unit (项目单位/建设单位); may be empty.")
    district: str = Field(
        description="Town, subdistrict or district the project is in (所在区域); may be empty."
    )
    address: str = Field(description="Address of the site (建设地点); may be empty.")
    latitude: float | None = Field(description="Latitude of the site, in degrees.")
    longitude: float | None = Field(description="Longitude of the site, in degrees.")
    total_investment: float | None = Field(
        description="Total investment (总投资), in 10,000 yuan (万元)."
    )
    planned_start: datetime.date | None = Field(description="Planned start (计划开工).")
    planned_completion: datetime.date | None = Field(description="Planned completion (计划竣工).")
    actual_start: datetime.date | None = Field(description="Actual start (实际开工).")
    actual_completion: datetime.date | None = Field(
        description="Actual completion (实际竣工): set once the completion acceptance passed."
    )
    current_stage: Choice = Field(
        description="The stage reached (当前阶段), one of the eight lifecycle categories."
    )
    stage_number: int = Field(description="Position of the current stage, 1 to 8.")
    completed: bool = Field(description="True once the project has an actual completion date.")
    stages_applicable: int = Field(
        description="How many of the eight stages apply (some projects expropriate no land…)."
    )
    stages_done: int = Field(description="Applicable stages behind the project.")
    progress_percent: int = Field(description="stages_done of stages_applicable, in percent.")

    @staticmethod
    def resolve_project_type(page):
        return page.project_type

    @staticmethod
    def resolve_latitude(page):
        return _number(page.latitude)

    @staticmethod
    def resolve_longitude(page):
        return _number(page.longitude)

    @staticmethod
    def resolve_total_investment(page):
        return _number(page.total_investment)

    @staticmethod
    def resolve_current_stage(page):
        return choice(page.current_stage, Stage)

    @staticmethod
    def resolve_completed(page):
        return page.is_completed

    @staticmethod
    def resolve_stages_applicable(page):
        return page.applicable_stage_count

    @staticmethod
    def resolve_stages_done(page):
        return page.done_stage_count


class RecordAttachment(Schema):
    title: str
    url: str = Field(description="Address of the file.")
    file_type: str = Field(description="The file's extension, e.g. pdf.")
    file_size: int | None = Field(description="Size in bytes, when known.")


class RecordItem(Schema):
    """One disclosed record; the fields of another category than its own are null."""

    id: int
    event_date: datetime.date = Field(
        description="The day the information was formed (the approval, the award…)."
    )
    title: str
    content_html: str = Field(description="The record's text, as HTML; may be empty.")
    disclosure_date: datetime.date | None = Field(description="Date of disclosure (公开日期).")
    attachments: list[RecordAttachment]
    # Fields of one category each (approval services, approval results…), as on the page.
    service_item: str | None = Field(description="Approval services: the service item (事项).")
    handling_unit: str | None = Field(description="Approval services: the handling unit.")
    approval_result: str | None = Field(description="Approval results: the result (批复结果).")
    approval_number: str | None = Field(
        description="Approval results, land expropriation, design changes: the approval number "
        "(批准文号)."
    )
    approving_unit: str | None = Field(
        description="Approval results, land expropriation, design changes: the approving unit."
    )
    tender_method: Choice | None = Field(description="Tendering: the procurement method.")
    winning_bidder: str | None = Field(description="Tendering: the winning bidder (中标单位).")
    contract_amount: float | None = Field(
        description="Tendering: the contract amount, in 10,000 yuan."
    )
    land_area: float | None = Field(description="Land expropriation: the area, in mu (亩).")
    compensation: str | None = Field(
        description="Land expropriation: compensation and resettlement (征收补偿安置)."
    )
    change_reason: str | None = Field(description="Major design changes: the reason.")
    contractor: str | None = Field(description="Construction: the contractor (施工单位).")
    supervisor: str | None = Field(description="Construction: the supervision unit (监理单位).")
    inspection_unit: str | None = Field(
        description="Quality and safety supervision: the supervising body."
    )
    inspection_result: str | None = Field(
        description="Quality and safety supervision: the result of the inspection."
    )
    acceptance_result: str | None = Field(
        description="Completion: the acceptance conclusion (验收结论)."
    )
    final_cost: float | None = Field(
        description="Completion: the final cost (竣工决算), in 10,000 yuan."
    )


class StageItem(Schema):
    stage: Choice = Field(description="The lifecycle category (approval_services…).")
    number: int = Field(description="1 to 8, in the order of the lifecycle.")
    state: Choice = Field(description="done, current, upcoming or not_applicable.")
    records: list[RecordItem] = Field(description="Oldest first, by the date of the event.")


class PhotoItem(Schema):
    caption: str
    taken_on: datetime.date | None
    url: str = Field(description=f"The photo, at most 1200×900 pixels ({PHOTO_FILTER}).")
    width: int
    height: int


def _record(record, restricted, context) -> dict:
    own = set(STAGE_FIELDS.get(record.stage, ()))
    data = {
        "id": record.pk,
        "event_date": record.event_date,
        "title": record.title,
        "content_html": _html(record.content),
        "disclosure_date": record.disclosure_date,
        "attachments": [
            {
                "title": title,
                "url": _absolute(context, document.url),
                "file_type": document.file_extension.lower(),
                "file_size": document.file_size,
            }
            for title, document in record.files
            if document.collection_id not in restricted
        ],
    }
    for name in DETAIL_FIELDS:  # as the page: only the category's own fields that are filled
        value = getattr(record, name) if name in own else None
        data[name] = None if value in (None, "") else value
    data["tender_method"] = choice(data["tender_method"], TenderMethod)
    for name in ("contract_amount", "land_area", "final_cost"):
        data[name] = _number(data[name])
    return data


class ProjectDetail(ProjectItem):
    summary_html: str = Field(description="About the project (项目概况), as HTML; may be empty.")
    latest_record_date: datetime.date | None = Field(
        description="Date of the event of the newest record."
    )
    stages: list[StageItem] = Field(
        description="The eight stages of the lifecycle (全生命周期), in order, with their records."
    )
    photos: list[PhotoItem]

    @staticmethod
    def resolve_summary_html(page):
        return _html(page.summary)

    @staticmethod
    def resolve_latest_record_date(page):
        return _page_context(page)["latest_record_date"]

    @staticmethod
    def resolve_stages(page, context):
        shown = _page_context(page)
        files = [document for record in shown["records"] for _title, document in record.files]
        restricted = _restricted_collections(files)
        return [
            {
                "stage": choice(view.stage.value, Stage),
                "number": view.number,
                "state": choice(view.state.value, StageState),
                "records": [_record(record, restricted, context) for record in view.records],
            }
            for view in shown["stages"]
        ]

    @staticmethod
    def resolve_photos(page, context):
        photos = []
        for photo in _page_context(page)["photos"]:
            rendition = photo.loaded_image.get_rendition(PHOTO_FILTER)
            photos.append(
                {
                    "caption": photo.caption,
                    "taken_on": photo.taken_on,
                    "url": _absolute(context, rendition.url),
                    "width": rendition.width,
                    "height": rendition.height,
                }
            )
        return photos


class ProjectFilters(PageFilters):
    year: int | None = Field(
        None,
        ge=YEAR_RANGE[0],
        le=YEAR_RANGE[1],
        description="Plan year (计划年度), as the project index filters; not the year of "
        "publication.",
    )
    type: int | None = Field(
        None, ge=1, le=ID_MAX, description="Id of a project type (`project_type.id`)."
    )
    stage: Literal[(*Stage.values, COMPLETED)] | None = Field(
        None,
        description="The stage reached: projects in that stage and not completed, or "
        "`completed` for the projects with an actual completion date.",
    )
    district: str | None = Field(
        None, max_length=50, description="The exact district (所在区域), e.g. 城关街道."
    )


class Projects(OpenData):
    kind = "project"
    path = "projects"
    Item = ProjectItem
    Detail = ProjectDetail
    Filters = ProjectFilters
    column_labels = {
        "project_type_id": pgettext_lazy("export heading", "Project type ID"),
        "project_type_name": pgettext_lazy("export heading", "Project type"),
        "stage_number": pgettext_lazy("export heading", "Stage number (of 8)"),
        "completed": pgettext_lazy("export heading", "Completed"),
        "stages_applicable": pgettext_lazy("export heading", "Stages that apply"),
        "stages_done": pgettext_lazy("export heading", "Stages done"),
        "progress_percent": pgettext_lazy("export heading", "Progress (%)"),
    }
    keyword_fields = ("project_code", "owner_unit", "address", "district")
    item_related = (*OpenData.item_related, "project_type")
    description = (
        "Major construction projects (重大建设项目) with their disclosure over the whole "
        "lifecycle, stage by stage."
    )

    def items(self, queryset):
        return super().items(queryset).defer("summary")

    def details(self, queryset):
        """The records and the photos come with the project; the page's own code
        (``views.project_context``) then reads the files, the images and their renditions."""
        records = LifecycleRecord.objects.order_by("event_date", "sort_order", "pk")
        return (
            super()
            .details(queryset)
            .prefetch_related(Prefetch("records", records), Prefetch("photos"))
        )

    def feed_description(self, row) -> str:
        parts = (row.project_code, row.owner_unit, row.get_current_stage_display())
        return " ".join(str(part) for part in parts if part)

    def filter(self, queryset, filters):
        if filters.year:  # the plan year, as on the index; not the publication date's
            queryset = queryset.filter(plan_year=filters.year)
            filters = filters.model_copy(update={"year": None})
        return super().filter(queryset, filters)

    def filter_own(self, queryset, values):
        if project_type := values.pop("type", None):
            if not ProjectType.objects.filter(pk=project_type).exists():
                raise ParameterError("type", _("There is no such project type here."))
            queryset = queryset.filter(project_type_id=project_type)
        if stage := values.pop("stage", None):
            if stage == COMPLETED:
                queryset = queryset.filter(actual_completion__isnull=False)
            else:
                queryset = queryset.filter(current_stage=stage, actual_completion__isnull=True)
        if district := values.pop("district", None):
            queryset = queryset.filter(district=district.strip())
        return super().filter_own(queryset, values)
