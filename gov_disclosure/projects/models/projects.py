from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from gov_disclosure.blocks import RICH_TEXT_FEATURES
from gov_disclosure.models import DisclosurePageMixin
from gov_disclosure.panels import disclosure_tabs
from gov_disclosure.translations import facts

from ..app_settings import app_settings
from ..forms import ProjectPageForm
from ..lifecycle import DETAIL_FIELDS, OPTIONAL_STAGES, ORDER, STAGE_FIELDS, Stage, stage_states
from ..panels import CompletenessPanel, RecordInlinePanel

MONEY = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}


def validate_project_code(value):
    RegexValidator(
        app_settings.PROJECT_CODE_PATTERN,
        message=_(
            "Enter the unified project code as the investment project approval platform issued it."
        ),
    )(value)


class TenderMethod(models.TextChoices):
    OPEN = "open", _("Open tendering")
    INVITED = "invited", _("Invited tendering")
    OTHER = "other", _("Other procurement method")


class DecisionType(models.TextChoices):
    """Licensing and penalty decisions are due sooner than other information."""

    NONE = "", _("Neither")
    LICENSING = "licensing", _("Administrative licensing decision")
    PENALTY = "penalty", _("Administrative penalty decision")


class ProjectPage(DisclosurePageMixin, Page):
    """A major construction project (重大建设项目) and its lifecycle records, stage by stage."""

    project_code = models.CharField(
        _("unified project code"),
        max_length=40,
        blank=True,
        db_index=True,
        validators=[validate_project_code],
        help_text=_(
            "The code from the national investment project approval platform, "
            "e.g. 2403-370322-04-01-587316."
        ),
    )
    project_type = models.ForeignKey(
        "gov_disclosure_projects.ProjectType",
        verbose_name=_("project type"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    plan_year = models.PositiveSmallIntegerField(
        _("plan year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1949), MaxValueValidator(2100)],
        help_text=_(
            "The year of the major projects plan that lists it. Leave blank to use the year "
            "of the planned start."
        ),
    )
    district = models.CharField(
        _("district"),
        max_length=50,
        blank=True,
        db_index=True,
        help_text=_("The town, subdistrict or district it is in, e.g. 城关街道."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-90)), MaxValueValidator(Decimal(90))],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(-180)), MaxValueValidator(Decimal(180))],
    )
    owner_unit = models.CharField(_("owner unit"), max_length=200, blank=True)
    total_investment = models.DecimalField(
        _("total investment (10,000 yuan)"), null=True, blank=True, **MONEY
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_completion = models.DateField(_("planned completion"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_completion = models.DateField(
        _("actual completion"),
        null=True,
        blank=True,
        help_text=_("Enter it when the project has passed its completion acceptance."),
    )
    current_stage = models.CharField(
        _("current stage"),
        max_length=32,
        choices=Stage.choices,
        default=Stage.APPROVAL_SERVICES,
        db_index=True,
    )
    not_applicable_stages = models.JSONField(
        _("stages that do not apply"),
        default=list,
        blank=True,
        help_text=_(
            "Stages this project will never go through, e.g. no land is expropriated. They are "
            "shown as not applicable instead of missing."
        ),
    )
    summary = RichTextField(_("summary"), blank=True, features=RICH_TEXT_FEATURES)

    base_form_class = ProjectPageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("project_code"), FieldPanel("project_type")]),
                FieldRowPanel([FieldPanel("owner_unit"), FieldPanel("total_investment")]),
                FieldPanel("plan_year"),
            ],
            heading=_("Project"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("district"), FieldPanel("address")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("planned_start"), FieldPanel("planned_completion")]),
                FieldRowPanel([FieldPanel("actual_start"), FieldPanel("actual_completion")]),
                FieldPanel("current_stage"),
                FieldPanel("not_applicable_stages"),
            ],
            heading=_("Schedule and stage"),
        ),
        FieldPanel("summary"),
        InlinePanel("photos", heading=_("Photos"), label=_("Photo")),
    ]
    lifecycle_panels = [
        CompletenessPanel(heading=_("Disclosure by stage")),
        RecordInlinePanel("records", heading=_("Lifecycle records"), label=_("Record")),
    ]
    edit_handler = disclosure_tabs(
        (content_panels, _("Project")),
        (lifecycle_panels, _("Lifecycle")),
        agency_heading=_("Responsible agency"),
    )

    override_translatable_fields = DisclosurePageMixin.override_translatable_fields + facts(
        "project_code",
        "plan_year",
        "latitude",
        "longitude",
        "total_investment",
        "planned_start",
        "planned_completion",
        "actual_start",
        "actual_completion",
        "current_stage",
        "not_applicable_stages",
    )

    search_fields = (
        Page.search_fields
        + [
            index.SearchField("project_code"),
            index.SearchField("owner_unit"),
            index.SearchField("address"),
            index.SearchField("summary"),
            index.FilterField("current_stage"),
            index.FilterField("project_type"),
            index.FilterField("district"),
            index.FilterField("plan_year"),
            index.RelatedFields(
                "records",
                [
                    index.SearchField(name)
                    for name in (
                        "title",
                        "content",
                        "service_item",
                        "approval_number",
                        "winning_bidder",
                        "compensation",
                        "change_reason",
                        "inspection_result",
                    )
                ],
            ),
        ]
        + DisclosurePageMixin.disclosure_search_fields
    )

    parent_page_types = ["gov_disclosure_projects.ProjectIndexPage"]
    subpage_types = []
    template = "gov_disclosure_projects/project_page.html"

    class Meta:
        verbose_name = _("major construction project")
        verbose_name_plural = _("major construction projects")

    @property
    def is_completed(self) -> bool:
        return self.actual_completion is not None

    @property
    def stage_number(self) -> int:
        return ORDER.get(self.current_stage, 0) + 1

    @property
    def applicable_stage_count(self) -> int:
        return len(Stage) - len(set(self.not_applicable_stages or ()))

    @property
    def done_stage_count(self) -> int:
        """Applicable stages behind the project (all of them once it is completed)."""
        skipped = set(self.not_applicable_stages or ())
        if self.is_completed:
            return self.applicable_stage_count
        return sum(
            1 for stage in Stage.values[: ORDER.get(self.current_stage, 0)] if stage not in skipped
        )

    @property
    def progress_percent(self) -> int:
        total = self.applicable_stage_count
        return round(100 * self.done_stage_count / total) if total else 0

    def stages(self, records=None):
        """The eight stages with their state, given the records (read here when not given)."""
        if records is None:
            records = self.records.all()
        return stage_states(
            self.current_stage,
            completed=self.is_completed,
            not_applicable=self.not_applicable_stages,
            records=sorted(records, key=lambda r: (r.event_date, r.sort_order or 0, r.pk or 0)),
        )

    def clean(self):
        super().clean()
        errors = {}
        self.project_code = (self.project_code or "").strip()
        skipped = [s for s in (self.not_applicable_stages or []) if s in OPTIONAL_STAGES]
        self.not_applicable_stages = sorted(set(skipped), key=ORDER.get)
        if self.current_stage in self.not_applicable_stages:
            errors["current_stage"] = _(
                "The current stage cannot be one that does not apply to this project."
            )
        if self.actual_completion and self.current_stage != Stage.COMPLETION:
            errors["current_stage"] = _(
                "A project with an actual completion date is in the completion stage."
            )
        for start, end in (
            ("planned_start", "planned_completion"),
            ("actual_start", "actual_completion"),
        ):
            if (
                getattr(self, start)
                and getattr(self, end)
                and getattr(self, end) < getattr(self, start)
            ):
                errors[end] = _("The completion date cannot be before the start date.")
        if self.actual_completion and not self.actual_start:
            errors["actual_start"] = _("A completed project needs its actual start date.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude" if self.longitude is None else "latitude"] = _(
                "Enter both the latitude and the longitude, or neither."
            )
        if self.plan_year is None and self.planned_start:
            self.plan_year = self.planned_start.year
        if self.project_code:
            duplicate = (
                ProjectPage.objects.filter(project_code=self.project_code, locale_id=self.locale_id)
                .exclude(pk=self.pk)
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if duplicate is not None:
                errors["project_code"] = _(
                    "Project “%(title)s” already has this unified project code."
                ) % {"title": duplicate.title}
        if errors:
            raise ValidationError(errors)

    def with_content_json(self, content):
        """Keep the disclosure dates the records got when they first went public.

        A draft saved before a record was first published carries no disclosure date; publishing
        that draft later must not erase the date, nor replace it with a later one.
        """
        obj = super().with_content_json(content)
        if self.pk:
            known = dict(
                LifecycleRecord.objects.filter(
                    page_id=self.pk, disclosure_date__isnull=False
                ).values_list("pk", "disclosure_date")
            )
            if known:
                for record in obj.records.all():
                    if record.disclosure_date is None and record.pk in known:
                        record.disclosure_date = known[record.pk]
            if obj.publication_date is None:
                # A revision saved before the first publication must not move the date either.
                obj.publication_date = (
                    ProjectPage.objects.filter(pk=self.pk)
                    .values_list("publication_date", flat=True)
                    .first()
                )
        return obj

    @cached_property
    def public_records(self):
        return list(self.records.all())

    def get_context(self, request, *args, **kwargs):
        from ..views import project_context

        context = super().get_context(request, *args, **kwargs)
        context.update(project_context(self))
        return context


class ProjectPhoto(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("image"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("photo caption"), max_length=255, blank=True)
    taken_on = models.DateField(_("date taken"), null=True, blank=True)

    panels = [FieldPanel("image"), FieldRowPanel([FieldPanel("caption"), FieldPanel("taken_on")])]

    class Meta(Orderable.Meta):
        verbose_name = _("photo")
        verbose_name_plural = _("photos")


class RecordAttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("file"))
    title = blocks.CharBlock(
        label=_("title"), required=False, help_text=_("Leave blank to use the file's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Attachment")


def _record_panels():
    """Common fields, then one group per category that the admin shows for that category only."""
    groups = [
        MultiFieldPanel(
            [FieldPanel(name) for name in names],
            heading=format_lazy(_("Only for {stage}"), stage=stage.label),
            classname=f"gdp-stage-fields gdp-stage-fields--{stage.value}",
        )
        for stage, names in STAGE_FIELDS.items()
    ]
    return [
        FieldRowPanel([FieldPanel("stage"), FieldPanel("event_date")]),
        FieldPanel("title"),
        FieldPanel("content"),
        *groups,
        FieldRowPanel([FieldPanel("decision_type"), FieldPanel("disclosure_date")]),
        FieldPanel("attachments"),
    ]


class LifecycleRecord(Orderable):
    """One piece of disclosed information about a project, in one of the eight categories."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="records")
    stage = models.CharField(_("category"), max_length=32, choices=Stage.choices)
    event_date = models.DateField(
        _("date of the event"),
        help_text=_(
            "The day the information was formed: the approval, the award, the acceptance, …"
        ),
    )
    title = models.CharField(_("title"), max_length=255)
    content = RichTextField(_("content"), blank=True, features=RICH_TEXT_FEATURES)
    decision_type = models.CharField(
        _("licensing or penalty decision"),
        max_length=20,
        choices=DecisionType.choices,
        blank=True,
        default="",
        help_text=_(
            "Licensing and penalty decisions must be disclosed sooner. Approval results count "
            "as licensing decisions."
        ),
    )
    disclosure_date = models.DateField(
        _("disclosure date"),
        null=True,
        blank=True,
        help_text=_("Leave blank: it is filled in with the day the record is first published."),
    )
    attachments = StreamField(
        [("file", RecordAttachmentBlock())], verbose_name=_("attachments"), blank=True
    )

    # Fields of one category each (see lifecycle.STAGE_FIELDS).
    service_item = models.CharField(_("service item"), max_length=200, blank=True)
    handling_unit = models.CharField(_("handling unit"), max_length=200, blank=True)
    approval_result = models.CharField(_("approval result"), max_length=200, blank=True)
    approval_number = models.CharField(_("approval number"), max_length=100, blank=True)
    approving_unit = models.CharField(_("approving unit"), max_length=200, blank=True)
    tender_method = models.CharField(
        _("tender method"), max_length=20, choices=TenderMethod.choices, blank=True
    )
    winning_bidder = models.CharField(_("winning bidder"), max_length=200, blank=True)
    contract_amount = models.DecimalField(
        _("contract amount (10,000 yuan)"), null=True, blank=True, **MONEY
    )
    land_area = models.DecimalField(_("land area (mu)"), null=True, blank=True, **MONEY)
    compensation = models.TextField(_("compensation and resettlement"), blank=True)
    change_reason = models.TextField(_("reason for the change"), blank=True)
    contractor = models.CharField(_("construction contractor"), max_length=200, blank=True)
    supervisor = models.CharField(_("supervision unit"), max_length=200, blank=True)
    inspection_unit = models.CharField(_("supervising body"), max_length=200, blank=True)
    inspection_result = models.TextField(_("inspection result"), blank=True)
    acceptance_result = models.CharField(_("acceptance conclusion"), max_length=200, blank=True)
    final_cost = models.DecimalField(_("final cost (10,000 yuan)"), null=True, blank=True, **MONEY)

    panels = _record_panels()

    class Meta(Orderable.Meta):
        verbose_name = _("lifecycle record")
        verbose_name_plural = _("lifecycle records")
        ordering = ["event_date", "sort_order", "pk"]

    def __str__(self):
        return self.title

    @property
    def detail_items(self):
        """``(label, value)`` of this category's own fields that are filled in."""
        items = []
        for name in STAGE_FIELDS.get(self.stage, ()):
            value = getattr(self, name)
            if value in (None, ""):
                continue
            field = self._meta.get_field(name)
            if field.choices:
                value = getattr(self, f"get_{name}_display")()
            items.append((field.verbose_name, value))
        return items

    @property
    def is_decision(self) -> bool:
        """A licensing or penalty decision; approval results always are licensing decisions."""
        return bool(self.decision_type) or self.stage == Stage.APPROVAL_RESULTS

    def clean(self):
        super().clean()
        own = set(STAGE_FIELDS.get(self.stage, ()))
        for name in DETAIL_FIELDS:
            if name not in own:
                field = self._meta.get_field(name)
                setattr(self, name, None if field.null else "")
        if self.stage == Stage.APPROVAL_RESULTS and not self.decision_type:
            self.decision_type = DecisionType.LICENSING
        if self.disclosure_date and self.event_date and self.disclosure_date < self.event_date:
            raise ValidationError(
                {
                    "disclosure_date": _(
                        "The disclosure date cannot be before the date of the event."
                    )
                }
            )

    def due_within(self) -> int:
        """Working days allowed between the event and its disclosure."""
        if self.is_decision:
            return app_settings.PROJECT_DECISION_DISCLOSURE_DAYS
        return app_settings.PROJECT_DISCLOSURE_DAYS
