from wagtail.snippets.models import register_snippet

from .views import DisclosureSettingsGroup

register_snippet(DisclosureSettingsGroup)
