"""System checks: a misconfigured site gets an error that names the fix, not a traceback."""

from django.apps import apps
from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError

from .app_settings import app_settings

REQUIRED_APPS = (
    ("wagtail", "wagtail"),
    ("wagtail.admin", "wagtailadmin"),
    ("wagtail.snippets", "wagtailsnippets"),
    ("wagtail.documents", "wagtaildocs"),
    ("wagtail.images", "wagtailimages"),
    ("wagtail.search", "wagtailsearch"),
    ("wagtail_localize", "wagtail_localize"),
    ("simple_history", "simple_history"),
    ("modelcluster", "modelcluster"),
    ("taggit", "taggit"),
)

REQUIRED_MIDDLEWARE = (
    (
        "simple_history.middleware.HistoryRequestMiddleware",
        "records which user made each change in the audit trail",
    ),
)


@register(Tags.compatibility)
def check_required_apps(app_configs=None, **kwargs):
    errors = []
    for module, _label in REQUIRED_APPS:
        if not apps.is_installed(module):
            errors.append(
                Error(
                    f"gov_disclosure needs the app {module!r}, which is not installed.",
                    hint=f"Add {module!r} to INSTALLED_APPS (see docs/installation.md).",
                    id="gov_disclosure.E001",
                )
            )
    return errors


@register(Tags.compatibility)
def check_required_middleware(app_configs=None, **kwargs):
    errors = []
    middleware = list(getattr(settings, "MIDDLEWARE", None) or [])
    for path, why in REQUIRED_MIDDLEWARE:
        if path not in middleware:
            errors.append(
                Error(
                    f"gov_disclosure needs the middleware {path!r}: it {why}.",
                    hint=(
                        f"Add {path!r} to MIDDLEWARE after "
                        "'django.contrib.auth.middleware.AuthenticationMiddleware'."
                    ),
                    id="gov_disclosure.E002",
                )
            )
        elif (
            "django.contrib.auth.middleware.AuthenticationMiddleware" in middleware
            and middleware.index(path)
            < middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
        ):
            errors.append(
                Error(
                    f"{path!r} must come after AuthenticationMiddleware in MIDDLEWARE, "
                    "or the acting user is not known when it runs.",
                    hint=f"Move {path!r} below "
                    "'django.contrib.auth.middleware.AuthenticationMiddleware'.",
                    id="gov_disclosure.E003",
                )
            )
    return errors


@register()
def check_settings(app_configs=None, **kwargs):
    errors = []
    for setting, value, expected in app_settings.validate():
        errors.append(
            Error(
                f"{setting.full_name} is {value!r}; it must be {expected}.",
                hint=f"Fix {setting.full_name} in your settings, or remove it to use the "
                f"default ({setting.default!r}). See docs/reference/settings.md.",
                id="gov_disclosure.E004",
            )
        )
    names = [
        app_settings.EDITORS_GROUP,
        app_settings.REVIEWERS_GROUP,
        app_settings.DISCLOSURE_OFFICE_GROUP,
    ]
    if all(isinstance(n, str) for n in names) and len(set(names)) != len(names):
        errors.append(
            Error(
                "GOV_DISCLOSURE_EDITORS_GROUP, GOV_DISCLOSURE_REVIEWERS_GROUP and "
                "GOV_DISCLOSURE_DISCLOSURE_OFFICE_GROUP must name three different groups.",
                hint="Give each role its own group name.",
                id="gov_disclosure.E005",
            )
        )
    if apps.is_installed("wagtail_localize") and not getattr(
        settings, "WAGTAIL_I18N_ENABLED", False
    ):
        errors.append(
            Warning(
                "wagtail_localize is installed but WAGTAIL_I18N_ENABLED is not True, so pages "
                "cannot be translated.",
                hint="Set WAGTAIL_I18N_ENABLED = True and list the languages in "
                "WAGTAIL_CONTENT_LANGUAGES.",
                id="gov_disclosure.W001",
            )
        )
    return errors


@register()
def check_templates(app_configs=None, **kwargs):
    processors = set()
    for engine in getattr(settings, "TEMPLATES", []):
        if engine.get("BACKEND") == "django.template.backends.django.DjangoTemplates":
            processors.update(engine.get("OPTIONS", {}).get("context_processors", []))
    if "django.template.context_processors.request" not in processors:
        return [
            Error(
                "gov_disclosure's templates need the request in their context.",
                hint="Add 'django.template.context_processors.request' to "
                "TEMPLATES[...]['OPTIONS']['context_processors'].",
                id="gov_disclosure.E006",
            )
        ]
    return []


@register(Tags.database)
def check_workday_calendar(app_configs=None, databases=None, **kwargs):
    if not databases:
        return []
    from .workdays import years_needing_overrides

    try:
        years = years_needing_overrides()
    except DatabaseError:  # not migrated yet
        return []
    return [
        Warning(
            f"chinese-calendar has no holiday schedule for {year} and no working-day overrides "
            f"exist for it, so legal deadlines in {year} count only weekends and fixed-date "
            "holidays as days off.",
            hint=f"Upgrade chinese-calendar, or enter the {year} holidays and make-up workdays "
            "under 政务公开设置 › 工作日调整 in the Wagtail admin.",
            id="gov_disclosure.W002",
        )
        for year in years
    ]


@register(Tags.database)
def check_default_locale(app_configs=None, databases=None, **kwargs):
    """A site migrated in English before installing has no Locale for LANGUAGE_CODE."""
    if not databases:
        return []
    from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
    from wagtail.models import Locale

    try:
        language = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        if Locale.objects.filter(language_code=language).exists():
            return []
        existing = list(Locale.objects.values_list("language_code", flat=True))
    except (DatabaseError, LookupError):
        return []
    if not existing:  # a fresh database: Wagtail creates the default locale when migrating
        return []
    label = dict(get_content_languages()).get(language, language)
    return [
        Error(
            f"LANGUAGE_CODE is {settings.LANGUAGE_CODE!r} but Wagtail has no locale for "
            f"{language!r} (it has: {', '.join(existing)}), so agencies, theme categories and "
            "new pages cannot be created.",
            hint=f"In the Wagtail admin go to Settings › Locales and change the existing "
            f"locale's language to {label}, as docs/installation.md step 4 describes.",
            id="gov_disclosure.E007",
        )
    ]


@register()
def check_rate_limit_cache(app_configs=None, **kwargs):
    """The public forms count submissions in this cache: it must exist."""
    name = app_settings.RATE_LIMIT_CACHE
    if name in getattr(settings, "CACHES", {}) or (name == "default" and not settings.CACHES):
        return []
    return [
        Error(
            f"GOV_DISCLOSURE_RATE_LIMIT_CACHE is {name!r}, which is not a cache in CACHES.",
            hint="Name a cache of CACHES (a Redis cache in production), or leave the setting "
            "out to use the default cache.",
            id="gov_disclosure.E008",
        )
    ]
