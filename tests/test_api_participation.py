"""The open-data API's public participation (公众参与): meetings attended by public
representatives and comment solicitations with their feedback. Fields, filters, errors, query
counts, and what the public pages hide: hidden pages, the representatives' contact details,
the commenters' names, contacts and texts, and an unpublished feedback report."""

import csv
import datetime
import io
import json
import re

import pytest
from wagtail.models import PageViewRestriction

from gov_disclosure.models import DisclosureAttribute
from gov_disclosure.participation import services
from gov_disclosure.participation.models import (
    Comment,
    MeetingPage,
    Representative,
    SolicitationPage,
)

from .document_factories import upload
from .factories import AgencyFactory, ThemeCategoryFactory
from .participation_factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    SolicitationIndexPageFactory,
    SolicitationPageFactory,
    representative,
)
from .search_support import restrict

pytestmark = pytest.mark.django_db

API = "/api/v1"
D = datetime.date
TODAY = D(2026, 4, 10)


def get(client, path, **params):
    return client.get(f"{API}{path}", params, HTTP_ACCEPT_LANGUAGE="zh-hans")


def results(response):
    assert response.status_code == 200, response.content
    return response.json()["results"]


def titles(response):
    return [item["title"] for item in results(response)]


def bad_parameters(response):
    """``{name: message}`` of a 400's bad parameters."""
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid_parameters"
    return {item["name"]: item["message"] for item in error["parameters"]}


def full(path):
    """A page's address (the site's host name)."""
    return "http://localhost" + path


def absolute(path):
    """A file's address (the request's host, as the documents' attachments)."""
    return "http://testserver" + path


def every_item(client, path, **params):
    items, response = [], get(client, path, **params)
    while True:
        body = response.json()
        assert response.status_code == 200, body
        items += body["results"]
        if not body["next"]:
            return items
        response = client.get(body["next"], HTTP_ACCEPT_LANGUAGE="zh-hans")


def streamed(response):
    assert response.status_code == 200, response
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode()


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    """The solicitations' states are computed on this day (the page's ``services.today``)."""

    def freeze(day):
        monkeypatch.setattr(services, "today", lambda: day)

    freeze(TODAY)
    return freeze


# Personal data the public pages never show: none of it may appear in any answer.
REPRESENTATIVE_CONTACTS = ["13800001111", "limin@shifan.edu.cn", "0571-88886666", "13655550000"]
COMMENTER_DATA = [
    "赵丽华",
    "13912345678",
    "钱卫东",
    "qianweidong@example.com",
    "孙志强",
    "sunzhiqiang@example.com",
    "周秀英",
    "13700002222",
    "我家住在幸福小区",  # the text of a comment
    "YJ20260305000123",  # a receipt number
    "内部研究：暂不对外说明",  # a reason given on a solicitation whose feedback is unpublished
    "反馈报告草稿，尚未发布",  # the summary of an unpublished feedback report
]


