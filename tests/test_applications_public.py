"""Disclosure on application, the public side: the application form, the receipt shown once,
the status look-up with the tracking number and the secret.

Messages are checked through ``zh()``: the Chinese text once the catalogue has it, the English
msgid until then. Rate limits count in Redis (``tests/settings.py``); each test that posts uses
its own client address so that tests do not share a budget.
"""

import datetime
import itertools
import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.utils import timezone, translation
from wagtail.models import Locale

from gov_disclosure.applications import clock
from gov_disclosure.applications.forms import ApplicationForm
from gov_disclosure.applications.models import (
    ApplicationPage,
    InformationRequest,
    Status,
)
from gov_disclosure.applications.outcomes import Outcome

from .application_factories import (
    CREDIT_CODE,
    RESIDENT_IDS,
    ApplicationPageFactory,
    InformationRequestFactory,
    organisation,
)
from .factories import AgencyFactory
from .test_documents_public import count_queries

pytestmark = pytest.mark.django_db
ADDRESSES = (f"10.{100 + n // 250}.{n % 250}.9" for n in itertools.count(1))

NAME = "李秀英"
PHONE = "13987654321"
EMAIL = "lixiuying@example.com"
ADDRESS = "示范县城关镇幸福路 66 号"
DESCRIPTION = "申请公开本县 2025 年老旧小区改造项目的资金安排及实施计划。"


def zh(message, **params):
    with translation.override("zh-hans"):
        text = translation.gettext(message)
    return text % params if params else text


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def person(**overrides):
    data = {
        "applicant_type": "person",
        "name": NAME,
        "id_type": "resident_id",
        "id_number": RESIDENT_IDS[1],
        "phone": PHONE,
        "email": EMAIL,
        "address": ADDRESS,
        "postcode": "250000",
        "description": DESCRIPTION,
        "purpose": "",
        "information_form": "electronic",
        "delivery": "email",
        "token": "",
    }
    data.update(overrides)
    return data


def company(**overrides):
    data = {
        "applicant_type": "organisation",
        "organisation_category": "commercial",
        "name": "示范市某某建材有限公司",
        "organisation_code": CREDIT_CODE,
        "legal_representative": "张伟",
        "contact_person": "刘洋",
    }
    data.update(overrides)
    return person(**data)


def received_url(page):
    return page.url + page.reverse_subpage("received")


def status_url(page):
    return page.url + page.reverse_subpage("status")


def private(response):
    """The response is kept out of caches and search engines."""
    return "no-store" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]


@pytest.fixture
def address():
    return next(ADDRESSES)


@pytest.fixture
def agency(db):
    return AgencyFactory(name="示范县人民政府")


@pytest.fixture
def page(root_page, agency):
    return ApplicationPageFactory(
        parent=root_page,
        agency=agency,
        intro="<p>公民、法人或者其他组织可以向本机关申请获取政府信息。</p>",
        after_submission="<p>我们将在三个工作日内电话确认收到申请。</p>",
    )


def post(client, page, address, data):
    return client.post(page.url, data, REMOTE_ADDR=address)


def look_up(client, page, address, number, secret):
    return client.post(
        status_url(page), {"tracking_number": number, "secret": secret}, REMOTE_ADDR=address
    )


def with_secret(request):
    """Give a request made by a factory a secret, as the form does; return the secret."""
    secret = request.set_secret()
    request.save()
    return secret


# The form ------------------------------------------------------------------------------------


