"""The standard catalogue (标准目录): domains, catalogues and their items.

The 26 domains of the national programme ship as editable data (migration 0002); an agency
renames, hides or adds domains. A *catalogue* is one table of items: the county's own, or a
village/community catalogue (村(居)公开事项目录) placed under it whose items may point to the
matching county item.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, RevisionMixin
from wagtail.search import index


class StandardDomain(RevisionMixin, index.Indexed, models.Model):
    """A domain (领域) of the standard catalogue, e.g. 城乡规划 or 社会救助."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.IntegerField(_("sort order"), default=0)
    hidden = models.BooleanField(
        _("hidden"),
        default=False,
        help_text=_("Hidden domains are left out of the topic page, the import and the report."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("hidden")]),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("catalogue domain")
        verbose_name_plural = _("catalogue domains")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions


class CatalogueScope(models.TextChoices):
    COUNTY = "county", _("County (district) catalogue")
    TOWNSHIP = "township", _("Township (sub-district) catalogue")
    VILLAGE = "village", _("Village or community catalogue")


class Catalogue(RevisionMixin, models.Model):
    """One table of disclosure items: the county's standard catalogue or a village's."""

    name = models.CharField(_("name"), max_length=200)
    scope = models.CharField(
        _("scope"), max_length=20, choices=CatalogueScope.choices, default=CatalogueScope.COUNTY
    )
    agency = models.ForeignKey(
        "gov_disclosure.Agency",
        verbose_name=_("agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The government, township or village committee that keeps this catalogue."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("county catalogue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("For a village or community catalogue: the county catalogue it belongs to."),
    )
    sort_order = models.IntegerField(_("sort order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("scope"), FieldPanel("sort_order")]),
        FieldPanel("agency"),
        FieldPanel("parent"),
    ]

    class Meta:
        verbose_name = _("standard catalogue")
        verbose_name_plural = _("standard catalogues")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def clean(self):
        super().clean()
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("A catalogue cannot belong to itself.")})
        if self.parent_id and self.scope == CatalogueScope.COUNTY:
            raise ValidationError(
                {"parent": _("Only a township, village or community catalogue has a parent.")}
            )


class Audience(models.TextChoices):
    EVERYONE = "everyone", _("Everyone")  # 全社会
    SPECIFIC = "specific", _("Specific groups")  # 特定群众


class Method(models.TextChoices):
    PROACTIVE = "proactive", _("Proactive")  # 主动
    ON_APPLICATION = "on_application", _("On application")  # 依申请


# How often the content of an item must be renewed, guessed from the 公开时限 text at import
# time (the editor corrects it). Event-driven limits (“形成或变更之日起20个工作日内”) have none.
_INTERVAL_WORDS = [
    (re.compile(r"每月|按月|月度"), 31),
    (re.compile(r"每季|按季|季度"), 92),
    (re.compile(r"每半年|半年度"), 183),
    (re.compile(r"每年|按年|年度|年底前|次年"), 366),
]


def rule_kind_choices():
    """The registered page types that carry a theme category (for ``rule_kind``)."""
    from gov_disclosure.registry import registry

    return [
        (entry.kind, entry.label)
        for entry in registry
        if entry.is_page and any(f.name == "theme_category" for f in entry.model._meta.fields)
    ]


def guess_update_interval(time_limit: str) -> int | None:
    """Days between renewals implied by a 公开时限 such as “每季度更新”, or None."""
    for pattern, days in _INTERVAL_WORDS:
        if pattern.search(time_limit or ""):
            return days
    return None


class CatalogueItem(RevisionMixin, index.Indexed, ClusterableModel):
    """One row of a standard catalogue, with every column of the national layout."""

    catalogue = models.ForeignKey(
        Catalogue, verbose_name=_("catalogue"), on_delete=models.CASCADE, related_name="items"
    )
    domain = models.ForeignKey(
        StandardDomain, verbose_name=_("domain"), on_delete=models.PROTECT, related_name="items"
    )
    number = models.CharField(_("number"), max_length=20, blank=True)  # 序号
    level1 = models.CharField(_("level-1 item"), max_length=200)  # 一级事项
    level2 = models.CharField(_("level-2 item"), max_length=200, blank=True)  # 二级事项
    content = models.TextField(_("content to disclose"))  # 公开内容（要素）
    legal_basis = models.TextField(pgettext_lazy("standard catalogue", "legal basis"))  # 公开依据
    time_limit = models.CharField(_("time limit"), max_length=255)  # 公开时限
    responsible_body = models.CharField(_("responsible body"), max_length=255)  # 公开主体
    channels = models.TextField(_("channels and media"))  # 公开渠道和载体
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.EVERYONE
    )
    method = models.CharField(
        _("method"), max_length=20, choices=Method.choices, default=Method.PROACTIVE
    )
    level_county = models.BooleanField(_("county level"), default=True)  # 公开层级：县级
    level_township = models.BooleanField(_("township level"), default=False)  # 公开层级：乡级
    update_interval_days = models.PositiveIntegerField(
        _("renewed every (days)"),
        null=True,
        blank=True,
        help_text=_(
            "For items renewed on a schedule (monthly, quarterly, yearly): the coverage report "
            "flags the item as stale when nothing newer than this many days was published. "
            "Leave empty for items published when something happens."
        ),
    )
    county_item = models.ForeignKey(
        "self",
        verbose_name=_("matching county item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="village_items",
        help_text=_("For an item of a village or community catalogue."),
    )
    # Automatic attachment: every public page of this theme category (and, if chosen, of one
    # content type) belongs to the item, besides the content chosen by hand.
    rule_theme_category = models.ForeignKey(
        "gov_disclosure.ThemeCategory",
        verbose_name=_("attach everything of theme category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Published content of this category and its subcategories is listed here."),
    )
    rule_kind = models.CharField(
        _("only of content type"),
        max_length=40,
        blank=True,
        choices=rule_kind_choices,
        help_text=_("Limit the automatic attachment to one type of content, e.g. documents."),
    )
    sort_order = models.IntegerField(_("sort order"), default=0, db_index=True)

    panels = [
        FieldRowPanel([FieldPanel("catalogue"), FieldPanel("domain"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("level1"), FieldPanel("level2")]),
        FieldPanel("content"),
        FieldPanel("legal_basis"),
        FieldRowPanel([FieldPanel("time_limit"), FieldPanel("update_interval_days")]),
        FieldPanel("responsible_body"),
        FieldPanel("channels"),
        FieldRowPanel(
            [
                FieldPanel("audience"),
                FieldPanel("method"),
                FieldPanel("level_county"),
                FieldPanel("level_township"),
            ],
        ),
        FieldPanel("county_item"),
        MultiFieldPanel(
            [FieldPanel("rule_theme_category"), FieldPanel("rule_kind")],
            heading=_("Attach content automatically"),
        ),
        InlinePanel("links", heading=_("Content attached by hand"), label=_("link")),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("level1"),
        index.SearchField("level2"),
        index.SearchField("content"),
        index.AutocompleteField("level1"),
        index.FilterField("catalogue"),
        index.FilterField("domain"),
    ]

    class Meta:
        verbose_name = _("catalogue item")
        verbose_name_plural = _("catalogue items")
        ordering = ["catalogue", "domain__sort_order", "sort_order", "pk"]
        indexes = [models.Index(fields=["catalogue", "domain", "sort_order"])]

    def __str__(self):
        title = f"{self.level1} · {self.level2}" if self.level2 else self.level1
        return f"{self.number} {title}".strip()

    @property
    def revisions(self):
        return self._revisions

    @property
    def title(self):
        return self.level2 or self.level1

    def get_levels_display(self):
        levels = []
        if self.level_county:
            levels.append(str(_("County")))
        if self.level_township:
            levels.append(str(_("Township")))
        return "、".join(levels)

    @property
    def anchor(self):
        return f"item-{self.pk}"

    def clean(self):
        super().clean()
        for name in ("level1", "level2", "content", "legal_basis", "time_limit"):
            setattr(self, name, (getattr(self, name) or "").strip())
        if not (self.level_county or self.level_township):
            raise ValidationError(
                {"level_county": _("Tick at least one level: county or township.")}
            )
        if self.county_item_id and self.catalogue_id:
            county = self.county_item
            if county.catalogue_id == self.catalogue_id:
                raise ValidationError(
                    {"county_item": _("The matching item must be in the county catalogue.")}
                )


class CatalogueItemLink(Orderable):
    """Content attached to an item by hand: a page of the site or an outside address."""

    item = ParentalKey(CatalogueItem, on_delete=models.CASCADE, related_name="links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("outside address"), max_length=500, blank=True)
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("Shown instead of the page title; required for an outside address."),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    # Kept so that a deleted page is still reported by name.
    page_title = models.CharField(max_length=255, blank=True, editable=False)
    # Results of ``manage.py gov_disclosure_check_links`` for outside addresses.
    checked_at = models.DateTimeField(_("last checked"), null=True, blank=True, editable=False)
    check_ok = models.BooleanField(_("reachable"), null=True, editable=False)
    check_error = models.CharField(_("check result"), max_length=255, blank=True, editable=False)

    panels = [
        FieldPanel("page"),
        FieldPanel("url"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("date")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("attached content")
        verbose_name_plural = _("attached content")

    def __str__(self):
        return self.title or self.page_title or self.url

    def clean(self):
        super().clean()
        self.url = (self.url or "").strip()
        self.title = (self.title or "").strip()
        if bool(self.page_id) == bool(self.url):
            raise ValidationError(_("Choose a page or enter an outside address, not both."))
        if self.url and not self.title:
            raise ValidationError({"title": _("Give the title of the outside content.")})

    def save(self, *args, **kwargs):
        if self.page_id and (not self.page_title or self.page.title != self.page_title):
            self.page_title = self.page.title[:255]
        if self.url and self.pk:
            # A changed address has not been checked yet.
            previous = type(self).objects.filter(pk=self.pk).values_list("url", flat=True).first()
            if previous is not None and previous != self.url:
                self.checked_at, self.check_ok, self.check_error = None, None, ""
        super().save(*args, **kwargs)


class PageCatalogueItem(Orderable):
    """A catalogue item chosen on a page's edit form (the page belongs under the item)."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="standard_catalogue_items"
    )
    item = models.ForeignKey(
        CatalogueItem,
        verbose_name=_("catalogue item"),
        on_delete=models.CASCADE,
        related_name="page_links",
    )

    panels = [FieldPanel("item")]

    class Meta(Orderable.Meta):
        verbose_name = _("standard catalogue item")
        verbose_name_plural = _("standard catalogue items")

    def __str__(self):
        return str(self.item)