class Participation:
    """Public meetings and solicitations, and one hidden page of each per way of being hidden."""

    def __init__(self, root, freeze):
        self.office = AgencyFactory(name="示范县人民政府办公室")
        self.housing = AgencyFactory(name="示范县住房和城乡建设局")
        self.secret_agency = AgencyFactory(name="示范县保密局")
        self.theme = ThemeCategoryFactory(name="城乡建设、环境保护")
        self.meetings = MeetingIndexPageFactory(parent=root, title="公众参与会议", slug="gzcy")
        self.solicitations = SolicitationIndexPageFactory(
            parent=root, title="意见征集", slug="yjzj"
        )
        self._meetings()
        self._solicitations(freeze)
        self.hidden = self._hidden(root)

    def _meetings(self):
        self.m15 = MeetingPageFactory(
            parent=self.meetings,
            title="示范县人民政府第15次常务会议",
            meeting_number="县政府第15次常务会议",
            meeting_date=D(2026, 3, 12),
            agency=self.office,
            theme_category=self.theme,
            summary="<p>会议由县长主持，两名公众代表列席会议并发表意见。</p>",
            children={
                "topics": [
                    {
                        "title": "审议《示范县城区停车管理办法（草案）》",
                        "decision": "原则通过，由县住建局修改完善后印发。",
                    },
                    {"title": "研究2026年老旧小区改造计划", "decision": ""},
                ],
                "representatives": [
                    representative(
                        "王建国",
                        unit="城关街道幸福社区",
                        position="居民代表",
                        opinion="建议在老旧小区周边增设错时共享停车位。",
                        adoption="adopted",
                        contact="13800001111",
                    ),
                    representative(
                        "李敏",
                        category="expert",
                        unit="示范学院",
                        position="教授",
                        opinion="建议对新能源车辆实行差别化收费。",
                        adoption="not_adopted",
                        reason="上位法未授权，暂不具备条件。",
                        contact="limin@shifan.edu.cn",
                    ),
                ],
            },
        )
        self.m9 = MeetingPageFactory(
            parent=self.meetings,
            title="示范县人民政府第9次常务会议",
            meeting_number="县政府第9次常务会议",
            meeting_date=D(2025, 11, 20),
            agency=self.housing,
            children={
                "topics": [{"title": "审议《示范县住宅小区物业管理办法》", "decision": "通过。"}],
                "representatives": [
                    representative(
                        "陈晓红",
                        category="business",
                        unit="示范县物业管理协会",
                        position="秘书长",
                        opinion="建议明确业主委员会备案时限。",
                        adoption="partly",
                        reason="已在第十二条中明确备案时限，其余内容另行研究。",
                        contact="0571-88886666",
                    )
                ],
            },
        )
        self.m3 = MeetingPageFactory(
            parent=self.meetings,
            title="示范县人民政府第3次常务会议",
            meeting_number="县政府第3次常务会议",
            meeting_date=D(2025, 5, 8),
            agency=self.office,
            children={
                "topics": [{"title": "研究城区学校学位供给工作", "decision": "原则同意。"}],
                "representatives": [
                    representative(
                        "刘芳",
                        category="deputy",
                        unit="县人大代表",
                        position="",
                        opinion="建议新建一所九年一贯制学校。",
                        adoption="under_study",
                        reason="已列入“十五五”规划前期研究。",
                        contact="13655550000",
                    )
                ],
            },
        )

    def _solicitations(self, freeze):
        self.draft_pdf = upload("示范县养犬管理规定（征求意见稿）.pdf")
        self.explanation_docx = upload("起草说明.docx")
        freeze(D(2026, 3, 5))  # the dog rules are open: comments come in
        self.dogs = SolicitationPageFactory(
            parent=self.solicitations,
            title="关于《示范县养犬管理规定（征求意见稿）》公开征求意见的公告",
            agency=self.office,
            opens_on=D(2026, 3, 1),
            closes_on=D(2026, 3, 31),
            email="yijian@shifan.gov.cn",
            postal_address="示范县人民政府办公室（示范县人民路1号）",
            drafting_explanation="<p>为规范养犬行为，保障公民人身安全，起草本规定。</p>",
            policy_basis="<p>《中华人民共和国动物防疫法》</p>",
            children={
                "attachments": [
                    {"title": "示范县养犬管理规定（征求意见稿）", "document": self.draft_pdf},
                    {"title": "起草说明", "document": self.explanation_docx},
                ]
            },
        )
        rows = [
            (
                "赵丽华",
                "13912345678",
                "我家住在幸福小区，希望增加遛狗区域。",
                "adopted",
                "已在第五条中明确。",
            ),
            (
                "钱卫东",
                "qianweidong@example.com",
                "建议犬只登记免费。",
                "adopted",
                "已在第五条中明确。",
            ),
            ("", "", "建议放宽免疫证明办理时限。", "partly", "部分采纳，已调整办理时限。"),
            ("", "", "建议全面禁止养犬。", "not_adopted", "超出本规定调整范围。"),
            ("", "", "建议禁养所有大型犬。", "not_adopted", "超出本规定调整范围。"),
            ("", "", "建议取消狂犬疫苗接种。", "not_adopted", "与上位法规定不一致。"),
        ]
        for number, (name, contact, text, decision, reason) in enumerate(rows):
            Comment.objects.create(
                solicitation=self.dogs,
                receipt_number=f"YJ20260305000{number + 120}",
                name=name,
                contact=contact,
                text=text,
                submission_token=f"dogs{number}",
                decision=decision,
                reason=reason,
            )
        freeze(TODAY)  # closed: the office publishes the feedback report
        page = SolicitationPage.objects.get(pk=self.dogs.pk)
        page.feedback_published = True
        page.feedback_summary = "<p>共收到意见7条，感谢社会各界的关心和支持。</p>"
        page.save_revision().publish()
        self.dogs = SolicitationPage.objects.get(pk=self.dogs.pk)
        # A letter entered after the report was published, not decided yet.
        Comment.objects.create(
            solicitation=self.dogs,
            receipt_number="YJ20260412000001",
            channel="post",
            received_on=D(2026, 4, 9),
            name="周秀英",
            contact="13700002222",
            text="来信：建议设立犬只收容所。",
            submission_token="dogs-letter",
        )
        self.parking = SolicitationPageFactory(
            parent=self.solicitations,
            title="关于《示范县城区停车收费管理办法（征求意见稿）》公开征求意见的公告",
            agency=self.housing,
            opens_on=D(2026, 4, 1),
            closes_on=D(2026, 4, 30),
        )
        Comment.objects.create(
            solicitation=self.parking,
            receipt_number="YJ20260402000007",
            name="孙志强",
            contact="sunzhiqiang@example.com",
            text="建议夜间停车免费。",
            submission_token="parking0",
        )
        self.waste = SolicitationPageFactory(
            parent=self.solicitations,
            title="关于《示范县农村生活垃圾分类管理办法（征求意见稿）》公开征求意见的公告",
            agency=self.housing,
            opens_on=D(2026, 5, 6),
            closes_on=D(2026, 5, 20),
            short_period_reason="按照省级部署须于6月前出台。",
            accepts_online=False,
            email="jsj@shifan.gov.cn",
        )
        self.property = SolicitationPageFactory(
            parent=self.solicitations,
            title="关于《示范县住宅小区物业管理办法（征求意见稿）》公开征求意见的公告",
            agency=self.housing,
            opens_on=D(2025, 9, 1),
            closes_on=D(2025, 9, 30),
            feedback_summary="<p>反馈报告草稿，尚未发布。</p>",
        )
        Comment.objects.create(
            solicitation=self.property,
            receipt_number="YJ20250902000003",
            name="钱卫东",
            text="建议公开物业服务收费明细。",
            submission_token="property0",
            decision="not_adopted",
            reason="内部研究：暂不对外说明。",
        )

    def _hidden(self, root):
        """``{case: (meeting, solicitation)}``, all with the secret agency."""
        hidden = {}

        def pair(meetings, solicitations, label, **fields):
            meeting = MeetingPageFactory(
                parent=meetings,
                title=f"内部会议（{label}）",
                agency=self.secret_agency,
                meeting_date=D(2026, 1, 8),
                children={
                    "topics": [{"title": "内部议题", "decision": ""}],
                    "representatives": [representative(f"内部代表{label}", contact="13011112222")],
                },
                **fields,
            )
            solicitation = SolicitationPageFactory(
                parent=solicitations,
                title=f"内部征集（{label}）",
                agency=self.secret_agency,
                opens_on=D(2026, 1, 1),
                closes_on=D(2026, 1, 31),
                **fields,
            )
            return meeting, solicitation

        hidden["draft"] = pair(self.meetings, self.solicitations, "草稿", publish=False)
        unpublished = pair(self.meetings, self.solicitations, "已撤回")
        for page in unpublished:
            page.unpublish()
        hidden["unpublished"] = unpublished
        hidden["not proactive"] = pair(
            self.meetings,
            self.solicitations,
            "依申请公开",
            disclosure_attribute=DisclosureAttribute.ON_APPLICATION,
            disclosure_reason="属于依申请公开的信息",
        )
        for kind in (PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD):
            pages = pair(self.meetings, self.solicitations, f"受限{kind}")
            for page in pages:
                restrict(page, kind, password="x" if kind == PageViewRestriction.PASSWORD else "")
            hidden[f"restricted ({kind})"] = pages
        closed_meetings = MeetingIndexPageFactory(parent=root, title="内部会议", slug="nbhy")
        closed_solicitations = SolicitationIndexPageFactory(
            parent=root, title="内部征集", slug="nbzj"
        )
        hidden["under an unpublished parent"] = pair(
            closed_meetings, closed_solicitations, "未发布栏目"
        )
        closed_meetings.unpublish()
        closed_solicitations.unpublish()
        return hidden


