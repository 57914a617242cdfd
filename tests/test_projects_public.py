"""The public pages of the projects app: the project index and a project's timeline.

What a citizen sees, what he never sees (drafts, projects not proactively disclosed, restricted
pages), how bad filters are answered, and that the number of queries does not grow with the
number of projects or records.
"""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageViewRestriction

from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.projects.lifecycle import Stage
from gov_disclosure.projects.models import ProjectIndexPage, ProjectPage, ProjectPhoto

from .factories import AgencyFactory
from .project_factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectTypeFactory,
    attachment,
    record,
)
from .test_documents_public import count_queries

D = datetime.date
pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".gdp-card__title a")]


@pytest.fixture
def index(root_page):
    return ProjectIndexPageFactory(parent=root_page, title="重大建设项目", slug="zdxm")


@pytest.fixture
def projects(index):
    school, road = ProjectTypeFactory(name="学校"), ProjectTypeFactory(name="道路交通")
    education = AgencyFactory(name="示范县教育局")
    transport = AgencyFactory(name="示范县交通运输局")
    return {
        "school": ProjectPageFactory(
            parent=index,
            title="示范县城北中学新建工程",
            project_type=school,
            agency=education,
            district="城北街道",
            plan_year=2025,
            current_stage=Stage.TENDERING,
            total_investment=18600,
        ),
        "road": ProjectPageFactory(
            parent=index,
            title="示范县滨河大道改造工程",
            project_type=road,
            agency=transport,
            district="城关街道",
            plan_year=2024,
            current_stage=Stage.CONSTRUCTION,
            total_investment=32000,
        ),
        "done": ProjectPageFactory(
            parent=index,
            title="示范县人民医院门诊楼扩建工程",
            project_type=ProjectTypeFactory(name="医院"),
            agency=AgencyFactory(name="示范县卫生健康局"),
            district="城关街道",
            plan_year=2023,
            current_stage=Stage.COMPLETION,
            actual_start=D(2023, 5, 1),
            actual_completion=D(2025, 9, 30),
        ),
    }


class TestIndex:
    def test_lists_public_projects_with_their_stage(self, client, index, projects):
        ProjectPageFactory(parent=index, title="草稿项目", publish=False)
        ProjectPageFactory(
            parent=index,
            title="依申请公开的项目",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="涉及商业秘密",
        )
        private = ProjectPageFactory(parent=index, title="受限项目")
        PageViewRestriction.objects.create(page=private, restriction_type="login")

        response = client.get(index.url)

        assert set(card_titles(response)) == {p.title for p in projects.values()}
        stages = {
            card.select_one(".gdp-card__title").get_text(strip=True): card.select_one(
                ".gdp-card__stage"
            ).get_text(" ", strip=True)
            for card in soup(response).select(".gdp-card")
        }
        assert stages["示范县人民医院门诊楼扩建工程"] == zh(
            "Completed on %(date)s", date="2025-09-30"
        )
        assert stages["示范县滨河大道改造工程"] == zh(
            "Stage %(number)s of 8: %(stage)s", number=6, stage=zh("Construction")
        )

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ({"stage": "tendering"}, {"school"}),
            ({"stage": "completed"}, {"done"}),
            ({"stage": "completion"}, set()),  # in the completion stage but not yet accepted
            ({"district": "城关街道"}, {"road", "done"}),
            ({"year": "2024"}, {"road"}),
            ({"q": "滨河"}, {"road"}),
            ({"q": "2403-370322"}, {"school", "road", "done"}),
        ],
    )
    def test_filters(self, client, index, projects, query, expected):
        response = client.get(index.url, query)
        assert set(card_titles(response)) == {projects[key].title for key in expected}

    def test_type_and_agency_filters(self, client, index, projects):
        school = projects["school"]
        assert card_titles(client.get(index.url, {"type": school.project_type_id})) == [
            school.title
        ]
        assert card_titles(client.get(index.url, {"agency": school.agency_id})) == [school.title]

    def test_sort_by_investment(self, client, index, projects):
        titles = card_titles(client.get(index.url, {"sort": "investment"}))
        assert titles[:2] == [projects["road"].title, projects["school"].title]

    @pytest.mark.parametrize(
        "query",
        [
            {"stage": "<script>"},
            {"type": "abc"},
            {"type": "99999"},
            {"year": "二〇二四"},
            {"year": "20240"},
            {"district": "不存在的镇"},
            {"agency": "1; DROP TABLE"},
            {"sort": "price"},
            {"page": "x"},
            {"page": "999"},
            {"q": "路" * 101},
        ],
    )
    def test_bad_filters_are_ignored_with_a_message(self, client, index, projects, query):
        response = client.get(index.url, query)
        assert response.status_code == 200
        notice = soup(response).select_one(".gd-notice--warning")
        assert notice is not None
        assert "<script>" not in response.content.decode()
        assert len(card_titles(response)) >= 1

    def test_empty_index(self, client, index):
        response = client.get(index.url)
        assert zh("No project has been published here yet.") in response.content.decode()

    def test_pagination(self, client, index, projects, settings):
        settings.GOV_DISCLOSURE_PROJECT_INDEX_PAGE_SIZE = 2
        first = card_titles(client.get(index.url))
        second = card_titles(client.get(index.url, {"page": 2}))
        assert len(first) == 2 and len(second) == 1
        assert not set(first) & set(second)

    def test_query_count_does_not_grow(self, client, index, projects, monkeypatch):
        client.get(index.url)
        _response, _routing, few = count_queries(client, index.url, ProjectIndexPage, monkeypatch)
        for number in range(12):
            ProjectPageFactory(
                parent=index,
                project_type=ProjectTypeFactory(name=f"类型{number}"),
                agency=AgencyFactory(),
                district=f"第{number}镇",
                plan_year=2010 + number,
            )
        response, _routing, many = count_queries(
            client, index.url + "?stage=construction&sort=investment", ProjectIndexPage, monkeypatch
        )
        assert len(card_titles(response)) == 12  # the page size
        assert many == few
        assert many <= 10, many


