"""The sitemap of the public pages: Wagtail's, without what the public may not see.

Wagtail's own sitemap lists live pages without a view restriction. This one also leaves out
pages below an unpublished section (Wagtail keeps them live), pages of any registered kind
that are not proactively disclosed, and aliases (the original is listed; an alias of a hidden
page would otherwise reveal it)::

    from django.contrib.sitemaps.views import sitemap
    from gov_disclosure.api.sitemaps import DisclosureSitemap

    urlpatterns += [path("sitemap.xml", sitemap, {"sitemaps": {"pages": DisclosureSitemap}})]
"""

from __future__ import annotations

from wagtail.contrib.sitemaps import Sitemap

from gov_disclosure.models import hidden_sections_q
from gov_disclosure.registry import registry


class DisclosureSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        pages = (
            root.get_descendants(inclusive=True)
            .live()
            .exclude(hidden_sections_q())
            .filter(alias_of__isnull=True)
        )
        return registry.exclude_undisclosed(pages).order_by("path").defer_streamfields().specific()
