"""Translations of pages and snippets: the facts every locale shares, and keeping them in step.

With wagtail-localize, a page is translated by copying it into another locale; what is copied
and what is translated is declared per model in ``override_translatable_fields``. The facts of
a record — its document number, dates, validity, codes, the disclosure attribute — are the same
in every language, so the models declare them with :func:`facts`, which makes them synchronised
fields that a translator cannot override.

wagtail-localize copies synchronised fields only when a translation is created or updated
("sync translated pages"), and an editor can still edit a translation directly in Wagtail's
editor. So that the facts cannot drift in between or through any other path, the receivers
below keep them in step on every save:

* saving the **original** (the page in the default locale, or else the first one made) copies
  its stored facts to every translation, with one ``UPDATE``;
* saving a **translation** takes the facts from the original, whatever the form said.

A model that declares no facts pays nothing; one with facts but no translations pays one query
per full save (a page being added is checked when it is published). Changes of validity
(:func:`gov_disclosure.documents.services.change_validity`) update the whole translation group.
"""

from functools import cache

from django.db import models
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import BaseTranslatableField, SynchronizedField

_FACTS_CHECKED = "_gov_disclosure_facts_checked"


class NotShared(BaseTranslatableField):
    """A field a translation neither copies nor translates (e.g. a unique index number)."""

    def __repr__(self):
        return f"<NotShared {self.field_name}>"


def facts(*field_names):
    """Synchronised fields that cannot be overridden in a translation, for
    ``override_translatable_fields``."""
    return [SynchronizedField(name, overridable=False) for name in field_names]


@cache
def fact_fields(model) -> dict[str, str]:
    """``model``'s facts, field name to column attribute: its non-overridable synchronised
    fields that are columns of its own table (child relations are left to wagtail-localize)."""
    if not issubclass(model, TranslatableMixin):
        return {}
    names = {}
    for declared in getattr(model, "override_translatable_fields", ()):
        if not isinstance(declared, SynchronizedField) or declared.overridable:
            continue
        field = model._meta.get_field(declared.field_name)
        if isinstance(field, models.Field) and field.concrete and not field.many_to_many:
            names[field.name] = field.attname
    return names


def _translation_group(model, instance):
    """The other members of ``instance``'s translation group, as ``(pk, locale_id)``."""
    return list(
        model._default_manager.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .values_list("pk", "locale_id")
    )


def original_pk(members) -> int:
    """Of ``(pk, locale_id)`` pairs, the original: the one in the default locale, else the
    first made."""
    if len(members) == 1:
        return members[0][0]
    default = Locale.get_default()
    in_default = [(pk, locale_id) for pk, locale_id in members if locale_id == default.pk]
    # Not saved yet (no pk): made after the others.
    return min(in_default or members, key=lambda member: (member[0] is None, member[0] or 0))[0]


def original_of(instance):
    """The original that ``instance`` is a translation of (``instance`` itself when it is the
    original or has no translations)."""
    model = type(instance)
    others = _translation_group(model, instance)
    if not others:
        return instance
    pk = original_pk([*others, (instance.pk, instance.locale_id)])
    return instance if pk == instance.pk else model._default_manager.get(pk=pk)


def in_main_language() -> bool:
    """Whether the active language is the site's main one (``LANGUAGE_CODE``), without a query."""
    from django.conf import settings
    from django.utils import translation

    def variant(code):
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            return code

    return variant(translation.get_language() or settings.LANGUAGE_CODE) == variant(
        settings.LANGUAGE_CODE
    )


def _concrete_model(model):
    """The model whose table holds the facts (a proxy's concrete model)."""
    return model._meta.concrete_model


@receiver(pre_save)
def take_facts_from_the_original(sender, instance, raw=False, update_fields=None, **kwargs):
    names = fact_fields(sender)
    if raw or not names:
        return
    setattr(instance, _FACTS_CHECKED, False)
    if update_fields is not None and not set(update_fields) & set(names):
        return
    if instance._state.adding and isinstance(instance, Page):
        # A page is added, then published with a full save, which checks (one query less
        # per imported document).
        return
    model = _concrete_model(sender)
    others = _translation_group(model, instance) if instance.translation_key else []
    setattr(instance, _FACTS_CHECKED, True)
    instance._gov_disclosure_translations = others
    if not others:
        return
    pk = original_pk([*others, (instance.pk, instance.locale_id)])
    if pk == instance.pk:
        return
    stored = model._default_manager.filter(pk=pk).values(*names.values()).get()
    for name, value in stored.items():
        setattr(instance, name, value)


@receiver(post_save)
def give_facts_to_the_translations(sender, instance, created, raw=False, **kwargs):
    names = fact_fields(sender)
    if raw or not names or not getattr(instance, _FACTS_CHECKED, False):
        return
    others = getattr(instance, "_gov_disclosure_translations", None)
    if not others:
        return
    model = _concrete_model(sender)
    if original_pk([*others, (instance.pk, instance.locale_id)]) != instance.pk:
        return
    # What is stored, not what is in memory: saving a draft revision of a page saves the page
    # row with a few columns only, while the instance holds the draft's values.
    stored = model._default_manager.filter(pk=instance.pk).values(*names.values()).get()
    model._default_manager.filter(pk__in=[pk for pk, _locale in others]).update(**stored)
