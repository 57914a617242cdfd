"""What happens to a project when it is published."""

from __future__ import annotations

import datetime

from django.utils import timezone

from gov_disclosure.signals import content_changed

from .models import LifecycleRecord, ProjectPage


def today() -> datetime.date:
    return timezone.localdate()


def record_publication(page: ProjectPage, on: datetime.date | None = None) -> int:
    """Date the records that have just gone public, and the project on its first publication.

    Records keep the date they first went public (see ``ProjectPage.with_content_json``).
    Returns the number of records dated.
    """
    on = on or today()
    if page.publication_date is None:
        ProjectPage.objects.filter(pk=page.pk, publication_date__isnull=True).update(
            publication_date=on
        )
        page.publication_date = on
        content_changed.send(sender=ProjectPage, page_ids=[page.pk])
    return LifecycleRecord.objects.filter(page=page, disclosure_date__isnull=True).update(
        disclosure_date=on
    )
