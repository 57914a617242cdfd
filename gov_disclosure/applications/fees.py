"""The information-processing fee (信息处理费), charged per request (按件计收).

国办函〔2020〕109号: an applicant's requests are counted per calendar month by the day of
receipt; up to 10 are free, the 11th to the 30th cost 100 yuan each, and from the 31st the fee
rises by 100 yuan for each further band of 10. Every figure is a setting. The office can waive
the fee with a reason; requests handled without a reply on the substance still count.
"""

from __future__ import annotations

import math

from .app_settings import app_settings


def fee_for_position(position: int) -> int:
    """The fee in yuan of an applicant's ``position``-th request of a month (1 = the first)."""
    if not app_settings.APPLICATION_FEES_ENABLED:
        return 0
    free = app_settings.APPLICATION_FEE_FREE_PER_MONTH
    if position <= free:
        return 0
    base_limit = max(app_settings.APPLICATION_FEE_BASE_LIMIT, free)
    base = app_settings.APPLICATION_FEE_BASE_YUAN
    if position <= base_limit:
        return base
    bands = math.ceil((position - base_limit) / app_settings.APPLICATION_FEE_BAND_SIZE)
    return base + bands * app_settings.APPLICATION_FEE_STEP_YUAN


def month_requests(request, month=None):
    """The applicant's requests received in the calendar month of ``month`` (default: of the
    request's date of receipt), in the order they came."""
    from .models import InformationRequest

    day = month or request.received_on
    if day is None:
        return []
    candidates = InformationRequest.objects.filter(
        received_on__year=day.year, received_on__month=day.month
    ).only(
        "pk",
        "applicant_type",
        "id_number",
        "organisation_code",
        "name",
        "phone",
        "received_on",
        "submitted_at",
        "fee_yuan",
    )
    key = request.applicant_key
    same = [r for r in candidates if r.applicant_key == key]
    return sorted(same, key=lambda r: (r.received_on, r.submitted_at, r.pk))


def update_month(request, month=None) -> None:
    """Recompute the fees of the applicant's requests in the month of ``request`` (after it was
    saved): a request confirmed late may change the position of the ones after it."""
    from .models import InformationRequest

    if request.received_on is None and month is None:
        if request.fee_yuan:
            InformationRequest.objects.filter(pk=request.pk).update(fee_yuan=0)
            request.fee_yuan = 0
        return
    for position, other in enumerate(month_requests(request, month), start=1):
        fee = fee_for_position(position)
        if other.fee_yuan != fee:
            InformationRequest.objects.filter(pk=other.pk).update(fee_yuan=fee)
            if other.pk == request.pk:
                request.fee_yuan = fee


def amount_due(request) -> int:
    return 0 if request.fee_waived else request.fee_yuan


def fees_charged(year: int, agency=None) -> int:
    """Fees actually paid in ``year`` (yuan): section 六 of the annual report."""
    from django.db.models import Sum

    from .models import InformationRequest

    queryset = InformationRequest.objects.filter(fee_paid_on__year=year, fee_waived=False)
    if agency is not None:
        queryset = queryset.filter(agency=agency)
    return queryset.aggregate(total=Sum("fee_yuan"))["total"] or 0
