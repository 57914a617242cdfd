"""Every interface string is translated into Simplified and Traditional Chinese, and the .mo
matches the .po. English is the language of the code: the messages themselves."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "gov_disclosure"
LOCALES = ["zh_Hans", "zh_Hant"]
LOCALE_DIRS = [PACKAGE / "locale", ROOT / "example_site" / "home" / "locale"]
# The package's catalogues, and the example site's own (its home app and demo commands).
CATALOGUES = [
    directory / locale / "LC_MESSAGES" / "django.po"
    for directory in LOCALE_DIRS
    for locale in LOCALES
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def po_path(locale):
    return PACKAGE / "locale" / locale / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_message_is_translated(catalogue):
    po = polib.pofile(str(catalogue))
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"untranslated in {catalogue}: {untranslated}"
    assert not fuzzy, f"fuzzy in {catalogue}: {fuzzy}"


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_placeholders_survive_translation(catalogue):
    for entry in polib.pofile(str(catalogue)).translated_entries():
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
                PLACEHOLDER.findall(translation)
            ), entry.msgid


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiled_catalogue_matches_the_source(catalogue):
    po = polib.pofile(str(catalogue))
    mo = polib.mofile(str(catalogue.with_suffix(".mo")))

    def translations(entries):
        return {
            e.msgid: (dict(e.msgstr_plural) if e.msgid_plural else e.msgstr)
            for e in entries
            if e.msgid
        }

    assert translations(mo) == translations(po.translated_entries()), (
        "run `make messages` to recompile the .mo file"
    )


def test_catalogue_has_every_string_in_the_code(tmp_path):
    """A new gettext() call without its translation fails here."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI"):
            pytest.fail("xgettext (Debian package gettext) is needed to check the catalogue")
        pytest.skip("xgettext is not installed")
    copy = tmp_path / "gov_disclosure"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "example_site")]),
    }
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "zh_Hans", "--no-obsolete"],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
    )
    fresh = {e.msgid for e in polib.pofile(str(copy / "locale/zh_Hans/LC_MESSAGES/django.po"))}
    shipped = {e.msgid for e in polib.pofile(str(po_path("zh_Hans")))}
    assert fresh - shipped == set(), "new strings: run `make messages` and translate them"
    assert shipped - fresh == set(), "obsolete strings: run `make messages`"


@pytest.mark.parametrize("directory", LOCALE_DIRS, ids=lambda p: str(p.relative_to(ROOT)))
def test_traditional_chinese_is_the_simplified_converted(directory):
    """``make messages`` writes zh_Hant from zh_Hans with OpenCC; corrections are marked."""
    from gov_disclosure.machine_translators import convert
    from gov_disclosure.management.commands.gov_disclosure_traditional_catalogue import MANUAL

    simplified = polib.pofile(str(directory / "zh_Hans" / "LC_MESSAGES" / "django.po"))
    traditional = polib.pofile(str(directory / "zh_Hant" / "LC_MESSAGES" / "django.po"))
    by_id = {(e.msgctxt, e.msgid): e for e in traditional}
    assert set(by_id) == {(e.msgctxt, e.msgid) for e in simplified if not e.obsolete}, (
        "run `make messages`"
    )
    for entry in simplified:
        converted = by_id[(entry.msgctxt, entry.msgid)]
        if MANUAL in (converted.tcomment or ""):
            continue
        done = entry.translated() and "fuzzy" not in entry.flags
        assert converted.msgstr == (convert(entry.msgstr, "s2tw") if done else ""), entry.msgid
        assert converted.msgstr_plural == {
            index: convert(text, "s2tw") if done else ""
            for index, text in entry.msgstr_plural.items()
        }, entry.msgid


LATIN_WORD = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.mark.parametrize("catalogue", CATALOGUES[:1], ids=lambda p: str(p.relative_to(ROOT)))
def test_the_messages_are_english(catalogue):
    """The English interface is the messages themselves: each is written in English (Chinese
    appears only in examples, such as a document number)."""
    not_english = [
        e.msgid
        for e in polib.pofile(str(catalogue))
        if CJK.search(e.msgid) and not LATIN_WORD.search(PLACEHOLDER.sub("", e.msgid))
    ]
    assert not_english == []


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [("/", "返回顶部"), ("/zh-hant/", "返回頂部"), ("/en/", "Back to top")],
)
def test_pages_speak_the_language_of_their_address(client, root_page, prefix, expected):
    from wagtail.models import Locale

    from .factories import PortalPageFactory

    portal = PortalPageFactory(parent=root_page, slug="xxgk")
    for code in ("zh-hant", "en"):
        locale = Locale.objects.get_or_create(language_code=code)[0]
        portal.copy_for_translation(locale, copy_parents=True).save_revision().publish()
    response = client.get(f"{prefix}xxgk/")
    assert response.status_code == 200
    assert expected in response.content.decode()