@pytest.fixture
def data(root_page, frozen_today):
    return Participation(root_page, frozen_today)


# Meetings ------------------------------------------------------------------------------------


def test_meetings_are_listed_newest_first_with_their_public_fields(client, data):
    response = get(client, "/meetings/")
    assert titles(response) == [data.m15.title, data.m9.title, data.m3.title]
    item = results(response)[0]
    assert item.pop("last_published_at")
    assert item == {
        "id": data.m15.pk,
        "title": "示范县人民政府第15次常务会议",
        "url": full(data.m15.url),
        "language": "zh-hans",
        "agency": {"id": data.office.pk, "name": "示范县人民政府办公室", "credit_code": ""},
        "theme_category": {
            "id": data.theme.pk,
            "name": "城乡建设、环境保护",
            "code": "",
            "parent_id": None,
        },
        "publication_date": None,
        "meeting_date": "2026-03-12",
        "meeting_number": "县政府第15次常务会议",
        "topics": [
            {
                "title": "审议《示范县城区停车管理办法（草案）》",
                "decision": "原则通过，由县住建局修改完善后印发。",
            },
            {"title": "研究2026年老旧小区改造计划", "decision": ""},
        ],
        "representative_count": 2,
    }
    # The list names no representative: that is the detail's.
    assert "王建国" not in response.content.decode()


