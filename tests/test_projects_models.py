"""Projects: the lifecycle states, the model rules and the disclosure dates of the records."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from gov_disclosure.projects import services
from gov_disclosure.projects.lifecycle import (
    DETAIL_FIELDS,
    STAGE_FIELDS,
    Stage,
    StageState,
    stage_states,
)
from gov_disclosure.projects.models import LifecycleRecord, ProjectPage, ProjectType

from .project_factories import ProjectIndexPageFactory, ProjectPageFactory, record

D = datetime.date
DONE, CURRENT, UPCOMING, NA = (
    StageState.DONE,
    StageState.CURRENT,
    StageState.UPCOMING,
    StageState.NOT_APPLICABLE,
)


class R:
    def __init__(self, stage):
        self.stage = stage


def states(current, **kwargs):
    return [view.state for view in stage_states(current, **kwargs)]


class TestStageStates:
    def test_first_stage(self):
        assert states(Stage.APPROVAL_SERVICES, completed=False) == [CURRENT] + [UPCOMING] * 7

    def test_half_way(self):
        assert (
            states(Stage.DESIGN_CHANGES, completed=False) == [DONE] * 4 + [CURRENT] + [UPCOMING] * 3
        )

    def test_completed_project_has_every_stage_done(self):
        assert states(Stage.COMPLETION, completed=True) == [DONE] * 8

    def test_completion_stage_not_yet_accepted_is_under_way(self):
        assert states(Stage.COMPLETION, completed=False) == [DONE] * 7 + [CURRENT]

    def test_later_stage_with_records_is_under_way(self):
        # Quality and safety supervision runs beside construction.
        result = states(Stage.CONSTRUCTION, completed=False, records=[R(Stage.QUALITY_SAFETY)])
        assert result == [DONE] * 5 + [CURRENT, CURRENT, UPCOMING]

    def test_not_applicable_wins(self):
        result = states(
            Stage.CONSTRUCTION,
            completed=False,
            not_applicable=[Stage.LAND_EXPROPRIATION, Stage.DESIGN_CHANGES],
        )
        assert result == [DONE, DONE, DONE, NA, NA, CURRENT, UPCOMING, UPCOMING]
        assert states(Stage.COMPLETION, completed=True, not_applicable=["design_changes"])[4] == NA

    def test_records_go_to_their_stage_and_missing_is_passed_without_records(self):
        views = stage_states(
            Stage.TENDERING,
            completed=False,
            records=[R(Stage.APPROVAL_RESULTS), R(Stage.APPROVAL_RESULTS), R(Stage.TENDERING)],
        )
        assert [len(v.records) for v in views] == [0, 2, 1, 0, 0, 0, 0, 0]
        assert [v.is_missing for v in views] == [True] + [False] * 7
        assert [v.number for v in views] == list(range(1, 9))

    def test_unknown_current_stage_counts_as_the_first(self):
        assert states("nonsense", completed=False)[0] == CURRENT

    def test_every_detail_field_exists_on_the_record(self):
        names = {field.name for field in LifecycleRecord._meta.get_fields()}
        assert set(DETAIL_FIELDS) <= names
        assert set(STAGE_FIELDS) == set(Stage)


@pytest.fixture
def index(root_page):
    return ProjectIndexPageFactory(parent=root_page)


@pytest.fixture
def frozen_today(monkeypatch):
    def freeze(day):
        monkeypatch.setattr(services, "today", lambda: day)

    freeze(D(2025, 6, 2))
    return freeze


def build(index, **fields):
    page = ProjectPage(title="示范县城北中学新建工程", slug="cbzx", **fields)
    page.path = index.path + "0001"  # not saved; clean() only needs locale and tree fields
    page.depth = index.depth + 1
    page.locale_id = index.locale_id
    return page


@pytest.mark.django_db
class TestProjectRules:
    def test_valid_project(self, index):
        project = build(
            index,
            project_code="2403-370322-04-01-587316",
            current_stage=Stage.TENDERING,
            planned_start=D(2025, 3, 1),
        )
        project.full_clean()
        assert project.plan_year == 2025  # from the planned start

    @pytest.mark.parametrize("code", ["2403370322040158731", "2403-370322-04-01-58731", "abc"])
    def test_project_code_format(self, index, code):
        with pytest.raises(ValidationError) as error:
            build(index, project_code=code).full_clean()
        assert "project_code" in error.value.message_dict

    def test_project_code_unique_per_locale(self, index):
        ProjectPageFactory(parent=index, title="城南大道", project_code="2403-370322-04-01-000001")
        with pytest.raises(ValidationError) as error:
            build(index, project_code="2403-370322-04-01-000001").full_clean()
        assert "城南大道" in error.value.message_dict["project_code"][0]

    def test_completion_needs_completion_stage_and_actual_start(self, index):
        with pytest.raises(ValidationError) as error:
            build(
                index, current_stage=Stage.CONSTRUCTION, actual_completion=D(2026, 1, 1)
            ).full_clean()
        assert set(error.value.message_dict) == {"current_stage", "actual_start"}
        build(
            index,
            current_stage=Stage.COMPLETION,
            actual_start=D(2024, 1, 1),
            actual_completion=D(2026, 1, 1),
        ).full_clean()

    def test_dates_in_order(self, index):
        with pytest.raises(ValidationError) as error:
            build(index, planned_start=D(2025, 3, 1), planned_completion=D(2025, 2, 1)).full_clean()
        assert "planned_completion" in error.value.message_dict

    def test_coordinates_both_or_neither(self, index):
        with pytest.raises(ValidationError) as error:
            build(index, latitude=36.65).full_clean()
        assert "longitude" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            build(index, latitude=95, longitude=117).full_clean()
        assert "latitude" in error.value.message_dict

    def test_current_stage_cannot_be_not_applicable(self, index):
        with pytest.raises(ValidationError) as error:
            build(
                index,
                current_stage=Stage.LAND_EXPROPRIATION,
                not_applicable_stages=["land_expropriation"],
            ).full_clean()
        assert "current_stage" in error.value.message_dict

    def test_not_applicable_stages_are_cleaned(self, index):
        # Only the optional stages can be left out; unknown values and duplicates are dropped.
        project = build(
            index,
            not_applicable_stages=["design_changes", "bogus", "completion", "land_expropriation"]
            * 2,
        )
        project.full_clean()
        assert project.not_applicable_stages == ["land_expropriation", "design_changes"]

    def test_progress_counts(self, index):
        project = build(
            index, current_stage=Stage.CONSTRUCTION, not_applicable_stages=["design_changes"]
        )
        assert (project.done_stage_count, project.applicable_stage_count) == (4, 7)
        assert project.progress_percent == 57
        assert project.stage_number == 6
        project.current_stage, project.actual_completion = Stage.COMPLETION, D(2026, 1, 1)
        assert project.done_stage_count == 7 and project.progress_percent == 100

    def test_default_project_types_are_shipped(self):
        names = set(ProjectType.objects.values_list("name", flat=True))
        assert {"道路交通", "学校", "医院", "桥梁隧道", "体育场馆", "城市更新"} <= names

    def test_project_type_names_unique_with_a_clear_message(self):
        existing = ProjectType.objects.first()
        with pytest.raises(ValidationError) as error:
            ProjectType(name=existing.name, locale=existing.locale).full_clean()
        with translation.override("zh-hans"):
            expected = translation.gettext("A project type with this name already exists.")
        assert error.value.messages == [expected]


@pytest.mark.django_db
class TestRecordRules:
    def test_fields_of_other_categories_are_cleared(self):
        entry = LifecycleRecord(
            stage=Stage.TENDERING,
            event_date=D(2025, 4, 1),
            title="施工招标中标结果公示",
            winning_bidder="示范路桥建设有限公司",
            contract_amount=9650,
            approval_number="示发改〔2025〕3号",
            contractor="某公司",
        )
        entry.clean()
        assert entry.winning_bidder == "示范路桥建设有限公司"
        assert entry.contract_amount == 9650
        assert entry.approval_number == "" and entry.contractor == ""
        assert [label for label, _value in entry.detail_items] == [
            LifecycleRecord._meta.get_field("winning_bidder").verbose_name,
            LifecycleRecord._meta.get_field("contract_amount").verbose_name,
        ]

    def test_approval_results_are_licensing_decisions(self, settings):
        settings.GOV_DISCLOSURE_PROJECT_DECISION_DISCLOSURE_DAYS = 5
        entry = LifecycleRecord(
            stage=Stage.APPROVAL_RESULTS, event_date=D(2025, 4, 1), title="批复"
        )
        entry.clean()
        assert entry.decision_type == "licensing"
        assert entry.due_within() == 5
        other = LifecycleRecord(stage=Stage.CONSTRUCTION, event_date=D(2025, 4, 1), title="开工")
        other.clean()
        assert other.decision_type == "" and other.due_within() == 20

    def test_disclosure_cannot_precede_the_event(self):
        entry = LifecycleRecord(
            stage=Stage.CONSTRUCTION,
            event_date=D(2025, 4, 1),
            disclosure_date=D(2025, 3, 31),
            title="开工",
        )
        with pytest.raises(ValidationError) as error:
            entry.clean()
        assert "disclosure_date" in error.value.message_dict


@pytest.mark.django_db
class TestDisclosureDates:
    def test_first_publication_dates_the_project_and_its_records(self, index, frozen_today):
        project = ProjectPageFactory(
            parent=index,
            publication_date=None,
            records=[
                record(Stage.APPROVAL_RESULTS, D(2025, 5, 20)),
                record(Stage.TENDERING, D(2025, 5, 26), disclosure_date=D(2025, 5, 27)),
            ],
        )
        assert project.publication_date == D(2025, 6, 2)
        dates = list(
            project.records.order_by("event_date").values_list("disclosure_date", flat=True)
        )
        assert dates == [D(2025, 6, 2), D(2025, 5, 27)]

    def test_later_revisions_keep_the_first_disclosure_date(self, index, frozen_today):
        project = ProjectPageFactory(
            parent=index, records=[record(Stage.APPROVAL_RESULTS, D(2025, 5, 20))]
        )
        first = project.records.get()
        assert first.disclosure_date == D(2025, 6, 2)

        # The editor opens the page (the latest revision, saved before the first publication,
        # carries no date), adds a record and publishes a month later.
        frozen_today(D(2025, 7, 1))
        draft = project.get_latest_revision_as_object()
        assert [r.disclosure_date for r in draft.records.all()] == [D(2025, 6, 2)]
        draft.records.add(LifecycleRecord(**record(Stage.TENDERING, D(2025, 6, 25))))
        draft.save_revision().publish()

        dates = dict(
            ProjectPage.objects.get(pk=project.pk).records.values_list("pk", "disclosure_date")
        )
        assert dates[first.pk] == D(2025, 6, 2)
        assert sorted(dates.values()) == [D(2025, 6, 2), D(2025, 7, 1)]

    def test_restoring_an_old_revision_keeps_the_publication_date(self, index, frozen_today):
        project = ProjectPageFactory(parent=index, publication_date=None, publish=False)
        first_draft = project.latest_revision
        project.save_revision().publish()
        assert ProjectPage.objects.get(pk=project.pk).publication_date == D(2025, 6, 2)

        frozen_today(D(2025, 7, 1))
        first_draft.as_object().save_revision().publish()  # revert to the first draft
        assert ProjectPage.objects.get(pk=project.pk).publication_date == D(2025, 6, 2)

    def test_unpublished_project_records_have_no_disclosure_date(self, index, frozen_today):
        project = ProjectPageFactory(
            parent=index, publish=False, records=[record(Stage.APPROVAL_RESULTS, D(2025, 5, 20))]
        )
        assert project.records.get().disclosure_date is None
