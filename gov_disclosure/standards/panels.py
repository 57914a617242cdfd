"""The 标准目录 tab: choose the catalogue items a page belongs to, on any page's edit form."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import HelpPanel, InlinePanel, ObjectList
from wagtail.utils.decorators import cached_classmethod


def catalogue_tab(model=None):
    return ObjectList(
        [
            HelpPanel(
                _(
                    "Choose the items of the standard catalogue this page belongs to: it is then "
                    "listed under them on the standardized disclosure topic once published."
                )
            ),
            InlinePanel(
                "standard_catalogue_items",
                heading=_("Standard catalogue items"),
                label=_("catalogue item"),
            ),
        ],
        heading=_("Standard catalogue"),
    )


class CatalogueItemsMixin:
    """For any Wagtail page type outside gov_disclosure: adds the 标准目录 tab to its edit form.

    ``class NewsPage(CatalogueItemsMixin, Page)``. No migration is needed: the links live in
    this app's own table. gov_disclosure's page types get the tab without the mixin.
    """

    @cached_classmethod
    def get_edit_handler(cls):
        from gov_disclosure.models.disclosure import edit_handler_with_tabs

        return edit_handler_with_tabs(cls, [catalogue_tab(cls)])
