"""The built wheel, installed into a fresh virtual environment, and a new Wagtail site set up
by following docs/installation.md and nothing else.

Slow: builds a wheel, creates a virtual environment and installs the dependencies from PyPI
(pip's cache makes later runs quick), then creates a site with ``wagtail start``.
"""

import json
import os
import shlex
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import gov_disclosure
from tests.test_docs import install_steps

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent

# Not copied into the build tree: caches, build output and local state of the checkout.
_SKIP_AT_ROOT = {".git", "build", "dist", "site", "test-artifacts", ".make-stamps"}
_SKIP_ANYWHERE = {"__pycache__", ".pytest_cache", ".ruff_cache", "node_modules"}
_SKIP_IN_EXAMPLE_SITE = {"db.sqlite3", "media", "static", ".demo_admin_password"}

SMOKE_SCRIPT = """
import datetime
import json

import django

django.setup()

from django.test import Client
from wagtail.models import Site
from wagtail.rich_text import RichText

from gov_disclosure.models import (
    Agency,
    DisclosureArticlePage,
    DisclosureAttribute,
    DisclosurePortalPage,
)

home = Site.objects.get(is_default_site=True).root_page.specific
agency = Agency.objects.create(
    name="示范县人民政府办公室", address="示范县人民路1号", phone="0531-12345678"
)

portal = DisclosurePortalPage(title="政府信息公开", slug="zfxxgk", agency=agency)
home.add_child(instance=portal)
portal.save_revision().publish()
portal = DisclosurePortalPage.objects.get(pk=portal.pk)

article = DisclosureArticlePage(
    title="关于开展春季义务植树活动的通知",
    slug="zhishu",
    summary="定于三月中旬组织干部职工参加义务植树。",
    body=[("paragraph", RichText("<p>请各单位做好组织工作。</p>"))],
    agency=agency,
    publication_date=datetime.date(2025, 3, 3),
)
portal.add_child(instance=article)
article.save_revision().publish()

withheld = DisclosureArticlePage(
    title="内部会议安排",
    slug="neibu",
    agency=agency,
    publication_date=datetime.date(2025, 3, 4),
    disclosure_attribute=DisclosureAttribute.NOT_DISCLOSED,
    disclosure_reason="内部事务信息，依据《政府信息公开条例》第十六条不予公开。",
)
portal = DisclosurePortalPage.objects.get(pk=portal.pk)
portal.add_child(instance=withheld)
withheld.save_revision().publish()

client = Client()
result = {}
for name, page in [("portal", portal), ("article", article), ("withheld", withheld)]:
    response = client.get(page.url)
    result[name] = {
        "url": page.url,
        "status": response.status_code,
        "html": response.content.decode("utf-8"),
    }
print(json.dumps(result))
"""


def run(args, *, cwd, env=None, timeout=300, check=True):
    """Run a command; on an unexpected exit status, fail showing its output."""
    completed = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check and completed.returncode != 0:
        pytest.fail(
            f"{shlex.join(str(a) for a in args)} (in {cwd}) exited with "
            f"{completed.returncode}\n--- stdout ---\n{completed.stdout}\n"
            f"--- stderr ---\n{completed.stderr}",
            pytrace=False,
        )
    return completed


def clean_env(**extra):
    """The environment without this test run's Django settings, database or virtualenv."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH", "VIRTUAL_ENV"}
    }
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


def _ignore(directory, names):
    directory = Path(directory)
    skipped = {n for n in names if n in _SKIP_ANYWHERE or n.endswith(".egg-info")}
    if directory == ROOT:
        skipped |= {n for n in names if n in _SKIP_AT_ROOT or n.startswith(".venv")}
    if directory == ROOT / "example_site":
        skipped |= _SKIP_IN_EXAMPLE_SITE & set(names)
    return skipped


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of the working tree (so that no stale ``build/`` directory
    of the checkout leaks into it, and the checkout is left untouched)."""
    source = tmp_path_factory.mktemp("source") / "gov-disclosure"
    shutil.copytree(ROOT, source, ignore=_ignore, symlinks=True)
    outdir = tmp_path_factory.mktemp("dist")
    run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", outdir, "."],
        cwd=source,
        env=clean_env(),
    )
    (built,) = outdir.glob("gov_disclosure-*.whl")
    return built


@pytest.fixture(scope="module")
def wheel_names(wheel) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


@pytest.fixture(scope="module")
def venv_bin(wheel, tmp_path_factory) -> Path:
    """A fresh virtual environment (no system site-packages) with the wheel installed."""
    venv = tmp_path_factory.mktemp("venv") / "venv"
    env = clean_env()
    run([sys.executable, "-m", "venv", venv], cwd=venv.parent, env=env, timeout=120)
    bin_dir = venv / "bin"
    run(
        [bin_dir / "python", "-m", "pip", "install", "--quiet", wheel],
        cwd=venv.parent,
        env=env,
        timeout=900,
    )
    return bin_dir


