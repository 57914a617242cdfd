"""Public participation: meetings with representatives, solicitations, the comment form,
moderation and the feedback report.

Rate limits count in Redis (``tests/settings.py``); each test that posts uses its own client
address so that tests do not share a budget.
"""

import datetime
import io
import itertools

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from gov_disclosure.participation import services
from gov_disclosure.participation.history import representative_changes
from gov_disclosure.participation.models import (
    Comment,
    MeetingIndexPage,
    MeetingPage,
    SolicitationIndexPage,
    SolicitationPage,
)

from .factories import AgencyFactory
from .participation_factories import (
    MeetingIndexPageFactory,
    MeetingPageFactory,
    SolicitationIndexPageFactory,
    SolicitationPageFactory,
    representative,
)
from .test_documents_public import count_queries

D = datetime.date
TODAY = D(2026, 3, 10)
pytestmark = pytest.mark.django_db
ADDRESSES = (f"10.{n // 250}.{n % 250}.1" for n in itertools.count(1))


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    def freeze(day):
        monkeypatch.setattr(services, "today", lambda: day)

    freeze(TODAY)
    return freeze


@pytest.fixture
def address():
    return next(ADDRESSES)


# Meetings ----------------------------------------------------------------------------------


@pytest.fixture
def meetings(root_page):
    return MeetingIndexPageFactory(parent=root_page, title="公众参与会议", slug="gzcy")


@pytest.fixture
def meeting(meetings):
    return MeetingPageFactory(
        parent=meetings,
        title="县政府第12次常务会议",
        children={
            "topics": [{"title": "审议《示范县停车管理办法（草案）》", "decision": "原则通过"}],
            "representatives": [
                representative("王建国", contact="13800000001"),
                representative(
                    "李敏",
                    category="expert",
                    unit="示范学院",
                    position="教授",
                    opinion="建议对新能源车辆实行差别化收费。",
                    adoption="not_adopted",
                    reason="上位法未授权，暂不具备条件。",
                    contact="limin@example.com",
                ),
            ],
        },
    )


class TestMeetings:
    def test_public_page_shows_opinions_never_contacts(self, client, meeting):
        response = client.get(meeting.url)
        html = response.content.decode()
        rows = soup(response).select(".gdpp-table tbody tr")
        assert [row.select_one(".gdpp-person").get_text() for row in rows] == ["王建国", "李敏"]
        assert "上位法未授权" in rows[1].get_text()
        assert zh("Not adopted") in rows[1].get_text()
        assert "13800000001" not in html and "limin@example.com" not in html

    def test_adoption_rules(self):
        from gov_disclosure.participation.models import Representative

        with pytest.raises(ValidationError) as error:
            Representative(name="甲", category="citizen", adoption="adopted").full_clean(
                exclude=["page"]
            )
        assert "adoption" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            Representative(
                name="甲", category="citizen", opinion="意见", adoption="partly"
            ).full_clean(exclude=["page"])
        assert "reason" in error.value.message_dict

    def test_changes_are_recorded_with_the_user(self, client, superuser, meeting):
        from wagtail.test.utils.form_data import querydict_from_html

        client.force_login(superuser)
        url = reverse("wagtailadmin_pages:edit", args=[meeting.pk])
        data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
        index = next(i for i in range(2) if data[f"representatives-{i}-name"] == "王建国")
        data[f"representatives-{index}-adoption"] = "partly"
        data[f"representatives-{index}-reason"] = "已在办法中增加临时停车位条款。"
        data["action-publish"] = "publish"
        assert client.post(url, data).status_code == 302

        changes = representative_changes(meeting.pk)
        latest = changes[0]
        assert latest.user == superuser and latest.name == "王建国"
        labels = {str(label) for label, _old, _new in latest.fields}
        assert labels == {zh("adoption"), zh("reason")}
        # The edit page shows the history.
        page = soup(client.get(url))
        assert "已在办法中增加临时停车位条款。" in page.get_text()

    def test_yearly_count_per_agency(self, meetings, client, superuser):
        town = AgencyFactory(name="示范县城关街道办事处")
        for day in (D(2026, 1, 8), D(2026, 2, 20)):
            MeetingPageFactory(
                parent=meetings,
                agency=town,
                meeting_date=day,
                children={"representatives": [representative()]},
            )
        MeetingPageFactory(parent=meetings, agency=town, meeting_date=D(2026, 3, 1))  # nobody
        MeetingPageFactory(
            parent=meetings,
            agency=town,
            meeting_date=D(2025, 12, 30),
            children={"representatives": [representative()]},
        )
        MeetingPageFactory(
            parent=meetings,
            agency=town,
            publish=False,
            children={"representatives": [representative()]},
        )
        idle = AgencyFactory(name="示范县河口乡人民政府")
        MeetingPageFactory(
            parent=meetings,
            agency=idle,
            meeting_date=D(2025, 6, 1),
            children={"representatives": [representative()]},
        )
        rows = {row["agency__name"]: row["count"] for row in services.meetings_in_year(2026)}
        assert rows["示范县城关街道办事处"] == 2
        assert rows["示范县河口乡人民政府"] == 0  # listed, so that the gap shows

        client.force_login(superuser)
        panel = soup(client.get(reverse("wagtailadmin_home"))).select_one(
            "#gd-meeting-target-heading"
        )
        table = panel.find_parent("section").get_text(" ", strip=True)
        assert "示范县城关街道办事处 2 / 3" in table