class TestForm:
    def test_the_form(self, client, page):
        response = client.get(page.url)
        assert response.status_code == 200
        assert "no-store" in response["Cache-Control"]
        assert "X-Robots-Tag" not in response  # how to apply may be found by search engines
        html = soup(response)
        assert "公民、法人或者其他组织可以向本机关申请获取政府信息。" in html.get_text()
        form = html.select_one("form.gda-form")
        assert form["method"] == "post" and form["action"] == page.url
        assert form.select_one("input[name=csrfmiddlewaretoken]")
        assert re.fullmatch(r"[0-9a-f]{32}", form.select_one("input[name=token]")["value"])
        assert form.select_one("#id_gd_hp_check")["tabindex"] == "-1"
        assert form.select_one("select[name=agency]") is None  # the page's agency is used
        assert "示范县人民政府" in form.get_text()
        # Radio groups are fieldsets whose legend is the question.
        legends = [
            fieldset.legend.get_text(" ", strip=True)
            for fieldset in form.select("fieldset.gda-fieldset")
        ]
        with translation.override("zh-hans"):
            for field in ("applicant_type", "information_form", "delivery"):
                assert form.select_one(f"input[type=radio][name={field}]")
                label = str(ApplicationForm.base_fields[field].label)
                assert any(legend.startswith(label) for legend in legends)
        assert form.select_one("input[name=applicant_type][value=person]").has_attr("checked")
        # Both groups of applicant fields are there without JavaScript.
        assert form.select_one("[data-gda-for=person] #id_id_number")
        assert form.select_one("[data-gda-for=organisation] #id_organisation_code")
        assert len(form.select("[data-gda-for=organisation] input[name=organisation_category]"))
        # Help for browsers and phone keyboards.
        assert form.select_one("#id_phone")["autocomplete"] == "tel"
        assert form.select_one("#id_phone")["inputmode"] == "tel"
        assert form.select_one("#id_email")["autocomplete"] == "email"
        assert form.select_one("#id_postcode")["inputmode"] == "numeric"
        assert form.select_one("#id_name")["autocomplete"] == "name"
        assert form.select_one("#id_name")["maxlength"] == "200"
        assert not form.select_one("#id_description").has_attr("maxlength")
        assert html.select_one(".gda-lookup a")["href"] == status_url(page)

    def test_only_get_and_post(self, client, page):
        assert client.put(page.url).status_code == 405
        assert client.put(status_url(page)).status_code == 405

    def test_preview_in_the_admin(self, page, root_page):
        assert page.make_preview_request().status_code == 200
        unsaved = ApplicationPage(title="新的申请页面", slug="new", locale=root_page.locale)
        unsaved.depth, unsaved.path = root_page.depth + 1, root_page.path + "9999"
        response = unsaved.make_preview_request()
        assert response.status_code == 200
        assert "新的申请页面" in response.render().content.decode()

    def test_an_agency_to_choose_when_the_page_has_none(self, client, root_page, address):
        here = AgencyFactory(name="示范县教育局")
        AgencyFactory(name="示范县卫生健康局")
        english = Locale.objects.get_or_create(language_code="en")[0]
        elsewhere = AgencyFactory(name="Education Bureau", locale=english)
        page = ApplicationPageFactory(parent=root_page)
        options = soup(client.get(page.url)).select("select[name=agency] option")
        assert options[0]["value"] == ""
        assert {o.get_text() for o in options[1:]} == {"示范县卫生健康局", "示范县教育局"}

        response = post(client, page, address, person())
        assert response.status_code == 400
        assert field_errors(soup(response), "agency") == [zh("Choose the agency you apply to.")]
        response = post(client, page, address, person(agency=elsewhere.pk))
        assert response.status_code == 400
        assert field_errors(soup(response), "agency") == [zh("Choose one of the options shown.")]
        assert InformationRequest.objects.count() == 0
        assert post(client, page, address, person(agency=here.pk)).status_code == 303
        assert InformationRequest.objects.get().agency == here

    def test_query_count_does_not_grow_with_requests(
        self, client, page, root_page, agency, monkeypatch
    ):
        choosing = ApplicationPageFactory(parent=root_page)
        for each in (page, choosing):
            client.get(each.url)
            InformationRequestFactory()
            _r, _routing, few = count_queries(client, each.url, ApplicationPage, monkeypatch)
            for number in range(12):
                InformationRequestFactory(name=f"测试申请者{number}", agency=agency)
            AgencyFactory()  # one more option, no more queries
            response, _routing, many = count_queries(client, each.url, ApplicationPage, monkeypatch)
            assert many == few and many <= 3, (each, few, many)
            assert "测试申请者" not in response.content.decode()


# Bad input -----------------------------------------------------------------------------------

TOO_LONG = "This is too long: at most %(limit_value)d characters (it has %(show_value)d)."
NOT_AN_OPTION = "Choose one of the options shown."


def too_long(limit, length):
    return zh(TOO_LONG, limit_value=limit, show_value=length)


