"""Confirming a clean-up batch (清理): apply every decision at once and publish the result.

:func:`confirm_batch` is all or nothing: if any decision cannot be applied (say the document
was repealed in the meantime), no validity changes, the batch stays under review and the
error lists every problem, so the reviewers can fix the batch and try again.
"""

from __future__ import annotations

import datetime
from collections import Counter

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.log_actions import log
from wagtail.models import Page

from . import services
from .models import (
    CleanupBatch,
    CleanupDecision,
    CleanupResultPage,
    DocumentLibraryPage,
    Validity,
    ValidityChange,
)
from .services import change_validity

CONFIRM_ACTION = "gov_disclosure_documents.confirm_cleanup"

# What each decision does to the document's validity; "remains valid" changes nothing.
DECISION_VALIDITY = {
    CleanupDecision.Decision.EXPIRE: Validity.EXPIRED,
    CleanupDecision.Decision.REPEAL: Validity.REPEALED,
}


class CleanupError(ValidationError):
    """The batch cannot be confirmed; ``messages`` lists every reason."""


class _Rollback(Exception):
    pass


def change_date_problem(document, changed_on: datetime.date) -> str | None:
    """Why a change of ``document``'s validity may not take effect on ``changed_on``, if so.

    The catalogue of valid documents is rebuilt from the latest change on or before a date, so
    a change dated before the current validity's date, or in the future, would never show.
    """
    if changed_on > services.today():
        return _("The date cannot be in the future; to end a document later, set its expiry date.")
    if document.validity_changed_on and changed_on < document.validity_changed_on:
        return _(
            "The date cannot be earlier than %(date)s, the date of the document's current validity."
        ) % {"date": date_format(document.validity_changed_on)}
    return None


def default_parent_page(batch: CleanupBatch):
    """The document library that holds most of the batch's documents, or None."""
    paths = batch.decisions.values_list("document__path", flat=True)
    counts = Counter(path[: -Page.steplen] for path in paths)
    libraries = DocumentLibraryPage.objects.filter(path__in=counts).in_bulk(field_name="path")
    for path, _count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if path in libraries:
            return libraries[path]
    return None


def _decision_problem(decision: CleanupDecision, review_date: datetime.date) -> str | None:
    """Why ``decision`` cannot be applied, checked before anything is written."""
    document = decision.document
    if document.validity in Validity.final_states():
        return _("The document is already “%(validity)s”.") % {
            "validity": Validity(document.validity).label
        }
    if decision.decision == CleanupDecision.Decision.CONTINUE:
        return None
    return change_date_problem(document, review_date)


def _apply(decision: CleanupDecision, batch: CleanupBatch, user) -> ValidityChange | None:
    to_validity = DECISION_VALIDITY.get(decision.decision)
    if to_validity is None:
        return None
    return change_validity(
        decision.document,
        to_validity,
        changed_on=batch.review_date,
        reason=decision.reason,
        source=ValidityChange.Source.CLEANUP,
        user=user,
    )


def _result_page(batch: CleanupBatch, parent_page, user) -> CleanupResultPage:
    title = _("%(title)s: result") % {"title": batch.title}
    slug = find_available_slug(parent_page, slugify(f"cleanup-{batch.review_date}-{batch.pk}"))
    # The page shows the batch's date, basis and lists; editors may add an introduction later.
    page = CleanupResultPage(title=title, slug=slug, batch=batch)
    parent_page.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    page.refresh_from_db()
    return page


def confirm_batch(batch: CleanupBatch, user, parent_page) -> CleanupResultPage:
    """Apply every decision of ``batch``, mark it confirmed and publish its result page.

    ``parent_page`` is the document library under which the result page is published.
    Raises :class:`CleanupError` (nothing changed) if the batch cannot be confirmed.
    """
    if not CleanupResultPage.can_exist_under(parent_page.specific):
        raise CleanupError(_("The result of a clean-up is published in a document library."))
    errors: list[str] = []
    try:
        with transaction.atomic():
            # Lock the batch so that two people confirming at once cannot both apply it.
            locked = CleanupBatch.objects.select_for_update().get(pk=batch.pk)
            if locked.is_confirmed:
                raise CleanupError(_("This clean-up batch has already been confirmed."))
            if locked.review_date > services.today():
                raise CleanupError(
                    _("The clean-up cannot be confirmed before its decision date %(date)s.")
                    % {"date": date_format(locked.review_date)}
                )
            decisions = list(
                locked.decisions.select_related("document").order_by("sort_order", "pk")
            )
            if not decisions:
                raise CleanupError(_("This clean-up batch has no decisions."))
            for decision in decisions:
                document = decision.document
                problem = _decision_problem(decision, locked.review_date)
                if problem is None:
                    try:
                        _apply(decision, locked, user)
                    except ValidationError as error:
                        problem = " ".join(error.messages)
                if problem is not None:
                    errors.append(
                        _("“%(title)s”: %(problem)s")
                        % {"title": document.title, "problem": problem}
                    )
            if errors:
                raise _Rollback
            locked.status = CleanupBatch.Status.CONFIRMED
            locked.confirmed_by = user if getattr(user, "is_authenticated", False) else None
            locked.confirmed_at = timezone.now()
            locked.save(update_fields=["status", "confirmed_by", "confirmed_at"])
            page = _result_page(locked, parent_page, user)
            locked.result_page = page
            locked.save(update_fields=["result_page"])
            log(locked, CONFIRM_ACTION, user=user)
    except _Rollback:
        raise CleanupError(errors) from None
    for name in ("status", "confirmed_by", "confirmed_at", "result_page"):
        setattr(batch, name, getattr(locked, name))
    return page
