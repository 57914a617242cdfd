"""Projects in the admin: the edit form, the disclosure reports, the project types."""

import csv
import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook
from wagtail.test.utils.form_data import querydict_from_html

from gov_disclosure.projects import reports, services
from gov_disclosure.projects.lifecycle import Stage
from gov_disclosure.projects.models import LifecycleRecord, ProjectPage

from .factories import AgencyFactory, UserFactory
from .project_factories import ProjectIndexPageFactory, ProjectPageFactory, record

D = datetime.date
TODAY = D(2025, 9, 1)
pytestmark = pytest.mark.django_db


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


@pytest.fixture
def frozen_today(monkeypatch):
    def freeze(day):
        monkeypatch.setattr(services, "today", lambda: day)

    freeze(TODAY)
    return freeze


@pytest.fixture
def index(root_page):
    return ProjectIndexPageFactory(parent=root_page)


def views_rows(client, user):
    from django.test import RequestFactory

    from gov_disclosure.projects.views import ProjectTimelinessReportView

    request = RequestFactory().get("/")
    request.user = user
    view = ProjectTimelinessReportView()
    view.setup(request)
    return view.get_filtered_queryset()


def csv_rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def edit_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="page-edit-form")


def add_record(data, index, **fields):
    prefix = f"records-{index}-"
    data["records-TOTAL_FORMS"] = str(index + 1)
    defaults = {"ORDER": str(index + 1), "DELETE": "", "id": "", "attachments-count": "0"}
    for name, value in {**defaults, **fields}.items():
        data[prefix + name] = value


class TestEditForm:
    def test_new_project_with_a_record_through_the_admin(
        self, client, superuser, index, frozen_today
    ):
        client.force_login(superuser)
        url = reverse(
            "wagtailadmin_pages:add",
            args=("gov_disclosure_projects", "projectpage", index.pk),
        )
        data = edit_form(client, url)
        data.update(
            {
                "title": "示范县城南污水处理厂提标改造工程",
                "slug": "wsc",
                "project_code": "2403-370322-04-01-000321",
                "current_stage": "tendering",
                "planned_start": "2025-10-01",
                "action-publish": "publish",
            }
        )
        data.setlist("not_applicable_stages", ["land_expropriation"])
        add_record(
            data,
            0,
            stage="approval_results",
            event_date="2025-08-20",
            title="关于城南污水处理厂提标改造工程初步设计的批复",
            approval_number="示发改投资〔2025〕77号",
            winning_bidder="不属于本类别的字段",
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.content.decode()[:3000]

        project = ProjectPage.objects.get(slug="wsc")
        assert project.live and project.plan_year == 2025
        assert project.not_applicable_stages == ["land_expropriation"]
        entry = project.records.get()
        assert entry.approval_number == "示发改投资〔2025〕77号"
        assert entry.winning_bidder == ""  # another category's field is cleared
        assert entry.decision_type == "licensing"
        assert entry.disclosure_date == TODAY

    def test_errors_are_shown_and_nothing_is_saved(self, client, superuser, index, frozen_today):
        project = ProjectPageFactory(parent=index, title="原标题", current_stage=Stage.TENDERING)
        client.force_login(superuser)
        url = reverse("wagtailadmin_pages:edit", args=[project.pk])
        data = edit_form(client, url)
        data.update(
            {"title": "新标题", "actual_completion": "2025-08-01", "action-publish": "publish"}
        )
        response = client.post(url, data)
        assert response.status_code == 200
        page = response.content.decode()
        assert zh("A project with an actual completion date is in the completion stage.") in page
        assert zh("A completed project needs its actual start date.") in page
        assert ProjectPage.objects.get(pk=project.pk).title == "原标题"

    def test_a_record_under_a_stage_that_does_not_apply_is_refused(self, client, superuser, index):
        project = ProjectPageFactory(
            parent=index, records=[record(Stage.TENDERING, D(2025, 5, 1), "中标公示")]
        )
        client.force_login(superuser)
        url = reverse("wagtailadmin_pages:edit", args=[project.pk])
        data = edit_form(client, url)
        data.setlist("not_applicable_stages", ["tendering"])
        data["records-0-attachments-count"] = "0"
        response = client.post(url, data)
        assert response.status_code == 200
        message = zh(
            "A record is filed under “%(stage)s”, which is marked as not applying to this project.",
            stage=zh("Tendering and bidding"),
        )
        assert message in response.content.decode()
        assert ProjectPage.objects.get(pk=project.pk).not_applicable_stages == []

    def test_only_optional_stages_and_types_of_the_page_language_are_offered(
        self, client, superuser, index
    ):
        from wagtail.models import Locale

        from gov_disclosure.projects.models import ProjectType

        english = Locale.objects.get_or_create(language_code="en")[0]
        road = ProjectType.objects.create(name="Road", locale=english)
        client.force_login(superuser)
        url = reverse(
            "wagtailadmin_pages:add",
            args=("gov_disclosure_projects", "projectpage", index.pk),
        )
        page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        ticks = [box["value"] for box in page.select("input[name=not_applicable_stages]")]
        assert ticks == ["tendering", "land_expropriation", "design_changes"]
        form_class = ProjectPage.get_edit_handler().get_form_class()
        form = form_class(instance=ProjectPage(locale_id=index.locale_id), parent_page=index)
        types = form.fields["project_type"].queryset
        assert road not in types and types.filter(name="道路交通").exists()

    def test_record_groups_one_per_category(self, client, superuser, index):
        project = ProjectPageFactory(
            parent=index, records=[record(Stage.CONSTRUCTION, D(2025, 7, 1), contractor="甲公司")]
        )
        client.force_login(superuser)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk]))
        page = BeautifulSoup(response.content.decode(), "html.parser")
        groups = page.select("#inline_child_records-0 .gdp-stage-fields")
        assert [g["class"][-1].removeprefix("gdp-stage-fields--") for g in groups] == list(
            Stage.values
        )
        assert "gov_disclosure_projects/js/record-fields.js" in response.content.decode()

    def test_completeness_panel(self, client, superuser, index):
        project = ProjectPageFactory(
            parent=index,
            current_stage=Stage.CONSTRUCTION,
            not_applicable_stages=["land_expropriation"],
            records=[record(Stage.APPROVAL_RESULTS, D(2025, 1, 5))],
        )
        client.force_login(superuser)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk]))
        panel = BeautifulSoup(response.content.decode(), "html.parser").select_one(
            ".gdp-completeness"
        )
        warning = panel.select_one(".help-warning").get_text(" ", strip=True)
        for stage in (Stage.APPROVAL_SERVICES, Stage.TENDERING, Stage.DESIGN_CHANGES):
            assert zh(stage.label) in warning
        assert zh(Stage.LAND_EXPROPRIATION.label) not in warning
        assert zh(Stage.APPROVAL_RESULTS.label) not in warning


