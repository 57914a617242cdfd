"""The disclosure guide (公开指南): generated sections that follow the agency records."""

import re

import factory
import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, PageViewRestriction

from gov_disclosure.registry import registry
from gov_disclosure.standards.blocks import default_guide_body
from gov_disclosure.standards.models import DisclosureCataloguePage, DisclosureGuidePage

from .factories import AgencyFactory, ArticlePageFactory, PageFactory

pytestmark = pytest.mark.django_db


class GuidePageFactory(PageFactory):
    class Meta:
        model = DisclosureGuidePage

    title = "示范县人民政府办公室政府信息公开指南"
    slug = factory.Sequence(lambda n: f"gkzn-{n}")


class CataloguePageFactory(PageFactory):
    class Meta:
        model = DisclosureCataloguePage

    title = "政府信息公开目录"
    slug = factory.Sequence(lambda n: f"gkml-{n}")


class FormPageFactory(PageFactory):
    """Stands in for the online application form (any page can be chosen)."""

    class Meta:
        model = Page

    title = "在线申请"
    slug = factory.Sequence(lambda n: f"zxsq-{n}")


@pytest.fixture
def office(db):
    return AgencyFactory(
        name="示范县人民政府办公室",
        address="示范县人民路1号政务服务中心三楼",
        phone="0531-12345678",
        office_hours="工作日 上午9:00—12:00，下午13:30—17:00",
    )


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def section(text, block_type):
    """The HTML of the guide's first section of ``block_type``."""
    match = re.search(
        rf'<section class="[^"]*gd-guide__section--{block_type}".*?</section>', text, re.DOTALL
    )
    assert match, f"no {block_type} section"
    return match[0]


def with_body(page, blocks):
    page.body = blocks
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def zh(message):
    with translation.override("zh-hans"):
        return gettext(message)


# The default body


def test_a_new_guide_starts_with_every_generated_section_and_text_between():
    page = DisclosureGuidePage(title="公开指南")
    types = [block.block_type for block in page.body]

    assert types == [
        "text",
        "contacts",
        "proactive",
        "text",
        "application",
        "fees",
        "remedies",
        "text",
    ]
    assert all(
        str(block.value).startswith("<p>") for block in page.body if block.block_type == "text"
    )


def test_the_default_body_is_written_in_the_editors_language():
    with translation.override("zh-hans"):
        expected = gettext(
            "Information that has not been published proactively can be requested from "
            "the disclosure office as described below."
        )
        body = default_guide_body()
    assert any(expected in value for kind, value in body if kind == "text")


def test_the_add_form_offers_the_default_body(client, root_page, superuser):
    client.force_login(superuser)
    url = reverse(
        "wagtailadmin_pages:add",
        args=("gov_disclosure_standards", "disclosureguidepage", root_page.pk),
    )
    text = html(client.get(url))
    for block_type in ("contacts", "proactive", "application", "fees", "remedies"):
        assert f"&quot;type&quot;: &quot;{block_type}&quot;" in text or (
            f'"type": "{block_type}"' in text
        ), block_type


def test_a_guide_with_the_default_body_can_be_published_and_shown_at_once(
    client, root_page, office
):
    page = GuidePageFactory(parent=root_page, agency=office)
    text = html(client.get(page.url))

    for block_type in ("contacts", "proactive", "application", "fees", "remedies"):
        section(text, block_type)
    # The contents list links every generated section.
    toc = re.search(r'<nav class="gd-guide__toc".*?</nav>', text, re.DOTALL)[0]
    assert toc.count('href="#guide-') == 5
    assert office.address in section(text, "contacts")


# Generated parts follow the agency record


def test_contacts_come_from_the_agency_record_and_follow_its_changes(client, root_page, office):
    page = GuidePageFactory(parent=root_page, agency=office)
    contacts = section(html(client.get(page.url)), "contacts")
    assert office.name in contacts
    assert office.address in contacts
    assert 'href="tel:053112345678"' in contacts
    assert "上午9:00—12:00" in contacts

    office.address = "示范县新城大道88号"
    office.phone = "0531-87654321"
    office.save()

    text = html(client.get(page.url))
    contacts = section(text, "contacts")
    assert "示范县新城大道88号" in contacts
    assert "人民路1号" not in text
    assert "0531-87654321" in contacts
    # The application section gives the same new address for letters and visits.
    assert "示范县新城大道88号" in section(text, "application")


def test_subordinate_units_are_listed_when_chosen(client, root_page, office):
    AgencyFactory(
        name="示范县档案馆", parent=office, address="示范县档案路2号", phone="0531-11112222"
    )
    AgencyFactory(name="示范县大数据中心", parent=office)
    AgencyFactory(name="别的县政府", address="别处")
    page = GuidePageFactory(parent=root_page, agency=office)

    contacts = section(html(client.get(page.url)), "contacts")
    assert "示范县档案馆" in contacts
    assert "示范县档案路2号" in contacts
    assert "示范县大数据中心" in contacts
    assert "别的县政府" not in contacts

    with_body(page, [("contacts", {"include_units": False})])
    contacts = section(html(client.get(page.url)), "contacts")
    assert office.address in contacts
    assert "示范县档案馆" not in contacts


