from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import workdays
from .models import WorkdayOverride


@receiver([post_save, post_delete], sender=WorkdayOverride)
def forget_cached_overrides(sender, instance, **kwargs):
    years = {instance.date.year}
    previous = getattr(instance, "_loaded_date", None)
    if previous is not None:
        years.add(previous.year)
    workdays.clear_cache(years)
