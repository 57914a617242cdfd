"""StreamField blocks shared by the gov_disclosure page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("file"))
    title = blocks.CharBlock(
        label=_("title"), required=False, help_text=_("Leave blank to use the file's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Attachment")
        template = "gov_disclosure/blocks/attachment.html"


class TableRowBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"))
    value = blocks.TextBlock(label=_("value"))

    class Meta:
        icon = "list-ul"
        label = _("Row")


class BodyBlock(blocks.StreamBlock):
    """Body text of a disclosure page: paragraphs, figures, facts tables and attachments."""

    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = ImageBlock(label=_("Image"))
    facts = blocks.ListBlock(
        TableRowBlock(),
        label=_("Facts table"),
        icon="table",
        template="gov_disclosure/blocks/facts_table.html",
    )
    attachment = AttachmentBlock()
