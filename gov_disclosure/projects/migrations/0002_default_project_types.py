"""The common kinds of major project, as editable data (agencies rename, add or delete them)."""

import uuid

from django.conf import settings
from django.db import migrations

# Written in Simplified Chinese, the language of the data; the admin edits them like any other.
DEFAULT_TYPES = [
    "道路交通",
    "桥梁隧道",
    "学校",
    "医院",
    "体育场馆",
    "城市更新",
    "保障性住房",
    "水利设施",
    "供排水与燃气",
    "园林绿化",
    "产业园区",
    "文化设施",
]


def create_default_types(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    ProjectType = apps.get_model("gov_disclosure_projects", "ProjectType")
    db = schema_editor.connection.alias
    if ProjectType.objects.using(db).exists():
        return
    language = settings.LANGUAGE_CODE.lower()
    locale = (
        Locale.objects.using(db).filter(language_code__iexact=language).first()
        or Locale.objects.using(db).filter(language_code__istartswith="zh").first()
        or Locale.objects.using(db).order_by("pk").first()
    )
    if locale is None:
        return  # no locale yet: the editors add the types themselves
    ProjectType.objects.using(db).bulk_create(
        ProjectType(
            name=name, sort_order=10 * (order + 1), locale=locale, translation_key=uuid.uuid4()
        )
        for order, name in enumerate(DEFAULT_TYPES)
    )


class Migration(migrations.Migration):
    dependencies = [("gov_disclosure_projects", "0001_initial")]

    operations = [migrations.RunPython(create_default_types, migrations.RunPython.noop)]
