"""The eight lifecycle categories of a major construction project and the state of each stage.

The categories are fixed by the national guidance on disclosure for major construction
projects (重大建设项目批准和实施领域政府信息公开); each has fields of its own besides the
date, title and content every record has. :func:`stage_states` turns a project's current
stage, its completion and its records into what the public timeline shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    APPROVAL_SERVICES = "approval_services", _("Approval services")
    APPROVAL_RESULTS = "approval_results", _("Approval results")
    TENDERING = "tendering", _("Tendering and bidding")
    LAND_EXPROPRIATION = "land_expropriation", _("Land expropriation")
    DESIGN_CHANGES = "design_changes", _("Major design changes")
    CONSTRUCTION = "construction", _("Construction")
    QUALITY_SAFETY = "quality_safety", _("Quality and safety supervision")
    COMPLETION = "completion", _("Completion")


ORDER = {stage: position for position, stage in enumerate(Stage.values)}

# Stages that a project may never go through: not every project expropriates land or has a
# major design change, and a project exempt from tendering by law has no tendering. An editor
# marks them "not applicable" on the project; the other stages apply to every project.
OPTIONAL_STAGES = (Stage.TENDERING, Stage.LAND_EXPROPRIATION, Stage.DESIGN_CHANGES)

# The fields of a lifecycle record that belong to one category only, in the order shown.
STAGE_FIELDS = {
    Stage.APPROVAL_SERVICES: ("service_item", "handling_unit"),
    Stage.APPROVAL_RESULTS: ("approval_result", "approval_number", "approving_unit"),
    Stage.TENDERING: ("tender_method", "winning_bidder", "contract_amount"),
    Stage.LAND_EXPROPRIATION: (
        "approval_number",
        "approving_unit",
        "land_area",
        "compensation",
    ),
    Stage.DESIGN_CHANGES: ("change_reason", "approval_number", "approving_unit"),
    Stage.CONSTRUCTION: ("contractor", "supervisor"),
    Stage.QUALITY_SAFETY: ("inspection_unit", "inspection_result"),
    Stage.COMPLETION: ("acceptance_result", "final_cost"),
}
DETAIL_FIELDS = tuple(dict.fromkeys(name for names in STAGE_FIELDS.values() for name in names))


class StageState(models.TextChoices):
    DONE = "done", _("Done")
    CURRENT = "current", _("Under way")
    UPCOMING = "upcoming", _("Still to come")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


@dataclass
class StageView:
    """One stage of one project as the timeline and the completeness report see it."""

    stage: Stage
    state: StageState
    records: list

    @property
    def label(self):
        return self.stage.label

    @property
    def number(self) -> int:
        return ORDER[self.stage] + 1

    @property
    def is_missing(self) -> bool:
        """Passed with nothing disclosed (a stage that does not apply is never missing)."""
        return self.state == StageState.DONE and not self.records

    @property
    def is_open(self) -> bool:
        return self.state == StageState.CURRENT


def stage_states(
    current_stage: str,
    *,
    completed: bool,
    not_applicable=(),
    records=(),
) -> list[StageView]:
    """The eight stages in order with their state and their records.

    - a stage marked not applicable is *not applicable*, whatever else is true;
    - every stage before the current one is *done*, and all of them once the project is
      completed;
    - the current stage is *under way*; so is a later stage that already has records (quality
      and safety supervision runs beside construction);
    - any other later stage is *still to come*.

    ``records`` are objects with a ``stage`` attribute; each stage gets its own, in the order
    given.
    """
    current = ORDER.get(current_stage, 0)
    not_applicable = set(not_applicable or ())
    by_stage: dict[str, list] = {stage: [] for stage in Stage.values}
    for record in records:
        by_stage.setdefault(record.stage, []).append(record)
    views = []
    for stage in Stage:
        position = ORDER[stage]
        stage_records = by_stage[stage.value]
        if stage.value in not_applicable:
            state = StageState.NOT_APPLICABLE
        elif completed or position < current:
            state = StageState.DONE
        elif position == current or stage_records:
            state = StageState.CURRENT
        else:
            state = StageState.UPCOMING
        views.append(StageView(stage, state, stage_records))
    return views
