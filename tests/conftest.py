import pytest
from wagtail.models import Page, Site

from gov_disclosure.groups import DISCLOSURE_OFFICE, EDITORS, REVIEWERS

from .factories import UserFactory


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
