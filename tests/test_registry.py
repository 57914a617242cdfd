"""The content registry that domain apps fill and cross-cutting apps read."""

import pytest
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured

from gov_disclosure.models import DisclosureArticlePage, DisclosurePortalPage, ThemeCategory
from gov_disclosure.registry import ContentRegistry, registry


def test_core_registers_articles():
    entry = registry.get("article")
    assert entry.model is DisclosureArticlePage
    assert entry.is_page
    assert registry.for_model(DisclosureArticlePage) is entry
    assert registry.for_model(DisclosurePortalPage) is None


def test_registering_twice_is_harmless_but_a_clash_is_an_error():
    local = ContentRegistry()
    first = local.register(DisclosureArticlePage, kind="article", label="公开信息")
    assert local.register(DisclosureArticlePage, kind="article", label="公开信息") is first
    with pytest.raises(ImproperlyConfigured, match="already registered"):
        local.register(DisclosurePortalPage, kind="article", label="x")
    assert len(local) == 1 and "article" in local


def test_a_typo_in_the_date_field_fails_at_registration():
    with pytest.raises(FieldDoesNotExist):
        ContentRegistry().register(DisclosureArticlePage, kind="a", label="a", date_field="pub")


@pytest.mark.django_db
def test_public_queryset_of_a_non_page_model():
    local = ContentRegistry()
    entry = local.register(ThemeCategory, kind="category", label="分类")
    assert not entry.is_page
    assert list(entry.public_queryset()) == []
    local.unregister("category")
    assert "category" not in local
