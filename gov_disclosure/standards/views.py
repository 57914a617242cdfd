"""Admin screens of the standard catalogue: domains, catalogues and items (snippets).

The import and export screens live in ``import_views.py``, the coverage report in
``coverage.py``; ``wagtail_hooks.py`` registers them.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from .import_views import can_export, can_import
from .models import Catalogue, CatalogueItem, StandardDomain


class CatalogueItemIndexView(IndexView):
    """The item listing, with the buttons to import and export a catalogue as a workbook."""

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        catalogue = self.request.GET.get("catalogue", "")
        query = f"?{urlencode({'catalogue': catalogue})}" if catalogue.isdigit() else ""
        user = self.request.user
        if can_import(user):
            buttons.append(
                HeaderButton(
                    _("Import"),
                    url=reverse("gov_disclosure_standards:import") + query,
                    icon_name="upload",
                    priority=1010,
                )
            )
        if can_export(user):
            buttons.append(
                HeaderButton(
                    _("Export"),
                    url=reverse("gov_disclosure_standards:export") + query,
                    icon_name="download",
                    priority=1020,
                )
            )
        return buttons


class CatalogueItemViewSet(SnippetViewSet):
    model = CatalogueItem
    index_view_class = CatalogueItemIndexView
    icon = "list-ul"
    menu_label = _("Catalogue items")
    list_display = [
        "__str__",
        Column("domain", label=_("domain")),
        Column("catalogue", label=_("catalogue")),
        Column("responsible_body", label=_("responsible body")),
        Column("method", label=_("method"), accessor="get_method_display"),
    ]
    list_filter = ["catalogue", "domain", "method", "audience"]
    search_fields = ["level1", "level2", "content"]
    ordering = ["catalogue", "domain__sort_order", "sort_order", "pk"]
    list_per_page = 50

    def get_queryset(self, request):
        return CatalogueItem.objects.select_related("catalogue", "domain")


class CatalogueViewSet(SnippetViewSet):
    model = Catalogue
    icon = "table"
    menu_label = _("Catalogues")
    list_display = [
        "name",
        Column("scope", label=_("scope"), accessor="get_scope_display"),
        Column("parent", label=_("county catalogue")),
    ]
    list_filter = ["scope"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class StandardDomainViewSet(SnippetViewSet):
    model = StandardDomain
    icon = "folder-open-inverse"
    menu_label = _("Domains")
    list_display = ["name", "sort_order", "hidden"]
    list_filter = ["hidden"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class StandardCatalogueGroup(SnippetViewSetGroup):
    """The "Standard catalogue" (标准目录) admin menu."""

    items = (CatalogueItemViewSet, CatalogueViewSet, StandardDomainViewSet)
    menu_icon = "list-ul"
    menu_label = _("Standard catalogue")
    menu_name = "gov_disclosure_standards"
    menu_order = 265