# Solicitations ------------------------------------------------------------------------------


@pytest.fixture
def solicitations(root_page):
    return SolicitationIndexPageFactory(parent=root_page, title="意见征集", slug="yjzj")


@pytest.fixture
def open_solicitation(solicitations):
    return SolicitationPageFactory(
        parent=solicitations,
        title="关于《示范县养犬管理规定（征求意见稿）》公开征求意见的公告",
        email="yijian@example.gov.cn",
        opens_on=D(2026, 3, 1),
        closes_on=D(2026, 3, 31),
    )


def build_solicitation(**fields):
    values = {
        "title": "征求意见",
        "slug": "zqyj",
        "notice": "<p>公告</p>",
        "opens_on": D(2026, 3, 1),
        "closes_on": D(2026, 3, 31),
    }
    values.update(fields)
    return SolicitationPage(**values)


class TestSolicitationRules:
    @pytest.mark.parametrize(
        ("day", "state"),
        [
            (D(2026, 2, 28), "upcoming"),
            (D(2026, 3, 1), "open"),
            (D(2026, 3, 31), "open"),
            (D(2026, 4, 1), "closed"),
        ],
    )
    def test_state_by_date(self, day, state):
        assert build_solicitation().state_on(day) == state

    def test_short_period_needs_a_reason(self):
        page = build_solicitation(closes_on=D(2026, 3, 15))
        with pytest.raises(ValidationError) as error:
            page.clean()
        assert error.value.message_dict["short_period_reason"] == [
            zh(
                "Comments are taken for %(days)s days, fewer than the minimum of %(minimum)s: "
                "state the reason.",
                days=15,
                minimum=30,
            )
        ]
        build_solicitation(closes_on=D(2026, 3, 15), short_period_reason="情况紧急").clean()

    def test_one_way_to_respond_and_dates_in_order(self):
        with pytest.raises(ValidationError) as error:
            build_solicitation(accepts_online=False).clean()
        assert "accepts_online" in error.value.message_dict
        with pytest.raises(ValidationError) as error:
            build_solicitation(closes_on=D(2026, 2, 1)).clean()
        assert "closes_on" in error.value.message_dict

    def test_feedback_only_after_closing(self, frozen_today):
        with pytest.raises(ValidationError) as error:
            build_solicitation(feedback_published=True).clean()
        assert "feedback_published" in error.value.message_dict
        frozen_today(D(2026, 4, 1))
        build_solicitation(feedback_published=True).clean()


def post(client, page, address, **data):
    data.setdefault("token", "")
    return client.post(page.url, data, REMOTE_ADDR=address)