BAD_INPUT = [
    (person(name=""), {"name": ("Enter your name or the name of the organisation.")}),
    (person(name="  "), {"name": ("Enter your name or the name of the organisation.")}),
    (
        person(id_number="110101199003071234"),
        {
            "id_number": (
                "The last character of this identity card number does not match; check for a typo."
            )
        },
    ),
    (
        person(id_number="11010119900307123"),
        {"id_number": ("A resident identity card number has 18 characters.")},
    ),
    (
        person(id_number="110101199013071237"),  # checksum right, but no 13th month
        {
            "id_number": (
                "This is not a valid identity card number: 17 digits followed by a digit or X, "
                "with a real date of birth."
            )
        },
    ),
    (person(id_number=""), {"id_number": ("Enter the number of the identity document.")}),
    (person(id_type=""), {"id_type": ("Choose the kind of identity document.")}),
    (
        company(organisation_code="91350100M000100Y44"),
        {
            "organisation_code": (
                "The check character of this unified social credit code is wrong; check for a typo."
            )
        },
    ),
    (
        company(organisation_code="91350100M000100"),
        {"organisation_code": ("A unified social credit code has 18 characters.")},
    ),
    (
        company(organisation_code=""),
        {"organisation_code": ("Enter the unified social credit code.")},
    ),
    (
        company(organisation_category=""),
        {"organisation_category": ("Choose the kind of organisation.")},
    ),
    (
        person(delivery="email", email=""),
        {"email": ("Enter your e-mail address: you chose to receive the information by e-mail.")},
    ),
    (
        person(delivery="post", address="", postcode=""),
        {
            "address": ("Enter your postal address: you chose to receive the information by post."),
            "postcode": ("Enter the postcode: you chose to receive the information by post."),
        },
    ),
    (person(postcode="25000"), {"postcode": ("A postcode has 6 digits, e.g. 250000.")}),
    (person(postcode="25000a"), {"postcode": ("A postcode has 6 digits, e.g. 250000.")}),
    (person(email="lixiuying"), {"email": ("Enter an e-mail address such as name@example.com.")}),
    (person(phone=""), {"phone": ("Enter a telephone number so that the office can reach you.")}),
    *[
        (
            person(phone=phone),
            {
                "phone": (
                    "Enter a mobile number such as 13912345678, or a landline number such as "
                    "0531-12345678."
                )
            },
        )
        for phone in ("12345", "12912345678", "电话号码", "1391234567x")
    ],
    (person(description=""), {"description": ("Describe the information you ask for.")}),
    (person(description=" \r\n "), {"description": ("Describe the information you ask for.")}),
    (
        person(applicant_type=""),
        {"applicant_type": ("Choose whether you apply as a natural person or as an organisation.")},
    ),
    (
        person(information_form=""),
        {"information_form": ("Choose the form in which you want the information.")},
    ),
    (person(delivery=""), {"delivery": ("Choose how you want to receive the information.")}),
    # Values no option of the form has.
    (person(applicant_type="robot"), {"applicant_type": NOT_AN_OPTION}),
    (person(id_type="driving_licence"), {"id_type": NOT_AN_OPTION}),
    (company(organisation_category="bank"), {"organisation_category": NOT_AN_OPTION}),
    (person(information_form="fax"), {"information_form": NOT_AN_OPTION}),
    (person(delivery="pigeon"), {"delivery": NOT_AN_OPTION}),
    # Every field has a maximum length.
    (person(name="名" * 201), {"name": (TOO_LONG, {"limit_value": 200, "show_value": 201})}),
    (
        person(id_type="passport", id_number="E" * 41),
        {"id_number": (TOO_LONG, {"limit_value": 40, "show_value": 41})},
    ),
    (person(phone="1" * 41), {"phone": (TOO_LONG, {"limit_value": 40, "show_value": 41})}),
    (person(email="a" * 250 + "@example.com"), {"email": None}),
    (person(address="路" * 256), {"address": (TOO_LONG, {"limit_value": 255, "show_value": 256})}),
    (person(postcode="2" * 13), {"postcode": (TOO_LONG, {"limit_value": 12, "show_value": 13})}),
    (
        person(purpose="用" * 1001),
        {"purpose": (TOO_LONG, {"limit_value": 1000, "show_value": 1001})},
    ),
    (
        company(legal_representative="张" * 101),
        {"legal_representative": (TOO_LONG, {"limit_value": 100, "show_value": 101})},
    ),
    (
        company(contact_person="刘" * 101),
        {"contact_person": (TOO_LONG, {"limit_value": 100, "show_value": 101})},
    ),
    (
        company(organisation_code="9" * 31),
        {"organisation_code": (TOO_LONG, {"limit_value": 30, "show_value": 31})},
    ),
]


