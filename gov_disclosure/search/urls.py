from django.urls import path

from .views import search_view

app_name = "gov_disclosure_search"

urlpatterns = [path("", search_view, name="search")]
