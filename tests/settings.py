"""Test settings: the example site's settings with a database chosen by DATABASE_URL."""

import os

import dj_database_url
from portal.settings.base import *  # noqa: F403

SECRET_KEY = "gov-disclosure-tests-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or "sqlite:///:memory:",
        conn_max_age=0,
    )
}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Rate limits count in Redis, as in production (database 1 is the tests' own).
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("GOV_DISCLOSURE_TEST_REDIS_URL", "redis://127.0.0.1:6379/1"),
        "KEY_PREFIX": f"gov-disclosure-tests-{os.getpid()}",
    },
}
GOV_DISCLOSURE_RATE_LIMIT_CACHE = "ratelimit"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = "/tmp/gov-disclosure-test-media"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