def field_errors(html, field):
    """The messages shown at a field, without the "Error:" read out to screen readers."""
    error = html.select_one(f"#id_{field}_error")
    if error is None:
        return None
    messages = []
    for paragraph in error.select("p"):
        for hidden in paragraph.select(".gd-visually-hidden"):
            hidden.decompose()
        messages.append(paragraph.get_text(strip=True))
    return messages


@pytest.mark.parametrize(
    ("data", "errors"),
    BAD_INPUT,
    ids=[f"{n}-{'-'.join(errors)}" for n, (_data, errors) in enumerate(BAD_INPUT)],
)
def test_bad_input_is_answered_and_nothing_saved(client, page, address, data, errors):
    response = post(client, page, address, data)
    assert response.status_code == 400
    assert private(response)
    html = soup(response)
    for field, message in errors.items():
        messages = field_errors(html, field)
        assert messages, field
        if isinstance(message, tuple):
            assert messages == [zh(message[0], **message[1])], field
        elif message is not None:
            assert messages == [zh(message)], field
        # The list at the top links to the field (the first option of a group of radios).
        anchor = f"id_{field}_0" if html.select_one(f"#id_{field}_0") else f"id_{field}"
        link = html.select_one(f'.gda-summary a[href="#{anchor}"]')
        assert link is not None, field
        assert html.select_one(f"#{anchor}")["aria-invalid"] == "true"
        if not anchor.endswith("_0"):
            assert f"id_{field}_error" in html.select_one(f"#{anchor}")["aria-describedby"]
    assert set(errors) == {
        element["id"][len("id_") : -len("_error")] for element in html.select(".gda-error")
    }
    assert html.select_one(".gda-summary")["role"] == "alert"
    assert InformationRequest.objects.count() == 0


def row_labels(response):
    return [th.get_text(strip=True) for th in soup(response).select(".gda-result th")]


def test_messages_are_english_msgids(client, page, address):
    with translation.override("en"):
        response = client.post(
            page.url, person(name="", postcode="1"), REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en"
        )
    html = soup(response)
    assert field_errors(html, "name") == [zh("Enter your name or the name of the organisation.")]
    assert field_errors(html, "postcode") == [zh("A postcode has 6 digits, e.g. 250000.")]


def test_too_long_description(client, page, address, settings):
    settings.GOV_DISCLOSURE_APPLICATION_DESCRIPTION_MAX_LENGTH = 20
    response = post(client, page, address, person(description="信" * 21))
    assert response.status_code == 400
    assert field_errors(soup(response), "description") == [too_long(20, 21)]
    # Line breaks count as one character each, as the reader counts them.
    text = "信" * 9 + "\r\n" + "息" * 10
    assert post(client, page, address, person(description=text)).status_code == 303
    assert InformationRequest.objects.get().description == "信" * 9 + "\n" + "息" * 10


def test_the_text_is_kept_after_an_error(client, page, address):
    response = post(client, page, address, person(phone="123", purpose="用于研究"))
    html = soup(response)
    assert html.select_one("#id_description").get_text().strip() == DESCRIPTION
    assert html.select_one("#id_purpose").get_text().strip() == "用于研究"
    assert html.select_one("#id_name")["value"] == NAME
    assert html.select_one("#id_address")["value"] == ADDRESS