class TestCommentForm:
    def test_a_comment_gets_a_receipt_shown_once(self, client, open_solicitation, address):
        response = post(
            client,
            open_solicitation,
            address,
            name="赵六",
            contact="13900000000",
            text="建议明确大型犬的界定标准。",
        )
        assert response.status_code == 302
        comment = Comment.objects.get()
        assert comment.receipt_number.startswith("YJ20260310")
        page = client.get(open_solicitation.url)
        assert soup(page).select_one(".gdpp-receipt__number").get_text() == comment.receipt_number
        assert "13900000000" not in page.content.decode()
        again = client.get(open_solicitation.url)
        assert soup(again).select_one(".gdpp-receipt") is None

    @pytest.mark.parametrize(
        ("data", "field", "message"),
        [
            ({"text": ""}, "text", "Write your comment before sending it."),
            ({"text": "   \n  "}, "text", "Write your comment before sending it."),
            ({"text": "好", "name": "名" * 101}, "name", None),
            ({"text": "好", "contact": "1" * 201}, "contact", None),
        ],
    )
    def test_bad_input_is_answered_and_nothing_saved(
        self, client, open_solicitation, address, data, field, message
    ):
        response = post(client, open_solicitation, address, **data)
        assert response.status_code == 400
        errors = soup(response).select(f"#id_{field}-error")
        assert errors
        if message:
            assert errors[0].get_text() == zh(message)
        assert Comment.objects.count() == 0

    def test_too_long(self, client, open_solicitation, address, settings):
        settings.GOV_DISCLOSURE_COMMENT_MAX_LENGTH = 20
        response = post(client, open_solicitation, address, text="意" * 21)
        assert response.status_code == 400
        assert (
            soup(response)
            .select_one("#id_text-error")
            .get_text()
            .startswith(
                zh(
                    "The comment is too long: at most %(limit_value)d characters (it has "
                    "%(show_value)d). Attach a file for a longer text.",
                    limit_value=20,
                    show_value=21,
                )[:10]
            )
        )

    def test_name_required_by_setting(self, client, open_solicitation, address, settings):
        settings.GOV_DISCLOSURE_COMMENT_NAME_REQUIRED = True
        response = post(client, open_solicitation, address, text="建议")
        assert response.status_code == 400
        assert soup(response).select_one("#id_name-error").get_text() == zh("Enter your name.")

    @pytest.mark.parametrize("day", [D(2026, 2, 1), D(2026, 4, 1)])
    def test_closed_or_upcoming_refuses(
        self, client, open_solicitation, address, frozen_today, day
    ):
        frozen_today(day)
        response = post(client, open_solicitation, address, text="建议加强宣传")
        assert response.status_code == 403
        assert zh("This solicitation is not open for comments; nothing was saved.") in (
            response.content.decode()
        )
        assert soup(response).select_one("#unsent-text").get_text() == "建议加强宣传"
        assert Comment.objects.count() == 0

    def test_double_submit_makes_one_comment(self, client, open_solicitation, address):
        form = soup(client.get(open_solicitation.url))
        token = form.select_one("input[name=token]")["value"]
        for _ in range(2):
            response = post(client, open_solicitation, address, text="同一条意见", token=token)
            assert response.status_code == 302
        assert Comment.objects.count() == 1

    def test_honeypot(self, client, open_solicitation, address):
        response = post(client, open_solicitation, address, text="广告", gd_hp_check="http://spam")
        assert response.status_code == 302
        assert Comment.objects.count() == 0

    def test_flood_from_one_address(self, client, open_solicitation, address, settings):
        settings.GOV_DISCLOSURE_COMMENT_RATE_LIMIT = 3
        for _ in range(4):  # corrections do not count
            assert post(client, open_solicitation, address, text="").status_code == 400
        codes = [
            post(client, open_solicitation, address, text=f"意见{n}").status_code for n in range(5)
        ]
        assert codes == [302, 302, 302, 429, 429]
        assert Comment.objects.count() == 3
        assert post(client, open_solicitation, next(ADDRESSES), text="另一个人").status_code == 302
        assert caches["ratelimit"].__class__.__name__ == "RedisCache"

    def test_csrf_is_required(self, open_solicitation, address):
        response = Client(enforce_csrf_checks=True).post(
            open_solicitation.url, {"text": "建议"}, REMOTE_ADDR=address
        )
        assert response.status_code == 403
        assert Comment.objects.count() == 0

    def test_attachment_checked_by_content(self, client, open_solicitation, address, settings):
        fake = SimpleUploadedFile("意见.pdf", b"<html><script>alert(1)</script>", "application/pdf")
        response = post(client, open_solicitation, address, text="见附件", attachment=fake)
        assert response.status_code == 400
        assert soup(response).select_one("#id_attachment-error").get_text() == zh(
            "The file's content is not a %(type)s file. Attach the document itself.", type="PDF"
        )
        svg = SimpleUploadedFile("a.svg", b"<svg/>", "image/svg+xml")
        assert post(client, open_solicitation, address, text="x", attachment=svg).status_code == 400
        settings.GOV_DISCLOSURE_COMMENT_ATTACHMENT_MAX_BYTES = 10
        big = SimpleUploadedFile("a.pdf", b"%PDF-1.4 " + b"0" * 20, "application/pdf")
        assert post(client, open_solicitation, address, text="x", attachment=big).status_code == 400
        settings.GOV_DISCLOSURE_COMMENT_ATTACHMENT_MAX_BYTES = 1000
        good = SimpleUploadedFile("建议.pdf", b"%PDF-1.4 real", "application/pdf")
        assert (
            post(client, open_solicitation, address, text="x", attachment=good).status_code == 302
        )
        comment = Comment.objects.get()
        assert comment.attachment_name == "建议.pdf"
        assert "建议" not in comment.attachment.name  # stored under a random name

    def test_not_proactive_solicitation_takes_no_comment(self, client, open_solicitation, address):
        open_solicitation.disclosure_attribute = "not_disclosed"
        open_solicitation.disclosure_reason = "内部事务"
        open_solicitation.save_revision().publish()
        assert post(client, open_solicitation, address, text="x").status_code == 404


