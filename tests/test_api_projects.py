"""The open data of major construction projects (重大建设项目): /api/v1/projects/.

What the list and the detail give (the index's and the page's public fields, the lifecycle
stage by stage with the records and their files), the index's filters, bad values, the query
counts, and that nothing hidden leaks: no hidden project, no record or field the page would not
show.
"""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.projects.lifecycle import Stage
from gov_disclosure.projects.models import LifecycleRecord, ProjectPhoto

from .factories import AgencyFactory, ThemeCategoryFactory
from .project_factories import (
    ProjectIndexPageFactory,
    ProjectPageFactory,
    ProjectTypeFactory,
    attachment,
    record,
)
from .search_support import restrict

pytestmark = pytest.mark.django_db

API = "/api/v1"
D = datetime.date


def get(client, path, **params):
    return client.get(f"{API}{path}", params, HTTP_ACCEPT_LANGUAGE="zh-hans")


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def every_title(client, **params):
    found, response = [], get(client, "/projects/", **params)
    while True:
        assert response.status_code == 200, response.content
        body = response.json()
        found += [item["title"] for item in body["results"]]
        if not body["next"]:
            return found
        response = client.get(body["next"])


class Demo:
    """Three public projects of a county, at three points of their lifecycle."""

    def __init__(self, root):
        self.index = ProjectIndexPageFactory(parent=root, title="重大建设项目", slug="zdxm")
        self.education = AgencyFactory(name="示范县教育和体育局")
        self.transport = AgencyFactory(name="示范县交通运输局")
        self.health = AgencyFactory(name="示范县卫生健康局")
        self.school_type = ProjectTypeFactory(name="教育设施")
        self.road_type = ProjectTypeFactory(name="道路交通")
        self.hospital_type = ProjectTypeFactory(name="医疗卫生")
        self.theme = ThemeCategoryFactory(name="城乡建设")
        self.approval_file = attachment("可行性研究报告批复", "kybg-pifu.pdf")
        self.approval_file.file_size = self.approval_file.file.size  # as the admin's upload does
        self.approval_file.save()
        self.school = ProjectPageFactory(
            parent=self.index,
            title="示范县城北中学新建工程",
            project_code="2403-370322-04-01-587316",
            project_type=self.school_type,
            agency=self.education,
            theme_category=self.theme,
            plan_year=2025,
            district="城北街道",
            address="示范县城北街道北环路以南、学府路以东",
            latitude=Decimal("36.651200"),
            longitude=Decimal("117.120100"),
            owner_unit="示范县教育和体育局",
            total_investment=Decimal("18600.50"),
            planned_start=D(2025, 6, 1),
            planned_completion=D(2027, 8, 31),
            actual_start=D(2025, 7, 1),
            current_stage=Stage.CONSTRUCTION,
            not_applicable_stages=["design_changes"],
            publication_date=D(2025, 3, 10),
            summary="<p>新建教学楼、实验楼、风雨操场，规划办学规模48个班。</p>",
            records=[
                record(
                    Stage.APPROVAL_RESULTS,
                    D(2025, 3, 3),
                    "关于示范县城北中学新建项目可行性研究报告的批复",
                    content="<p>原则同意该项目可行性研究报告。</p>",
                    approval_result="同意建设",
                    approval_number="示发改投资〔2025〕21号",
                    approving_unit="示范县发展和改革局",
                    disclosure_date=D(2025, 3, 5),
                    attachments=[("file", {"document": self.approval_file, "title": "批复文件"})],
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
                    Stage.CONSTRUCTION,
                    D(2025, 7, 1),
                    "项目开工",
                    contractor="示范建工集团有限公司",
                    supervisor="示范工程监理咨询有限公司",
                ),
            ],
        )
        self.road = ProjectPageFactory(
            parent=self.index,
            title="G327国道示范县城区段改线工程",
            project_code="2305-370322-04-01-112233",
            project_type=self.road_type,
            agency=self.transport,
            plan_year=2024,
            district="东关街道",
            address="示范县东关街道至高新区",
            owner_unit="示范县交通运输局",
            total_investment=Decimal("46800"),
            planned_start=D(2024, 10, 1),
            planned_completion=D(2026, 12, 31),
            current_stage=Stage.TENDERING,
            publication_date=D(2024, 8, 20),
        )
        self.hospital = ProjectPageFactory(
            parent=self.index,
            title="示范县人民医院门急诊综合楼",
            project_code="2108-370322-04-01-445566",
            project_type=self.hospital_type,
            agency=self.health,
            plan_year=2022,
            district="城关街道",
            address="示范县城关街道健康路18号",
            owner_unit="示范县人民医院",
            total_investment=Decimal("32000"),
            planned_start=D(2022, 4, 1),
            planned_completion=D(2024, 6, 30),
            actual_start=D(2022, 5, 1),
            actual_completion=D(2024, 9, 30),
            current_stage=Stage.COMPLETION,
            publication_date=D(2023, 1, 5),
            records=[
                record(
                    Stage.COMPLETION,
                    D(2024, 9, 30),
                    "竣工验收情况",
                    acceptance_result="验收合格",
                    final_cost=Decimal("31580.26"),
                )
            ],
        )