def test_only_the_chosen_kind_of_applicant_is_read(client, page, address):
    # A person, with rubbish left in the organisation's part (no JavaScript hid it).
    data = person(
        organisation_category="bank",
        organisation_code="not a code",
        legal_representative="张" * 300,
        contact_person="刘洋",
    )
    assert post(client, page, address, data).status_code == 303
    request = InformationRequest.objects.get()
    assert request.applicant_type == "person" and request.id_number == RESIDENT_IDS[1]
    assert (
        request.organisation_category,
        request.organisation_code,
        request.legal_representative,
        request.contact_person,
    ) == ("", "", "", "")

    # An organisation, with a wrong identity number left in the person's part.
    data = company(id_type="resident_id", id_number="123", token="")
    assert post(client, page, address, data).status_code == 303
    request = InformationRequest.objects.get(applicant_type="organisation")
    assert (request.id_type, request.id_number) == ("", "")
    assert request.organisation_code == CREDIT_CODE
    assert request.organisation_category == "commercial"
    assert request.report_column == "commercial"


def test_what_people_type_is_tidied(client, page, address):
    data = person(
        id_number=RESIDENT_IDS[0].lower(),
        phone="１３９ ８７６５ ４３２１",
        postcode="２５０ ０００",
        email=" LiXiuying@Example.com ",
        delivery="post",
    )
    assert post(client, page, address, data).status_code == 303
    request = InformationRequest.objects.get()
    assert request.id_number == RESIDENT_IDS[0]
    assert request.phone == "139 8765 4321"
    assert request.postcode == "250000"
    assert request.email == "LiXiuying@example.com"
    data = company(organisation_code=" 9135-0100-M000-100Y-43 ", phone="0531-12345678 转 801")
    assert post(client, page, address, data).status_code == 303
    assert InformationRequest.objects.get(applicant_type="organisation").organisation_code == (
        CREDIT_CODE
    )


# Sending -------------------------------------------------------------------------------------


