"""Importing a workbook into a catalogue: every row checked, then the good ones saved."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import (
    Audience,
    CatalogueItem,
    Method,
    StandardDomain,
    guess_update_interval,
)
from .layout import (
    _DEFAULT_SHEET_NAME,
    _NOTE,
    _PARENTHESES,
    ITEM_FIELDS,
    REQUIRED_KEYS,
    TEXT_KEYS,
    TICK_KEYS,
    _column_letter,
    _NotATick,
    _standard_heading,
    cell_text,
    lookup_key,
    parse_tick,
)
from .reading import (
    _check_workbook,
    _Header,
    _is_heading_row,
    _read_bytes,
    _rows,
    _scan,
    _SheetRow,
)
from .results import CREATED, UNCHANGED, UPDATED, ImportReport, RowError, RowResult

# Importing


@dataclass
class _NewDomain:
    """A domain the import creates (in a dry run: would create)."""

    name: str
    domain: StandardDomain | None = None

    @property
    def pk(self):
        return self.domain.pk if self.domain else None


@dataclass
class _Planned:
    result: RowResult
    domain: StandardDomain | _NewDomain
    values: dict[str, Any]
    item: CatalogueItem | None  # the existing item to update
    changed: list[str]  # its fields that change


class CatalogueImporter:
    """Import a workbook into ``catalogue``.

    Args:
        catalogue: the catalogue the items belong to.
        user: recorded on the revisions and the history.
        create_domains: create the domains the file names but the site does not have, instead
            of reporting their rows as errors.
        dry_run: check everything and report what would change, save nothing.
    """

    def __init__(self, catalogue, *, user=None, create_domains=False, dry_run=False):
        self.catalogue = catalogue
        self.user = user
        self.create_domains = create_domains
        self.dry_run = dry_run

    def run(self, source, *, name: str = "") -> ImportReport:
        """Import ``source`` (a path, bytes or a file object).

        Raises:
            SpreadsheetError: the file cannot be imported at all; nothing was saved.
        """
        data, file_name = _read_bytes(source)
        self.file_name = name or file_name
        _check_workbook(data, self.file_name)
        headers = _scan(data)
        report = ImportReport(catalogue=self.catalogue, dry_run=self.dry_run)
        self.report = report
        self._load_domains()
        with transaction.atomic():
            self._load_items()
            planned = self._plan(_rows(data, headers))
            if not self.dry_run:
                # Saving an item and its revision saves it twice: index its references once.
                with disable_reference_index_auto_update():
                    written = self._write(planned)
                for obj in written:
                    ReferenceIndex.create_or_update_for_object(obj)
        report.new_domains = [new.name for new in self._new_domains.values()]
        return report

    # Lookups

    def _load_domains(self):
        self._domains = {}
        for domain in StandardDomain.objects.all():
            self._domains[lookup_key(domain.name)] = domain
        self._new_domains: dict[str, _NewDomain] = {}
        self._sheet_domains = {}

    def _load_items(self):
        self._existing = defaultdict(list)
        self._next_sort_order = {}
        items = CatalogueItem.objects.filter(catalogue=self.catalogue).order_by("pk")
        if not self.dry_run:
            items = items.select_for_update()
        for item in items:
            self._existing[item.domain_id, lookup_key(item.level1), lookup_key(item.level2)].append(
                item
            )
        for row in (
            CatalogueItem.objects.filter(catalogue=self.catalogue)
            .values("domain_id")
            .annotate(last=Max("sort_order"))
        ):
            self._next_sort_order[row["domain_id"]] = row["last"] + 1

    def _find_domain(self, text: str) -> StandardDomain | None:
        key = lookup_key(text)
        candidates = [key]
        if key.endswith("领域") and len(key) > 2:
            candidates.append(key[:-2])
        else:
            candidates.append(key + "领域")
        for candidate in candidates:
            if candidate in self._domains:
                return self._domains[candidate]
        return None

    def _domain_from_sheet(self, sheet: str, header: _Header):
        """The domain a sheet without a 领域 column is about: ``(domain, name to create)``."""
        if sheet in self._sheet_domains:
            return self._sheet_domains[sheet]
        title = unicodedata.normalize("NFKC", header.title)
        in_brackets = [text.strip() for text in reversed(_PARENTHESES.findall(title))]
        found, create = None, None
        for text in [*in_brackets, sheet]:
            if text and (found := self._find_domain(text)):
                break
        if found is None:
            # A title such as “社会救助领域基层政务公开标准目录”: the longest domain named in it.
            compact = lookup_key(title)
            names = [key for key in self._domains if key and key in compact]
            if names:
                found = self._domains[max(names, key=len)]
        if found is None:
            named = [text for text in in_brackets if lookup_key(text).endswith("领域")]
            if named:
                create = re.sub(r"\s*领域$", "", named[0])
            elif sheet.strip() and not _DEFAULT_SHEET_NAME.match(sheet.strip()):
                create = re.sub(r"\s*领域$", "", sheet.strip())
        self._sheet_domains[sheet] = (found, create)
        return found, create

    def _resolve_domain(self, line: _SheetRow, errors: list, text: str | None):
        """The domain of a row (a StandardDomain or a _NewDomain), or None with an error added."""
        header = line.header
        column = header.columns.get("domain")
        heading = header.headings.get("domain", "")
        cell = f"{_column_letter(column)}{line.row}" if column is not None else ""

        def error(message):
            errors.append(RowError(line.sheet, line.row, message, heading, cell))

        if text:
            name, domain = text, self._find_domain(text)
        else:
            domain, name = self._domain_from_sheet(line.sheet, header)
            if domain is None and name is None:
                error(
                    _(
                        "No domain: name it in a domain (领域) column, in the title row "
                        "(e.g. “（社会救助领域）”) or as the sheet's name."
                    )
                )
                return None
            name = name or (domain.name if domain else "")
        if domain is not None:
            if domain.hidden:
                error(
                    _(
                        "The domain “%(domain)s” is hidden: show it again under Standard "
                        "catalogue › Domains before importing into it."
                    )
                    % {"domain": domain.name}
                )
                return None
            return domain
        name = re.sub(r"\s+", " ", name).strip()
        if not self.create_domains:
            error(
                _(
                    "Unknown domain “%(domain)s”: add it under Standard catalogue › Domains, "
                    "correct its name, or import with “Create missing domains”."
                )
                % {"domain": name}
            )
            return None
        limit = StandardDomain._meta.get_field("name").max_length
        if len(name) > limit:
            error(
                _("The domain name is too long: %(length)s characters, at most %(max)s.")
                % {"length": len(name), "max": limit}
            )
            return None
        key = lookup_key(name)
        if key not in self._new_domains:
            self._new_domains[key] = _NewDomain(name)
        return self._new_domains[key]

    # Checking

    def _parse(self, line: _SheetRow):
        """``(values, domain, errors)`` of a row; values are CatalogueItem fields."""
        header, errors = line.header, []

        def at(key):
            column = header.columns.get(key)
            return None if column is None else line.values[column]

        def cell(key):
            return f"{_column_letter(header.columns[key])}{line.row}"

        values = {}
        for key in TEXT_KEYS:
            text = cell_text(at(key))
            values[key] = text
            if key not in header.columns:
                continue
            if key in REQUIRED_KEYS and not text:
                errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _("Required, but empty."),
                        header.headings[key],
                        cell(key),
                    )
                )
            limit = CatalogueItem._meta.get_field(key).max_length
            if limit and len(text) > limit:
                errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _("Too long: %(length)s characters, at most %(max)s.")
                        % {"length": len(text), "max": limit},
                        header.headings[key],
                        cell(key),
                    )
                )
        ticks = {}
        for key in TICK_KEYS:
            try:
                ticks[key] = parse_tick(at(key))
            except _NotATick:
                ticks[key] = None
                errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _("“%(value)s” is not a tick: mark the column with √ or leave it empty.")
                        % {"value": cell_text(at(key))[:20]},
                        header.headings[key],
                        cell(key),
                    )
                )

        def pair(first, second):
            group = header.groups.get(first) or header.groups.get(second) or ""
            names = {"first": header.headings[first], "second": header.headings[second]}
            return group, f"{cell(first)}:{cell(second)}", names

        for first, second in (("everyone", "specific"), ("proactive", "on_application")):
            if ticks[first] is None or ticks[second] is None:
                continue
            group, cells, names = pair(first, second)
            if ticks[first] and ticks[second]:
                message = _("Tick only one of %(first)s and %(second)s, not both.") % names
            elif not (ticks[first] or ticks[second]):
                message = _("Tick one of %(first)s and %(second)s.") % names
            else:
                continue
            errors.append(RowError(line.sheet, line.row, message, group, cells))
        if ticks["county"] is False and ticks["township"] is False:
            group, cells, names = pair("county", "township")
            errors.append(
                RowError(
                    line.sheet,
                    line.row,
                    _("Tick at least one level: %(first)s, %(second)s or both.") % names,
                    group,
                    cells,
                )
            )
        values["audience"] = Audience.SPECIFIC if ticks["specific"] else Audience.EVERYONE
        values["method"] = Method.ON_APPLICATION if ticks["on_application"] else Method.PROACTIVE
        values["level_county"] = bool(ticks["county"])
        values["level_township"] = bool(ticks["township"])

        domain_text = cell_text(at("domain")) if "domain" in header.columns else ""
        domain = self._resolve_domain(line, errors, domain_text)
        return values, domain, errors

    def _skip(self, line: _SheetRow) -> bool:
        """Empty rows, notes under the table (注：…) and repeated headers are not items."""
        texts = [cell_text(value) for value in line.values]
        filled = {text for text in texts if text}
        if not filled:
            return True
        if len(filled) == 1 and _NOTE.match(next(iter(filled))):
            self.report.warnings.append(
                _("Sheet “%(sheet)s”, row %(row)s was read as a note and skipped: %(text)s")
                % {"sheet": line.sheet, "row": line.row, "text": next(iter(filled))[:60]}
            )
            return True
        return _is_heading_row(line.values)

    def _plan(self, lines) -> list[_Planned]:
        planned, seen = [], {}
        for line in lines:
            if self._skip(line):
                continue
            self.report.rows += 1
            values, domain, errors = self._parse(line)
            if errors:
                self.report.errors.extend(errors)
                continue
            key = (
                id(domain) if isinstance(domain, _NewDomain) else domain.pk,
                lookup_key(values["level1"]),
                lookup_key(values["level2"]),
            )
            if key in seen:
                sheet, row = seen[key]
                self.report.errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _(
                            "The same item (domain, level-1 and level-2 item) is already on "
                            "row %(row)s of sheet “%(sheet)s”; this row was skipped."
                        )
                        % {"row": row, "sheet": sheet},
                        line.header.headings["level1"],
                        f"{_column_letter(line.header.columns['level1'])}{line.row}",
                    )
                )
                continue
            seen[key] = (line.sheet, line.row)
            matches = [] if isinstance(domain, _NewDomain) else self._existing.get(key, [])
            if len(matches) > 1:
                self.report.errors.append(
                    RowError(
                        line.sheet,
                        line.row,
                        _(
                            "%(count)s items of the catalogue have this domain, level-1 and "
                            "level-2 item, so the row cannot tell which to update. Rename or "
                            "delete the extra items first."
                        )
                        % {"count": len(matches)},
                    )
                )
                continue
            item = matches[0] if matches else None
            changed = []
            if item is None:
                action = CREATED
            else:
                changed = _changed_fields(item, values)
                action = UPDATED if changed else UNCHANGED
            domain_name = domain.name
            result = RowResult(
                sheet=line.sheet,
                row=line.row,
                domain=domain_name,
                level1=values["level1"],
                level2=values["level2"],
                action=action,
                changed=[_field_heading(line.header, name) for name in changed],
                item=item,
            )
            self.report.results.append(result)
            if action != UNCHANGED:
                planned.append(_Planned(result, domain, values, item, changed))
        return planned

    # Writing

    def _write(self, planned: list[_Planned]) -> list:
        """Save the planned rows; returns every object written (domains and items)."""
        written = []
        for new in self._new_domains.values():
            last = StandardDomain.objects.aggregate(last=Max("sort_order"))["last"] or 0
            new.domain = StandardDomain.objects.create(name=new.name, sort_order=last + 1)
            new.domain.save_revision(user=self.user, log_action="wagtail.create", clean=False)
            written.append(new.domain)
        data = {"import": self.file_name} if self.file_name else None
        for plan in planned:
            domain = plan.domain.domain if isinstance(plan.domain, _NewDomain) else plan.domain
            if plan.item is None:
                item = CatalogueItem(
                    catalogue=self.catalogue,
                    domain=domain,
                    update_interval_days=guess_update_interval(plan.values["time_limit"]),
                    sort_order=self._next_sort_order.get(domain.pk, 0),
                    **plan.values,
                )
                self._next_sort_order[domain.pk] = item.sort_order + 1
                item.save()
                action = "wagtail.create"
            else:
                item = plan.item
                for name in plan.changed:
                    setattr(item, name, plan.values[name])
                item.save(update_fields=plan.changed)
                action = "wagtail.edit"
            revision = item.save_revision(user=self.user, clean=False)
            log(
                instance=item,
                action=action,
                user=self.user,
                revision=revision,
                content_changed=True,
                data=data,
            )
            plan.result.item = item
            written.append(item)
        return written


def _changed_fields(item: CatalogueItem, values: dict[str, Any]) -> list[str]:
    """The fields of ``item`` that ``values`` change (text compared as a cell reads it)."""
    changed = []
    for name in ITEM_FIELDS:
        current = getattr(item, name)
        if name in TEXT_KEYS:
            current = cell_text(current)
        if current != values[name]:
            changed.append(name)
    return changed


def _field_heading(header: _Header, name: str) -> str:
    key = {
        "audience": "everyone",
        "method": "proactive",
        "level_county": "county",
        "level_township": "township",
    }.get(name, name)
    if name in ("audience", "method") or key not in header.headings:
        return header.groups.get(key) or _standard_heading(key)
    return header.headings[key]


def import_catalogue(source, catalogue, **options) -> ImportReport:
    """Shortcut for ``CatalogueImporter(catalogue, **options).run(source)``."""
    return CatalogueImporter(catalogue, **options).run(source)
