"""The validity lifecycle of normative documents and the catalogue built from it.

Every change of validity goes through :func:`change_validity`, which checks the transition,
records a :class:`~.models.ValidityChange` (who, when, why, what replaced it) and updates the
live document without touching its drafts.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from gov_disclosure.signals import content_changed

from ..translations import in_main_language, original_pk
from .models import DocumentPage, DocumentType, Validity, ValidityChange
from .models.validity import ALLOWED_TRANSITIONS


def today() -> datetime.date:
    return timezone.localdate()


def change_validity(
    document: DocumentPage,
    to_validity: str,
    *,
    changed_on: datetime.date | None = None,
    reason: str = "",
    replaced_by: DocumentPage | None = None,
    source: str = ValidityChange.Source.MANUAL,
    user=None,
) -> ValidityChange:
    """Move ``document`` to ``to_validity`` from ``changed_on`` (today by default)."""
    to_validity = Validity(to_validity)
    changed_on = changed_on or today()
    with transaction.atomic():
        # Read the current state under a lock, so two changes cannot both start from it. The
        # validity is the original's and its translations follow (gov_disclosure.translations):
        # the whole translation group is read and locked.
        rows = (
            DocumentPage.objects.select_for_update()
            .filter(translation_key=document.translation_key)
            .values_list("pk", "locale_id", "validity")
        )
        group = {pk: (locale_id, validity) for pk, locale_id, validity in rows}
        first = original_pk([(pk, row[0]) for pk, row in group.items()])
        current = group[first][1]
        translation = document
        if first != document.pk:
            document = DocumentPage.objects.get(pk=first)
        has_history = ValidityChange.objects.filter(document_id=document.pk).exists()
        from_validity = current if has_history else ""
        if to_validity not in ALLOWED_TRANSITIONS[from_validity]:
            raise ValidationError(
                _("A document that is “%(from)s” cannot become “%(to)s”.")
                % {
                    "from": Validity(current).label if from_validity else _("new"),
                    "to": to_validity.label,
                },
                code="invalid_transition",
            )
        if to_validity == Validity.AMENDED and replaced_by is None:
            raise ValidationError(
                _("Name the document that amends this one."), code="replacement_required"
            )
        if replaced_by is not None and replaced_by.pk == document.pk:
            raise ValidationError(_("A document cannot replace itself."), code="self_replacement")
        if to_validity in Validity.final_states() and not (reason or "").strip():
            raise ValidationError(
                _("Give the reason for this change of validity."), code="reason_required"
            )
        change = ValidityChange.objects.create(
            document_id=document.pk,
            from_validity=from_validity,
            to_validity=to_validity,
            changed_on=changed_on,
            reason=(reason or "").strip(),
            replaced_by=replaced_by,
            source=source,
            created_by=user if getattr(user, "is_authenticated", False) else None,
        )
        updates = {"validity": to_validity, "validity_changed_on": changed_on}
        replacements = {}
        if replaced_by is not None:
            updates["replaced_by"] = replaced_by
        if replaced_by is None or len(group) == 1:
            DocumentPage.objects.filter(pk__in=group).update(**updates)
        else:
            # Each translation points to the replacement in its own language, when there is one.
            replacements = dict(
                DocumentPage.objects.filter(
                    translation_key=replaced_by.translation_key
                ).values_list("locale_id", "pk")
            )
            for pk, (locale_id, _validity) in group.items():
                replacement = replacements.get(locale_id, replaced_by.pk)
                DocumentPage.objects.filter(pk=pk).update(
                    validity=to_validity, validity_changed_on=changed_on, replaced_by_id=replacement
                )
        for page in {id(document): document, id(translation): translation}.values():
            for name, value in updates.items():
                setattr(page, name, value)
            if replaced_by is not None and page is translation:
                page.replaced_by_id = replacements.get(page.locale_id, replaced_by.pk)
        content_changed.send(sender=DocumentPage, page_ids=sorted(group))
    return change


def validity_from_dates(document: DocumentPage, on: datetime.date) -> tuple[str, datetime.date]:
    """What the dates alone say the validity is on ``on``, and since when."""
    start = document.effective_date or document.publication_date or on
    if start > on:
        return Validity.NOT_YET_EFFECTIVE, document.publication_date or on
    if document.expiry_date and document.expiry_date < on:
        return Validity.EXPIRED, document.expiry_date + datetime.timedelta(days=1)
    return Validity.VALID, start


def record_first_publication(document: DocumentPage, user=None) -> list[ValidityChange]:
    """Give a newly published document its first validity, and catch up with its dates."""
    # A translation has the original's history (gov_disclosure.translations).
    if ValidityChange.objects.filter(document__translation_key=document.translation_key).exists():
        return []
    changes = []
    published_on = document.publication_date or today()
    effective = document.effective_date or published_on
    if effective > today():
        changes.append(
            change_validity(
                document,
                Validity.NOT_YET_EFFECTIVE,
                changed_on=min(published_on, effective),
                source=ValidityChange.Source.FIRST_PUBLICATION,
                user=user,
            )
        )
    else:
        changes.append(
            change_validity(
                document,
                Validity.VALID,
                changed_on=effective,
                source=ValidityChange.Source.FIRST_PUBLICATION,
                user=user,
            )
        )
        if document.expiry_date and document.expiry_date < today():
            changes.append(_expire(document))
    return changes


def apply_amendment(new_document: DocumentPage, user=None) -> ValidityChange | None:
    """Publishing ``new_document`` that revises an older one marks the older one amended."""
    old = new_document.supersedes
    if old is None:
        return None
    old = DocumentPage.objects.get(pk=old.pk)
    if old.validity == Validity.AMENDED and old.replaced_by_id == new_document.pk:
        return None  # already done, e.g. when a later revision is published
    if old.validity in Validity.final_states():
        return None
    changed_on = new_document.effective_date or new_document.publication_date or today()
    if changed_on > today():
        # The older document stays in force until the revision takes effect; the daily command
        # records the amendment on that date.
        return None
    return change_validity(
        old,
        Validity.AMENDED,
        changed_on=changed_on,
        reason=_("Revised by “%(title)s” %(number)s")
        % {"title": new_document.title, "number": new_document.document_number},
        replaced_by=new_document,
        source=ValidityChange.Source.AMENDMENT,
        user=user,
    )


def _expire(document):
    return change_validity(
        document,
        Validity.EXPIRED,
        changed_on=document.expiry_date + datetime.timedelta(days=1),
        reason=_("The expiry date %(date)s has passed.") % {"date": document.expiry_date},
        source=ValidityChange.Source.SCHEDULE,
    )


def apply_scheduled_validity_changes(on: datetime.date | None = None) -> dict:
    """Effective date reached → valid; expiry date passed → expired. Idempotent."""
    on = on or today()
    became_valid = expired = 0
    documents = DocumentPage.objects.filter(validity_changes__isnull=False).distinct()
    for document in documents.filter(
        validity=Validity.NOT_YET_EFFECTIVE, effective_date__lte=on
    ).order_by("pk"):
        change_validity(
            document,
            Validity.VALID,
            changed_on=document.effective_date,
            reason=_("The effective date %(date)s has been reached.")
            % {"date": document.effective_date},
            source=ValidityChange.Source.SCHEDULE,
        )
        became_valid += 1
    for document in documents.filter(validity=Validity.VALID, expiry_date__lt=on).order_by("pk"):
        _expire(document)
        expired += 1
    amended = 0
    revisions = (
        DocumentPage.objects.live()
        .filter(supersedes__isnull=False)
        .exclude(supersedes__validity__in=Validity.final_states())
        .filter(Q(effective_date__lte=on) | Q(effective_date__isnull=True))
        .select_related("supersedes")
        .order_by("pk")
    )
    for revision in revisions:
        if apply_amendment(revision) is not None:
            amended += 1
    return {"became_valid": became_valid, "expired": expired, "amended": amended}


def validity_on(on: datetime.date, translations: bool = False):
    """A subquery expression: each document's validity as it stood on ``on``.

    The history is recorded on the original; with ``translations``, a translation's validity
    is read from its original's (a join more: only for documents in another language).
    """
    if translations:
        history = ValidityChange.objects.filter(
            document__translation_key=OuterRef("translation_key")
        )
    else:
        history = ValidityChange.objects.filter(document_id=OuterRef("pk"))
    return Subquery(
        history.filter(changed_on__lte=on).order_by("-changed_on", "-pk").values("to_validity")[:1]
    )


CATALOGUE_TYPES = (DocumentType.NORMATIVE, DocumentType.REGULATION)


def valid_documents(
    on: datetime.date | None = None, queryset=None, types=CATALOGUE_TYPES, translations=None
):
    """Public documents that were valid on ``on`` (today by default), rebuilt from history.

    By default the catalogue's document types: normative documents and regulations (other policy
    documents such as work plans are not listed in a 现行有效目录). ``translations``: see
    :func:`validity_on`; by default, when the active language is not the site's main one.
    """
    if translations is None:
        translations = not in_main_language()
    on = on or today()
    queryset = queryset if queryset is not None else DocumentPage.objects.public_disclosures()
    if types:
        queryset = queryset.filter(document_type__in=types)
    return (
        queryset.filter(Q(publication_date__lte=on) | Q(publication_date__isnull=True))
        .annotate(validity_then=validity_on(on, translations))
        .filter(validity_then=Validity.VALID)
    )