@pytest.fixture
def demo(root_page):
    return Demo(root_page)


def test_projects_are_listed_newest_first_with_the_index_fields(client, demo):
    response = get(client, "/projects/")
    assert titles(response) == [demo.school.title, demo.road.title, demo.hospital.title]
    school = response.json()["results"][0]
    assert school["project_code"] == "2403-370322-04-01-587316"
    assert school["project_type"] == {"id": demo.school_type.pk, "name": "教育设施"}
    assert school["agency"]["name"] == "示范县教育和体育局"
    assert school["theme_category"]["name"] == "城乡建设"
    assert school["plan_year"] == 2025
    assert school["district"] == "城北街道"
    assert school["address"] == "示范县城北街道北环路以南、学府路以东"
    assert (school["latitude"], school["longitude"]) == (36.6512, 117.1201)
    assert school["owner_unit"] == "示范县教育和体育局"
    assert school["total_investment"] == 18600.5
    assert school["planned_start"] == "2025-06-01"
    assert school["planned_completion"] == "2027-08-31"
    assert school["actual_start"] == "2025-07-01"
    assert school["actual_completion"] is None
    assert school["current_stage"] == {"code": "construction", "label": "施工有关"}
    assert school["stage_number"] == 6
    assert school["completed"] is False
    # Design changes do not apply: 4 of 7 stages done (as the page says).
    assert (school["stages_done"], school["stages_applicable"]) == (4, 7)
    assert school["progress_percent"] == 57
    assert school["publication_date"] == "2025-03-10"
    assert school["url"] == "http://localhost" + demo.school.url
    assert "stages" not in school and "summary_html" not in school  # the detail's
    hospital = response.json()["results"][2]
    assert hospital["completed"] is True
    assert hospital["actual_completion"] == "2024-09-30"
    assert hospital["progress_percent"] == 100
    assert hospital["current_stage"]["label"] == "竣工有关"
    # The labels follow Accept-Language.
    english = client.get(f"{API}/projects/", HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    assert english[0]["current_stage"]["label"] == "Construction"


def test_a_project_in_detail_with_its_lifecycle(client, demo):
    body = get(client, f"/projects/{demo.school.pk}/").json()
    assert body["title"] == demo.school.title
    assert body["project_code"] == "2403-370322-04-01-587316"  # the item's fields too
    assert body["summary_html"] == "<p>新建教学楼、实验楼、风雨操场，规划办学规模48个班。</p>"
    assert body["latest_record_date"] == "2025-07-01"
    stages = body["stages"]
    assert [stage["stage"]["code"] for stage in stages] == Stage.values
    assert [stage["number"] for stage in stages] == list(range(1, 9))
    assert [stage["state"]["code"] for stage in stages] == [
        "done",
        "done",
        "done",
        "done",
        "not_applicable",
        "current",
        "upcoming",
        "upcoming",
    ]
    assert stages[4]["state"]["label"] == "不涉及"
    assert [len(stage["records"]) for stage in stages] == [0, 1, 1, 0, 0, 1, 0, 0]

    approval = stages[1]["records"][0]
    assert approval["title"] == "关于示范县城北中学新建项目可行性研究报告的批复"
    assert approval["event_date"] == "2025-03-03"
    assert approval["disclosure_date"] == "2025-03-05"
    assert approval["content_html"] == "<p>原则同意该项目可行性研究报告。</p>"
    assert approval["approval_result"] == "同意建设"
    assert approval["approval_number"] == "示发改投资〔2025〕21号"
    assert approval["approving_unit"] == "示范县发展和改革局"
    assert approval["winning_bidder"] is None  # another category's field
    [file] = approval["attachments"]
    assert file["title"] == "批复文件"
    assert file["url"] == "http://testserver" + demo.approval_file.url
    assert file["url"].endswith(".pdf")
    assert file["file_type"] == "pdf"
    assert file["file_size"] == len(b"%PDF-1.4 test")

    tender = stages[2]["records"][0]
    assert tender["tender_method"] == {"code": "open", "label": "公开招标"}
    assert tender["winning_bidder"] == "示范建工集团有限公司"
    assert tender["contract_amount"] == 15230.5
    assert tender["approval_number"] is None
    assert tender["attachments"] == []
    construction = stages[5]["records"][0]
    assert (construction["contractor"], construction["supervisor"]) == (
        "示范建工集团有限公司",
        "示范工程监理咨询有限公司",
    )
    assert construction["content_html"] == ""

    completed = get(client, f"/projects/{demo.hospital.pk}/").json()
    assert {stage["state"]["code"] for stage in completed["stages"]} == {"done"}
    [acceptance] = completed["stages"][7]["records"]
    assert (acceptance["acceptance_result"], acceptance["final_cost"]) == ("验收合格", 31580.26)
    # A project without records or summary has its eight stages, empty.
    road = get(client, f"/projects/{demo.road.pk}/").json()
    assert road["summary_html"] == "" and road["latest_record_date"] is None
    assert [stage["records"] for stage in road["stages"]] == [[]] * 8


def test_records_are_oldest_first_within_a_stage(client, demo):
    draft = demo.road.get_latest_revision_as_object()
    for day, title in ((D(2024, 11, 20), "监理招标结果公示"), (D(2024, 9, 15), "施工招标公告")):
        draft.records.add(
            LifecycleRecord(**record(Stage.TENDERING, day, title, tender_method="open"))
        )
    draft.save_revision().publish()
    body = get(client, f"/projects/{demo.road.pk}/").json()
    assert [r["title"] for r in body["stages"][2]["records"]] == [
        "施工招标公告",
        "监理招标结果公示",
    ]
    assert body["stages"][2]["state"]["code"] == "current"


def test_rich_text_links_are_expanded_as_on_the_page(client, demo):
    demo.road.summary = (
        f'<p>详见<a linktype="page" id="{demo.school.pk}">城北中学项目</a>的配套道路。</p>'
    )
    demo.road.save_revision().publish()
    html = get(client, f"/projects/{demo.road.pk}/").json()["summary_html"]
    assert f'href="{demo.school.url}"' in html
    assert "linktype" not in html


def test_photos_are_given_as_a_resized_image(client, demo):
    ProjectPhoto.objects.create(
        page=demo.school,
        image=get_image_model().objects.create(title="施工现场", file=get_test_image_file()),
        caption="教学楼主体施工",
        taken_on=D(2025, 9, 18),
    )
    [photo] = get(client, f"/projects/{demo.school.pk}/").json()["photos"]
    assert photo["caption"] == "教学楼主体施工"
    assert photo["taken_on"] == "2025-09-18"
    assert photo["url"].startswith("http://testserver/") and ".max-1200x900" in photo["url"]
    assert photo["width"] > 0 and photo["height"] > 0
    assert get(client, f"/projects/{demo.road.pk}/").json()["photos"] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "城北中学"}, ["school"]),
        ({"q": "2305-370322"}, ["road"]),  # the project code
        ({"q": "人民医院"}, ["hospital"]),  # the title and the owner unit
        ({"q": "健康路"}, ["hospital"]),  # the address
        ({"q": "东关街道"}, ["road"]),  # the district
        ({"q": "示范县 街道"}, ["school", "road", "hospital"]),
        ({"q": "城北 医院"}, []),  # every word must appear
        ({"stage": "construction"}, ["school"]),
        ({"stage": "tendering"}, ["road"]),
        ({"stage": "completed"}, ["hospital"]),
        ({"stage": "completion"}, []),  # in the completion stage but accepted: completed
        ({"district": "城关街道"}, ["hospital"]),
        ({"district": "城关"}, []),  # the exact district
        ({"year": 2024}, ["road"]),  # the plan year, not the year of publication (2024-08-20)
        ({"year": 2022}, ["hospital"]),  # published in 2023
        ({"year": 2023}, []),
        ({"q": "示范县", "stage": "construction", "year": 2025}, ["school"]),
    ],
)
def test_the_filters_of_the_index(client, demo, params, expected):
    assert titles(get(client, "/projects/", **params)) == [
        getattr(demo, key).title for key in expected
    ]


