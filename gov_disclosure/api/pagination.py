"""Keyset (cursor) pagination: the next page starts after the last row of this one.

Rows are ordered by the kind's date, newest first with undated rows last, then by id, so the
order is total and a cursor names a position, not an offset: page 5,000 costs what page 1 costs,
and a row published meanwhile never shifts a client's position. The cursor is signed, so a
client cannot forge one that skips the filters.
"""

from __future__ import annotations

import datetime

from django.core import signing
from django.db.models import F, Q

SALT = "gov_disclosure.api.cursor"


class BadCursor(ValueError):
    pass


def ordered(queryset, date_field: str | None):
    if date_field:
        return queryset.order_by(F(date_field).desc(nulls_last=True), F("pk").desc())
    return queryset.order_by("-pk")


def encode(kind: str, row, date_field: str | None) -> str:
    value = getattr(row, date_field) if date_field else None
    return signing.dumps([kind, value.isoformat() if value else None, row.pk], salt=SALT)


def decode(kind: str, cursor: str) -> tuple[datetime.date | None, int]:
    try:
        cursor_kind, value, pk = signing.loads(cursor, salt=SALT)
        if cursor_kind != kind or not isinstance(pk, int):
            raise BadCursor
        return (datetime.date.fromisoformat(value) if value else None), pk
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise BadCursor from error


def after(queryset, date_field: str | None, position) -> object:
    """The rows that come after ``position`` (``(date, pk)`` from :func:`decode`)."""
    value, pk = position
    if not date_field:
        return queryset.filter(pk__lt=pk)
    if value is None:  # among the undated rows at the end
        return queryset.filter(**{f"{date_field}__isnull": True}, pk__lt=pk)
    return queryset.filter(
        Q(**{f"{date_field}__lt": value})
        | Q(**{date_field: value}, pk__lt=pk)
        | Q(**{f"{date_field}__isnull": True})
    )


def page(queryset, *, kind: str, date_field: str | None, cursor: str | None, size: int):
    """``(rows, next_cursor)``; raises :class:`BadCursor` for a cursor this kind did not make."""
    queryset = ordered(queryset, date_field)
    if cursor:
        queryset = after(queryset, date_field, decode(kind, cursor))
    rows = list(queryset[: size + 1])
    next_cursor = encode(kind, rows[size - 1], date_field) if len(rows) > size else None
    return rows[:size], next_cursor
