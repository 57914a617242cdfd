"""Requests for disclosure in the admin: who sees them, the list by days left, the forms, the
history, the dashboard panel and the statistics."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import querydict_from_html

from gov_disclosure.applications import clock
from gov_disclosure.applications.models import InformationRequest, Status
from gov_disclosure.applications.outcomes import Outcome

from .application_factories import RESIDENT_IDS, InformationRequestFactory, organisation

D = datetime.date
TODAY = D(2025, 3, 20)
pytestmark = pytest.mark.django_db
INDEX = "gov_disclosure_requests:index"


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    monkeypatch.setattr(clock, "today", lambda: TODAY)
    return TODAY


def form_data(response):
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def rows(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.find_all("td")]
        for row in page.select("table.listing tbody tr")
    ]


# Who sees requests --------------------------------------------------------------------------------


def test_only_the_disclosure_office_sees_requests(client, editor, reviewer, disclosure_officer):
    request = InformationRequestFactory()
    urls = [
        reverse(INDEX),
        reverse("gov_disclosure_requests:edit", args=[request.pk]),
        reverse("gov_disclosure_requests:inspect", args=[request.pk]),
        reverse("gov_disclosure_requests:add"),
        reverse("gov_disclosure_requests:history", args=[request.pk]),
        reverse("gov_disclosure_applications:statistics"),
    ]
    for user in (editor, reviewer):
        client.force_login(user)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403), (user, url)
            assert request.name not in response.content.decode()
        home = client.get(reverse("wagtailadmin_home")).content.decode()
        assert reverse(INDEX) not in home
        assert request.name not in home
    client.force_login(disclosure_officer)
    for url in urls:
        assert client.get(url).status_code == 200, url
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(INDEX) in home


def test_anonymous_users_are_sent_to_log_in(client):
    request = InformationRequestFactory()
    response = client.get(reverse("gov_disclosure_requests:inspect", args=[request.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


# The list -----------------------------------------------------------------------------------------


def test_list_puts_the_most_urgent_first_and_shows_overdue(client, disclosure_officer):
    overdue = InformationRequestFactory(received_on=D(2025, 2, 10))  # due 2025-03-10
    soon = InformationRequestFactory(received_on=D(2025, 2, 24))  # due 2025-03-24
    later = InformationRequestFactory(received_on=D(2025, 3, 10))
    replied = InformationRequestFactory(
        received_on=D(2025, 1, 6), outcome=Outcome.DISCLOSED, reply_sent_on=D(2025, 1, 20)
    )
    waiting = InformationRequestFactory(
        received_on=D(2025, 3, 3), clarification_sent_on=D(2025, 3, 5)
    )
    client.force_login(disclosure_officer)
    response = client.get(reverse(INDEX))
    numbers = [row[0] for row in rows(response)]
    assert [n.split()[0] for n in numbers] == [
        overdue.tracking_number,
        soon.tracking_number,
        later.tracking_number,
        waiting.tracking_number,
        replied.tracking_number,
    ]
    html = response.content.decode()
    assert html.count('class="gd-overdue"') == 1
    with translation.override("zh-hans"):
        listing = client.get(reverse(INDEX), HTTP_ACCEPT_LANGUAGE="zh-hans")
    first = rows(listing)[0]
    assert any("逾期" in cell for cell in first), first


def test_filters(client, disclosure_officer):
    InformationRequestFactory(received_on=D(2025, 2, 10))
    InformationRequestFactory(received_on=D(2025, 3, 10))
    InformationRequestFactory(**organisation(category="nonprofit"), received_on=D(2024, 5, 6))
    client.force_login(disclosure_officer)
    assert len(rows(client.get(reverse(INDEX), {"due": "overdue"}))) == 2  # incl. the 2024 one
    assert len(rows(client.get(reverse(INDEX), {"due": "this_week"}))) == 2
    assert len(rows(client.get(reverse(INDEX), {"year": "2024"}))) == 1
    assert len(rows(client.get(reverse(INDEX), {"applicant_type": "organisation"}))) == 1
    assert len(rows(client.get(reverse(INDEX), {"status": "replied"}))) == 0
    # Bad filter values do not break the list.
    assert client.get(reverse(INDEX), {"year": "abc", "status": "zzz"}).status_code == 200


def test_export_has_no_secret_and_reads_in_excel(client, disclosure_officer):
    request = InformationRequestFactory()
    request.set_secret()
    request.save()
    client.force_login(disclosure_officer)
    response = client.get(reverse(INDEX), {"export": "csv"})
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert request.tracking_number in content and request.secret_hash not in content


# Recording and handling -----------------------------------------------------------------------


def test_office_records_a_request_received_by_post(client, disclosure_officer):
    client.force_login(disclosure_officer)
    url = reverse("gov_disclosure_requests:add")
    data = form_data(client.get(url))
    data.update(
        {
            "channel": "post",
            "received_on": "2025-03-05",
            "applicant_type": "person",
            "name": "陈秀兰",
            "id_type": "resident_id",
            "id_number": RESIDENT_IDS[2],
            "phone": "0591-87654321",
            "address": "示范县解放路 6 号",
            "postcode": "350100",
            "description": "申请公开 2024 年本县农村危房改造补助对象名单及补助标准。",
            "information_form": "paper",
            "delivery": "post",
        }
    )
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    request = InformationRequest.objects.get(name="陈秀兰")
    assert request.tracking_number == "YSQ202500001"
    assert request.due_on == D(2025, 4, 2) and request.status == Status.PROCESSING
    assert request.history.first().history_user == disclosure_officer
    message = response.context["messages"]
    text = " ".join(str(m) for m in message)
    secret = re.search(r"([2-9A-HJ-NP-Z]{10})", text.split(request.tracking_number, 1)[1])
    assert secret and request.secret_matches(secret.group(1))


def test_post_request_without_receipt_date_is_refused(client, disclosure_officer):
    client.force_login(disclosure_officer)
    url = reverse("gov_disclosure_requests:add")
    data = form_data(client.get(url))
    data.update(
        {
            "channel": "post",
            "received_on": "",
            "name": "陈秀兰",
            "id_type": "resident_id",
            "id_number": RESIDENT_IDS[2],
            "phone": "0591-87654321",
            "description": "申请公开某事项。",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "received_on" in response.context["form"].errors
    assert not InformationRequest.objects.exists()


def test_confirm_extend_consult_and_reply_through_the_edit_form(client, disclosure_officer):
    request = InformationRequestFactory(
        channel="online",
        received_on=None,
        submitted_at=datetime.datetime(2025, 1, 20, 2, tzinfo=datetime.UTC),
    )
    assert request.status == Status.SUBMITTED
    client.force_login(disclosure_officer)
    url = reverse("gov_disclosure_requests:edit", args=[request.pk])

    data = form_data(client.get(url))
    data["received_on"] = "2025-01-20"
    assert client.post(url, data).status_code == 302
    request.refresh_from_db()
    assert request.status == Status.PROCESSING and request.due_on == D(2025, 2, 21)

    data = form_data(client.get(url))
    data.update(
        {
            "extension_days": "5",
            "extension_approved_by": "县政府办公室 李明",
            "extension_approved_on": "2025-02-18",
            "extension_reason": "需调取多个部门的档案。",
            "consultations-TOTAL_FORMS": "1",
            "consultations-0-kind": "third_party",
            "consultations-0-party": "示范建设有限公司",
            "consultations-0-sent_on": "2025-02-10",
            "consultations-0-answered_on": "2025-02-14",
            "consultations-0-note": "",
            "consultations-0-id": "",
            "consultations-0-ORDER": "1",
            "consultations-0-DELETE": "",
        }
    )
    assert client.post(url, data).status_code == 302
    request.refresh_from_db()
    # 20 + 5 extension + 4 consultation days after 20 January 2025.
    assert request.due_on == D(2025, 3, 6)
    assert request.consultations.count() == 1

    data = form_data(client.get(url))
    data.update({"outcome": Outcome.DISCLOSED, "reply_sent_on": "2025-03-03"})
    assert client.post(url, data).status_code == 302
    request.refresh_from_db()
    assert request.status == Status.REPLIED
    history = list(request.history.order_by("history_date"))
    assert {h.history_user for h in history[1:]} == {disclosure_officer}

    inspect = client.get(reverse("gov_disclosure_requests:inspect", args=[request.pk]))
    html = inspect.content.decode()
    assert "2025-03-06" in html and "示范建设有限公司" in html
    assert "0 → 5" in html  # the history shows the extension's value before and after
    assert reverse("gov_disclosure_requests:letter_docx", args=[request.pk]) in html


def test_an_extension_without_its_approval_is_refused_and_nothing_is_lost(
    client, disclosure_officer
):
    request = InformationRequestFactory(received_on=D(2025, 1, 20), notes="已电话联系申请人")
    client.force_login(disclosure_officer)
    url = reverse("gov_disclosure_requests:edit", args=[request.pk])
    data = form_data(client.get(url))
    data.update({"extension_days": "30", "notes": "新备注"})
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"extension_days", "extension_approved_by", "extension_reason"} <= set(errors)
    request.refresh_from_db()
    assert request.notes == "已电话联系申请人" and request.extension_days == 0


def test_new_secret(client, disclosure_officer, editor):
    request = InformationRequestFactory()
    old = request.set_secret()
    request.save()
    url = reverse("gov_disclosure_requests:new_secret", args=[request.pk])
    client.force_login(editor)
    client.post(url)
    request.refresh_from_db()
    assert request.secret_matches(old)
    client.force_login(disclosure_officer)
    response = client.post(url, follow=True)
    request.refresh_from_db()
    assert not request.secret_matches(old)
    text = " ".join(str(m) for m in response.context["messages"])
    secret = re.search(r"([2-9A-HJ-NP-Z]{10})", text.split(request.tracking_number, 1)[1])
    assert request.secret_matches(secret.group(1))


def test_files_are_downloads_for_the_office_only(client, disclosure_officer, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gov_disclosure.applications.models import RequestFile

    request = InformationRequestFactory()
    kept = RequestFile(
        request=request,
        kind="reply",
        file=SimpleUploadedFile("答复书.pdf", b"%PDF-1.4 test"),
    )
    kept.save()
    assert kept.title == "答复书.pdf" and "答复书" not in kept.file.name
    url = reverse("gov_disclosure_requests:file", args=[request.pk, kept.pk])
    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(disclosure_officer)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")


def test_request_file_is_checked_by_content(settings):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    from gov_disclosure.applications.models import RequestFile

    request = InformationRequestFactory()
    for name, content in [("a.pdf", b"<html>"), ("a.svg", b"<svg/>"), ("a.html", b"<p>")]:
        kept = RequestFile(request=request, kind="reply", file=SimpleUploadedFile(name, content))
        with pytest.raises(ValidationError):
            kept.full_clean()


# Dashboard and statistics --------------------------------------------------------------------


def test_due_panel_lists_overdue_and_this_week(client, disclosure_officer, editor):
    overdue = InformationRequestFactory(received_on=D(2025, 2, 10))  # due 10 March
    this_week = InformationRequestFactory(received_on=D(2025, 2, 20))  # due 20 March
    later = InformationRequestFactory(received_on=D(2025, 3, 10))
    InformationRequestFactory(channel="online", received_on=None)
    client.force_login(disclosure_officer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert overdue.tracking_number in html and this_week.tracking_number in html
    assert later.tracking_number not in html
    assert "gd-overdue" in html
    assert reverse(INDEX) + "?status=submitted" in html
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert overdue.tracking_number not in html


def test_statistics_screen(client, disclosure_officer):
    InformationRequestFactory(
        received_on=D(2025, 2, 10), outcome=Outcome.WITHHELD_PROCESS, reply_sent_on=D(2025, 3, 1)
    )
    InformationRequestFactory(**organisation(category="legal_service"), received_on=D(2025, 3, 3))
    client.force_login(disclosure_officer)
    url = reverse("gov_disclosure_applications:statistics")
    response = client.get(url, {"year": "2025"})
    page = BeautifulSoup(response.content, "html.parser")
    table = {
        row.th.get_text(strip=True): [td.get_text(strip=True) for td in row.find_all("td")]
        for row in page.select("table.gd-stats tbody tr")
        if row.find("td")
    }
    new = table[zh("1. New requests this year")]
    assert new == ["1", "0", "0", "0", "1", "0", "2"]
    forward = table[zh("4. Carried forward to next year")]
    assert forward == ["0", "0", "0", "0", "1", "0", "1"]
    assert client.get(url, {"year": "abc"}).status_code == 200


def test_site_history_shows_requests_only_to_the_office(client, disclosure_officer, editor):
    client.force_login(disclosure_officer)
    url = reverse("gov_disclosure_requests:add")
    data = form_data(client.get(url))
    data.update(
        {
            "channel": "in_person",
            "received_on": "2025-03-05",
            "name": "黄晓燕",
            "id_type": "resident_id",
            "id_number": RESIDENT_IDS[1],
            "phone": "13800001234",
            "description": "申请公开示范县 2024 年度最低生活保障资金的使用情况。",
        }
    )
    assert client.post(url, data).status_code == 302
    number = InformationRequest.objects.get().tracking_number
    history_url = reverse("wagtailadmin_reports:site_history")
    assert number in client.get(history_url).content.decode()
    client.force_login(editor)
    response = client.get(history_url)
    assert number not in response.content.decode() and "黄晓燕" not in response.content.decode()


def test_list_and_panel_queries_do_not_grow_with_requests(client, disclosure_officer):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(disclosure_officer)

    def queries(url):
        client.get(url)  # warm: sessions, permissions, the calendar's overrides
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    for n in range(3):
        InformationRequestFactory(received_on=D(2025, 2, 10 + n), assigned_to=disclosure_officer)
    few = (queries(reverse(INDEX)), queries(reverse("wagtailadmin_home")))
    for n in range(15):
        InformationRequestFactory(
            received_on=D(2025, 3, 3 + n % 10), assigned_to=disclosure_officer
        )
    many = (queries(reverse(INDEX)), queries(reverse("wagtailadmin_home")))
    assert many == few, (few, many)