def test_filters_by_type_agency_category_and_section(client, demo):
    assert titles(get(client, "/projects/", type=demo.road_type.pk)) == [demo.road.title]
    assert titles(get(client, "/projects/", agency=demo.health.pk)) == [demo.hospital.title]
    assert titles(get(client, "/projects/", category=demo.theme.pk)) == [demo.school.title]
    other = ProjectIndexPageFactory(parent=demo.index.get_parent(), title="市级重大项目")
    elsewhere = ProjectPageFactory(parent=other, title="示范市城市轨道交通一号线")
    assert titles(get(client, "/projects/", section=other.pk)) == [elsewhere.title]
    assert elsewhere.title not in titles(get(client, "/projects/", section=demo.index.pk))
    # A type that exists but that no public project has gives an empty list, not an error.
    unused = ProjectTypeFactory(name="水利设施")
    assert titles(get(client, "/projects/", type=unused.pk)) == []


def test_published_since_gives_the_projects_updated_since(client, demo):
    moment = timezone.now()
    demo.road.current_stage = Stage.CONSTRUCTION
    demo.road.save_revision().publish()
    assert titles(get(client, "/projects/", published_since=moment.isoformat())) == [
        demo.road.title
    ]
    assert titles(get(client, "/projects/", stage="construction")) == [
        demo.school.title,
        demo.road.title,
    ]


