"""A working-day override added, changed or removed after requests arrived moves their due
dates: recompute those whose clocks may span the day."""

import datetime

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from gov_disclosure.models import WorkdayOverride

# A clock runs at most 20 + 20 working days plus consultations: well under 200 calendar days.
REACH = datetime.timedelta(days=200)


@receiver(post_save, sender=WorkdayOverride, dispatch_uid="gov_disclosure_applications_override")
@receiver(
    post_delete, sender=WorkdayOverride, dispatch_uid="gov_disclosure_applications_override_del"
)
def recompute_after_calendar_change(sender, instance, **kwargs):
    from gov_disclosure import workdays

    from .clock import recompute
    from .models import InformationRequest

    days = {instance.date}
    previous = getattr(instance, "_loaded_date", None)  # an override moved to another day
    if previous:
        days.add(previous)
    workdays.clear_cache({day.year for day in days})  # whichever receiver runs first
    for day in days:
        recompute(
            InformationRequest.objects.filter(received_on__lte=day, received_on__gte=day - REACH),
            include_replied=True,
            reason="working-day calendar changed",
        )
