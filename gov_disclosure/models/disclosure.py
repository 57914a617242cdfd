from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.utils.decorators import cached_classmethod

from ..translations import facts


class DisclosureAttribute(models.TextChoices):
    """The disclosure attribute (公开属性) every piece of government information carries."""

    PROACTIVE = "proactive", _("Proactive disclosure")
    ON_APPLICATION = "on_application", _("Disclosure on application")
    NOT_DISCLOSED = "not_disclosed", _("Not disclosed")


class DisclosureAttributeMixin(models.Model):
    """The disclosure attribute with the reason the law asks for when it is not proactive."""

    disclosure_attribute = models.CharField(
        _("disclosure attribute"),
        max_length=20,
        choices=DisclosureAttribute.choices,
        default=DisclosureAttribute.PROACTIVE,
        db_index=True,
    )
    disclosure_reason = models.TextField(
        _("reason for not disclosing proactively"),
        blank=True,
        help_text=_(
            "Required unless the information is proactively disclosed: cite the article of the "
            "Regulations on Government Information Disclosure that applies."
        ),
    )

    disclosure_panels = [
        MultiFieldPanel(
            [FieldPanel("disclosure_attribute"), FieldPanel("disclosure_reason")],
            heading=_("Disclosure attribute"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def is_proactively_disclosed(self) -> bool:
        return self.disclosure_attribute == DisclosureAttribute.PROACTIVE

    def clean(self):
        super().clean()
        self.disclosure_reason = (self.disclosure_reason or "").strip()
        if not self.is_proactively_disclosed and not self.disclosure_reason:
            raise ValidationError(
                {
                    "disclosure_reason": _(
                        "Give the reason why this information is not proactively disclosed."
                    )
                }
            )


def hidden_sections_q():
    """Pages the public cannot reach because of where they stand: restricted (password, login
    or groups) themselves or below a restriction, or below a page that is not live.

    One query. A live page whose section was unpublished keeps ``live=True`` in Wagtail, so
    ``live().public()`` alone would still list it.
    """
    from wagtail.models import Page, PageViewRestriction

    restricted = PageViewRestriction.objects.order_by().values_list("page__path", flat=True)
    unpublished_sections = (
        Page.objects.filter(live=False, numchild__gt=0).order_by().values_list("path", flat=True)
    )
    q = Q()
    for path in restricted.union(unpublished_sections):
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


class DisclosurePageQuerySet(PageQuerySet):
    def public_disclosures(self, private_q=None):
        """Pages a member of the public may see: live, in a section that is live and not
        restricted, and proactively disclosed.

        ``private_q`` (from :func:`hidden_sections_q`) saves its query when several querysets
        are built for one request.
        """
        hidden = private_q if private_q is not None else hidden_sections_q()
        return (
            self.live().exclude(hidden).filter(disclosure_attribute=DisclosureAttribute.PROACTIVE)
        )


class DisclosurePageManager(PageManager.from_queryset(DisclosurePageQuerySet)):
    pass


class DisclosurePageMixin(DisclosureAttributeMixin):
    """Fields and behaviour shared by every gov_disclosure page type.

    Use it before ``Page`` in the bases: ``class MyPage(DisclosurePageMixin, Page)``.
    A page that is not proactively disclosed is never served to the public, even when live.
    """

    agency = models.ForeignKey(
        "gov_disclosure.Agency",
        verbose_name=_("issuing agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    theme_category = models.ForeignKey(
        "gov_disclosure.ThemeCategory",
        verbose_name=_("theme category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateField(_("publication date"), null=True, blank=True, db_index=True)

    objects = DisclosurePageManager()

    metadata_panels = [
        MultiFieldPanel(
            [FieldPanel("agency"), FieldPanel("theme_category"), FieldPanel("publication_date")],
            heading=_("Publication details"),
        )
    ]

    # The same in every language (see gov_disclosure.translations).
    override_translatable_fields = facts("disclosure_attribute", "publication_date")

    disclosure_search_fields = [
        index.FilterField("disclosure_attribute"),
        index.FilterField("agency"),
        index.FilterField("theme_category"),
        index.FilterField("publication_date"),
    ]

    class Meta:
        abstract = True

    @cached_classmethod
    def get_edit_handler(cls):
        """Wagtail's edit form of the page type, plus the tabs other apps registered."""
        from gov_disclosure.registry import registry

        return edit_handler_with_tabs(cls, registry.edit_tabs(cls))

    def get_sitemap_urls(self, request=None):
        # Also in Wagtail's own sitemap, a page not proactively disclosed is never listed.
        return super().get_sitemap_urls(request) if self.is_proactively_disclosed else []

    def serve(self, request, *args, **kwargs):
        # Editors still preview it in the admin; the public never gets it.
        if not self.is_proactively_disclosed and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)


def edit_handler_with_tabs(model, extra_tabs):
    """The edit form Wagtail builds for ``model`` (a page type), with ``extra_tabs`` at the end.

    Pages that declare ``edit_handler`` keep it; otherwise the tabs come from ``content_panels``,
    ``promote_panels`` and ``settings_panels`` as in Wagtail.
    """
    from wagtail.admin.panels import ObjectList, TabbedInterface

    if hasattr(model, "edit_handler"):
        handler = model.edit_handler
    else:
        tabs = []
        for panels, heading in (
            (model.content_panels, _("Content")),
            (model.promote_panels, _("Promote")),
            (model.settings_panels, _("Settings")),
        ):
            if panels:
                tabs.append(ObjectList(panels, heading=heading))
        handler = TabbedInterface(tabs, base_form_class=model.base_form_class)
    if extra_tabs:
        kwargs = handler.clone_kwargs()
        kwargs["children"] = list(kwargs["children"]) + list(extra_tabs)
        handler = type(handler)(**kwargs)
    return handler.bind_to_model(model)