@pytest.mark.parametrize(
    ("params", "parameter", "message"),
    [
        ({"stage": "started"}, "stage", "approval_services"),
        ({"stage": "<script>"}, "stage", "completed"),
        ({"type": "abc"}, "type", "整数"),
        ({"type": "999999"}, "type", "没有这个项目类型"),
        ({"type": "0"}, "type", "1"),
        ({"year": "二〇二四"}, "year", "整数"),
        ({"year": "20240"}, "year", "2100"),
        ({"district": "镇" * 51}, "district", "50"),
        ({"agency": "999999"}, "agency", "没有这个发布机构"),
        ({"q": "路" * 101}, "q", "100"),
        ({"sort": "investment"}, "sort", "stage"),  # the index sorts; the API is newest first
    ],
)
def test_a_bad_filter_gets_a_400_naming_it(client, demo, params, parameter, message):
    response = get(client, "/projects/", **params)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameters"
    named = {item["name"]: item["message"] for item in error["parameters"]}
    assert parameter in named, named
    assert message in named[parameter], named
    assert "<script>" not in response.content.decode()


def test_the_index_offers_its_list_for_download(client, demo):
    import csv
    import io
    import re

    html = client.get(demo.index.url, {"stage": "construction", "sort": "investment"})
    found = re.findall(
        r'class="gd-downloads__link" href="([^"]+)"[^>]*>([^<]+)<', html.content.decode()
    )
    links = {label: url.replace("&amp;", "&") for url, label in found}
    assert set(links) == {"CSV", "Excel", "JSON Lines", "RSS 订阅"}
    assert "stage=construction" in links["CSV"] and f"section={demo.index.pk}" in links["CSV"]
    assert "sort" not in links["CSV"]  # the API has one order
    body = b"".join(client.get(links["CSV"]).streaming_content).decode("utf-8-sig")
    assert [row["title"] for row in csv.DictReader(io.StringIO(body))] == [demo.school.title]
    from openpyxl import load_workbook

    excel = client.get(links["Excel"], HTTP_ACCEPT_LANGUAGE="zh-hans")
    rows = list(load_workbook(io.BytesIO(b"".join(excel.streaming_content))).active.values)
    heading = rows[0]
    school = dict(zip(heading, rows[1], strict=True))
    assert school["项目统一代码"] == "2403-370322-04-01-587316"
    assert school["当前阶段"] == "施工有关" and school["当前阶段（代码）"] == "construction"
    assert (school["已完成的阶段数"], school["涉及的阶段数"]) == (4, 7)  # numbers stay numbers
    assert school["是否已竣工"] is False


def _make_projects(index, count, records_each):
    for number in range(count):
        ProjectPageFactory(
            parent=index,
            title=f"示范县第{number + 1}批老旧小区改造工程",
            project_type=ProjectTypeFactory(name=f"城市更新{number}"),
            agency=AgencyFactory(name=f"示范县第{number}街道办事处"),
            theme_category=ThemeCategoryFactory(name=f"住房保障{number}"),
            records=[
                record(Stage.CONSTRUCTION, D(2025, 4, 1 + day), f"第{day + 1}次施工进度公示")
                for day in range(records_each)
            ],
        )


