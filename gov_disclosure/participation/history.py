"""The audit trail of the representatives' opinions and adoption, read from simple-history."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import Representative

TRACKED = ("name", "category", "opinion", "adoption", "reason")
KINDS = {"+": _("Added"), "~": _("Changed"), "-": _("Removed")}


@dataclass
class Change:
    when: object
    user: object
    kind: str
    name: str
    fields: list  # (label, old, new)


def _display(record, name):
    field = Representative._meta.get_field(name)
    value = getattr(record, name)
    if field.choices:
        return dict(field.choices).get(value, value) or "—"
    return value or "—"


def representative_changes(meeting_id, limit=100):
    """Newest first; a change lists the tracked fields that differ from the previous version."""
    records = list(
        Representative.history.filter(page_id=meeting_id)
        .select_related("history_user")
        .order_by("-history_date", "-history_id")[:limit]
    )
    changes = []
    for record in records:
        fields = []
        if record.history_type == "~":
            previous = record.prev_record
            if previous is not None:
                delta = record.diff_against(previous, included_fields=list(TRACKED))
                fields = [
                    (
                        Representative._meta.get_field(c.field).verbose_name,
                        _display(previous, c.field),
                        _display(record, c.field),
                    )
                    for c in delta.changes
                ]
            if not fields:
                continue  # saved again unchanged (e.g. the page republished)
        changes.append(
            Change(
                record.history_date,
                record.history_user,
                KINDS[record.history_type],
                record.name,
                fields,
            )
        )
    return changes
