"""Edit-form layout shared by the gov_disclosure page types that use tabs."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page

from .models import DisclosurePageMixin


def publication_panels(agency_heading=None):
    """The 公开 tab: agency, theme category, publication date and the disclosure attribute."""
    agency = (
        FieldPanel("agency", heading=agency_heading) if agency_heading else FieldPanel("agency")
    )
    return [
        MultiFieldPanel(
            [agency, FieldPanel("theme_category"), FieldPanel("publication_date")],
            heading=_("Publication details"),
        )
    ] + DisclosurePageMixin.disclosure_panels


def disclosure_tabs(*tabs, agency_heading=None):
    """``(panels, heading)`` tabs, then 公开, 推荐 and, when it has panels, Wagtail's settings."""
    objects = [ObjectList(panels, heading=heading) for panels, heading in tabs]
    objects.append(ObjectList(publication_panels(agency_heading), heading=_("Disclosure")))
    objects.append(ObjectList(Page.promote_panels, heading=_("Promote")))
    if Page.settings_panels:  # empty since Wagtail 7: the tab is left out, as Wagtail does
        objects.append(ObjectList(Page.settings_panels, heading=_("Settings")))
    return TabbedInterface(objects)
