"""The search index's rows: one per public piece of content, the same for both backends.

``SearchEntry`` holds exactly what a member of the public may find: a page gets a row when it
becomes publicly visible and loses it when it stops being so (see ``indexing``). The database
backend searches these rows through Wagtail's database search backend; the Elasticsearch
backend receives a copy of each row. ``IndexChange`` is the outbox of changes not yet sent to
Elasticsearch, so that a search server that is down loses nothing.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index


class SearchEntry(index.Indexed, models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    kind = models.CharField(_("content type"), max_length=40, db_index=True)
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", verbose_name=_("locale")
    )
    display_title = models.CharField(_("title"), max_length=255)
    url = models.CharField(_("address"), max_length=2000)
    text = models.TextField(_("text"), blank=True)
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    agency = models.ForeignKey(
        "gov_disclosure.Agency",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("issuing agency"),
    )
    theme_category = models.ForeignKey(
        "gov_disclosure.ThemeCategory",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("theme category"),
    )
    date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    validity = models.CharField(_("validity"), max_length=20, blank=True)
    # The segmented words the database backend indexes ("title" is the field it ranks highest).
    title = models.TextField(blank=True)
    words = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    search_fields = [
        index.SearchField("title", boost=3),
        index.SearchField("words"),
        index.FilterField("kind"),
        index.FilterField("locale"),
        index.FilterField("agency"),
        index.FilterField("theme_category"),
        index.FilterField("year"),
        index.FilterField("validity"),
        index.FilterField("date"),
        index.FilterField("page"),
    ]

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["locale", "date"], name="gd_search_locale_date")]

    def __str__(self):
        return self.display_title

    def get_indexed_instance(self):
        # Indexed by gov_disclosure.search.indexing only, not by Wagtail's save signals (which
        # would also send the rows to a site's own Elasticsearch backend).
        return None


class IndexChange(models.Model):
    """A page whose search entry changed and has not yet reached Elasticsearch."""

    page_id = models.BigIntegerField(unique=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("search index change")
        verbose_name_plural = _("search index changes")

    def __str__(self):
        return str(self.page_id)