def test_a_meeting_in_detail_says_what_its_page_says(client, data):
    response = get(client, f"/meetings/{data.m15.pk}/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["meeting_number"] == "县政府第15次常务会议"
    assert body["representative_count"] == 2
    assert body["summary_html"] == "<p>会议由县长主持，两名公众代表列席会议并发表意见。</p>"
    assert body["representatives"] == [
        {
            "name": "王建国",
            "unit": "城关街道幸福社区",
            "position": "居民代表",
            "category": {"code": "citizen", "label": "群众代表"},
            "opinion": "建议在老旧小区周边增设错时共享停车位。",
            "adoption": {"code": "adopted", "label": "采纳"},
            "reason": "",
        },
        {
            "name": "李敏",
            "unit": "示范学院",
            "position": "教授",
            "category": {"code": "expert", "label": "专家学者"},
            "opinion": "建议对新能源车辆实行差别化收费。",
            "adoption": {"code": "not_adopted", "label": "未采纳"},
            "reason": "上位法未授权，暂不具备条件。",
        },
    ]
    assert response["Last-Modified"]
    # The public page shows the same people, opinions and replies.
    page = client.get(data.m15.url).content.decode()
    for person in body["representatives"]:
        for value in (person["name"], person["opinion"], person["adoption"]["label"]):
            assert value in page
    # An opinion with no recorded adoption is null, not an empty label.
    silent = MeetingPageFactory(
        parent=data.meetings,
        title="示范县人民政府第16次常务会议",
        children={"representatives": [representative("吴刚", opinion="", adoption="")]},
    )
    person = get(client, f"/meetings/{silent.pk}/").json()["representatives"][0]
    assert (person["opinion"], person["adoption"], person["reason"]) == ("", None, "")


def test_english_clients_get_english_labels(client, data):
    response = client.get(f"{API}/meetings/{data.m9.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    person = response.json()["representatives"][0]
    assert person["adoption"] == {"code": "partly", "label": "Partly adopted"}
    assert person["category"] == {"code": "business", "label": "Business"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": 2025}, ["m9", "m3"]),
        ({"year": 2024}, []),
        ({"agency": "housing"}, ["m9"]),
        ({"agency": "office", "year": 2025}, ["m3"]),
        ({"adoption": "adopted"}, ["m15"]),
        ({"adoption": "not_adopted"}, ["m15"]),
        ({"adoption": "partly"}, ["m9"]),
        ({"adoption": "under_study"}, ["m3"]),
        ({"category": "theme"}, ["m15"]),
        ({"q": "停车管理办法"}, ["m15"]),  # a topic
        ({"q": "原则同意"}, ["m3"]),  # a decision
        ({"q": "备案时限"}, ["m9"]),  # an opinion or its reply
        ({"q": "十五五"}, ["m3"]),
        ({"q": "第9次"}, ["m9"]),  # the meeting number
        ({"q": "常务会议 学位"}, ["m3"]),  # every word must appear
        ({"q": "常务会议 幼儿园"}, []),
        ({"section": "meetings"}, ["m15", "m9", "m3"]),
    ],
)
def test_meeting_filters(client, data, params, expected):
    params = {
        name: getattr(data, value).pk if name in ("agency", "category", "section") else value
        for name, value in params.items()
    }
    assert titles(get(client, "/meetings/", **params)) == [
        getattr(data, name).title for name in expected
    ]


def test_adoption_filter_is_that_of_the_meetings_index(client, data):
    """The index's “Opinions” (``state``) and the API's ``adoption`` list the same meetings."""
    for adoption in ("adopted", "partly", "not_adopted", "under_study"):
        index = client.get(data.meetings.url, {"state": adoption}).content.decode()
        listed = titles(get(client, "/meetings/", adoption=adoption))
        assert listed
        for meeting in (data.m15, data.m9, data.m3):
            assert (meeting.title in index) == (meeting.title in listed), (adoption, meeting)


def test_a_meeting_with_several_matching_representatives_is_listed_once(client, data):
    MeetingPageFactory(
        parent=data.meetings,
        title="示范县人民政府第17次常务会议",
        meeting_date=D(2026, 3, 26),
        children={
            "topics": [{"title": "停车议题一"}, {"title": "停车议题二"}],
            "representatives": [
                representative(f"代表{n}", opinion="关于停车的建议。") for n in range(3)
            ],
        },
    )
    assert titles(get(client, "/meetings/", adoption="adopted")) == [
        "示范县人民政府第17次常务会议",
        data.m15.title,
    ]
    assert titles(get(client, "/meetings/", q="停车")) == [
        "示范县人民政府第17次常务会议",
        data.m15.title,
    ]


def test_a_cursor_walks_every_meeting_once(client, data):
    walked = every_item(client, "/meetings/", page_size=1)
    assert [item["title"] for item in walked] == [data.m15.title, data.m9.title, data.m3.title]


@pytest.mark.parametrize(
    ("path", "params", "parameter", "message"),
    [
        ("/meetings/", {"adoption": "accepted"}, "adoption", "adopted, partly, not_adopted"),
        ("/meetings/", {"year": "二〇二五"}, "year", "整数"),
        ("/meetings/", {"year": "1800"}, "year", "1949"),
        ("/meetings/", {"agency": "999999"}, "agency", "没有这个发布机构"),
        ("/meetings/", {"agency": "abc"}, "agency", "整数"),
        ("/meetings/", {"state": "adopted"}, "state", "adoption"),  # the index's name
        ("/solicitations/", {"state": "finished"}, "state", "upcoming, open, closed"),
        ("/solicitations/", {"status": "open"}, "status", "state"),
        ("/solicitations/", {"year": "abc"}, "year", "整数"),
        ("/solicitations/", {"agency": "999999"}, "agency", "没有这个发布机构"),
        ("/solicitations/", {"q": "征" * 101}, "q", "100"),
    ],
)
def test_bad_filters_get_a_400_naming_the_parameter(client, data, path, params, parameter, message):
    named = bad_parameters(get(client, path, **params))
    assert parameter in named
    assert message in named[parameter], named


def test_bad_ids_in_the_address(client, data):
    assert get(client, "/meetings/999999/").status_code == 404
    assert get(client, "/solicitations/0/").status_code == 400
    assert "item_id" in bad_parameters(get(client, f"/meetings/{10**30}/"))
    # A meeting is not a solicitation.
    assert get(client, f"/solicitations/{data.m15.pk}/").status_code == 404


def test_the_meetings_list_makes_a_fixed_number_of_queries(client, data, django_assert_num_queries):
    get(client, "/meetings/")  # the site's root paths are cached from here on
    # The hidden sections, the page of rows (with the representatives counted), the topics.
    with django_assert_num_queries(3):
        assert len(results(get(client, "/meetings/"))) == 3
    for number in range(12):
        MeetingPageFactory(
            parent=data.meetings,
            agency=AgencyFactory(),
            meeting_date=D(2026, 2, 1 + number),
            children={
                "topics": [{"title": f"议题{n}", "decision": "通过。"} for n in range(4)],
                "representatives": [representative(f"代表{n}") for n in range(5)],
            },
        )
    with django_assert_num_queries(3):
        items = results(get(client, "/meetings/", page_size=20))
    assert len(items) == 15
    assert {item["representative_count"] for item in items[1:13]} == {5}
    assert all(len(item["topics"]) == 4 for item in items[1:13])
    with django_assert_num_queries(3):  # filters read nothing more
        assert len(results(get(client, "/meetings/", adoption="adopted", q="常务会议"))) == 13


def test_a_meeting_detail_makes_a_fixed_number_of_queries(client, data, django_assert_num_queries):
    big = MeetingPageFactory(
        parent=data.meetings,
        children={
            "topics": [{"title": f"议题{n}"} for n in range(6)],
            "representatives": [representative(f"代表{n}") for n in range(15)],
        },
    )
    get(client, f"/meetings/{data.m9.pk}/")
    # The hidden sections, the row, the topics, the representatives.
    with django_assert_num_queries(4):
        assert len(get(client, f"/meetings/{data.m9.pk}/").json()["representatives"]) == 1
    with django_assert_num_queries(4):
        assert len(get(client, f"/meetings/{big.pk}/").json()["representatives"]) == 15


# Solicitations -------------------------------------------------------------------------------


def test_solicitations_are_listed_with_their_state_and_files(client, data):
    response = get(client, "/solicitations/")
    assert titles(response) == [
        data.waste.title,
        data.parking.title,
        data.dogs.title,
        data.property.title,
    ]
    waste, parking, dogs, old = results(response)
    assert dogs.pop("last_published_at")
    assert dogs == {
        "id": data.dogs.pk,
        "title": "关于《示范县养犬管理规定（征求意见稿）》公开征求意见的公告",
        "url": full(data.dogs.url),
        "language": "zh-hans",
        "agency": {"id": data.office.pk, "name": "示范县人民政府办公室", "credit_code": ""},
        "theme_category": None,
        "publication_date": None,
        "opens_on": "2026-03-01",
        "closes_on": "2026-03-31",
        "period_days": 31,
        "state": {"code": "closed", "label": "已结束"},
        "accepts_online": True,
        "feedback_published": True,
        "attachments": [
            {
                "title": "示范县养犬管理规定（征求意见稿）",
                "url": absolute(data.draft_pdf.url),
                "file_type": "pdf",
                "file_size": data.draft_pdf.file_size,
            },
            {
                "title": "起草说明",
                "url": absolute(data.explanation_docx.url),
                "file_type": "docx",
                "file_size": data.explanation_docx.file_size,
            },
        ],
    }
    assert parking["state"] == {"code": "open", "label": "征集中"}
    assert (parking["feedback_published"], parking["attachments"]) == (False, [])
    assert waste["state"] == {"code": "upcoming", "label": "未开始"}
    assert (waste["period_days"], waste["accepts_online"]) == (15, False)
    # Closed, but its feedback report is not published.
    assert (old["state"]["code"], old["feedback_published"]) == ("closed", False)
    # The file's address is the one the page links to.
    assert data.draft_pdf.url in client.get(data.dogs.url).content.decode()


def test_the_state_follows_the_date_as_on_the_page(client, data, frozen_today):
    for day, state in [
        (D(2026, 3, 31), "upcoming"),
        (D(2026, 4, 1), "open"),
        (D(2026, 4, 30), "open"),
        (D(2026, 5, 1), "closed"),
    ]:
        frozen_today(day)
        item = get(client, f"/solicitations/{data.parking.pk}/").json()
        assert item["state"]["code"] == state, day
        assert f"gdpp-solicitation--{state}" in client.get(data.parking.url).content.decode()
        assert data.parking.title in titles(get(client, "/solicitations/", state=state))


def test_a_solicitation_in_detail_with_its_feedback_report(client, data):
    response = get(client, f"/solicitations/{data.dogs.pk}/")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["notice_html"] == data.dogs.notice
    assert body["draft_html"] == "<p>第一条 为了规范管理，制定本办法。</p>"
    assert body["drafting_explanation_html"].startswith("<p>为规范养犬行为")
    assert body["policy_basis_html"] == "<p>《中华人民共和国动物防疫法》</p>"
    assert body["short_period_reason"] == ""
    assert body["email"] == "yijian@shifan.gov.cn"
    assert body["postal_address"] == "示范县人民政府办公室（示范县人民路1号）"
    assert body["feedback"] == {
        "total": 7,
        "summary_html": "<p>共收到意见7条，感谢社会各界的关心和支持。</p>",
        "groups": [
            {
                "decision": {"code": "adopted", "label": "采纳"},
                "count": 2,
                "reasons": [{"reason": "已在第五条中明确。", "count": 2}],
            },
            {
                "decision": {"code": "partly", "label": "部分采纳"},
                "count": 1,
                "reasons": [{"reason": "部分采纳，已调整办理时限。", "count": 1}],
            },
            {
                "decision": {"code": "not_adopted", "label": "未采纳"},
                "count": 3,
                "reasons": [
                    {"reason": "超出本规定调整范围。", "count": 2},
                    {"reason": "与上位法规定不一致。", "count": 1},
                ],
            },
            {"decision": {"code": "pending", "label": "未处理"}, "count": 1, "reasons": []},
        ],
    }
    # The page shows the same report.
    page = client.get(data.dogs.url).content.decode()
    assert "gdpp-feedback" in page and "超出本规定调整范围。" in page
    waste = get(client, f"/solicitations/{data.waste.pk}/").json()
    assert waste["short_period_reason"] == "按照省级部署须于6月前出台。"
    assert (waste["email"], waste["postal_address"], waste["feedback"]) == (
        "jsj@shifan.gov.cn",
        "",
        None,
    )


def test_no_feedback_report_until_published_and_closed(client, data, frozen_today):
    old = get(client, f"/solicitations/{data.property.pk}/").json()
    assert old["feedback"] is None  # closed, comments decided, but the report is not published
    assert "gdpp-feedback" not in client.get(data.property.url).content.decode()
    # The office publishes it: now it is served.
    page = SolicitationPage.objects.get(pk=data.property.pk)
    page.feedback_summary = "<p>共收到意见1条。</p>"
    page.feedback_published = True
    page.save_revision().publish()
    old = get(client, f"/solicitations/{data.property.pk}/").json()
    assert old["feedback_published"] is True
    assert old["feedback"]["summary_html"] == "<p>共收到意见1条。</p>"
    assert old["feedback"]["total"] == 1
    # The published report is shown only once closed, as on the page.
    frozen_today(D(2026, 3, 15))
    dogs = get(client, f"/solicitations/{data.dogs.pk}/").json()
    assert (dogs["state"]["code"], dogs["feedback_published"], dogs["feedback"]) == (
        "open",
        False,
        None,
    )
    assert "gdpp-feedback" not in client.get(data.dogs.url).content.decode()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"state": "open"}, ["parking"]),
        ({"state": "closed"}, ["dogs", "property"]),
        ({"state": "upcoming"}, ["waste"]),
        ({"year": 2025}, ["property"]),
        ({"year": 2026, "state": "closed"}, ["dogs"]),
        ({"agency": "office"}, ["dogs"]),
        ({"agency": "housing", "state": "upcoming"}, ["waste"]),
        ({"q": "养犬"}, ["dogs"]),
        ({"q": "管理办法 停车"}, ["parking"]),
        ({"q": "犬只收容所"}, []),  # the text of a comment is never searched
        ({"section": "solicitations"}, ["waste", "parking", "dogs", "property"]),
    ],
)
def test_solicitation_filters(client, data, params, expected):
    params = {
        name: getattr(data, value).pk if name in ("agency", "section") else value
        for name, value in params.items()
    }
    assert titles(get(client, "/solicitations/", **params)) == [
        getattr(data, name).title for name in expected
    ]


