"""The content registry.

Domain apps (documents, projects, participation, …) register their public content types here
in their ``AppConfig.ready()``. Cross-cutting apps (search, reports, the API, the portal page)
read the registry instead of importing the domain apps, so that any domain app can be left out
of ``INSTALLED_APPS`` without breaking them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db.models import F


@dataclass(frozen=True)
class ContentType:
    """One registered kind of disclosure content."""

    model: type
    kind: str
    label: Any
    date_field: str | None = None
    options: dict = field(default_factory=dict)

    @cached_property
    def open_data(self):
        """The kind's :class:`gov_disclosure.opendata.OpenData`, or ``None`` when it has none.

        Named by the ``open_data`` option (a dotted path), imported on first use.
        """
        from django.utils.module_loading import import_string

        path = self.options.get("open_data")
        return import_string(path)(self) if path else None

    @property
    def is_page(self) -> bool:
        from wagtail.models import Page

        return issubclass(self.model, Page)

    def public_queryset(self, private_q=None):
        """Everything of this type a member of the public may see, newest first."""
        manager = self.model._default_manager
        queryset = (
            manager.public_disclosures(private_q=private_q)
            if hasattr(manager, "public_disclosures")
            else manager.all()
        )
        if self.date_field:
            # Undated items last on every database (PostgreSQL sorts NULL first when descending).
            queryset = queryset.order_by(F(self.date_field).desc(nulls_last=True), "-pk")
        return queryset


@dataclass(frozen=True)
class DailyTask:
    """A job of ``manage.py gov_disclosure_daily``: ``function(on=date)`` returns a summary."""

    name: str
    function: Any
    label: Any


class ContentRegistry:
    def __init__(self):
        self._by_kind: dict[str, ContentType] = {}
        self._daily_tasks: dict[str, DailyTask] = {}
        self._edit_tabs: dict[str, Any] = {}
        self._open_data: dict[str, str] = {}

    def register_edit_tab(self, name: str, factory) -> None:
        """Add a tab to the edit form of every gov_disclosure page type.

        ``factory(model)`` returns an unbound panel (usually an ``ObjectList`` with a heading)
        or ``None`` to leave that page type alone. Edit forms are built on first use, after every
        app's ``ready()``, so a tab registered there reaches every page type.
        """
        self._edit_tabs[name] = factory

    def edit_tabs(self, model) -> list:
        tabs = (factory(model) for factory in self._edit_tabs.values())
        return [tab for tab in tabs if tab is not None]

    def register_open_data(self, name: str, path: str) -> None:
        """Offer open data that is not a registered kind of page (catalogue items…).

        ``path`` names an :class:`gov_disclosure.opendata.OpenData` subclass that sets its own
        ``queryset``. Kinds registered with ``register(..., open_data=…)`` need no call here.
        """
        self._open_data[name] = path

    @property
    def open_data(self) -> list:
        """Every kind's and record's open data, registered kinds first."""
        from django.utils.module_loading import import_string

        found = [entry.open_data for entry in self if entry.open_data is not None]
        return found + [import_string(path)(None) for path in self._open_data.values()]

    def register_daily_task(self, name: str, function, *, label) -> None:
        """Add a job to the daily command; it must be idempotent (safe to run twice a day)."""
        self._daily_tasks[name] = DailyTask(name, function, label)

    @property
    def daily_tasks(self) -> list[DailyTask]:
        return list(self._daily_tasks.values())

    def register(self, model, *, kind: str, label, date_field: str | None = None, **options):
        """Register ``model`` under the short name ``kind`` (e.g. ``"document"``).

        Registering the same model again under the same kind is a no-op, so ``ready()`` may run
        more than once (as it does in some test runners).
        """
        existing = self._by_kind.get(kind)
        if existing is not None:
            if existing.model is model:
                return existing
            raise ImproperlyConfigured(
                f"gov_disclosure content kind {kind!r} is already registered for "
                f"{existing.model._meta.label}; cannot register {model._meta.label} too."
            )
        if date_field is not None:
            model._meta.get_field(date_field)  # fails loudly on a typo
        entry = ContentType(model, kind, label, date_field, dict(options))
        self._by_kind[kind] = entry
        return entry

    def unregister(self, kind: str) -> None:
        self._by_kind.pop(kind, None)

    def get(self, kind: str) -> ContentType:
        return self._by_kind[kind]

    def for_model(self, model) -> ContentType | None:
        for entry in self._by_kind.values():
            if issubclass(model, entry.model):
                return entry
        return None

    def exclude_undisclosed(self, page_queryset):
        """Drop pages of any registered type that are not proactively disclosed.

        For querysets of plain ``Page`` (a site's own search view, menus, sitemaps), which do not
        know the disclosure attribute. One subquery per registered page type, no extra query.
        """
        from django.db.models import Q

        hidden = Q()
        for entry in self:
            if entry.is_page and hasattr(entry.model, "disclosure_attribute"):
                hidden |= Q(
                    pk__in=entry.model._default_manager.exclude(
                        disclosure_attribute="proactive"
                    ).values("pk")
                )
        return page_queryset.exclude(hidden) if hidden else page_queryset

    def __iter__(self):
        return iter(self._by_kind.values())

    def __len__(self):
        return len(self._by_kind)

    def __contains__(self, kind: str) -> bool:
        return kind in self._by_kind


registry = ContentRegistry()
