"""Receivers that keep the search index in step with what the public may see.

Publishing, unpublishing, moving and deleting pages, and adding or removing a view restriction
(password, login, groups), each resync the page and what lies below it (see ``indexing``).
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from gov_disclosure.signals import content_changed, defer_change

from . import indexing
from .models import SearchEntry

_connected = False


def _on_published(sender, instance, **kwargs):
    if not instance.numchild and defer_change(instance.pk):
        return  # inside batched_changes (an import): indexed once at the end
    entry = SearchEntry.objects.filter(pk=instance.pk).only("url").first()
    url_changed = entry is not None and entry.url != (instance.get_url() or instance.url_path)
    if instance.numchild:
        indexing.sync_subtree(instance)
        if url_changed:
            indexing.refresh_subtree(instance)
    else:
        indexing.sync_pages([instance.pk])


def _on_unpublished(sender, instance, **kwargs):
    if instance.numchild:
        indexing.sync_subtree(instance)
    else:
        indexing.sync_pages([instance.pk])


def _on_moved(sender, instance, **kwargs):
    page = Page.objects.get(pk=instance.pk)
    indexing.sync_subtree(page)
    indexing.refresh_subtree(page)


def _on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # gone with its page when the page is deleted
        indexing.sync_subtree(page, refresh_self=False)


def _on_content_changed(sender, page_ids, **kwargs):
    deferred = [defer_change(pk) for pk in page_ids]  # all or none: a batch is open or not
    if not all(deferred):
        indexing.sync_pages(page_ids)


def _on_entry_deleted(sender, instance, **kwargs):
    indexing.record_changes([instance.pk])


def connect():
    global _connected
    if _connected:
        return
    page_published.connect(_on_published, dispatch_uid="gd_search_published")
    page_unpublished.connect(_on_unpublished, dispatch_uid="gd_search_unpublished")
    post_page_move.connect(_on_moved, dispatch_uid="gd_search_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"gd_search_restriction_{signal is post_save}",
        )
    content_changed.connect(_on_content_changed, dispatch_uid="gd_search_content_changed")
    post_delete.connect(_on_entry_deleted, sender=SearchEntry, dispatch_uid="gd_search_entry")
    _connected = True