def test_state_filter_is_that_of_the_solicitations_index(client, data):
    for state in ("upcoming", "open", "closed"):
        index = client.get(data.solicitations.url, {"state": state}).content.decode()
        listed = titles(get(client, "/solicitations/", state=state))
        for page in (data.dogs, data.parking, data.waste, data.property):
            assert (page.title in index) == (page.title in listed), (state, page)


def download_links(html):
    found = re.findall(r'class="gd-downloads__link" href="([^"]+)"[^>]*>([^<]+)<', html)
    return {label: url.replace("&amp;", "&") for url, label in found}


@pytest.mark.parametrize(
    ("index", "params", "api_params"),
    [
        ("meetings", {"state": "not_adopted"}, {"adoption": "not_adopted"}),
        ("meetings", {"year": "2025"}, {"year": "2025"}),
        ("solicitations", {"state": "open"}, {"state": "open"}),
    ],
)
def test_the_indexes_offer_their_list_for_download(client, data, index, params, api_params):
    """The index links to the downloads of what it shows, its ``state`` under the API's name."""
    page = getattr(data, index)
    links = download_links(client.get(page.url, params).content.decode())
    assert set(links) == {"CSV", "Excel", "JSON Lines", "RSS 订阅"}
    for name, value in {**api_params, "section": page.pk}.items():
        assert f"{name}={value}" in links["CSV"], links
    if "adoption" in api_params:
        assert "state=" not in links["CSV"]
    shown = {item["title"] for item in every_item(client, f"/{index}/", **api_params)}
    assert shown
    rows = csv.DictReader(io.StringIO(streamed(client.get(links["CSV"]))))
    assert {row["title"] for row in rows} == shown
    feed = client.get(links["RSS 订阅"]).content.decode()
    assert all(title in feed for title in shown)


