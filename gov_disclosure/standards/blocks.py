"""StreamField blocks of the disclosure guide (政府信息公开指南).

The guide's body mixes editable rich text with generated sections. A generated section holds
only what the editor chooses (a heading, a note, the online form page, the reconsideration body
and court); the facts (addresses, office hours, telephone numbers, the kinds of information
published, the legal time limits) are read when the page is shown, from the agency records, the
content registry and the settings, so the guide follows them without being edited.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from gov_disclosure.blocks import RICH_TEXT_FEATURES

TEMPLATES = "gov_disclosure_standards/includes/"


class GuideSectionValue(blocks.StructValue):
    """A generated section's value; ``title`` is the heading shown (the editor's or the default)."""

    @property
    def title(self):
        return self.get("heading") or self.block.meta.default_heading


class GuideSectionBlock(blocks.StructBlock):
    """Base of the generated sections: an optional heading and a note shown under it."""

    heading = blocks.CharBlock(
        label=_("heading"),
        required=False,
        max_length=100,
        help_text=_("Leave blank for the standard heading."),
    )
    note = blocks.RichTextBlock(
        label=_("note"),
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text=_("Optional text shown before the generated part."),
    )

    class Meta:
        value_class = GuideSectionValue
        default_heading = ""


class ContactsBlock(GuideSectionBlock):
    include_units = blocks.BooleanBlock(
        label=_("also list the subordinate units"),
        required=False,
        default=True,
        help_text=_("Units whose parent agency is this guide's agency, with their own contacts."),
    )

    class Meta:
        icon = "site"
        label = _("Contacts (from the agency record)")
        default_heading = _("Disclosure office and contacts")
        template = TEMPLATES + "guide_contacts.html"


class ProactiveDisclosureBlock(GuideSectionBlock):
    class Meta:
        icon = "list-ul"
        label = _("Proactively disclosed information (generated)")
        default_heading = _("Obtaining proactively disclosed information")
        template = TEMPLATES + "guide_proactive.html"


class ApplicationBlock(GuideSectionBlock):
    form_page = blocks.PageChooserBlock(
        label=_("online application form page"),
        required=False,
        help_text=_("The page where the public applies online; leave blank if there is none."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        guide = (parent_context or {}).get("guide")
        context["form_url"] = guide.form_url(value.get("form_page")) if guide else None
        return context

    class Meta:
        icon = "form"
        label = _("Applying for disclosure (generated)")
        default_heading = _("Applying for government information")
        template = TEMPLATES + "guide_application.html"


class FeesBlock(GuideSectionBlock):
    text = blocks.TextBlock(
        label=_("fee statement"),
        required=False,
        help_text=_(
            "Leave blank for the site's standard statement on the information processing fee."
        ),
    )

    class Meta:
        icon = "tag"
        label = _("Fees")
        default_heading = _("Fees")
        template = TEMPLATES + "guide_fees.html"


class RemediesBlock(GuideSectionBlock):
    reconsideration_body = blocks.CharBlock(
        label=_("administrative reconsideration body"),
        required=False,
        max_length=200,
        help_text=_("E.g. 示范县人民政府. Leave blank to name no body."),
    )
    court = blocks.CharBlock(
        label=_("people's court"),
        required=False,
        max_length=200,
        help_text=_("E.g. 示范县人民法院. Leave blank to name no court."),
    )
    complaints = blocks.CharBlock(
        label=_("complaints and reports to"),
        required=False,
        max_length=200,
        help_text=_("The superior agency or the disclosure authority, e.g. 示范县政务公开办公室."),
    )

    class Meta:
        icon = "help"
        label = _("Remedies")
        default_heading = _("Complaints and remedies")
        template = TEMPLATES + "guide_remedies.html"


class GuideBodyBlock(blocks.StreamBlock):
    """The guide's body: text and the generated sections, in any order."""

    text = blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES, icon="pilcrow")
    contacts = ContactsBlock()
    proactive = ProactiveDisclosureBlock()
    application = ApplicationBlock()
    fees = FeesBlock()
    remedies = RemediesBlock()


def _paragraph(text):
    from django.utils.html import escape

    return f"<p>{escape(text)}</p>"


def default_guide_body():
    """A complete guide to publish at once: every generated section, short text between them.

    Written in the language active when the page is created (the editor's).
    """
    return [
        (
            "text",
            _paragraph(
                gettext(
                    "This guide is compiled under the Regulations of the People's Republic of "
                    "China on Government Information Disclosure so that citizens, legal persons "
                    "and other organisations can obtain government information from this agency. "
                    "It says what is published without being asked, how to apply for other "
                    "information, what it costs and what to do if you disagree with a decision."
                )
            ),
        ),
        ("contacts", {"include_units": True}),
        ("proactive", {}),
        (
            "text",
            _paragraph(
                gettext(
                    "Information that has not been published proactively can be requested from "
                    "the disclosure office as described below."
                )
            ),
        ),
        ("application", {}),
        ("fees", {}),
        ("remedies", {}),
        (
            "text",
            _paragraph(
                gettext(
                    "This guide is updated whenever the agency's arrangements change. Questions "
                    "about it can be put to the disclosure office at the telephone number above."
                )
            ),
        ),
    ]