def test_the_list_makes_a_fixed_number_of_queries(client, demo, django_assert_num_queries):
    get(client, "/projects/")  # the site's root paths are cached from here on
    with django_assert_num_queries(2):  # hidden sections, the page of rows
        assert len(titles(get(client, "/projects/", page_size=3))) == 3
    _make_projects(demo.index, 20, records_each=4)
    with django_assert_num_queries(2):
        assert len(titles(get(client, "/projects/", page_size=20))) == 20
    with django_assert_num_queries(4):  # and the project type and the agency named
        titles(get(client, "/projects/", type=demo.road_type.pk, agency=demo.transport.pk))


def _detail_queries(client, project):
    with CaptureQueriesContext(connection) as queries:
        response = get(client, f"/projects/{project.pk}/")
    assert response.status_code == 200
    return response.json(), len(queries)


def test_the_detail_makes_a_fixed_number_of_queries(client, demo):
    ProjectPhoto.objects.create(
        page=demo.school,
        image=get_image_model().objects.create(title="基坑开挖", file=get_test_image_file()),
    )
    _detail_queries(client, demo.school)  # the rendition is made on the first request
    body, few = _detail_queries(client, demo.school)
    assert sum(len(stage["records"]) for stage in body["stages"]) == 3
    draft = demo.school.get_latest_revision_as_object()
    for number in range(10):
        draft.records.add(
            LifecycleRecord(
                **record(
                    Stage.QUALITY_SAFETY,
                    D(2025, 8, 1 + number),
                    f"第{number + 1}次质量安全监督检查",
                    inspection_unit="示范县建设工程质量安全监督站",
                    inspection_result="未发现重大质量安全隐患",
                    attachments=[("file", {"document": attachment(f"检查记录{number + 1}")})],
                )
            )
        )
    draft.photos.add(
        ProjectPhoto(
            image=get_image_model().objects.create(title="主体封顶", file=get_test_image_file())
        )
    )
    draft.save_revision().publish()
    _detail_queries(client, demo.school)
    body, many = _detail_queries(client, demo.school)
    assert sum(len(stage["records"]) for stage in body["stages"]) == 13
    assert sum(len(r["attachments"]) for r in body["stages"][6]["records"]) == 10
    assert len(body["photos"]) == 2
    assert many == few
    # hidden sections, the project, records, photos, images, renditions, documents and the
    # collections' view restrictions
    assert many == 8, many


class Hidden:
    """One project per way of being hidden, each with a record."""

    def __init__(self, demo):
        index = demo.index
        secret = AgencyFactory(name="示范县国防动员办公室")
        self.agency = secret

        def project(title, parent=index, **fields):
            return ProjectPageFactory(
                parent=parent,
                title=title,
                agency=secret,
                records=[record(Stage.APPROVAL_RESULTS, D(2025, 2, 1), f"{title}的批复")],
                **fields,
            )

        self.pages = {
            "draft": project("人防工程草稿项目", publish=False),
            "not proactive": project(
                "依申请公开的人防工程",
                disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
                disclosure_reason="涉及国家秘密，依据《政府信息公开条例》第十四条不予主动公开",
            ),
            "not disclosed": project(
                "不予公开的指挥所工程",
                disclosure_attribute=DisclosureAttribute.NOT_DISCLOSED,
                disclosure_reason="属于国家秘密",
            ),
        }
        unpublished = project("已撤回的人防工程")
        unpublished.unpublish()
        self.pages["unpublished"] = unpublished
        for kind in (PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD):
            page = project(f"受限的人防工程（{kind}）")
            restrict(page, kind, password="x" if kind == PageViewRestriction.PASSWORD else "")
            self.pages[f"restricted ({kind})"] = page
        closed = ProjectIndexPageFactory(parent=index.get_parent(), title="内部项目库")
        self.pages["under an unpublished parent"] = project("内部项目库中的工程", parent=closed)
        closed.unpublish()
        private = ProjectIndexPageFactory(parent=index.get_parent(), title="受限项目库")
        self.pages["under a restricted parent"] = project("受限项目库中的工程", parent=private)
        restrict(private, PageViewRestriction.LOGIN)


