"""A misconfigured site gets a system check error that names the fix."""

import datetime

import pytest
from django.core.checks import Error, Warning
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from gov_disclosure import checks

HISTORY = "simple_history.middleware.HistoryRequestMiddleware"
AUTH = "django.contrib.auth.middleware.AuthenticationMiddleware"


def ids(messages):
    return [m.id for m in messages]


def test_a_correct_site_passes():
    assert checks.check_required_apps() == []
    assert checks.check_required_middleware() == []
    assert checks.check_settings() == []
    assert checks.check_templates() == []


def test_missing_app(monkeypatch):
    real = checks.apps.is_installed
    monkeypatch.setattr(
        checks.apps, "is_installed", lambda name: name != "simple_history" and real(name)
    )
    (error,) = checks.check_required_apps()
    assert isinstance(error, Error)
    assert error.id == "gov_disclosure.E001"
    assert "'simple_history'" in error.hint and "INSTALLED_APPS" in error.hint


def test_missing_middleware(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != HISTORY]
    (error,) = checks.check_required_middleware()
    assert error.id == "gov_disclosure.E002"
    assert HISTORY in error.hint


def test_middleware_in_the_wrong_place(settings):
    middleware = [m for m in settings.MIDDLEWARE if m != HISTORY]
    middleware.insert(middleware.index(AUTH), HISTORY)
    settings.MIDDLEWARE = middleware
    assert ids(checks.check_required_middleware()) == ["gov_disclosure.E003"]


@pytest.mark.parametrize(
    "name, value",
    [
        ("GOV_DISCLOSURE_PORTAL_LATEST_COUNT", 0),
        ("GOV_DISCLOSURE_PORTAL_LATEST_COUNT", "8"),
        ("GOV_DISCLOSURE_EDITORS_GROUP", ""),
        ("GOV_DISCLOSURE_CREATE_GROUPS", "yes"),
        ("GOV_DISCLOSURE_WORKDAY_CACHE_TIMEOUT", -1),
    ],
)
def test_bad_setting_values(settings, name, value):
    setattr(settings, name, value)
    (error,) = checks.check_settings()
    assert error.id == "gov_disclosure.E004"
    assert name in error.msg and name in error.hint


def test_groups_must_differ(settings):
    settings.GOV_DISCLOSURE_REVIEWERS_GROUP = settings.GOV_DISCLOSURE_EDITORS_GROUP = "编辑"
    assert ids(checks.check_settings()) == ["gov_disclosure.E005"]


def test_localize_without_i18n(settings):
    settings.WAGTAIL_I18N_ENABLED = False
    (warning,) = checks.check_settings()
    assert isinstance(warning, Warning) and warning.id == "gov_disclosure.W001"


def test_request_context_processor_required(settings):
    templates = [dict(t) for t in settings.TEMPLATES]
    templates[0] = {**templates[0], "OPTIONS": {"context_processors": []}}
    settings.TEMPLATES = templates
    assert ids(checks.check_templates()) == ["gov_disclosure.E006"]


def test_the_check_command_reports_it(settings):
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if m != HISTORY]
    with pytest.raises(SystemCheckError, match="gov_disclosure.E002"):
        call_command("check")


@pytest.mark.django_db
def test_calendar_warning_when_the_year_is_not_covered(monkeypatch):
    from gov_disclosure import workdays

    # A day the installed chinese-calendar covers (in December the check looks at next year too,
    # so the real date would make this test depend on when it runs).
    monkeypatch.setattr(workdays, "_today", lambda: datetime.date(2025, 6, 1))
    assert checks.check_workday_calendar(databases=["default"]) == []
    monkeypatch.setattr(workdays, "_today", lambda: datetime.date(2099, 6, 1))
    (warning,) = checks.check_workday_calendar(databases=["default"])
    assert warning.id == "gov_disclosure.W002"
    assert "2099" in warning.msg
    assert checks.check_workday_calendar(databases=None) == []


@pytest.mark.django_db
def test_a_site_migrated_in_english_is_told_to_relabel_its_locale():
    from wagtail.models import Locale

    assert checks.check_default_locale(databases=["default"]) == []
    Locale.objects.filter(language_code="zh-hans").update(language_code="en")
    (error,) = checks.check_default_locale(databases=["default"])
    assert error.id == "gov_disclosure.E007"
    assert "Locales" in error.hint and "简体中文" in error.hint