class TestSending:
    def test_a_request_is_saved_and_its_receipt_shown_once(self, client, page, agency, address):
        response = post(client, page, address, person(purpose="了解项目进展"))
        assert response.status_code == 303
        assert response["Location"] == received_url(page)
        assert private(response)

        request = InformationRequest.objects.get()
        year = timezone.localdate().year
        assert re.fullmatch(rf"YSQ{year}\d{{5}}", request.tracking_number)
        assert request.channel == "online"
        assert request.status == Status.SUBMITTED
        assert request.received_on is None and request.due_on is None
        assert request.agency == agency
        assert (request.name, request.phone, request.purpose) == (NAME, PHONE, "了解项目进展")
        assert request.information_form == "electronic" and request.delivery == "email"
        assert re.fullmatch(r"[0-9a-f]{64}", request.secret_hash)
        assert request.submission_token

        receipt = client.get(received_url(page))
        assert receipt.status_code == 200
        assert private(receipt)
        html = soup(receipt)
        assert html.select_one("#tracking-number").get_text() == request.tracking_number
        secret = html.select_one("#secret").get_text()
        assert request.secret_matches(secret)
        assert "我们将在三个工作日内电话确认收到申请。" in html.get_text()
        assert html.select_one(f'a[href="{status_url(page)}"]')
        text = receipt.content.decode()
        for personal in (NAME, PHONE, EMAIL, ADDRESS, DESCRIPTION, RESIDENT_IDS[1]):
            assert personal not in text

        # The secret is stored only as a keyed hash: not in the row, not in its history.
        row = InformationRequest.objects.filter(pk=request.pk).values().get()
        assert not any(secret in str(value) for value in row.values())
        history = list(InformationRequest.history.filter(id=request.pk).values())
        assert history and not any(secret in str(v) for h in history for v in h.values())
        assert "secret_hash" not in history[0] and "submission_token" not in history[0]
        with connection.cursor() as cursor:
            table = InformationRequest.history.model._meta.db_table
            cursor.execute(f"SELECT * FROM {table}")  # noqa: S608
            assert not any(secret in str(value) for row in cursor.fetchall() for value in row)

        # Shown once: a reload explains, without the number or the secret.
        again = client.get(received_url(page))
        assert again.status_code == 200
        assert private(again)
        html = soup(again)
        assert html.select_one("#tracking-number") is None and html.select_one("#secret") is None
        assert request.tracking_number not in again.content.decode()
        assert html.select_one(f'a.gd-button[href="{status_url(page)}"]')

    def test_receipt_without_a_request(self, client, page):
        response = client.get(received_url(page))
        assert response.status_code == 200
        assert private(response)
        assert soup(response).select_one("#secret") is None

    def test_tracking_numbers_follow_on_and_a_number_drawn_twice_is_drawn_again(
        self, client, page, address, monkeypatch
    ):
        monkeypatch.setattr(clock, "today", lambda: datetime.date(2026, 5, 6))
        assert post(client, page, address, person()).status_code == 303
        assert post(client, page, address, person()).status_code == 303
        numbers = sorted(InformationRequest.objects.values_list("tracking_number", flat=True))
        assert numbers == ["YSQ202600001", "YSQ202600002"]

        original = InformationRequest.next_tracking_number.__func__
        draws = iter(["YSQ202600002"])  # what another request took a moment ago

        def draw(cls, year):
            return next(draws, None) or original(cls, year)

        monkeypatch.setattr(InformationRequest, "next_tracking_number", classmethod(draw))
        assert post(client, page, address, person()).status_code == 303
        assert InformationRequest.objects.filter(tracking_number="YSQ202600003").exists()
        assert InformationRequest.objects.count() == 3

    def test_honeypot(self, client, page, address):
        response = post(client, page, address, person(gd_hp_check="http://spam.example"))
        assert response.status_code == 303
        assert response["Location"] == received_url(page)
        assert InformationRequest.objects.count() == 0
        assert soup(client.get(received_url(page))).select_one("#secret") is None

    def test_csrf_is_required(self, page, address):
        browser = Client(enforce_csrf_checks=True)
        assert browser.get(page.url).status_code == 200
        assert post(browser, page, address, person()).status_code == 403
        response = browser.post(status_url(page), {"tracking_number": "x", "secret": "y"})
        assert response.status_code == 403
        assert InformationRequest.objects.count() == 0

    def test_double_submit_makes_one_request_with_one_receipt(self, client, page, address):
        token = soup(client.get(page.url)).select_one("input[name=token]")["value"]
        for _ in range(2):
            response = post(client, page, address, person(token=token))
            assert response.status_code == 303
        request = InformationRequest.objects.get()
        html = soup(client.get(received_url(page)))
        assert html.select_one("#tracking-number").get_text() == request.tracking_number
        assert request.secret_matches(html.select_one("#secret").get_text())
        # Sent a third time after the receipt was shown (the back button): still one request,
        # and no new secret.
        before = request.secret_hash
        assert post(client, page, address, person(token=token)).status_code == 303
        assert InformationRequest.objects.get().secret_hash == before
        assert soup(client.get(received_url(page))).select_one("#secret") is None

    def test_a_second_sending_racing_the_first(self, client, page, address, monkeypatch):
        """The same form sent twice at once: the second finds no request when it looks, then
        the first one's row is there when it saves."""
        token = soup(client.get(page.url)).select_one("input[name=token]")["value"]
        original = InformationRequest.next_tracking_number.__func__

        def draw(cls, year):
            number = original(cls, year)
            if not InformationRequest.objects.filter(submission_token=token).exists():
                first = InformationRequestFactory(tracking_number=number)
                InformationRequest.objects.filter(pk=first.pk).update(submission_token=token)
                number = original(cls, year)
            return number

        monkeypatch.setattr(InformationRequest, "next_tracking_number", classmethod(draw))
        response = post(client, page, address, person(token=token))
        assert response.status_code == 303
        assert InformationRequest.objects.count() == 1
        assert InformationRequest.objects.get().submission_token == token

    def test_flood_from_one_address(self, client, page, address, settings):
        settings.GOV_DISCLOSURE_APPLICATION_RATE_LIMIT = 2
        for _ in range(3):  # corrections do not count
            assert post(client, page, address, person(name="")).status_code == 400
        codes = [post(client, page, address, person()).status_code for _ in range(2)]
        assert codes == [303, 303]
        response = post(client, page, address, person(description="第三份申请"))
        assert response.status_code == 429
        assert private(response)
        assert (
            zh(
                "Too many requests have been sent from your network in a short time. Please try "
                "again later; nothing was saved."
            )
            in soup(response).select_one(".gd-notice--error").get_text()
        )
        assert soup(response).select_one("#id_description").get_text().strip() == "第三份申请"
        assert InformationRequest.objects.count() == 2
        assert post(client, page, next(ADDRESSES), person()).status_code == 303
        assert caches["ratelimit"].__class__.__name__ == "RedisCache"


