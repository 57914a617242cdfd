import logging
import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from . import workdays
from .models import WorkdayOverride

#: Sent by a domain app after it changes published pages' fields without a new revision (a
#: document's validity changing by date, a project's first publication date), with
#: ``page_ids``: the pages to refresh wherever copies of their fields are kept (the search
#: index listens).
content_changed = Signal()

logger = logging.getLogger(__name__)
_batch = threading.local()


@contextmanager
def batched_changes():
    """Collect the pages changed inside the block and announce them once, at the end.

    For bulk work (an import of thousands of documents): receivers that can wait (the search
    index) call ``defer_change`` instead of working page by page, and get one
    ``content_changed`` with every page when the block ends, also when it ends with an error
    (what was committed before the error must still be announced).
    """
    if getattr(_batch, "page_ids", None) is not None:  # nested: the outer block announces
        yield
        return
    _batch.page_ids = set()
    failed = False
    try:
        yield
    except BaseException:
        failed = True
        raise
    finally:
        page_ids, _batch.page_ids = _batch.page_ids, None
        if page_ids:
            try:
                content_changed.send(sender=None, page_ids=sorted(page_ids))
            except Exception:
                if not failed:
                    raise
                logger.exception("Announcing %d changed pages after an error failed", len(page_ids))


def defer_change(page_id) -> bool:
    """Inside ``batched_changes``: remember ``page_id`` for the end and return True."""
    page_ids = getattr(_batch, "page_ids", None)
    if page_ids is None:
        return False
    page_ids.add(page_id)
    return True


@receiver([post_save, post_delete], sender=WorkdayOverride)
def forget_cached_overrides(sender, instance, **kwargs):
    years = {instance.date.year}
    previous = getattr(instance, "_loaded_date", None)
    if previous is not None:
        years.add(previous.year)
    workdays.clear_cache(years)