def test_the_solicitations_list_makes_a_fixed_number_of_queries(
    client, data, django_assert_num_queries
):
    get(client, "/solicitations/")
    # The hidden sections, the page of rows, the attachments with their files.
    with django_assert_num_queries(3):
        assert len(results(get(client, "/solicitations/"))) == 4
    for number in range(10):
        SolicitationPageFactory(
            parent=data.solicitations,
            agency=AgencyFactory(),
            opens_on=D(2026, 2, 1 + number),
            closes_on=D(2026, 3, 2 + number),
            children={
                "attachments": [
                    {"title": f"附件{n}", "document": upload(f"附件{number}-{n}.pdf")}
                    for n in range(3)
                ]
            },
        )
    with django_assert_num_queries(3):
        items = results(get(client, "/solicitations/", page_size=20))
    assert len(items) == 14
    assert sum(len(item["attachments"]) for item in items) == 2 + 30
    with django_assert_num_queries(3):
        assert len(results(get(client, "/solicitations/", state="closed", q="公告"))) == 12


def test_a_solicitation_detail_makes_a_fixed_number_of_queries(
    client, data, django_assert_num_queries
):
    get(client, f"/solicitations/{data.dogs.pk}/")
    # The hidden sections, the row, the attachments, the feedback counts.
    with django_assert_num_queries(4):
        get(client, f"/solicitations/{data.dogs.pk}/")
    for number in range(20):
        Comment.objects.create(
            solicitation=data.dogs,
            receipt_number=f"YJ20260320{number:06d}",
            text="意见",
            submission_token=f"more{number}",
            decision="not_adopted",
            reason=f"理由{number}",
        )
    with django_assert_num_queries(4):
        body = get(client, f"/solicitations/{data.dogs.pk}/").json()
    assert body["feedback"]["total"] == 27
    with django_assert_num_queries(3):  # no report: no counting
        assert get(client, f"/solicitations/{data.property.pk}/").json()["feedback"] is None


