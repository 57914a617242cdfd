import pytest
from wagtail.models import Page, Site

from gov_disclosure.groups import DISCLOSURE_OFFICE, EDITORS, REVIEWERS

from .factories import UserFactory
from .search_support import start_backend


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def root_page(site):
    """The site's home page, under which test pages are created."""
    return site.root_page


@pytest.fixture
def tree_root(db):
    return Page.get_first_root_node()


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def editor(db):
    return UserFactory(username="editor", roles=[EDITORS])


@pytest.fixture
def reviewer(db):
    return UserFactory(username="reviewer", roles=[REVIEWERS])


@pytest.fixture
def disclosure_officer(db):
    return UserFactory(username="officer", roles=[DISCLOSURE_OFFICE])


# Browser tests: each module defines a ``content`` fixture (the data the pages show, made on the
# live server's database) and uses ``tab`` (a Chromium tab at each viewport).


@pytest.fixture(scope="module")
def chromium_path():
    from .browser_support import CHROMIUM, in_ci

    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: install Debian's chromium and fonts-noto-cjk"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture
def browser(chromium_path, content):
    """Chromium, started after the content is made and stopped before the database flush
    (see ``browser_support.headless_chromium`` on why no database work happens meanwhile)."""
    from .browser_support import headless_chromium

    with headless_chromium(chromium_path) as chromium:
        yield chromium


@pytest.fixture(params=["desktop", "phone"])
def viewport(request):
    return request.param


@pytest.fixture
def tab(browser, viewport):
    from .browser_support import VIEWPORTS

    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="zh-CN")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def _fresh_workday_cache():
    """Cached working-day overrides outlive a test's rolled-back transaction: forget them."""
    from gov_disclosure import workdays

    workdays.clear_cache()
    yield
    workdays.clear_cache()


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Counts of the rate limits outlive a test (they are in Redis, under this process's key
    prefix): forget them, so that requests of an earlier test from 127.0.0.1 (a browser test's
    live server) do not count against a later one."""
    yield
    from django.conf import settings
    from django.core.cache import caches

    cache = caches[settings.GOV_DISCLOSURE_RATE_LIMIT_CACHE]
    client = getattr(getattr(cache, "_cache", None), "get_client", None)
    if client is None:
        return
    redis = client(write=True)
    keys = list(redis.scan_iter(match=f"{cache.key_prefix}*", count=1000))
    if keys:
        redis.delete(*keys)


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.search_server)])
def search_backend(request, db):
    """Runs a test on each search backend; ``search_backend.sync()`` before searching."""
    return start_backend(request)
