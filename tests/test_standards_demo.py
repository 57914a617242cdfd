"""The demo's standardized-disclosure topic: all 26 domains, filled and deliberately empty items."""

import datetime

import pytest
from django.core.management import call_command

from gov_disclosure.standards.content import is_stale, item_contents
from gov_disclosure.standards.models import (
    Catalogue,
    CatalogueItem,
    CatalogueScope,
    StandardDomain,
    StandardsTopicPage,
)

from .demo_support import demo_loaded_once

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module's tests (see ``tests/demo_support.py``)."""
    with demo_loaded_once(django_db_blocker, datetime.date.today(), documents=24):
        yield


@pytest.fixture
def demo(loaded, db):
    return StandardsTopicPage.objects.get(slug="bzhgf")


def test_the_demo_topic(demo, client):
    """One load of the demo (it takes a while) for the topic, its village catalogue, the guide
    and the disclosure catalogue."""
    every_domain_has_items_and_some_are_left_empty(demo, client)
    community_catalogue_points_to_county_items(demo, client)
    guide_and_catalogue_pages(demo, client)


def every_domain_has_items_and_some_are_left_empty(demo, client):
    county = demo.catalogue
    items = list(CatalogueItem.objects.filter(catalogue=county))
    assert set(StandardDomain.objects.values_list("name", flat=True)) == {
        item.domain.name for item in items
    }
    contents = item_contents(items, with_problems=True)
    empty = [item for item in items if contents[item.pk].is_empty]
    filled = [item for item in items if not contents[item.pk].is_empty]
    assert len(filled) > len(empty) >= 3
    problems = {p.code for content in contents.values() for p in content.problems}
    assert {"deleted", "not_public"} <= problems
    today = datetime.date(2026, 12, 7)
    assert any(is_stale(contents[item.pk], item, today) for item in items)

    response = client.get(demo.url)
    assert response.status_code == 200
    assert response.content.decode().count('<li class="gd-topic__domain') == 26


def community_catalogue_points_to_county_items(demo, client):
    village = Catalogue.objects.get(scope=CatalogueScope.VILLAGE)
    assert village.parent_id == demo.catalogue_id
    items = CatalogueItem.objects.filter(catalogue=village)
    assert items.count() >= 4
    assert all(item.county_item.catalogue_id == demo.catalogue_id for item in items)
    url = demo.url + demo.reverse_subpage("village_catalogue", args=[village.pk])
    assert client.get(url).status_code == 200


def test_loading_again_changes_no_catalogue_row(demo):
    def rows():
        return (
            list(CatalogueItem.objects.order_by("pk").values()),
            list(Catalogue.objects.order_by("pk").values()),
            sorted(
                CatalogueItem.objects.values_list("links__pk", "links__url", "links__page_id"),
                key=str,
            ),
        )

    before = rows()
    call_command("load_demo_content", documents=24, verbosity=0)
    assert rows() == before


def guide_and_catalogue_pages(demo, client):
    from wagtail.models import Page

    from gov_disclosure.standards.models import DisclosureCataloguePage, DisclosureGuidePage

    guide = DisclosureGuidePage.objects.get(slug="gkzn")
    html = client.get(guide.url).content.decode()
    assert guide.agency.address in html and guide.agency.phone in html
    assert "示范市中级人民法院" in html
    # The guide's application section points to the demo's online application form.
    assert f'href="{Page.objects.get(slug="ysqgk").url}"' in html
    catalogue = DisclosureCataloguePage.objects.get(slug="gkml")
    response = client.get(catalogue.url)
    assert response.status_code == 200
    assert "政府信息公开目录" in response.content.decode()
