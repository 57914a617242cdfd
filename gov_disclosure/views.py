"""Admin viewsets of the core app: agencies, theme categories, working-day overrides."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import Menu, MenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Agency, ThemeCategory, WorkdayOverride


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "site"
    menu_label = _("Agencies")
    list_display = ["name", "short_name", "credit_code", "parent", "phone"]
    list_filter = ["locale"]
    search_fields = ["name", "short_name"]
    ordering = ["sort_order", "name"]

    def get_queryset(self, request):
        return Agency.objects.select_related("parent", "locale")


class ThemeCategoryViewSet(SnippetViewSet):
    model = ThemeCategory
    icon = "folder-open-1"
    menu_label = _("Theme categories")
    list_display = [
        "tree_label",
        "parent",
        "code",
        "sort_order",
    ]
    list_filter = ["locale"]
    search_fields = ["name"]
    ordering = ["tree_path"]
    list_per_page = 100


class WorkdayOverrideViewSet(SnippetViewSet):
    model = WorkdayOverride
    icon = "date"
    menu_label = _("Working-day overrides")
    list_display = ["date", "kind", "name"]
    list_filter = ["kind"]
    ordering = ["-date"]


# Domain apps add their own settings screens (e.g. project types) to the group with a viewset
# whose ``menu_hook`` is this name, or a ``MenuItem`` returned from a hook of this name.
SETTINGS_MENU_HOOK = "register_gov_disclosure_settings_menu_item"


class DisclosureSettingsGroup(SnippetViewSetGroup):
    items = (AgencyViewSet, ThemeCategoryViewSet, WorkdayOverrideViewSet)
    menu_icon = "site"
    menu_label = _("Disclosure settings")
    menu_name = "gov_disclosure_settings"
    menu_order = 250

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        item.menu = Menu(register_hook_name=SETTINGS_MENU_HOOK, items=self.get_submenu_items())
        return item


class PageReportMenuItem(MenuItem):
    """A report in the Reports menu for those who may add, change or publish pages."""

    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )
