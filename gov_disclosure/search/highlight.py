"""Snippets of the text around the words found, with the words marked (HTML-escaped)."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .segmentation import normalize

SNIPPET_LENGTH = 160
BREAKS = "。；！？，、：） "


def _pattern(terms):
    terms = sorted({t for t in terms if t}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE) if terms else None


def mark(text: str, terms) -> SafeString:
    """``text`` escaped, with every occurrence of a term in ``<mark>``."""
    pattern = _pattern(terms)
    if pattern is None:
        return escape(text)
    # Match on the normalised text (Traditional → Simplified, full-width → half-width); both
    # have the same length for the characters that matter, so the offsets carry over.
    folded = normalize(text)
    if len(folded) != len(text):
        folded = text
    out, last = [], 0
    for match in pattern.finditer(folded):
        out.append(escape(text[last : match.start()]))
        out.append("<mark>" + escape(text[match.start() : match.end()]) + "</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308  (every piece is escaped above)


def snippet(text: str, terms, length: int = SNIPPET_LENGTH) -> SafeString:
    """About ``length`` characters of ``text`` around the first term found, terms marked."""
    text = " ".join((text or "").split())
    if not text:
        return mark_safe("")
    pattern = _pattern(terms)
    folded = normalize(text)
    found = pattern.search(folded if len(folded) == len(text) else text) if pattern else None
    start = 0
    if found:
        # Start at the nearest break (sentence, clause, field) before the match, when there is
        # one close by, rather than in the middle of a number or a word.
        start = max(0, found.start() - length // 4)
        breaks = [text.rfind(mark_, start, found.start()) for mark_ in BREAKS]
        if max(breaks) >= 0:
            start = max(breaks) + 1
    piece = text[start : start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(prefix + mark(piece, terms) + suffix)  # noqa: S308