# The status look-up --------------------------------------------------------------------------

NO_MATCH = "No request matches this tracking number and secret. Check both and try again."
PERSONAL = ("王建国", RESIDENT_IDS[0], "13912345678", "示范县人民路", "招标文件")


@pytest.fixture
def requests_of_several(agency):
    """Requests of several applicants, each with its secret: one in every state."""
    made = {
        "processing": InformationRequestFactory(agency=agency, notes="内部备注：涉及第三方"),
        "submitted": InformationRequestFactory(
            agency=agency,
            channel="online",
            received_on=None,
            name="赵桂兰",
            phone="13800001111",
            description="申请公开幸福路拓宽工程的征收补偿方案。",
        ),
        "replied": InformationRequestFactory(
            agency=agency,
            outcome=Outcome.PARTLY_DISCLOSED,
            reply_sent_on=datetime.date(2025, 3, 20),
            reply_text="部分公开，涉及个人隐私的内容不予公开。",
            **organisation(name="示范县某某律师事务所", category="legal_service"),
        ),
        "clarification": InformationRequestFactory(
            agency=agency,
            name="孙丽",
            clarification_sent_on=datetime.date(2025, 3, 5),
            clarification_content="请说明所需信息的具体年份。",
        ),
    }
    return {state: (request, with_secret(request)) for state, request in made.items()}