@pytest.fixture(scope="module")
def site_dir(venv_bin, tmp_path_factory) -> Path:
    """A new ``wagtail start mysite`` with gov_disclosure installed as the docs say."""
    parent = tmp_path_factory.mktemp("existing-site")
    env = clean_env()
    run([venv_bin / "wagtail", "start", "mysite"], cwd=parent, env=env, timeout=60)
    site = parent / "mysite"

    # Step 2 of the guide: append the settings block, verbatim.
    settings_file = site / "mysite" / "settings" / "base.py"
    (block,) = install_steps("settings")
    with settings_file.open("a", encoding="utf-8") as f:
        f.write("\n\n" + block)

    # Step 3: the shell commands, with the new environment's python.
    for step in install_steps("shell"):
        for line in step.splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            args = shlex.split(line)
            assert args[0] == "python", f"unexpected install step: {line}"
            run([venv_bin / "python", *args[1:]], cwd=site, env=env, timeout=300)
    return site


def manage(venv_bin, site, *args, check=True, **env):
    return run(
        [venv_bin / "python", "manage.py", *args],
        cwd=site,
        env=clean_env(**env),
        timeout=300,
        check=check,
    )


# The wheel


@pytest.mark.parametrize(
    "name",
    [
        "gov_disclosure/__init__.py",
        "gov_disclosure/migrations/0001_initial.py",
        "gov_disclosure/templates/gov_disclosure/base.html",
        "gov_disclosure/static/gov_disclosure/css/public.css",
        "gov_disclosure/locale/zh_Hans/LC_MESSAGES/django.po",
        "gov_disclosure/locale/zh_Hans/LC_MESSAGES/django.mo",
    ],
)
def test_wheel_contains(wheel_names, name):
    assert name in wheel_names


def test_wheel_contains_only_the_package(wheel_names):
    assert not [n for n in wheel_names if n.startswith(("tests/", "example_site/"))]
    outside = sorted(
        n for n in wheel_names if not n.startswith(("gov_disclosure/", "gov_disclosure-"))
    )
    assert outside == []
    assert not [n for n in wheel_names if "__pycache__" in n or n.endswith(".pyc")]


def test_wheel_version_is_the_package_version(wheel):
    assert wheel.name.startswith(f"gov_disclosure-{gov_disclosure.__version__}-")


# The fresh virtual environment


def test_installed_package_is_the_wheel(venv_bin, tmp_path):
    completed = run(
        [
            venv_bin / "python",
            "-c",
            "import gov_disclosure; print(gov_disclosure.__version__); "
            "print(gov_disclosure.__file__)",
        ],
        cwd=tmp_path,
        env=clean_env(),
    )
    version, location = completed.stdout.split()
    assert version == gov_disclosure.__version__
    assert Path(location).is_relative_to(venv_bin.parent), "imported from outside the venv"


# A new Wagtail site, set up by following docs/installation.md


def test_site_passes_the_system_checks(venv_bin, site_dir):
    completed = manage(venv_bin, site_dir, "check")
    output = completed.stdout + completed.stderr
    assert "System check identified no issues" in output, output


def test_site_needs_no_new_migrations(venv_bin, site_dir):
    """The wheel's migrations match its models under the Wagtail and Django pip chose."""
    manage(venv_bin, site_dir, "makemigrations", "--check", "--dry-run", "gov_disclosure")


def test_site_serves_the_portal_and_article(venv_bin, site_dir):
    script = site_dir / "gov_disclosure_smoke.py"
    script.write_text(SMOKE_SCRIPT, encoding="utf-8")
    completed = run(
        [venv_bin / "python", script.name],
        cwd=site_dir,
        env=clean_env(DJANGO_SETTINGS_MODULE="mysite.settings.dev"),
    )
    pages = json.loads(completed.stdout.strip().splitlines()[-1])
    portal, article, withheld = pages["portal"], pages["article"], pages["withheld"]

    assert portal["status"] == 200, portal["html"][:2000]
    assert "<h1" in portal["html"] and "政府信息公开" in portal["html"]
    assert 'lang="zh-hans"' in portal["html"]
    assert "关于开展春季义务植树活动的通知" in portal["html"], "the article is not listed"
    assert "0531-12345678" in portal["html"], "the agency's contact details are missing"
    # The compiled Chinese translations shipped in the wheel are used.
    assert "联系政府信息公开工作机构" in portal["html"]

    assert article["status"] == 200, article["html"][:2000]
    assert "关于开展春季义务植树活动的通知" in article["html"]
    assert "请各单位做好组织工作。" in article["html"]
    assert "示范县人民政府办公室" in article["html"]

    assert withheld["status"] == 404
    assert "内部会议安排" not in portal["html"], "a page that is not disclosed is listed"


def test_site_without_simple_history_gets_a_check_error(venv_bin, site_dir):
    """A misconfigured site gets gov_disclosure.E001, not a traceback."""
    broken = site_dir / "mysite" / "settings" / "without_simple_history.py"
    broken.write_text(
        "from .dev import *  # noqa: F403\n\n"
        'INSTALLED_APPS = [a for a in INSTALLED_APPS if a != "simple_history"]  # noqa: F405\n',
        encoding="utf-8",
    )
    completed = manage(
        venv_bin,
        site_dir,
        "check",
        "--settings",
        "mysite.settings.without_simple_history",
        check=False,
    )
    output = completed.stdout + completed.stderr
    assert completed.returncode != 0, output
    assert "gov_disclosure.E001" in output, output
    assert "'simple_history'" in output, output
    assert "Traceback" not in output, output