def test_no_hidden_project_is_listed_or_served(client, demo):
    hidden = Hidden(demo)
    public = {demo.school.title, demo.road.title, demo.hospital.title}
    assert set(every_title(client)) == public
    for case, page in hidden.pages.items():
        response = get(client, f"/projects/{page.pk}/")
        assert response.status_code == 404, case
        assert response.json()["error"]["code"] == "not_found"
    assert titles(get(client, "/projects/", agency=hidden.agency.pk)) == []
    assert titles(get(client, "/projects/", q="人防")) == []
    # Nor in the exports and feeds that share the list.
    export = client.get(f"{API}/projects/export.csv").getvalue().decode("utf-8-sig")
    feed = client.get(f"{API}/projects/feed.rss").content.decode()
    for page in hidden.pages.values():
        assert page.title not in export and page.title not in feed
    assert demo.school.title in export and demo.school.title in feed
    # A project published, then unpublished, disappears at once.
    demo.road.unpublish()
    assert demo.road.title not in every_title(client)
    assert get(client, f"/projects/{demo.road.pk}/").status_code == 404


def test_only_the_records_the_page_shows(client, demo):
    """A record saved in a draft is not shown until the draft is published; a field of another
    category and a file in a restricted collection are not shown either."""
    draft = demo.school.get_latest_revision_as_object()
    draft.records.add(
        LifecycleRecord(
            **record(
                Stage.QUALITY_SAFETY,
                D(2025, 9, 1),
                "质量安全监督检查（未发布）",
                inspection_result="发现两处隐患，已责令整改",
            )
        )
    )
    draft.save_revision()  # not published
    # Fields of other categories, written past the form (an import, a change of category).
    tender = LifecycleRecord.objects.get(page=demo.school, stage=Stage.TENDERING)
    tender.approval_number = "示发改投资〔2025〕99号"
    tender.compensation = "内部测算数据"
    internal = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(
        collection=internal, restriction_type=CollectionViewRestriction.LOGIN
    )
    secret_file = attachment("评标报告（内部）", "pingbiao.pdf")
    secret_file.collection = internal
    secret_file.save()
    public_file = attachment("中标通知书", "zhongbiao.pdf")
    tender.attachments = [
        ("file", {"document": secret_file, "title": ""}),
        ("file", {"document": public_file, "title": ""}),
    ]
    tender.save()  # not clean(): it would blank the other categories' fields
    assert LifecycleRecord.objects.get(pk=tender.pk).compensation == "内部测算数据"

    page = client.get(demo.school.url).content.decode()
    assert "质量安全监督检查（未发布）" not in page
    assert "示发改投资〔2025〕99号" not in page

    body = get(client, f"/projects/{demo.school.pk}/").json()
    records = [r for stage in body["stages"] for r in stage["records"]]
    assert [r["title"] for r in records] == [
        "关于示范县城北中学新建项目可行性研究报告的批复",
        "施工总承包中标结果公示",
        "项目开工",
    ]
    assert body["stages"][6]["state"]["code"] == "upcoming"
    text = str(body)
    assert "质量安全监督检查（未发布）" not in text and "已责令整改" not in text
    [listed_tender] = body["stages"][2]["records"]
    assert listed_tender["approval_number"] is None
    assert listed_tender["compensation"] is None
    assert "内部测算数据" not in text and "99号" not in text
    assert [a["title"] for a in listed_tender["attachments"]] == ["中标通知书"]  # its own title
    assert listed_tender["attachments"][0]["file_size"] is None  # not recorded at upload
    assert "评标报告" not in text and "pingbiao" not in text
    # Once published, the draft's record is shown.
    draft = demo.school.get_latest_revision_as_object()
    draft.save_revision().publish()
    body = get(client, f"/projects/{demo.school.pk}/").json()
    assert [r["title"] for r in body["stages"][6]["records"]] == ["质量安全监督检查（未发布）"]


def test_the_openapi_description_lists_the_endpoint_and_its_filters(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    assert "/api/v1/projects/" in paths and "/api/v1/projects/{item_id}/" in paths
    listing = paths["/api/v1/projects/"]["get"]
    parameters = {p["name"]: p for p in listing["parameters"]}
    assert {"q", "type", "stage", "district", "year", "agency", "category", "section"} <= set(
        parameters
    )
    stage = parameters["stage"]["schema"]
    enum = next(option["enum"] for option in stage["anyOf"] if "enum" in option)
    assert enum == [*Stage.values, "completed"]
    assert "Plan year" in parameters["year"]["description"]
    assert "400" in listing["responses"]
    components = schema["components"]["schemas"]
    item = components["ProjectItem"]["properties"]
    assert {"project_code", "project_type", "total_investment", "current_stage"} <= set(item)
    assert "万元" in item["total_investment"]["description"]
    detail = components["ProjectDetail"]["properties"]
    assert {"stages", "summary_html", "photos"} <= set(detail)
    assert "winning_bidder" in components["RecordItem"]["properties"]
