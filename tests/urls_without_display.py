"""An agency's URLs without gov_disclosure's display switch: the header leaves it out."""

from django.urls import include, path
from wagtail import urls as wagtail_urls

urlpatterns = [path("", include(wagtail_urls))]