def test_a_guide_without_agency_says_so_instead_of_failing(client, root_page, office):
    # The edit form requires the agency; a page made by a script may still lack one.
    page = GuidePageFactory(parent=root_page, agency=office)
    DisclosureGuidePage.objects.filter(pk=page.pk).update(agency=None)
    contacts = section(html(client.get(page.url)), "contacts")
    assert zh("No agency has been chosen for this guide yet.") in contacts


# Proactive disclosure


def test_the_registered_kinds_link_to_the_sites_disclosure_catalogue(client, root_page, office):
    catalogue = CataloguePageFactory(parent=root_page)
    page = GuidePageFactory(parent=root_page, agency=office)

    proactive = section(html(client.get(page.url)), "proactive")
    page_kinds = [entry for entry in registry if entry.is_page]
    assert page_kinds
    for entry in page_kinds:
        with translation.override("zh-hans"):
            label = str(entry.label)
        assert f'<a href="{catalogue.url}?kind={entry.kind}">{label}</a>' in proactive
    assert f'href="{catalogue.url}"' in proactive


def test_without_a_public_catalogue_the_kinds_are_listed_without_links(client, root_page, office):
    catalogue = CataloguePageFactory(parent=root_page)
    PageViewRestriction.objects.create(
        page=catalogue, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    CataloguePageFactory(parent=root_page, publish=False)
    page = GuidePageFactory(parent=root_page, agency=office)

    proactive = section(html(client.get(page.url)), "proactive")
    with translation.override("zh-hans"):
        label = str(registry.get("document").label)
    assert f"<li>{label}</li>" in proactive
    assert "?kind=" not in proactive


# Applying


def test_the_online_form_is_offered_only_while_it_is_public(client, root_page, office):
    form_page = FormPageFactory(parent=root_page)
    page = with_body(
        GuidePageFactory(parent=root_page, agency=office),
        [("application", {"form_page": form_page})],
    )
    application = section(html(client.get(page.url)), "application")
    assert f'href="{form_page.url}"' in application

    form_page.unpublish()
    application = section(html(client.get(page.url)), "application")
    assert "gd-guide__apply" not in application


def test_a_password_protected_form_page_is_not_offered(client, root_page, office):
    form_page = FormPageFactory(parent=root_page)
    PageViewRestriction.objects.create(
        page=form_page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    page = with_body(
        GuidePageFactory(parent=root_page, agency=office),
        [("application", {"form_page": form_page})],
    )
    assert "gd-guide__apply" not in section(html(client.get(page.url)), "application")


def test_a_deleted_form_page_does_not_break_the_guide(client, root_page, office):
    form_page = FormPageFactory(parent=root_page)
    page = with_body(
        GuidePageFactory(parent=root_page, agency=office),
        [("application", {"form_page": form_page})],
    )
    form_page.delete()
    assert "gd-guide__apply" not in section(html(client.get(page.url)), "application")


def test_the_application_section_states_the_legal_time_limits(client, root_page, office):
    page = GuidePageFactory(parent=root_page, agency=office)
    application = section(html(client.get(page.url)), "application")
    with translation.override("zh-hans"):
        reply = translation.ngettext(
            "Otherwise it replies within %(days)s working day of receiving the application.",
            "Otherwise it replies within %(days)s working days of receiving the application.",
            20,
        ) % {"days": 20}
    assert reply in application
    # What an application contains (Art. 29): three points.
    contents = re.search(r'<ol class="gd-guide__contents">.*?</ol>', application, re.DOTALL)[0]
    assert contents.count("<li>") == 3


@override_settings(GOV_DISCLOSURE_APPLICATION_REPLY_DAYS=15)
def test_the_time_limit_follows_the_applications_setting(client, root_page, office):
    page = GuidePageFactory(parent=root_page, agency=office)
    application = section(html(client.get(page.url)), "application")
    with translation.override("zh-hans"):
        reply = translation.ngettext(
            "Otherwise it replies within %(days)s working day of receiving the application.",
            "Otherwise it replies within %(days)s working days of receiving the application.",
            15,
        ) % {"days": 15}
    assert reply in application


# Fees and remedies


def test_the_standard_fee_statement_cites_the_fee_measures(client, root_page, office):
    page = GuidePageFactory(parent=root_page, agency=office)
    fees = section(html(client.get(page.url)), "fees")
    assert "国办函〔2020〕109号" in fees
    assert "100" in fees


@override_settings(GOV_DISCLOSURE_GUIDE_FEE_STATEMENT="本机关依申请提供政府信息，一律不收取费用。")
def test_the_fee_statement_setting_and_the_blocks_own_text(client, root_page, office):
    page = GuidePageFactory(parent=root_page, agency=office)
    fees = section(html(client.get(page.url)), "fees")
    assert "一律不收取费用" in fees
    assert "109号" not in fees

    with_body(page, [("fees", {"text": "按本县规定执行。"})])
    fees = section(html(client.get(page.url)), "fees")
    assert "按本县规定执行。" in fees
    assert "一律不收取费用" not in fees


def test_remedies_name_the_bodies_chosen_in_the_block(client, root_page, office):
    page = with_body(
        GuidePageFactory(parent=root_page, agency=office),
        [
            (
                "remedies",
                {
                    "heading": "监督和救济",
                    "reconsideration_body": "示范县人民政府",
                    "court": "示范县人民法院",
                    "complaints": "示范县政务公开办公室",
                },
            )
        ],
    )
    text = html(client.get(page.url))
    remedies = section(text, "remedies")
    assert "监督和救济" in remedies
    assert "示范县人民政府" in remedies
    assert "示范县人民法院" in remedies
    assert "示范县政务公开办公室" in remedies
    assert "60" in remedies and "6" in remedies
    assert '<a href="#guide-' in text and "监督和救济</a>" in text


def test_editable_text_and_headings_are_shown_in_the_chosen_order(client, root_page, office):
    page = with_body(
        GuidePageFactory(parent=root_page, agency=office),
        [
            ("fees", {"heading": "收费标准"}),
            ("text", "<p>本机关另设查阅点。</p>"),
            ("contacts", {"note": "<p>节假日不对外办公。</p>"}),
        ],
    )
    text = html(client.get(page.url))
    assert (
        text.index("收费标准") < text.index("本机关另设查阅点。") < text.index("节假日不对外办公。")
    )
    assert "gd-guide__section--remedies" not in text


# Queries


def test_the_guide_takes_a_fixed_number_of_queries(
    client, root_page, office, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CataloguePageFactory(parent=root_page)
    form_page = FormPageFactory(parent=root_page)
    AgencyFactory(name="示范县档案馆", parent=office, address="档案路")
    page = GuidePageFactory(parent=root_page, agency=office)
    page = with_body(
        page,
        [*page.body.raw_data, {"type": "application", "value": {"form_page": form_page.pk}}],
    )
    client.get(page.url)  # warm the site root paths cache

    with CaptureQueriesContext(connection) as few:
        html(client.get(page.url))
    for n in range(8):
        AgencyFactory(name=f"示范县第{n}中心", parent=office, address=f"{n}号", phone="0531-1")
        ArticlePageFactory(parent=root_page)
    with django_assert_max_num_queries(13):
        text = html(client.get(page.url))
    with CaptureQueriesContext(connection) as many:
        html(client.get(page.url))

    assert "示范县第7中心" in text
    assert len(many) == len(few), [q["sql"][:150] for q in many.captured_queries]


# In a browser


@pytest.fixture
def content(live_server):
    """A guide with every section, for the browser tests (made on the live server's database)."""
    from wagtail.models import Site

    home = Site.objects.get(is_default_site=True).root_page
    office = AgencyFactory(
        name="示范县人民政府办公室",
        address="示范县人民路1号政务服务中心三楼",
        phone="0531-12345678",
        office_hours="工作日 上午9:00—12:00，下午13:30—17:00",
    )
    AgencyFactory(
        name="示范县档案馆", parent=office, address="示范县档案路2号", phone="0531-22223333"
    )
    AgencyFactory(name="示范县大数据中心", parent=office, phone="0531-44445555")
    CataloguePageFactory(parent=home)
    form_page = FormPageFactory(parent=home)
    page = GuidePageFactory(
        parent=home,
        agency=office,
        intro="<p>本指南适用于向示范县人民政府办公室申请获取政府信息。</p>",
    )
    body = [(block.block_type, block.value) for block in page.body]
    body[4] = ("application", {"form_page": form_page})
    body[6] = ("remedies", {"reconsideration_body": "示范县人民政府", "court": "示范县人民法院"})
    page = with_body(page, body)
    return {"url": page.url, "title": page.title}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_guide_reads_well_on_a_desktop_and_a_phone(live_server, content, tab, viewport):
    from .browser_support import reads_well, screenshot

    response = tab.goto(live_server.url + content["url"])
    assert response.status == 200
    screenshot(tab, f"standards-guide-{viewport}")

    assert tab.locator("h1").inner_text().strip() == content["title"]
    reads_well(tab)
    # The contents list jumps to each section, without JavaScript.
    links = tab.locator(".gd-guide__toc a")
    assert links.count() == 5
    links.nth(2).click()
    assert tab.evaluate("location.hash").startswith("#guide-")
    apply = tab.locator(".gd-guide__apply")
    assert apply.bounding_box()["height"] >= 44
