"""Mount with ``path("api/", include("gov_disclosure.api.urls"))``: the API is at ``api/v1/``."""

from django.urls import path

from .views import build_api

api = build_api()

urlpatterns = [path("v1/", api.urls)]
