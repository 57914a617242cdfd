"""Validators for the identifiers that Chinese government records carry."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import exceptions as stdnum_exceptions
from stdnum.cn import uscc

PHONE_RE = re.compile(r"^[+(（]?[0-9][0-9\s\-()（）转,，、/]{4,40}$")


def normalize_credit_code(value: str) -> str:
    """Uppercase and strip the separators people paste into a unified social credit code."""
    return uscc.compact(value or "")


def validate_credit_code(value: str) -> None:
    """Validate a unified social credit code (统一社会信用代码, GB 32100-2015)."""
    try:
        uscc.validate(value)
    except stdnum_exceptions.InvalidLength:
        raise ValidationError(
            _("A unified social credit code has 18 characters."), code="invalid_length"
        ) from None
    except stdnum_exceptions.InvalidChecksum:
        raise ValidationError(
            _("The check character of this unified social credit code is wrong; check for a typo."),
            code="invalid_checksum",
        ) from None
    except stdnum_exceptions.ValidationError:
        raise ValidationError(
            _(
                "This is not a valid unified social credit code: use digits and capital letters "
                "other than I, O, S, V and Z."
            ),
            code="invalid",
        ) from None


def validate_phone(value: str) -> None:
    """Accept the ways agencies write office telephone numbers, e.g. ``0531-12345678 转 8001``."""
    if not PHONE_RE.match(value or "") or sum(ch.isdigit() for ch in value) < 5:
        raise ValidationError(
            _("Enter a telephone number such as 0531-12345678 or 12345."), code="invalid_phone"
        )


# Extension → the bytes such a file starts with. DOCX and XLSX are ZIP files.
FILE_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
}


def validate_file(file, extensions, max_bytes: int) -> None:
    """Check an uploaded file by its name *and* its first bytes: an allow-list of types, a size
    limit. Nothing that a browser would render as a page (HTML, SVG) gets through."""
    allowed = ", ".join(sorted(extensions))
    name = getattr(file, "name", "") or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in extensions:
        raise ValidationError(
            _("Attach a file of one of these types: %(types)s.") % {"types": allowed},
            code="file_type",
        )
    size = getattr(file, "size", 0) or 0
    if size > max_bytes:
        raise ValidationError(
            _("The file is too large: at most %(size)s MB.")
            % {"size": round(max_bytes / 2**20, 1)},
            code="file_size",
        )
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    if not any(head.startswith(signature) for signature in FILE_SIGNATURES[extension]):
        raise ValidationError(
            _("The file's content is not a %(type)s file. Attach the document itself.")
            % {"type": extension.upper()},
            code="file_content",
        )
