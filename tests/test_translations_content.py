"""Translated content: the facts stay in step across locales, and OpenCC makes zh-Hant.

A document translated with wagtail-localize keeps the original's number, dates, validity and
disclosure attribute, whichever way the translation is edited; it follows the original's
changes of validity; OpenCC converts Simplified to Traditional Chinese in the translation
editor, text only, with the region's characters.
"""

import datetime

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue

from gov_disclosure import machine_translators
from gov_disclosure.documents import services
from gov_disclosure.documents.models import DocumentPage, Validity, ValidityChange
from gov_disclosure.machine_translators import OpenCCTranslator, convert, convert_html
from gov_disclosure.models import Agency, DisclosureAttribute
from gov_disclosure.registry import registry
from gov_disclosure.translations import NotShared, fact_fields, original_of

from .document_factories import DocumentLibraryPageFactory, DocumentPageFactory
from .factories import AgencyFactory, PortalPageFactory

TODAY = datetime.date(2026, 3, 2)


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(services, "today", lambda: TODAY)
    return TODAY


@pytest.fixture
def hant(db):
    return Locale.objects.get_or_create(language_code="zh-hant")[0]


@pytest.fixture
def english(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def library(root_page):
    portal = PortalPageFactory(parent=root_page, title="政府信息公开")
    return DocumentLibraryPageFactory(parent=portal)


@pytest.fixture
def original(library, today):
    return DocumentPageFactory(
        parent=library,
        title="示范县关于规范行政规范性文件管理的办法",
        document_number="示政办发〔2026〕3号",
        publication_date=datetime.date(2026, 1, 5),
        effective_date=datetime.date(2026, 2, 1),
        expiry_date=datetime.date(2031, 1, 31),
    )


def translate(page, locale, user=None):
    """The translation of ``page`` into ``locale`` as wagtail-localize makes it (published)."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    # wagtail-localize publishes once the transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=True)
    return DocumentPage.objects.get(translation_key=page.translation_key, locale=locale)


def publish(page):
    page.save_revision().publish()
    return DocumentPage.objects.get(pk=page.pk)


# The declarations.


SHARED = {"disclosure_attribute", "publication_date"}


@pytest.mark.parametrize("kind", [kind.model for kind in registry if kind.is_page], ids=str)
def test_every_page_type_shares_its_facts(kind):
    names = set(fact_fields(kind))
    assert names >= SHARED, kind
    declared = {field.field_name: field for field in get_translatable_fields(kind)}
    for name in names:
        assert isinstance(declared[name], SynchronizedField) and not declared[name].overridable


def test_the_document_facts_and_the_index_number():
    names = set(fact_fields(DocumentPage))
    assert {
        "document_number",
        "registration_number",
        "date_written",
        "effective_date",
        "expiry_date",
        "validity",
        "validity_changed_on",
        "document_type",
    } <= names
    declared = {field.field_name: field for field in get_translatable_fields(DocumentPage)}
    # The index number is unique: a translation neither copies nor translates it.
    assert type(declared["index_number"]) is NotShared
    # Title, caption and body are what the translator translates.
    assert not ({"title", "caption", "body"} & names)


def test_snippets_share_their_codes():
    assert {"credit_code", "phone", "sort_order"} <= set(fact_fields(Agency))


# A translation made with wagtail-localize.


def test_the_translation_has_the_original_s_facts(original, hant):
    translation = translate(original, hant)
    assert translation.pk != original.pk and translation.live
    for name in ("document_number", "effective_date", "expiry_date", "validity", "agency_id"):
        if name == "agency_id":
            continue  # the agency is translated (a translated snippet), see below
        assert getattr(translation, name) == getattr(original, name), name
    assert translation.validity == Validity.VALID
    assert translation.index_number is None
    assert translation.display_index_number == original.index_number
    assert original_of(translation).pk == original.pk
    # The history is the original's alone: publishing the translation recorded nothing.
    assert not ValidityChange.objects.filter(document_id=translation.pk).exists()


def test_editing_the_translation_directly_cannot_change_a_fact(original, hant):
    translation = translate(original, hant)
    translation.document_number = "示政办发〔2026〕99号"
    translation.effective_date = datetime.date(2020, 1, 1)
    translation.disclosure_attribute = DisclosureAttribute.ON_APPLICATION
    translation.disclosure_reason = "试图改变"
    translation.title = "示範縣關於規範行政規範性文件管理的辦法"
    translation = publish(translation)
    assert translation.document_number == "示政办发〔2026〕3号"
    assert translation.effective_date == datetime.date(2026, 2, 1)
    assert translation.disclosure_attribute == DisclosureAttribute.PROACTIVE
    # What is the translator's own is kept.
    assert translation.title == "示範縣關於規範行政規範性文件管理的辦法"


def test_changing_the_original_changes_its_translations(original, hant, english):
    zh_hant = translate(original, hant)
    en = translate(original, english)
    original.document_number = "示政办发〔2026〕4号"
    original.expiry_date = datetime.date(2030, 12, 31)
    publish(original)
    for translation in (zh_hant, en):
        translation.refresh_from_db()
        assert translation.document_number == "示政办发〔2026〕4号"
        assert translation.expiry_date == datetime.date(2030, 12, 31)


def test_a_draft_of_the_original_is_not_given_to_the_translations(original, hant):
    translation = translate(original, hant)
    original.document_number = "示政办发〔2026〕5号"
    original.save_revision()  # a draft: the live document keeps its number
    translation.refresh_from_db()
    assert translation.document_number == "示政办发〔2026〕3号"


def test_a_translation_follows_the_original_s_changes_of_validity(original, hant, today):
    translation = translate(original, hant)
    services.change_validity(original, Validity.REPEALED, reason="已被新办法取代")
    translation.refresh_from_db()
    assert translation.validity == Validity.REPEALED
    assert translation.validity_changed_on == TODAY


def test_a_change_of_validity_made_on_a_translation_is_the_original_s(original, hant, today):
    translation = translate(original, hant)
    change = services.change_validity(translation, Validity.REPEALED, reason="依法废止")
    assert change.document_id == original.pk
    original.refresh_from_db()
    translation.refresh_from_db()
    assert original.validity == translation.validity == Validity.REPEALED


def test_a_replacement_is_linked_in_each_language(original, library, hant, today):
    zh_hant = translate(original, hant)
    newer = DocumentPageFactory(
        parent=library,
        title="示范县行政规范性文件管理办法（修订）",
        document_number="示政办发〔2026〕8号",
    )
    newer_hant = translate(newer, hant)
    services.change_validity(
        original, Validity.AMENDED, reason="已修订", replaced_by=newer, changed_on=TODAY
    )
    original.refresh_from_db()
    zh_hant.refresh_from_db()
    assert original.replaced_by_id == newer.pk
    assert zh_hant.replaced_by_id == newer_hant.pk


def test_the_daily_job_changes_the_group_once(original, hant, monkeypatch):
    translation = translate(original, hant)
    later = datetime.date(2031, 2, 1)
    monkeypatch.setattr(services, "today", lambda: later)
    result = services.apply_scheduled_validity_changes(later)
    assert result["expired"] == 1
    translation.refresh_from_db()
    assert translation.validity == Validity.EXPIRED
    assert services.apply_scheduled_validity_changes(later)["expired"] == 0


def test_a_translated_page_not_proactively_disclosed_is_never_served(original, hant, client):
    translation = translate(original, hant)
    original.disclosure_attribute = DisclosureAttribute.ON_APPLICATION
    original.disclosure_reason = "涉及第三方合法权益"
    publish(original)
    translation.refresh_from_db()
    assert translation.disclosure_attribute == DisclosureAttribute.ON_APPLICATION
    assert client.get(translation.url).status_code == 404


def test_a_translated_agency_keeps_its_credit_code(db, hant):
    agency = AgencyFactory(name="示范县人民政府办公室", phone="0551-12345678")
    copy = agency.copy_for_translation(hant)
    copy.name = "示範縣人民政府辦公室"
    copy.phone = "0000"
    copy.save()
    copy.refresh_from_db()
    assert copy.phone == "0551-12345678"
    assert copy.credit_code == agency.credit_code
    agency.phone = "0551-87654321"
    agency.save()
    copy.refresh_from_db()
    assert copy.phone == "0551-87654321"
    assert copy.name == "示範縣人民政府辦公室"


def test_saving_a_page_without_translations_costs_one_query(original, django_assert_num_queries):
    from gov_disclosure.translations import take_facts_from_the_original

    with django_assert_num_queries(1):
        take_facts_from_the_original(DocumentPage, original)


# OpenCC.

# Terms of the disclosure portals, and what readers in Taiwan expect (s2tw).
TERMS = {
    "行政规范性文件": "行政規範性文件",
    "依申请公开": "依申請公開",
    "政府信息公开工作年度报告": "政府信息公開工作年度報告",
    "废止": "廢止",
    "修订": "修訂",
    "征求意见": "徵求意見",
    "重大建设项目": "重大建設項目",
    "县政府常务会议": "縣政府常務會議",
    "政策解读": "政策解讀",
    "发布机关": "發佈機關",
    "决定予以公开": "決定予以公開",
    "为": "為",
}


@pytest.mark.parametrize(("simplified", "traditional"), TERMS.items())
def test_terms_in_traditional_chinese(simplified, traditional):
    assert convert(simplified, "s2tw") == traditional
    assert convert(traditional, "tw2s") == simplified


def test_the_variants_differ_where_the_regions_do():
    assert convert("为", "s2t") == "爲"  # OpenCC's standard characters
    assert convert("为", "s2tw") == "為"
    assert convert("软件", "s2twp") == "軟體"  # Taiwanese words
    assert convert("软件", "s2tw") == "軟件"


def test_only_the_text_of_rich_text_is_converted():
    html = '<p>关于<a href="/xxgk/规范性文件/" title="x">规范性文件</a>的<b>说明</b></p>'
    assert convert_html(html, "s2tw") == (
        '<p>關於<a href="/xxgk/规范性文件/" title="x">規範性文件</a>的<b>說明</b></p>'
    )


def test_which_locales_it_translates(hant, english):
    simplified = Locale.objects.get(language_code="zh-hans")
    hk = Locale(language_code="zh-hk")
    translator = OpenCCTranslator({"VARIANT": "tw"})
    assert translator.can_translate(simplified, hant)
    assert translator.can_translate(hant, simplified)
    assert not translator.can_translate(simplified, english)
    assert not translator.can_translate(simplified, simplified)
    assert translator.config(simplified, hk) == "s2hk"  # the region's locale wins
    assert OpenCCTranslator({"VARIANT": "hk"}).config(simplified, hant) == "s2hk"
    strings = [StringValue.from_plaintext("征求意见稿")]
    assert translator.translate(simplified, hant, strings) == {
        strings[0]: StringValue.from_plaintext("徵求意見稿")
    }
    assert translator.translate(simplified, english, strings) == {}


def test_an_unknown_variant_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="VARIANT"):
        OpenCCTranslator({"VARIANT": "mars"})


def test_one_click_in_the_translation_editor(original, hant, client, superuser):
    """The example site's setting: "Translate with OpenCC" fills the zh-Hant translation."""
    source, _created = TranslationSource.get_or_create_from_instance(original)
    translation = Translation.objects.create(source=source, target_locale=hant)
    translation.save_target(publish=False)
    client.force_login(superuser)
    url = reverse("wagtail_localize:machine_translate", args=[translation.pk])
    response = client.post(url, {"next": "/admin/"})
    assert response.status_code == 302
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    page = DocumentPage.objects.get(translation_key=original.translation_key, locale=hant)
    assert page.title == "示範縣關於規範行政規範性文件管理的辦法"
    assert page.caption == machine_translators.convert(original.caption, "s2tw")
    assert page.document_number == original.document_number
    assert Page.objects.get(pk=page.pk).live


def test_the_catalogue_as_of_a_past_date_in_another_language(original, hant, today):
    from django.utils import translation

    translation_page = translate(original, hant)
    services.change_validity(
        original, Validity.REPEALED, reason="已废止", changed_on=datetime.date(2026, 3, 1)
    )
    documents = DocumentPage.objects.filter(pk__in=[original.pk, translation_page.pk])
    before = datetime.date(2026, 2, 15)
    assert set(services.valid_documents(before, documents, translations=True)) == {
        original,
        translation_page,
    }
    assert set(services.valid_documents(TODAY, documents, translations=True)) == set()
    # The main language reads the history directly (no join): the original only.
    assert set(services.valid_documents(before, documents, translations=False)) == {original}
    with translation.override("zh-hant"):
        assert translation_page in services.valid_documents(before, documents)
    with translation.override("zh-hans"):
        assert translation_page not in services.valid_documents(before, documents)
