from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from gov_disclosure.api.sitemaps import DisclosureSitemap

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("gov_disclosure.api.urls")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": DisclosureSitemap}}),
]


if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    # Serve static and media files from development server
    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Pages in Simplified Chinese are served at /, the other languages under /en/ and /zh-hant/.
urlpatterns += i18n_patterns(
    path("search/", include("gov_disclosure.search.urls")),
    path("display/", include("gov_disclosure.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
