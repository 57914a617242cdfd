"""What an import found: the errors of each row, what each good row did, and the totals."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from ..models import Catalogue, CatalogueItem


@dataclass
class RowError:
    """A problem with one row (or, with ``row`` None, with a whole sheet)."""

    sheet: str
    row: int | None
    message: str
    column: str = ""  # the column's heading, e.g. “公开内容（要素）” or “公开对象”
    cell: str = ""  # e.g. “D12”, or “I12:J12” for a pair of tick columns

    def __str__(self):
        params = {
            "sheet": self.sheet,
            "row": self.row,
            "column": f"{self.cell} {self.column}".strip(),
            "message": self.message,
        }
        if self.row is None:
            return _("Sheet “%(sheet)s”: %(message)s") % params
        if params["column"]:
            return _("Sheet “%(sheet)s”, row %(row)s, %(column)s: %(message)s") % params
        return _("Sheet “%(sheet)s”, row %(row)s: %(message)s") % params


CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


@dataclass
class RowResult:
    """What an import did (or, in a dry run, would do) with one good row."""

    sheet: str
    row: int
    domain: str
    level1: str
    level2: str
    action: str  # CREATED, UPDATED or UNCHANGED
    changed: list[str] = field(default_factory=list)  # headings of the changed columns
    item: CatalogueItem | None = None

    @property
    def title(self):
        return f"{self.level1} · {self.level2}" if self.level2 else self.level1


@dataclass
class ImportReport:
    catalogue: Catalogue
    dry_run: bool = False
    rows: int = 0  # data rows read (empty rows and notes not counted)
    results: list[RowResult] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    new_domains: list[str] = field(default_factory=list)

    def _count(self, action):
        return sum(1 for result in self.results if result.action == action)

    @property
    def created(self) -> int:
        return self._count(CREATED)

    @property
    def updated(self) -> int:
        return self._count(UPDATED)

    @property
    def unchanged(self) -> int:
        return self._count(UNCHANGED)

    @property
    def failed(self) -> int:
        return len({(error.sheet, error.row) for error in self.errors})

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changes(self) -> list[RowResult]:
        return [result for result in self.results if result.action != UNCHANGED]

    def summary(self) -> str:
        counts = {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "rows": self.rows,
        }
        if self.dry_run:
            return (
                _(
                    "Dry run, nothing was saved: %(created)s items would be created, "
                    "%(updated)s updated, %(unchanged)s unchanged; %(failed)s rows have errors "
                    "(%(rows)s rows read)."
                )
                % counts
            )
        return (
            _(
                "%(created)s items created, %(updated)s updated, %(unchanged)s unchanged; "
                "%(failed)s rows with errors were skipped (%(rows)s rows read)."
            )
            % counts
        )
