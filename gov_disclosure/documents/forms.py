from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .validators import EDITABLE_EXTENSIONS, PDF_EXTENSIONS


class DocumentPageForm(WagtailAdminPageForm):
    """Refuses to publish a document whose Word attachments lack their PDF twin."""

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" in self.data or "action-submit" in self.data:
            for message in self._attachment_problems():
                self.add_error(None, message)
        return cleaned_data

    def _attachment_problems(self):
        formset = self.formsets.get("attachments")
        # The formsets are validated after the main form; their own errors are shown anyway.
        if formset is None or not formset.is_valid():
            return []
        problems = []
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if not data or data.get("DELETE"):
                continue
            title, pdf, editable = data.get("title") or "", data.get("pdf"), data.get("editable")
            if editable and not pdf:
                problems.append(
                    _(
                        "Cannot publish: attachment “%(title)s” has a Word file but no PDF "
                        "version. Add the PDF, or remove the Word file."
                    )
                    % {"title": title}
                )
            if pdf and pdf.file_extension.lower() not in PDF_EXTENSIONS:
                problems.append(
                    _("Attachment “%(title)s”: the PDF version must be a .pdf file.")
                    % {"title": title}
                )
            if editable and editable.file_extension.lower() not in EDITABLE_EXTENSIONS:
                problems.append(
                    _(
                        "Attachment “%(title)s”: the Word version must be a .doc, .docx, .wps, "
                        ".odt, .ofd or .rtf file."
                    )
                    % {"title": title}
                )
        return problems
