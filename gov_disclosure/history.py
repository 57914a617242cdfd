"""Audit trail helpers on top of django-simple-history."""

from django.db import models
from modelcluster.fields import ParentalKey
from simple_history.models import HistoricalRecords


class ChildHistoricalRecords(HistoricalRecords):
    """``HistoricalRecords`` for an inline child of a page (a model with a ``ParentalKey``).

    simple-history copies each foreign key with the type it has, but a ``ParentalKey`` may not
    carry the ``related_name="+"`` that the historical copy needs; the copy is a plain
    ``ForeignKey`` instead, without a database constraint, like every historical key.
    """

    def copy_fields(self, model):
        fields = super().copy_fields(model)
        for field in fields.values():
            if isinstance(field, ParentalKey):
                field.__class__ = models.ForeignKey
        return fields