class TestStatus:
    def test_the_form(self, client, page):
        response = client.get(status_url(page))
        assert response.status_code == 200
        assert private(response)
        form = soup(response).select_one("form.gda-form")
        assert form["method"] == "post" and form["action"] == status_url(page)
        assert form.select_one("input[name=csrfmiddlewaretoken]")
        assert form.select_one("#id_secret")["autocomplete"] == "off"

    def test_status_of_a_request_being_processed(self, client, page, address, requests_of_several):
        request, secret = requests_of_several["processing"]
        response = look_up(client, page, address, request.tracking_number, secret)
        assert response.status_code == 200
        assert private(response)
        html = soup(response)
        result = html.select_one(".gda-result")
        text = result.get_text(" ", strip=True)
        assert request.tracking_number in text
        with translation.override("zh-hans"):
            assert str(request.get_status_display()) in text
        assert "2025-03-03" in text  # received
        assert request.due_on.isoformat() in text
        assert html.select_one(".gda-status--processing")
        # The secret is not written back into the page.
        assert secret not in response.content.decode()

    def test_tolerant_of_case_spaces_and_full_width(
        self, client, page, address, requests_of_several
    ):
        request, secret = requests_of_several["processing"]
        typed = " ".join([secret[:5].lower(), secret[5:]])
        number = request.tracking_number.lower().replace("-", "－")
        response = look_up(client, page, address, f" {number} ", typed)
        assert response.status_code == 200
        assert soup(response).select_one(".gda-result")

    def test_awaiting_confirmation(self, client, page, address, requests_of_several):
        request, secret = requests_of_several["submitted"]
        response = look_up(client, page, address, request.tracking_number, secret)
        text = soup(response).select_one(".gda-result").get_text(" ", strip=True)
        assert zh("Awaiting confirmation") in text
        assert zh("Awaiting confirmation of receipt") in text
        assert zh("Reply due by") not in row_labels(response)

    def test_replied_shows_the_outcome(self, client, page, address, requests_of_several):
        request, secret = requests_of_several["replied"]
        response = look_up(client, page, address, request.tracking_number, secret)
        text = soup(response).select_one(".gda-result").get_text(" ", strip=True)
        assert zh("Partly disclosed") in text
        assert "2025-03-20" in text
        assert zh("Reply due by") not in row_labels(response)
        html = response.content.decode()
        assert "部分公开，涉及个人隐私的内容不予公开。" not in html
        assert "示范县某某律师事务所" not in html and CREDIT_CODE not in html

    def test_clarification(self, client, page, address, requests_of_several):
        request, secret = requests_of_several["clarification"]
        response = look_up(client, page, address, request.tracking_number, secret)
        html = soup(response)
        assert html.select_one(".gda-status--clarification")
        assert "请说明所需信息的具体年份。" not in response.content.decode()

    def test_never_personal_data_nor_other_requests(
        self, client, page, address, requests_of_several
    ):
        every = [request for request, _secret in requests_of_several.values()]
        personal = {
            value
            for request in every
            for value in (
                request.name,
                request.id_number,
                request.organisation_code,
                request.phone,
                request.address,
                request.email,
                request.description,
                request.notes,
                request.clarification_content,
                request.reply_text,
            )
            if value
        }
        for state, (request, secret) in requests_of_several.items():
            html = look_up(client, page, address, request.tracking_number, secret).content.decode()
            assert request.tracking_number in html, state
            for value in personal:
                assert value not in html, (state, value)
            for other in every:
                if other.pk != request.pk:
                    assert other.tracking_number not in html, state
        # Nor the other public pages.
        for url in (page.url, received_url(page), status_url(page)):
            html = client.get(url).content.decode()
            for value in personal | {r.tracking_number for r in every}:
                assert value not in html, (url, value)

    def test_wrong_secret_and_unknown_number_look_the_same(
        self, client, page, address, requests_of_several
    ):
        request, secret = requests_of_several["processing"]
        wrong = look_up(client, page, address, request.tracking_number, "ABCDEFGHJK")
        unknown = look_up(client, page, address, "YSQ209900001", "ABCDEFGHJK")
        other_secret = requests_of_several["replied"][1]
        crossed = look_up(client, page, address, request.tracking_number, other_secret)
        notices = set()
        for response in (wrong, unknown, crossed):
            assert response.status_code == 400
            assert private(response)
            html = soup(response)
            assert html.select_one(".gda-result") is None
            notices.add(html.select_one(".gd-notice--error").get_text(strip=True))
        assert notices == {zh(NO_MATCH)}

    def test_failed_look_ups_are_limited(
        self, client, page, address, requests_of_several, settings
    ):
        settings.GOV_DISCLOSURE_APPLICATION_STATUS_RATE_LIMIT = 3
        request, secret = requests_of_several["processing"]
        for _ in range(4):  # successes do not count
            assert (
                look_up(client, page, address, request.tracking_number, secret).status_code == 200
            )
        assert look_up(client, page, address, "", "").status_code == 400  # nor empty forms
        codes = [
            look_up(client, page, address, request.tracking_number, f"WRONG{n}").status_code
            for n in range(4)
        ]
        assert codes == [400, 400, 400, 429]
        # Once the budget is spent, no look-up is made, right or wrong.
        blocked = look_up(client, page, address, request.tracking_number, secret)
        assert blocked.status_code == 429
        assert soup(blocked).select_one(".gda-result") is None
        assert (
            zh(
                "Too many look-ups that found nothing have come from your network. Please try "
                "again later."
            )
            in soup(blocked).select_one(".gd-notice--error").get_text()
        )
        assert (
            look_up(client, page, next(ADDRESSES), request.tracking_number, secret).status_code
            == 200
        )

    def test_empty_form(self, client, page, address):
        response = look_up(client, page, address, "", "")
        assert response.status_code == 400
        html = soup(response)
        assert field_errors(html, "tracking_number") == [
            zh("Enter the tracking number of your request.")
        ]
        assert field_errors(html, "secret") == [
            zh("Enter the secret you were given with the tracking number.")
        ]
        assert html.select_one('.gda-summary a[href="#id_secret"]')


def test_from_form_to_status(client, page, address):
    """An applicant's whole way: send, note the receipt, look the request up."""
    assert post(client, page, address, company(delivery="pickup", email="")).status_code == 303
    html = soup(client.get(received_url(page)))
    number = html.select_one("#tracking-number").get_text()
    secret = html.select_one("#secret").get_text()
    response = look_up(client, page, address, number, secret)
    assert response.status_code == 200
    text = soup(response).select_one(".gda-result").get_text(" ", strip=True)
    assert number in text and zh("Awaiting confirmation") in text
    assert "示范市某某建材有限公司" not in response.content.decode()