@pytest.fixture
def timeline(index, frozen_today):
    """Records disclosed in time, late, overdue in a draft project, and a late decision."""
    transport = AgencyFactory(name="示范县交通运输局")
    public = ProjectPageFactory(
        parent=index,
        title="滨河大道改造工程",
        agency=transport,
        current_stage=Stage.CONSTRUCTION,
        records=[
            # 2025-06-02 (Mon) to 2025-06-30 (Mon): 20 working days, in time.
            record(
                Stage.CONSTRUCTION,
                D(2025, 6, 2),
                "开工",
                disclosure_date=D(2025, 6, 30),
            ),
            # 2025-06-02 to 2025-07-01: 21 working days, one late.
            record(
                Stage.TENDERING,
                D(2025, 6, 2),
                "中标结果公示",
                disclosure_date=D(2025, 7, 1),
            ),
            # A licensing decision: 7 working days allowed; 8 taken.
            record(
                Stage.APPROVAL_RESULTS,
                D(2025, 6, 2),
                "施工许可",
                disclosure_date=D(2025, 6, 12),
            ),
        ],
    )
    draft = ProjectPageFactory(
        parent=index,
        title="城北中学新建工程",
        publish=False,
        current_stage=Stage.APPROVAL_RESULTS,
        records=[
            record(Stage.APPROVAL_RESULTS, D(2025, 8, 20), "可研批复"),  # 8 working days: due
            record(Stage.APPROVAL_SERVICES, D(2025, 8, 20), "办理指南"),  # 20 days: not yet
        ],
    )
    return public, draft


