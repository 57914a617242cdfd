from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from ..fields import CreditCodeField
from ..translations import facts
from ..validators import validate_phone


class Agency(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """An issuing agency (发布机构 / 发文机关)."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(
        _("short name"),
        max_length=50,
        blank=True,
        help_text=_("Used in document numbers and narrow columns, e.g. 某市政府办."),
    )
    credit_code = CreditCodeField(
        _("unified social credit code"),
        blank=True,
        help_text=_("18 characters, e.g. 11370322004222241N. Index numbers begin with it."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("telephone"), max_length=64, blank=True, validators=[validate_phone])
    office_hours = models.TextField(
        _("office hours"),
        blank=True,
        help_text=_("As shown to the public, e.g. 工作日 上午9:00—12:00，下午13:30—17:00."),
    )
    sort_order = models.IntegerField(_("sort order"), default=0)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="gov_disclosure_agency")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("credit_code")]),
                FieldPanel("parent"),
            ],
            heading=_("Agency"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("office_hours"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("sort_order"),
    ]

    override_translatable_fields = facts("credit_code", "phone", "sort_order")

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.FilterField("credit_code"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["credit_code", "locale"],
                condition=~Q(credit_code=""),
                name="gov_disclosure_agency_unique_credit_code",
                violation_error_message=_(
                    "Another agency already has this unified social credit code."
                ),
            )
        ]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    @property
    def display_short_name(self):
        return self.short_name or self.name

    def clean(self):
        super().clean()
        if self.parent_id and self.pk:
            ancestor, seen = self.parent, set()
            while ancestor is not None and ancestor.pk not in seen:
                if ancestor.pk == self.pk:
                    raise ValidationError(
                        {"parent": _("An agency cannot be placed under itself or its own units.")}
                    )
                seen.add(ancestor.pk)
                ancestor = ancestor.parent
