"""Mount with ``path("display/", include("gov_disclosure.urls"))`` inside ``i18n_patterns``.

The header of every public page shows the display switch (large text, high contrast) as soon
as these URLs are there.
"""

from django.urls import path

from .display import set_display_mode

app_name = "gov_disclosure"

urlpatterns = [path("", set_display_mode, name="display")]