# What is hidden ------------------------------------------------------------------------------


def test_nothing_hidden_is_listed_or_served(client, data):
    meetings = {item["title"] for item in every_item(client, "/meetings/", page_size=2)}
    assert meetings == {data.m15.title, data.m9.title, data.m3.title}
    solicitations = {item["title"] for item in every_item(client, "/solicitations/")}
    assert solicitations == {p.title for p in (data.dogs, data.parking, data.waste, data.property)}
    for case, (meeting, solicitation) in data.hidden.items():
        for path in (f"/meetings/{meeting.pk}/", f"/solicitations/{solicitation.pk}/"):
            response = get(client, path)
            assert response.status_code == 404, (case, path)
            assert response.json()["error"]["code"] == "not_found"
    # Not found by what they hold either.
    assert titles(get(client, "/meetings/", agency=data.secret_agency.pk)) == []
    assert titles(get(client, "/solicitations/", agency=data.secret_agency.pk)) == []
    assert titles(get(client, "/meetings/", q="内部")) == []
    assert titles(get(client, "/meetings/", year=2026, adoption="adopted")) == [data.m15.title]
    # Nor in the exports and feeds of the lists.
    for path in ("/meetings/", "/solicitations/"):
        for suffix in ("export.jsonl", "export.csv", "feed.rss"):
            text = streamed(get(client, path + suffix))
            assert "内部" not in text, (path, suffix)


def test_a_page_unpublished_later_disappears(client, data):
    assert get(client, f"/meetings/{data.m9.pk}/").status_code == 200
    data.m9.unpublish()
    data.dogs.unpublish()
    assert data.m9.title not in titles(get(client, "/meetings/"))
    assert data.dogs.title not in titles(get(client, "/solicitations/"))
    assert get(client, f"/meetings/{data.m9.pk}/").status_code == 404
    assert get(client, f"/solicitations/{data.dogs.pk}/").status_code == 404


def test_a_restriction_added_to_the_index_hides_its_pages(client, data):
    restrict(data.meetings, PageViewRestriction.LOGIN)
    assert titles(get(client, "/meetings/")) == []
    assert get(client, f"/meetings/{data.m15.pk}/").status_code == 404


