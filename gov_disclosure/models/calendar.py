from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class WorkdayOverride(index.Indexed, models.Model):
    """A day whose working-day status an administrator sets by hand.

    Used for holidays and make-up workdays (调休) that ``chinese-calendar`` does not know yet,
    e.g. next year's schedule in the weeks after the State Council announces it.
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("Day off (holiday)")
        WORKDAY = "workday", _("Working day (make-up workday)")

    date = models.DateField(_("date"), unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(
        _("name"), max_length=100, blank=True, help_text=_("e.g. 春节 or 国庆节调休上班")
    )
    note = models.TextField(_("note"), blank=True)

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("name"), FieldPanel("note")]
    search_fields = [index.SearchField("name"), index.FilterField("date")]

    class Meta:
        verbose_name = _("working-day override")
        verbose_name_plural = _("working-day overrides")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"

    @classmethod
    def from_db(cls, db, field_names, values, **kwargs):
        instance = super().from_db(db, field_names, values, **kwargs)
        # Remembered so that moving an override to another year clears both years' cache.
        instance._loaded_date = instance.__dict__.get("date")
        return instance

    @property
    def is_workday(self) -> bool:
        return self.kind == self.Kind.WORKDAY