class TestTimelinessReport:
    def test_rows(self, timeline):
        rows = reports.timeliness_rows(reports.timeliness_records())
        found = {(row.record.title, row.status, row.workdays, row.limit) for row in rows}
        assert found == {
            ("中标结果公示", "late", 21, 20),
            ("施工许可", "late", 8, 7),
            ("可研批复", "missing", 8, 7),
        }

    def test_page_filters_and_exports(self, client, superuser, timeline):
        client.force_login(superuser)
        url = reverse("gov_disclosure_projects:timeliness_report")
        response = client.get(url)
        assert response.status_code == 200
        page = response.content.decode()
        assert "中标结果公示" in page and "可研批复" in page and "开工</" not in page

        missing = client.get(url, {"status": "missing"}).content.decode()
        assert "可研批复" in missing and "中标结果公示" not in missing
        only_tendering = client.get(url, {"stage": "tendering"}).content.decode()
        assert "中标结果公示" in only_tendering and "施工许可" not in only_tendering

        rows = csv_rows(client.get(url, {"export": "csv"}))
        assert rows[0][0] == zh("Project")
        assert {row[4] for row in rows[1:]} == {"中标结果公示", "施工许可", "可研批复"}

        response = client.get(url, {"export": "xlsx", "status": "late"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        titles = [row[4] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert sorted(titles) == ["中标结果公示", "施工许可"]

    def test_a_record_only_in_a_draft_is_not_disclosed(self, client, superuser, timeline):
        public, _draft = timeline
        draft = public.get_latest_revision_as_object()
        draft.records.add(
            LifecycleRecord(**record(Stage.COMPLETION, D(2025, 7, 1), "草稿中的记录"))
        )
        draft.save_revision()  # saved, never published

        rows = {row.record.title: row for row in views_rows(client, superuser)}
        assert rows["草稿中的记录"].status == "missing"
        assert rows["草稿中的记录"].disclosed_on is None
        assert "中标结果公示" in rows  # the saved records are still there, once each
        assert len([t for t in rows if t == "中标结果公示"]) == 1

        client.force_login(superuser)
        url = reverse("gov_disclosure_projects:timeliness_report")
        page = client.get(url, {"stage": "completion"}).content.decode()
        assert "草稿中的记录" in page and "中标结果公示" not in page

    def test_not_proactive_projects_owe_nothing(self, timeline):
        public, _draft = timeline
        public.disclosure_attribute = "not_disclosed"
        public.disclosure_reason = "涉密"
        public.save_revision().publish()
        titles = {row.record.title for row in reports.timeliness_rows(reports.timeliness_records())}
        assert titles == {"可研批复"}

    def test_bad_filter_values_do_not_fail(self, client, superuser, timeline):
        client.force_login(superuser)
        url = reverse("gov_disclosure_projects:timeliness_report")
        for query in ({"status": "x"}, {"stage": "<b>"}, {"agency": "abc"}):
            assert client.get(url, query).status_code == 200

    def test_query_count_does_not_grow(self, timeline, index, django_assert_max_num_queries):
        def count():
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            with CaptureQueriesContext(connection) as queries:
                reports.timeliness_rows(reports.timeliness_records())
            return len(queries)

        count()  # the working-day overrides of the year are read once, then cached
        few = count()
        for _number in range(5):
            ProjectPageFactory(
                parent=index,
                records=[record(Stage.CONSTRUCTION, D(2025, 3, 3), disclosure_date=D(2025, 6, 3))],
                agency=AgencyFactory(),
            )
        assert count() == few


class TestCompletenessReport:
    def test_rows_and_page(self, client, superuser, index):
        gap = ProjectPageFactory(
            parent=index,
            title="体育中心",
            current_stage=Stage.TENDERING,
            records=[record(Stage.APPROVAL_SERVICES, D(2025, 1, 1))],
        )
        ProjectPageFactory(
            parent=index,
            title="完整的项目",
            current_stage=Stage.TENDERING,
            records=[
                record(Stage.APPROVAL_SERVICES, D(2025, 1, 1)),
                record(Stage.APPROVAL_RESULTS, D(2025, 2, 1)),
            ],
        )
        rows = reports.completeness_rows(reports.completeness_projects())
        assert [(row.project.pk, [s.stage for s in row.missing]) for row in rows] == [
            (gap.pk, [Stage.APPROVAL_RESULTS])
        ]
        client.force_login(superuser)
        url = reverse("gov_disclosure_projects:completeness_report")
        page = client.get(url).content.decode()
        assert "体育中心" in page and "完整的项目" not in page
        rows = csv_rows(client.get(url, {"export": "csv"}))
        assert rows[1][0] == "体育中心"
        assert rows[1][-1] == zh("Approval results")


class TestPermissions:
    def test_reports_need_page_permissions(self, client, index):
        nobody = UserFactory(username="nobody", is_staff=False)
        from django.contrib.auth.models import Permission

        nobody.user_permissions.add(Permission.objects.get(codename="access_admin"))
        client.force_login(nobody)
        for name in ("timeliness_report", "completeness_report"):
            response = client.get(reverse(f"gov_disclosure_projects:{name}"))
            assert response.status_code in (302, 403)

    def test_editors_see_the_reports(self, client, editor, index):
        client.force_login(editor)
        for name in ("timeliness_report", "completeness_report"):
            assert client.get(reverse(f"gov_disclosure_projects:{name}")).status_code == 200


class TestProjectTypes:
    def test_in_the_disclosure_settings_menu(self, client, superuser):
        client.force_login(superuser)
        response = client.get(reverse("wagtailadmin_home"))
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        props = json.loads(soup.select_one("#wagtail-sidebar-props").string)
        text = json.dumps(props, ensure_ascii=False)
        settings_menu = text[text.index("gov_disclosure_settings") :]
        assert "/admin/snippets/gov_disclosure_projects/projecttype/" in settings_menu

    def test_disclosure_office_manages_them(self, client, disclosure_officer, editor):
        url = reverse("wagtailsnippets_gov_disclosure_projects_projecttype:add")
        client.force_login(disclosure_officer)
        assert client.get(url).status_code == 200
        client.force_login(editor)
        assert client.get(url).status_code in (302, 403)