@pytest.fixture
def half_way(index):
    """A project in construction with records in four stages, files and a photo."""
    approval = attachment("可行性研究报告批复", "pifu.pdf")
    project = ProjectPageFactory(
        parent=index,
        title="示范县城北中学新建工程",
        current_stage=Stage.CONSTRUCTION,
        not_applicable_stages=["design_changes"],
        latitude=Decimal("36.6512"),
        longitude=Decimal("117.1201"),
        address="示范县城北街道北环路以南、学府路以东",
        records=[
            record(
                Stage.APPROVAL_RESULTS,
                D(2025, 3, 3),
                "关于示范县城北中学新建项目可行性研究报告的批复",
                approval_result="同意建设",
                approval_number="示发改投资〔2025〕21号",
                approving_unit="示范县发展和改革局",
                attachments=[("file", {"document": approval, "title": "批复文件"})],
            ),
            record(
                Stage.TENDERING,
                D(2025, 5, 12),
                "施工总承包中标结果公示",
                tender_method="open",
                winning_bidder="示范建工集团有限公司",
                contract_amount=Decimal("15230.50"),
            ),
            record(
                Stage.CONSTRUCTION, D(2025, 7, 1), "项目开工", contractor="示范建工集团有限公司"
            ),
        ],
    )
    ProjectPhoto.objects.create(
        page=project,
        image=get_image_model().objects.create(title="施工现场", file=get_test_image_file()),
        caption="教学楼主体施工",
    )
    return project


class TestProjectPage:
    def test_progress_and_timeline(self, client, half_way):
        response = client.get(half_way.url)
        page = soup(response)
        progress = page.select_one(".gdp-progress__now").get_text(strip=True)
        assert progress == zh(
            "Stage %(number)s of 8: %(stage)s", number=6, stage=zh("Construction")
        )
        assert (
            page.select_one(".gdp-progress__count")
            .get_text(strip=True)
            .startswith(zh("%(done)s of %(total)s stages done", done=4, total=7))
        )
        states = [
            li["class"][1].removeprefix("gdp-stage--") for li in page.select(".gdp-timeline > li")
        ]
        assert states == [
            "done",
            "done",
            "done",
            "done",
            "not_applicable",
            "current",
            "upcoming",
            "upcoming",
        ]
        missing = [
            li for li in page.select(".gdp-timeline > li") if "gdp-stage--missing" in li["class"]
        ]
        assert len(missing) == 2  # approval services and land expropriation: passed, empty

    def test_records_readable_in_place(self, client, half_way):
        page = soup(client.get(half_way.url))
        records = page.select(".gdp-record")
        assert len(records) == 3
        approval = records[0]
        details = {
            dt.get_text(strip=True): dd.get_text(strip=True)
            for dt, dd in zip(approval.select("dt"), approval.select("dd"), strict=True)
        }
        assert details[zh("approval number")] == "示发改投资〔2025〕21号"
        assert details[zh("approving unit")] == "示范县发展和改革局"
        link = approval.select_one(".gdp-files a")
        assert link.get_text(strip=True) == "批复文件"
        assert link["href"].startswith("/documents/") and link["href"].endswith(".pdf")
        # The record of the stage under way is open, the others closed.
        assert records[2].has_attr("open") and not records[0].has_attr("open")

    def test_photo_and_location(self, client, half_way):
        page = soup(client.get(half_way.url))
        assert page.select_one(".gdp-photo img")["alt"] == "教学楼主体施工"
        assert "36.6512" in page.select_one(".gdp-coords").get_text()

    def test_not_proactive_project_is_not_served(self, client, half_way):
        half_way.disclosure_attribute = DisclosureAttribute.NOT_DISCLOSED
        half_way.disclosure_reason = "涉及国家秘密"
        half_way.save_revision().publish()
        assert client.get(half_way.url).status_code == 404

    def test_query_count_does_not_grow_with_records(self, client, half_way, monkeypatch):
        client.get(half_way.url)  # renditions are made on the first view
        _response, _routing, few = count_queries(client, half_way.url, ProjectPage, monkeypatch)
        draft = half_way.get_latest_revision_as_object()
        from gov_disclosure.projects.models import LifecycleRecord

        for number in range(10):
            draft.records.add(
                LifecycleRecord(
                    **record(
                        Stage.QUALITY_SAFETY,
                        D(2025, 8, 1 + number),
                        f"第{number}次质量安全监督检查",
                        inspection_unit="示范县建设工程质量安全监督站",
                        attachments=[("file", {"document": attachment(f"检查记录{number}")})],
                    )
                )
            )
        draft.save_revision().publish()
        response, _routing, many = count_queries(client, half_way.url, ProjectPage, monkeypatch)
        assert len(soup(response).select(".gdp-record")) == 13
        assert len(soup(response).select(".gdp-files a")) == 11
        assert many == few
        assert many <= 12, many
