from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.search import index

from ..app_settings import app_settings
from ..translations import facts

_SEGMENT = "{sort:05d}{pk:010d}"


class ThemeCategoryQuerySet(models.QuerySet):
    def in_tree_order(self):
        return self.order_by("tree_path")


class ThemeCategory(TranslatableMixin, RevisionMixin, index.Indexed, models.Model):
    """A theme category (主题分类), one node of a tree such as 综合政务 › 政务公开.

    The tree is an adjacency list (``parent``) plus a materialised ``tree_path`` kept up to
    date on save, so that a whole tree is read in depth-first order with one query.
    """

    name = models.CharField(_("name"), max_length=100)
    code = models.CharField(
        _("code"),
        max_length=32,
        blank=True,
        help_text=_("Optional code from the agency's classification scheme."),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent category"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveIntegerField(_("sort order"), default=0)
    tree_path = models.CharField(max_length=255, editable=False, db_index=True, default="")
    depth = models.PositiveSmallIntegerField(editable=False, default=1)

    _revisions = GenericRelation(
        "wagtailcore.Revision", related_query_name="gov_disclosure_theme_category"
    )

    objects = ThemeCategoryQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("parent"),
        FieldPanel("code"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    override_translatable_fields = facts("code", "sort_order")

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme category")
        verbose_name_plural = _("theme categories")
        ordering = ["tree_path"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self._refresh_tree_path()

    @property
    def revisions(self):
        return self._revisions

    def get_ancestors(self, include_self=False):
        """Ancestors from the root down (one query per level, at most the maximum depth)."""
        chain = [self] if include_self else []
        node, seen = self.parent, {self.pk}
        while node is not None and node.pk not in seen:
            chain.insert(0, node)
            seen.add(node.pk)
            node = node.parent
        return chain

    def tree_label(self):
        """The name indented by depth, so a listing in tree order reads as a tree."""
        return "　" * (self.depth - 1) + ("└ " if self.depth > 1 else "") + self.name

    tree_label.short_description = _("name")
    tree_label.admin_order_field = "tree_path"

    @property
    def full_name(self):
        return " › ".join(c.name for c in self.get_ancestors(include_self=True))

    def clean(self):
        super().clean()
        if self.parent_id is None:
            return
        if self.parent.locale_id and self.locale_id and self.parent.locale_id != self.locale_id:
            raise ValidationError(
                {"parent": _("The parent category must be in the same language.")}
            )
        ancestors = self.parent.get_ancestors(include_self=True)
        if self.pk and any(a.pk == self.pk for a in ancestors):
            raise ValidationError(
                {"parent": _("A category cannot be placed under itself or its own subcategories.")}
            )
        max_depth = app_settings.THEME_CATEGORY_MAX_DEPTH
        if len(ancestors) + 1 + self._subtree_height() - 1 > max_depth:
            raise ValidationError(
                {
                    "parent": _("Theme categories may be at most %(depth)s levels deep.")
                    % {"depth": max_depth}
                }
            )

    def _subtree_height(self):
        if not self.pk:
            return 1
        prefix = self.tree_path
        deepest = (
            ThemeCategory.objects.filter(tree_path__startswith=prefix).aggregate(
                models.Max("depth")
            )["depth__max"]
            or self.depth
        )
        return deepest - self.depth + 1

    def _refresh_tree_path(self):
        parent_path = self.parent.tree_path + "." if self.parent_id else ""
        new_path = parent_path + _SEGMENT.format(sort=min(self.sort_order, 99999), pk=self.pk)
        new_depth = new_path.count(".") + 1
        if new_path == self.tree_path and new_depth == self.depth:
            return
        old_path = self.tree_path
        ThemeCategory.objects.filter(pk=self.pk).update(tree_path=new_path, depth=new_depth)
        self.tree_path, self.depth = new_path, new_depth
        if old_path:
            # Move the whole subtree with this node.
            for child in ThemeCategory.objects.filter(tree_path__startswith=old_path + "."):
                child.tree_path = new_path + child.tree_path[len(old_path) :]
                child.depth = child.tree_path.count(".") + 1
                ThemeCategory.objects.filter(pk=child.pk).update(
                    tree_path=child.tree_path, depth=child.depth
                )