@pytest.fixture
def closed_with_comments(open_solicitation, frozen_today):
    rows = [
        ("adopted", "已在第五条中明确。"),
        ("adopted", "已在第五条中明确。"),
        ("partly", "部分采纳，已调整收费标准。"),
        ("not_adopted", "超出本规定调整范围。"),
        ("not_adopted", "超出本规定调整范围。"),
        ("not_adopted", "与上位法规定不一致。"),
        ("pending", ""),
    ]
    for number, (decision, reason) in enumerate(rows):
        Comment.objects.create(
            solicitation=open_solicitation,
            receipt_number=f"YJ20260310{number:06d}",
            name=f"市民{number}",
            contact=f"1390000{number:04d}",
            text=f"第{number}条意见",
            submission_token=f"t{number}",
            decision=decision,
            reason=reason,
        )
    frozen_today(D(2026, 4, 2))
    page = SolicitationPage.objects.get(pk=open_solicitation.pk)
    page.feedback_published = True
    page.feedback_summary = "<p>感谢社会各界的关心和支持。</p>"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert error.value.message_dict["feedback_published"] == [
        translation.ngettext(
            "%(count)s comment has not been decided yet: decide it under “Comments on "
            "drafts” before publishing the feedback.",
            "%(count)s comments have not been decided yet: decide them under “Comments "
            "on drafts” before publishing the feedback.",
            1,
        )
        % {"count": 1}
    ]
    page.feedback_published = False
    page.save_revision().publish()
    page.feedback_published = True
    Comment.objects.filter(decision="pending").update(decision="adopted", reason="")
    page.save_revision().publish()
    Comment.objects.filter(receipt_number="YJ20260310000006").update(decision="pending")
    return page


class TestFeedback:
    def test_statistics(self, closed_with_comments):
        feedback = services.feedback(closed_with_comments)
        assert feedback.total == 7
        assert [(g.decision, g.count) for g in feedback.groups] == [
            ("adopted", 2),
            ("partly", 1),
            ("not_adopted", 3),
            ("pending", 1),
        ]
        assert feedback.groups[2].reasons == [
            ("超出本规定调整范围。", 2),
            ("与上位法规定不一致。", 1),
        ]

    def test_page_shows_feedback_without_names(self, client, closed_with_comments):
        response = client.get(closed_with_comments.url)
        html = response.content.decode()
        section = soup(response).select_one(".gdpp-feedback")
        assert section is not None
        assert "超出本规定调整范围。" in section.get_text()
        for number in range(7):
            assert f"市民{number}" not in html and f"1390000{number:04d}" not in html
        assert soup(response).select_one(".gdpp-form") is None  # closed

    def test_no_feedback_until_published(self, client, open_solicitation, frozen_today):
        frozen_today(D(2026, 4, 2))
        assert soup(client.get(open_solicitation.url)).select_one(".gdpp-feedback") is None


