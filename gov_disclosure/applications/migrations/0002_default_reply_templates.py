"""The built-in reply letter templates, one for each group of outcomes (hand-written).

Creates those the office does not have yet; never changes one it has edited. Reversing it
leaves the templates alone: they may have been edited since.
"""

from django.db import migrations


def create_default_templates(apps, schema_editor):
    from gov_disclosure.applications.default_letters import DEFAULT_LETTERS

    ReplyTemplate = apps.get_model("gov_disclosure_applications", "ReplyTemplate")
    manager = ReplyTemplate.objects.using(schema_editor.connection.alias)
    for code, letter in DEFAULT_LETTERS.items():
        manager.get_or_create(outcome_group=code, defaults=letter)


class Migration(migrations.Migration):
    dependencies = [
        ("gov_disclosure_applications", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_default_templates, migrations.RunPython.noop),
    ]
