"""Checks of the files the public may attach to a comment: by content, not by name."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .app_settings import app_settings

# Extension → the bytes such a file starts with. DOCX and XLSX are ZIP files.
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}
ALLOWED = ", ".join(sorted(SIGNATURES))


def validate_comment_file(file):
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(
            _("Attach a file of one of these types: %(types)s.") % {"types": ALLOWED}
        )
    size = getattr(file, "size", 0) or 0
    limit = app_settings.COMMENT_ATTACHMENT_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("The file is too large: at most %(size)s MB.") % {"size": round(limit / 2**20, 1)}
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    if not any(head.startswith(signature) for signature in SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content is not a %(type)s file. Attach the document itself.")
            % {"type": extension.upper()}
        )
