"""Keeping the search index in step with what the public may see.

A page of a registered content type has a ``SearchEntry`` exactly when it is publicly visible:
live, every ancestor live, no view restriction on it or above it, and proactively disclosed.
``sync_pages`` brings a set of pages to that state; the signal receivers (``signals``) call it
for the pages a change can affect (the page itself and, when its visibility or address may have
changed, its descendants). Only the differences are written, so republishing a section with
thousands of documents below it costs two queries when nothing below it changed.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import timezone, translation
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.search import index

from gov_disclosure.registry import registry

from .app_settings import app_settings
from .models import IndexChange, SearchEntry
from .segmentation import index_text

logger = logging.getLogger(__name__)

TEXT_MAX_LENGTH = 20_000
CHUNK = 200


def database_backend():
    """Wagtail's database search backend (whatever the site's own default backend is)."""
    from wagtail.search.backends import get_search_backend

    return get_search_backend("wagtail.search.backends.database")


def visible_pages():
    """Pages a member of the public may see (of any type; the registry limits the kinds)."""
    hidden_ancestor = Page.objects.filter(
        live=False, depth__gt=1, path=Substr(OuterRef("path"), 1, Length("path"))
    )
    pages = Page.objects.live().public().exclude(Exists(hidden_ancestor))
    return registry.exclude_undisclosed(pages)


def indexed_content_types():
    """The Django content types of the registered page types (and their subclasses)."""
    from django.contrib.contenttypes.models import ContentType

    models = [entry.model for entry in registry if entry.is_page]
    return ContentType.objects.get_for_models(*models, for_concrete_models=False).values()


def _search_field_parts(obj, search_fields, *, own_title: bool) -> list[str]:
    parts: list[str] = []
    for field in search_fields:
        if isinstance(field, index.RelatedFields):
            # A project's lifecycle records, a meeting's topics and opinions, or a foreign key.
            related = getattr(obj, field.field_name, None)
            if related is None:
                continue
            for item in related.all() if hasattr(related, "all") else [related]:
                parts += _search_field_parts(item, field.fields, own_title=False)
            continue
        if not isinstance(field, index.SearchField) or (own_title and field.field_name == "title"):
            continue
        # Stream and rich text fields come back as their searchable text (a list of strings).
        value = field.get_value(obj)
        if value in (None, ""):
            continue
        if isinstance(value, list | tuple):
            parts.extend(str(part) for part in value if part)
        else:
            parts.append(str(value))
    return parts


def _searchable_text(page) -> str:
    parts = _search_field_parts(page, type(page).get_search_fields(), own_title=True)
    text = "\n".join(html.unescape(strip_tags(part)).strip() for part in parts)
    return text[:TEXT_MAX_LENGTH]


def kind_label(kind: str, language_code: str) -> str:
    """The name of a content type in a language (people search for 政策解读, 意见征集)."""
    with translation.override(language_code):
        return str(registry.get(kind).label)


def build_entry(page, language_code: str | None = None) -> SearchEntry:
    """The search entry of a (specific) page of a registered type."""
    language_code = language_code or page.locale.language_code
    content_type = registry.for_model(type(page))
    date = getattr(page, content_type.date_field, None) if content_type.date_field else None
    if date is None and page.first_published_at:
        date = page.first_published_at.date()
    text = _searchable_text(page)
    document_number = getattr(page, "document_number", "") or ""
    return SearchEntry(
        page_id=page.pk,
        kind=content_type.kind,
        locale_id=page.locale_id,
        display_title=page.title,
        url=page.get_url() or page.url_path,
        text=text,
        document_number=document_number,
        agency_id=getattr(page, "agency_id", None),
        theme_category_id=getattr(page, "theme_category_id", None),
        date=date,
        year=date.year if date else None,
        validity=getattr(page, "validity", "") or "",
        title=index_text(page.title),
        words=index_text(
            f"{kind_label(content_type.kind, language_code)}\n{document_number}\n{text}"
        ),
    )


def _registered(pages):
    return pages.filter(content_type__in=list(indexed_content_types()), alias_of__isnull=True)


def sync_pages(page_ids: Iterable[int], *, refresh: bool = True) -> tuple[int, int]:
    """Add, update or remove the entries of ``page_ids``; ``(written, removed)``.

    ``refresh=False`` writes only the pages that have no entry yet (for descendants, whose own
    content did not change).
    """
    page_ids = set(page_ids)
    if not page_ids:
        return 0, 0
    visible = set(_registered(visible_pages().filter(pk__in=page_ids)).values_list("pk", flat=True))
    existing = set(SearchEntry.objects.filter(pk__in=page_ids).values_list("pk", flat=True))
    removed = existing - visible
    if removed:
        SearchEntry.objects.filter(pk__in=removed).delete()
    to_write = visible if refresh else visible - existing
    written = write_entries(to_write)
    record_changes(removed | to_write)
    return written, len(removed)


def write_entries(page_ids, progress: Callable[[int], None] | None = None) -> int:
    backend = database_backend()
    page_ids = sorted(page_ids)
    if not page_ids:
        return 0
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    count = 0
    for start in range(0, len(page_ids), CHUNK):
        chunk = page_ids[start : start + CHUNK]
        pages = Page.objects.filter(pk__in=chunk).specific()
        entries = [build_entry(page, languages[page.locale_id]) for page in pages]
        SearchEntry.objects.bulk_create(
            entries,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=[
                f.attname
                for f in SearchEntry._meta.concrete_fields
                if not f.primary_key and f.name != "updated_at"
            ],
        )
        backend.add_bulk(SearchEntry, entries)
        count += len(entries)
        if progress:
            progress(len(entries))
    return count


def sync_subtree(page, *, refresh_self: bool = True) -> tuple[int, int]:
    """Bring a page and everything below it to the right state.

    The page itself is rewritten (unless ``refresh_self`` is false); its descendants are only
    added or removed (two queries when nothing below it changed). After a move, whose new
    addresses the descendants' entries must show, ``refresh_subtree`` rewrites them.
    """
    written, removed = sync_pages([page.pk], refresh=refresh_self)
    below = Page.objects.descendant_of(page)
    visible = set(_registered(visible_pages().descendant_of(page)).values_list("pk", flat=True))
    existing = set(
        SearchEntry.objects.filter(page__in=below.values("pk")).values_list("pk", flat=True)
    )
    gone = existing - visible
    if gone:
        SearchEntry.objects.filter(pk__in=gone).delete()
    new = visible - existing
    written += write_entries(new)
    record_changes(gone | new)
    return written, removed + len(gone)


def refresh_subtree(page) -> int:
    """Rewrite the entries below ``page`` (their addresses changed after a move or a rename)."""
    ids = set(
        SearchEntry.objects.filter(
            page__in=Page.objects.descendant_of(page, inclusive=True).values("pk")
        ).values_list("pk", flat=True)
    )
    written = write_entries(ids)
    record_changes(ids)
    return written


def visible_count() -> int:
    return _registered(visible_pages()).count()


def rebuild(progress: Callable[[int], None] | None = None) -> int:
    """Rewrite every entry from the pages (the database backend's part of a rebuild)."""
    visible = set(_registered(visible_pages()).values_list("pk", flat=True))
    with transaction.atomic():
        SearchEntry.objects.exclude(pk__in=visible).delete()
        return write_entries(visible, progress)


# Elasticsearch receives the changes after the transaction commits; what it could not take
# stays in IndexChange for push_pending (the daily command, or the index command's "sync").


def _elasticsearch_enabled() -> bool:
    return app_settings.SEARCH_BACKEND == "elasticsearch"


def record_changes(page_ids) -> None:
    if not page_ids or not _elasticsearch_enabled():
        return
    # A change recorded again gets a new time, so that push_pending, which deletes only what
    # was recorded before it read the entries, keeps it for the next push.
    now = timezone.now()
    IndexChange.objects.bulk_create(
        [IndexChange(page_id=pk, created_at=now) for pk in page_ids],
        update_conflicts=True,
        unique_fields=["page_id"],
        update_fields=["created_at"],
    )
    transaction.on_commit(push_pending)


def reconcile() -> tuple[int, int]:
    """Add the visible pages that have no entry and remove the entries of hidden ones.

    A safety net run daily: every change is already indexed as it happens, so this normally
    finds nothing (two queries of ids).
    """
    visible = set(_registered(visible_pages()).values_list("pk", flat=True))
    existing = set(SearchEntry.objects.values_list("pk", flat=True))
    gone = existing - visible
    if gone:
        SearchEntry.objects.filter(pk__in=gone).delete()
    written = write_entries(visible - existing)
    record_changes(gone | (visible - existing))
    return written, len(gone)


def daily(on=None) -> dict:
    """The daily task: reconcile the index with the pages, then send what Elasticsearch lacks."""
    written, removed = reconcile()
    return {"added": written, "removed": removed, **push_pending()}


def push_pending(on=None) -> dict:
    """Send the recorded changes to Elasticsearch; keep them when it cannot take them.

    ``{"sent": n}``, or ``{"kept": n}`` when the server is unavailable; ``{}`` when the
    backend is the database.
    """
    if not _elasticsearch_enabled():
        return {}
    from .backends.elasticsearch import ElasticsearchUnavailable, apply_changes

    read_at = timezone.now()
    page_ids = list(IndexChange.objects.values_list("page_id", flat=True)[:5000])
    if not page_ids:
        return {"sent": 0}
    try:
        apply_changes(page_ids)
    except ElasticsearchUnavailable as error:
        logger.warning("Search server unavailable, %d changes kept: %s", len(page_ids), error)
        return {"kept": len(page_ids)}
    IndexChange.objects.filter(page_id__in=page_ids, created_at__lte=read_at).delete()
    return {"sent": len(page_ids)}
