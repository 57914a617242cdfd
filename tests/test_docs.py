"""The documentation builds, and stays in step with the code and the example site."""

import ast
import doctest
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gov_disclosure.app_settings import SETTINGS
from gov_disclosure.workdays import clear_cache

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INSTALLATION = DOCS / "installation.md"
EXAMPLE_SETTINGS = ROOT / "example_site" / "portal" / "settings" / "base.py"

EXAMPLE_BLOCK_START = "# gov_disclosure, installed exactly as docs/installation.md says (step 2)."
EXAMPLE_BLOCK_END = "# End of the gov_disclosure settings."

# `GOV_DISCLOSURE_*` names in the docs that are environment variables, not settings.
ENVIRONMENT_VARIABLES = {"GOV_DISCLOSURE_REQUIRE_POSTGRES"}

_INSTALL_STEP = re.compile(
    r"^<!-- install-step: (?P<kind>[\w-]+) -->\n```(?P<language>\w+)\n(?P<body>.*?)^```\s*$",
    re.MULTILINE | re.DOTALL,
)


def install_steps(kind: str) -> list[str]:
    """The bodies of the fenced blocks marked ``<!-- install-step: KIND -->``, in order.

    The marker must be on the line right before the opening fence; test_packaging applies
    these blocks to a new ``wagtail start`` site.
    """
    text = INSTALLATION.read_text(encoding="utf-8")
    markers = len(re.findall(rf"<!-- install-step: {re.escape(kind)} -->", text))
    steps = [m for m in _INSTALL_STEP.finditer(text) if m["kind"] == kind]
    assert len(steps) == markers, (
        f"every <!-- install-step: {kind} --> in {INSTALLATION.name} must be directly followed "
        "by a fenced code block"
    )
    return [m["body"] for m in steps]


def example_site_settings_block() -> str:
    lines = EXAMPLE_SETTINGS.read_text(encoding="utf-8").splitlines()
    start = lines.index(EXAMPLE_BLOCK_START)
    end = lines.index(EXAMPLE_BLOCK_END)
    return "\n".join(lines[start + 1 : end]).strip("\n") + "\n"


def _sections(text: str) -> dict[str, str]:
    """``{### heading: its text, up to the next heading of level 3 or higher}``."""
    parts = re.split(r"^### (.+)$", text, flags=re.MULTILINE)
    return {
        heading.strip(): re.split(r"^#{1,3} ", body, flags=re.MULTILINE)[0]
        for heading, body in zip(parts[1::2], parts[2::2], strict=True)
    }


# Settings


def test_every_setting_is_documented_with_its_default():
    text = (DOCS / "reference" / "settings.md").read_text(encoding="utf-8")
    sections = _sections(text)
    documented = {h for h in sections if h.startswith("GOV_DISCLOSURE_")}
    expected = {s.full_name for s in SETTINGS}

    assert sorted(expected - documented) == [], "settings without a ### heading"
    assert sorted(documented - expected) == [], "headings naming settings that do not exist"
    for setting in SETTINGS:
        body = sections[setting.full_name]
        match = re.search(r"\*\*Default:\*\* `([^`]+)`", body)
        assert match, f"{setting.full_name}: no **Default:** `value` line"
        assert ast.literal_eval(match[1]) == setting.default, (
            f"{setting.full_name}: documented default {match[1]} != {setting.default!r}"
        )


def test_docs_mention_only_settings_that_exist():
    known = {s.full_name for s in SETTINGS} | ENVIRONMENT_VARIABLES
    unknown = {}
    for path in sorted(DOCS.rglob("*.md")):
        for name in re.findall(r"\bGOV_DISCLOSURE_[A-Z0-9_]*[A-Z0-9]\b", path.read_text("utf-8")):
            if name not in known:
                unknown.setdefault(name, []).append(str(path.relative_to(ROOT)))
    assert unknown == {}


# System checks


def _check_ids() -> set[str]:
    source = "\n".join(
        path.read_text(encoding="utf-8") for path in (ROOT / "gov_disclosure").glob("**/checks.py")
    )
    ids = set(re.findall(r"""\bid=["'](gov_disclosure\.[A-Z]\d{3})["']""", source))
    assert ids, "found no check ids in gov_disclosure/**/checks.py"
    return ids


def test_every_system_check_is_documented():
    text = (DOCS / "reference" / "checks.md").read_text(encoding="utf-8")
    documented = {h for h in _sections(text) if h.startswith("gov_disclosure.")}
    ids = _check_ids()

    assert sorted(ids - documented) == [], "check ids without a ### heading in checks.md"
    assert sorted(documented - ids) == [], "checks.md documents ids that checks.py lacks"


def test_installation_lists_every_system_check():
    text = INSTALLATION.read_text(encoding="utf-8")
    assert sorted(i for i in _check_ids() if f"`{i}`" not in text) == []


# The installation guide


def test_installation_settings_block_is_the_example_sites():
    (block,) = install_steps("settings")
    assert block == example_site_settings_block()


def test_installation_settings_block_is_python():
    (block,) = install_steps("settings")
    compile(block, "installation.md", "exec")


def test_installation_shell_steps_are_manage_py_commands():
    """test_packaging runs these in a new site's virtual environment."""
    commands = [
        line.strip()
        for block in install_steps("shell")
        for line in block.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    assert "python manage.py migrate" in commands
    assert [c for c in commands if not c.startswith("python manage.py ")] == []


# Other pages


def test_docs_changelog_is_the_changelog():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## [Unreleased]" in changelog
    assert (DOCS / "changelog.md").read_text(encoding="utf-8") == changelog


@pytest.mark.django_db
def test_working_day_examples_are_true():
    """Every ``pycon`` example in workdays.md gives the output shown."""
    text = (DOCS / "reference" / "workdays.md").read_text(encoding="utf-8")
    blocks = re.findall(r"^```pycon\n(.*?)^```\s*$", text, flags=re.MULTILINE | re.DOTALL)
    assert len(blocks) >= 5
    test = doctest.DocTestParser().get_doctest(
        "\n".join(blocks), globs={}, name="workdays.md", filename=None, lineno=0
    )
    output = []
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    clear_cache()  # other tests' overrides may be cached and rolled back since
    try:
        result = runner.run(test, out=output.append)
    finally:
        clear_cache()
    assert result.failed == 0, "".join(output)


@pytest.mark.slow
def test_mkdocs_builds_strictly(tmp_path):
    site = tmp_path / "site"
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    for page in (
        "index.html",
        "installation/index.html",
        "editor-guide/zh/index.html",
        "editor-guide/en/index.html",
        "reference/settings/index.html",
        "reference/checks/index.html",
        "reference/workdays/index.html",
        "reference/models/index.html",
        "development/index.html",
        "changelog/index.html",
    ):
        assert (site / page).is_file(), page