class TestModeration:
    def test_editors_list_filter_export_and_decide(self, client, editor, closed_with_comments):
        client.force_login(editor)
        index = reverse("participation_comments:index")
        response = client.get(index, {"decision": "not_adopted"})
        assert response.status_code == 200
        assert len(soup(response).select("table tbody tr")) == 3
        export = client.get(index, {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
        assert sheet.max_row == 8

        comment = Comment.objects.get(decision="pending")
        url = reverse("participation_comments:edit", args=[comment.pk])
        response = client.post(url, {"decision": "adopted", "reason": "已采纳。"})
        assert response.status_code == 302
        comment.refresh_from_db()
        assert comment.decision == "adopted"
        assert comment.history.first().history_user == editor

    def test_nobody_adds_comments_in_the_admin(self, client, superuser):
        client.force_login(superuser)
        response = client.get(reverse("participation_comments:add"))
        assert response.status_code in (302, 403)

    def test_attachment_is_a_download(self, client, editor, open_solicitation):
        comment = Comment.objects.create(
            solicitation=open_solicitation,
            receipt_number="YJ20260310999999",
            text="见附件",
            submission_token="x",
            attachment=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"),
            attachment_name="我的意见.pdf",
        )
        url = reverse("participation_comments:attachment", args=[comment.pk])
        assert client.get(url).status_code in (302, 403)  # not logged in
        client.force_login(editor)
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")


class TestIndexes:
    def test_solicitation_states_filter(self, client, solicitations, open_solicitation):
        SolicitationPageFactory(
            parent=solicitations,
            title="已结束的征集",
            opens_on=D(2025, 1, 1),
            closes_on=D(2025, 2, 1),
        )
        SolicitationPageFactory(
            parent=solicitations,
            title="即将开始的征集",
            opens_on=D(2026, 5, 1),
            closes_on=D(2026, 6, 1),
        )
        titles = lambda r: [a.get_text() for a in soup(r).select(".gdpp-item__title a")]  # noqa: E731
        assert titles(client.get(solicitations.url, {"state": "closed"})) == ["已结束的征集"]
        assert titles(client.get(solicitations.url, {"state": "upcoming"})) == ["即将开始的征集"]
        assert titles(client.get(solicitations.url, {"state": "open"})) == [open_solicitation.title]
        assert titles(client.get(solicitations.url, {"year": "2025"})) == ["已结束的征集"]

    @pytest.mark.parametrize(
        "query", [{"state": "x"}, {"year": "abc"}, {"agency": "z"}, {"page": "9"}]
    )
    def test_bad_filters(self, client, solicitations, open_solicitation, query):
        response = client.get(solicitations.url, query)
        assert response.status_code == 200
        assert soup(response).select_one(".gd-notice--warning") is not None

    def test_meeting_filter_by_adoption(self, client, meetings, meeting):
        MeetingPageFactory(parent=meetings, title="另一次会议")
        titles = [
            a.get_text()
            for a in soup(client.get(meetings.url, {"state": "not_adopted"})).select(
                ".gdpp-item__title a"
            )
        ]
        assert titles == [meeting.title]

    def test_query_counts_do_not_grow(self, client, meetings, solicitations, monkeypatch):
        pages = [
            (meetings, MeetingIndexPage, MeetingPageFactory),
            (solicitations, SolicitationIndexPage, SolicitationPageFactory),
        ]
        for index, model, factory in pages:
            factory(parent=index)
            client.get(index.url)
            _r, _routing, few = count_queries(client, index.url, model, monkeypatch)
            for _ in range(6):
                factory(parent=index, agency=AgencyFactory())
            _r, _routing, many = count_queries(client, index.url, model, monkeypatch)
            assert many == few and many <= 10, (model, few, many)

    def test_meeting_page_queries_do_not_grow(self, client, meetings, monkeypatch):
        small = MeetingPageFactory(
            parent=meetings, children={"representatives": [representative()]}
        )
        big = MeetingPageFactory(
            parent=meetings,
            children={
                "representatives": [representative(f"代表{n}") for n in range(12)],
                "topics": [{"title": f"议题{n}"} for n in range(5)],
            },
        )
        client.get(small.url)
        _r, _routing, few = count_queries(client, small.url, MeetingPage, monkeypatch)
        _r, _routing, many = count_queries(client, big.url, MeetingPage, monkeypatch)
        assert many == few and many <= 12, (few, many)


def test_solicitation_page_queries_do_not_grow(client, closed_with_comments, monkeypatch):
    client.get(closed_with_comments.url)
    _r, _routing, few = count_queries(
        client, closed_with_comments.url, SolicitationPage, monkeypatch
    )
    for number in range(20):
        Comment.objects.create(
            solicitation=closed_with_comments,
            receipt_number=f"YJ20260311{number:06d}",
            text="意见",
            submission_token=f"more{number}",
            decision="adopted",
            reason=f"理由{number}",
        )
    response, _routing, many = count_queries(
        client, closed_with_comments.url, SolicitationPage, monkeypatch
    )
    assert "理由19" in response.content.decode()
    assert many == few and many <= 12, (few, many)


def test_rate_limit_cache_down_takes_the_comment(client, open_solicitation, address, settings):
    settings.CACHES = {
        **settings.CACHES,
        "down": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        },
    }
    settings.GOV_DISCLOSURE_RATE_LIMIT_CACHE = "down"
    assert post(client, open_solicitation, address, text="仍然收到").status_code == 302
    assert Comment.objects.get().text == "仍然收到"


def test_rate_limit_cache_check(settings):
    from gov_disclosure.checks import check_rate_limit_cache

    assert check_rate_limit_cache() == []
    settings.GOV_DISCLOSURE_RATE_LIMIT_CACHE = "nonexistent"
    assert [error.id for error in check_rate_limit_cache()] == ["gov_disclosure.E008"]


def test_moderation_needs_a_reason_to_refuse(client, editor, open_solicitation):
    comment = Comment.objects.create(
        solicitation=open_solicitation, receipt_number="YJ1", text="意见", submission_token="r"
    )
    client.force_login(editor)
    url = reverse("participation_comments:edit", args=[comment.pk])
    page = soup(client.get(url))
    assert "意见" in page.get_text()  # the comment is shown beside the decision
    response = client.post(url, {"decision": "not_adopted", "reason": " "})
    assert response.status_code == 200
    assert zh("Give the reason why the comment was not fully adopted.") in response.content.decode()
    assert Comment.objects.get().decision == "pending"


def test_a_solicitation_with_comments_is_not_deleted(client, superuser, open_solicitation):
    Comment.objects.create(
        solicitation=open_solicitation, receipt_number="YJ2", text="意见", submission_token="d"
    )
    client.force_login(superuser)
    response = client.post(reverse("wagtailadmin_pages:delete", args=[open_solicitation.pk]))
    assert response.status_code == 302
    assert SolicitationPage.objects.filter(pk=open_solicitation.pk).exists()


class TestOfflineComments:
    def url(self, page):
        return reverse("gov_disclosure_participation:record_comment", args=[page.pk])

    def test_entered_by_the_office_and_counted(self, client, editor, open_solicitation):
        client.force_login(editor)
        url = self.url(open_solicitation)
        page = soup(client.get(url))
        channels = [o["value"] for o in page.select("select[name=channel] option")]
        assert "online" not in channels and {"email", "post", "in_person"} <= set(channels)
        response = client.post(
            url,
            {
                "channel": "post",
                "received_on": "2026-03-05",
                "name": "孙先生",
                "contact": "示范县人民路1号",
                "text": "建议设立犬只免费登记点。",
                "decision": "pending",
                "reason": "",
            },
        )
        assert response.status_code == 302
        comment = Comment.objects.get()
        assert comment.channel == "post" and comment.receipt_number.startswith("YJ20260305")
        assert comment.history.first().history_user == editor
        assert services.feedback(open_solicitation).total == 1

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({"channel": "online", "received_on": "2026-03-05"}, "channel"),
            ({"channel": "email", "received_on": "2026-04-05"}, "received_on"),
            ({"channel": "email", "received_on": ""}, "received_on"),
            ({"channel": "email", "received_on": "2026-02-30"}, "received_on"),
        ],
    )
    def test_bad_input(self, client, editor, open_solicitation, data, field):
        client.force_login(editor)
        response = client.post(
            self.url(open_solicitation), {"text": "意见", "decision": "pending", **data}
        )
        assert response.status_code == 200
        assert (
            soup(response)
            .select_one(f"[name={field}]")
            .find_parent(class_="w-field")
            .select_one(".error-message, .w-field__errors")
        )
        assert Comment.objects.count() == 0

    def test_needs_the_permission_to_moderate(self, client, reviewer, open_solicitation):
        client.force_login(reviewer)
        assert client.get(self.url(open_solicitation)).status_code in (302, 403)

    def test_offered_on_the_solicitation_in_the_admin(self, client, editor, open_solicitation):
        client.force_login(editor)
        response = client.get(reverse("wagtailadmin_pages:edit", args=[open_solicitation.pk]))
        assert self.url(open_solicitation) in response.content.decode()
