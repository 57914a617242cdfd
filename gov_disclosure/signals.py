from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from . import workdays
from .models import WorkdayOverride

#: Sent by a domain app after it changes published pages' fields without a new revision (a
#: document's validity changing by date, a project's first publication date), with
#: ``page_ids``: the pages to refresh wherever copies of their fields are kept (the search
#: index listens).
content_changed = Signal()


@receiver([post_save, post_delete], sender=WorkdayOverride)
def forget_cached_overrides(sender, instance, **kwargs):
    years = {instance.date.year}
    previous = getattr(instance, "_loaded_date", None)
    if previous is not None:
        years.add(previous.year)
    workdays.clear_cache(years)