def test_a_draft_of_a_live_meeting_is_not_served(client, data):
    page = MeetingPage.objects.get(pk=data.m15.pk)
    page.title = "示范县人民政府第15次常务会议（修改稿）"
    page.representatives = [Representative(**representative("草稿代表", opinion="未发布的意见"))]
    page.save_revision()
    text = get(client, f"/meetings/{data.m15.pk}/").content.decode()
    assert "草稿代表" not in text and "修改稿" not in text
    assert "王建国" in text


def test_personal_data_the_pages_hide_is_never_in_the_api(client, data):
    """The representatives' contacts, and the commenters' names, contacts, texts and receipt
    numbers, are shown on no public page: no answer of the API holds them, and no filter finds
    a page by them."""
    answers = {
        "meetings": get(client, "/meetings/", page_size=100),
        "solicitations": get(client, "/solicitations/", page_size=100),
        "meeting export": get(client, "/meetings/export.jsonl"),
        "meeting csv": get(client, "/meetings/export.csv"),
        "solicitation export": get(client, "/solicitations/export.jsonl"),
        "solicitation csv": get(client, "/solicitations/export.csv"),
        "meeting feed": get(client, "/meetings/feed.atom"),
        "solicitation feed": get(client, "/solicitations/feed.rss"),
    }
    for meeting in (data.m15, data.m9, data.m3):
        answers[f"meeting {meeting.pk}"] = get(client, f"/meetings/{meeting.pk}/")
    for solicitation in (data.dogs, data.parking, data.waste, data.property):
        answers[f"solicitation {solicitation.pk}"] = get(
            client, f"/solicitations/{solicitation.pk}/"
        )
    answers["openapi"] = client.get(f"{API}/openapi.json")
    for name, response in answers.items():
        text = streamed(response)
        for secret in REPRESENTATIVE_CONTACTS + COMMENTER_DATA:
            assert secret not in text, (name, secret)
        if name != "openapi":
            assert '"contact"' not in text and "receipt" not in text, name
    # The public pages hide them too (the API says no more than they do).
    for page in (data.m15, data.m9, data.m3, data.dogs, data.parking, data.property):
        html = client.get(page.url).content.decode()
        assert not [secret for secret in REPRESENTATIVE_CONTACTS + COMMENTER_DATA if secret in html]
    # A filter is no oracle: nothing is found by a contact, a commenter or a comment.
    for secret in ["13800001111", "limin@shifan.edu.cn", "赵丽华", "13912345678", "遛狗区域"]:
        assert titles(get(client, "/meetings/", q=secret)) == [], secret
        assert titles(get(client, "/solicitations/", q=secret)) == [], secret


# The description -----------------------------------------------------------------------------


def test_the_openapi_description_lists_the_endpoints_and_their_filters(client, db):
    schema = client.get(f"{API}/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/meetings/",
        "/meetings/{item_id}/",
        "/meetings/export.{file_format}",
        "/meetings/feed.{feed_format}",
        "/solicitations/",
        "/solicitations/{item_id}/",
        "/solicitations/export.{file_format}",
    ):
        assert f"/api/v1{path}" in paths, path

    def parameters(path):
        return {p["name"]: p for p in paths[f"/api/v1{path}"]["get"]["parameters"]}

    meetings = parameters("/meetings/")
    assert {"q", "agency", "category", "year", "adoption", "section", "cursor"} <= set(meetings)
    assert "state" not in meetings
    assert "公众代表" in paths["/api/v1/meetings/"]["get"]["description"]
    solicitations = parameters("/solicitations/")
    assert {"q", "agency", "year", "state", "page_size"} <= set(solicitations)
    dumped = json.dumps(meetings["adoption"]) + json.dumps(solicitations["state"])
    for code in ("adopted", "partly", "not_adopted", "under_study", "upcoming", "open", "closed"):
        assert f'"{code}"' in dumped
    assert "400" in paths["/api/v1/solicitations/"]["get"]["responses"]
    components = schema["components"]["schemas"]
    assert set(components["RepresentativeItem"]["properties"]) == {
        "name",
        "unit",
        "position",
        "category",
        "opinion",
        "adoption",
        "reason",
    }
    assert {"meeting_date", "meeting_number", "topics", "representative_count"} <= set(
        components["MeetingItem"]["properties"]
    )
    assert {"representatives", "summary_html"} <= set(components["MeetingDetail"]["properties"])
    assert {"opens_on", "closes_on", "state", "attachments", "feedback_published"} <= set(
        components["SolicitationItem"]["properties"]
    )
    assert {"total", "summary_html", "groups"} == set(components["FeedbackReport"]["properties"])
    # Every field is described.
    for name in ("MeetingItem", "SolicitationDetail", "RepresentativeItem", "FeedbackGroupItem"):
        own = components[name]["properties"]
        undescribed = [
            field
            for field, spec in own.items()
            if "description" not in spec
            and field not in ("id", "title", "url", "language", "last_published_at")
            and field not in ("agency", "theme_category", "publication_date")
        ]
        assert undescribed == [], (name, undescribed)
