"""The reply letter (答复书) of a request, as a Word file or a PDF.

The text comes from the reply letter template of the outcome's group (the built-in wording of
``default_letters`` when the office has none), its placeholders filled from the request. Only
bare placeholder names are filled: ``{applicant}``, never ``{applicant.__class__}`` or
``{applicant[0]}``, and a format spec or conversion is ignored (``{applicant:>99999}`` cannot
blow up a letter); anything else in braces stays as written, and ``{{``/``}}`` are braces.
"""

from __future__ import annotations

import datetime
import re
import string

from django.utils import timezone, translation

from gov_disclosure import office_files

from .default_letters import DEFAULT_LETTERS
from .models import InformationRequest, ReplyTemplate
from .outcomes import GROUP_OF

LETTER_LANGUAGE = "zh-hans"  # the letters are Chinese whatever the language of the admin
FALLBACK_AGENCY = "本机关"
_TRAILING_PUNCTUATION = re.compile(r"[\s。．.；;，,、]+$")


def chinese_date(day: datetime.date) -> str:
    """2025年3月3日"""
    return f"{day.year}年{day.month}月{day.day}日"


def _agency_name(request_obj) -> str:
    if request_obj.agency_id:
        return request_obj.agency.name
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return (site.site_name if site else "").strip() or FALLBACK_AGENCY


def letter_context(request_obj: InformationRequest, on: datetime.date | None = None) -> dict:
    """The value of every placeholder for ``request_obj``'s letter, as text; the letter is dated
    the day the reply was sent, else ``on``, else today."""
    from .fees import amount_due

    received_on = request_obj.received_on or timezone.localdate(request_obj.submitted_at)
    with translation.override(LETTER_LANGUAGE):
        outcome = str(request_obj.get_outcome_display()) if request_obj.outcome else ""
    values = {
        "applicant": request_obj.name.strip(),
        "tracking_number": request_obj.tracking_number,
        "received_on": chinese_date(received_on),
        # The letter puts the request in quotes and ends the sentence itself.
        "description": _TRAILING_PUNCTUATION.sub("", request_obj.description.strip()),
        "outcome": outcome,
        "legal_basis": request_obj.effective_legal_basis,
        "reply": request_obj.reply_text.strip(),
        "agency": _agency_name(request_obj),
        "date": chinese_date(request_obj.reply_sent_on or on or timezone.localdate()),
        "fee": str(amount_due(request_obj)),
    }
    return values


def fill(text: str, values: dict) -> str:
    """``text`` with its bare placeholders replaced by ``values``; never raises."""
    try:
        parts = list(string.Formatter().parse(text or ""))
    except ValueError:  # an unbalanced brace: the text as it stands
        return text or ""
    out = []
    for literal, name, spec, conversion in parts:
        out.append(literal)
        if name is None:
            continue
        if name in values:
            out.append(values[name])
        else:
            out.append(
                "{"
                + name
                + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "")
                + "}"
            )
    return "".join(out)


def _group(request_obj):
    if not request_obj.outcome:
        raise ValueError(
            f"Request {request_obj.tracking_number} has no outcome yet: a reply letter needs one."
        )
    try:
        return GROUP_OF[request_obj.outcome]
    except KeyError:
        raise ValueError(f"Unknown outcome {request_obj.outcome!r}.") from None


def template_for(request_obj: InformationRequest) -> ReplyTemplate:
    """The template of the outcome's group: the office's, else the built-in one (unsaved)."""
    code = _group(request_obj).code
    template = ReplyTemplate.objects.filter(outcome_group=code).first()
    return template or ReplyTemplate(outcome_group=code, **DEFAULT_LETTERS[code])


def _paragraphs(text: str, salutation: bool = False) -> list[office_files.Paragraph]:
    """One paragraph a non-empty line; with ``salutation``, a first line ending in a colon is
    not indented."""
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    return [
        office_files.Paragraph(
            line,
            indent_first_line=not (salutation and number == 0 and line.endswith(("：", ":"))),
        )
        for number, line in enumerate(lines)
    ]


def _letter(request_obj, on):
    template = template_for(request_obj)
    values = letter_context(request_obj, on)
    title = " ".join(fill(template.title, values).split())
    blocks = [
        *_paragraphs(fill(template.body, values), salutation=True),
        *_paragraphs(fill(template.remedies, values)),
        office_files.Signature([values["agency"], values["date"]]),
    ]
    return title, blocks, values["agency"]


def render_letter(request_obj: InformationRequest, on: datetime.date | None = None):
    """``(title, blocks)`` of the letter, for ``gov_disclosure.office_files``; a ValueError
    when the request has no outcome yet."""
    title, blocks, _agency = _letter(request_obj, on)
    return title, blocks


def render_docx(request_obj: InformationRequest, on: datetime.date | None = None) -> bytes:
    title, blocks, agency = _letter(request_obj, on)
    return office_files.build_docx(title, blocks, author=agency)


def render_pdf(request_obj: InformationRequest, on: datetime.date | None = None) -> bytes:
    title, blocks, agency = _letter(request_obj, on)
    return office_files.build_pdf(title, blocks, author=agency)


_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def filename(request_obj: InformationRequest, ext: str) -> str:
    """``reply-YSQ202500001.docx``: ASCII only, for every browser and mail client."""
    number = _UNSAFE.sub("", request_obj.tracking_number or "")[:40]
    return f"reply-{number or request_obj.pk}.{_UNSAFE.sub('', ext).lower()}"
