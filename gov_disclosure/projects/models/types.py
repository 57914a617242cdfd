from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from gov_disclosure.translations import facts


class ProjectType(TranslatableMixin, models.Model):
    """A kind of project (道路, 学校, 医院, …): an editable list, shipped with common kinds."""

    name = models.CharField(_("name"), max_length=50)
    sort_order = models.IntegerField(_("sort order"), default=0)

    panels = [FieldPanel("name"), FieldPanel("sort_order")]

    override_translatable_fields = facts("sort_order")

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("project type")
        verbose_name_plural = _("project types")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "name"],
                name="gov_disclosure_projects_unique_type_name",
                violation_error_message=_("A project type with this name already exists."),
            )
        ]

    def __str__(self):
        return self.name
