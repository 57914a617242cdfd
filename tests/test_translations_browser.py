"""A document in Simplified Chinese, in Traditional Chinese made with OpenCC, and in English, in
a real headless Chromium at desktop and phone widths.

Screenshots: ``test-artifacts/screenshots/languages-document-<language>-<viewport>.png``.
"""

import datetime

import pytest
from django.test import TestCase

from gov_disclosure.documents import services
from gov_disclosure.documents.models import DocumentPage

from .browser_support import reads_well, screenshot
from .document_factories import DocumentLibraryPageFactory, DocumentPageFactory
from .factories import AgencyFactory, PortalPageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TODAY = datetime.date(2026, 3, 2)
BODY = [
    (
        "paragraph",
        "<p>第一条 为了规范行政规范性文件的制定和发布，保障公民、法人和其他组织的合法权益，"
        "根据有关法律法规，结合本县实际，制定本办法。</p>"
        "<p>第二条 行政规范性文件有效期一般为5年，有效期届满前应当进行评估。</p>",
    )
]
ENGLISH_BODY = [
    (
        "paragraph",
        "<p>Article 1 These measures are made to regulate the drafting and publication of "
        "normative documents and to protect the lawful rights of citizens and organisations.</p>"
        "<p>Article 2 A normative document is valid for five years as a rule and is reviewed "
        "before it expires.</p>",
    )
]

# What each language shows: an interface label, the validity, the footer link.
EXPECTED = {
    "zh-hans": ("发文字号", "有效", "返回顶部", "示范县行政规范性文件管理办法"),
    "zh-hant": ("發文字號", "有效", "返回頂部", "示範縣行政規範性文件管理辦法"),
    "en": ("Document number", "Valid", "Back to top", "Measures on normative documents"),
}


def translate(page, language, user):
    from wagtail.models import Locale
    from wagtail_localize.models import Translation, TranslationSource

    locale = Locale.objects.get_or_create(language_code=language)[0]
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=True)
    return translation


@pytest.fixture
def content(live_server, monkeypatch, django_user_model):
    from wagtail.models import Site
    from wagtail_localize.machine_translators import get_machine_translator
    from wagtail_localize.views.edit_translation import apply_machine_translation

    monkeypatch.setattr(services, "today", lambda: TODAY)
    user = django_user_model.objects.create_superuser("translator", "t@example.com", "x")
    home = Site.objects.get(is_default_site=True).root_page
    portal = PortalPageFactory(parent=home, title="政府信息公开", slug="xxgk")
    library = DocumentLibraryPageFactory(parent=portal, title="政策文件库", slug="zcwjk")
    agency = AgencyFactory(name="示范县人民政府办公室")
    document = DocumentPageFactory(
        parent=library,
        title="示范县行政规范性文件管理办法",
        slug="gfxwjglbf",
        agency=agency,
        date_written=datetime.date(2026, 1, 5),
        document_number="示政办发〔2026〕3号",
        caption="2026年1月5日县政府第2次常务会议审议通过",
        publication_date=datetime.date(2026, 1, 8),
        effective_date=datetime.date(2026, 2, 1),
        expiry_date=datetime.date(2031, 1, 31),
        body=BODY,
    )
    for page in (portal, library):
        translate(page, "en", user)
    # Traditional Chinese: one click of "Translate with OpenCC", then publish (the agency, a
    # snippet, first).
    for instance in (portal, library, agency, document):
        hant = translate(instance, "zh-hant", user)
        apply_machine_translation(hant.pk, user, get_machine_translator())
        with TestCase.captureOnCommitCallbacks(execute=True):
            hant.save_target(user=user, publish=True)
    # English: translated by hand (here: in the editor, after the copy).
    translate(document, "en", user)
    english = DocumentPage.objects.get(
        translation_key=document.translation_key, locale__language_code="en"
    )
    english.title = "Measures on normative documents of the demonstration county"
    english.caption = "Adopted at the 2nd executive meeting of the county government, 5 Jan 2026"
    english.body = ENGLISH_BODY
    english.save_revision().publish()
    return {
        language: DocumentPage.objects.get(
            translation_key=document.translation_key, locale__language_code=language
        ).get_url()
        for language in EXPECTED
    } | {"live": live_server.url}


@pytest.mark.parametrize("language", EXPECTED)
def test_the_document_in_each_language(content, tab, viewport, language):
    label, validity, footer, title = EXPECTED[language]
    response = tab.goto(content["live"] + content[language])
    assert response.status == 200
    assert tab.get_attribute("html", "lang") == language
    assert tab.inner_text("h1").startswith(title)
    meta = tab.inner_text("main")
    assert label in meta and validity in meta
    # The facts are the original's in every language.
    assert "示政办发〔2026〕3号" in meta
    assert "2031" in meta
    if language == "zh-hant":
        assert "示範縣人民政府辦公室" in meta  # the agency's translation
    assert footer in tab.inner_text("footer")
    if language != "en":
        reads_well(tab)
    # No label is broken inside a word.
    heights = tab.eval_on_selector_all(
        ".gdd-meta th", "cells => cells.map(c => c.scrollWidth <= c.clientWidth)"
    )
    assert all(heights)
    screenshot(tab, f"languages-document-{language}-{viewport}")
