"""Every interface string is translated into Simplified Chinese, and the .mo matches the .po."""

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
LOCALES = ["zh_Hans"]
# The package's catalogue, and the example site's own (its home app and demo commands).
CATALOGUES = [PACKAGE / "locale" / locale / "LC_MESSAGES" / "django.po" for locale in LOCALES] + [
    ROOT / "example_site" / "home" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
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
