"""The 26 domains of the national standard catalogue programme, as editable data.

Agencies rename, hide or add domains (the local variants 自然资源, 生态环境, 卫生健康, …) in the
admin; this migration only fills an empty table.
"""

from django.db import migrations

# Written in Simplified Chinese, the language of the data.
DEFAULT_DOMAINS = [
    "城乡规划",
    "重大建设项目",
    "公共资源交易",
    "财政预决算",
    "安全生产",
    "税收管理",
    "征地补偿",
    "国有土地上房屋征收与补偿",
    "环境保护",
    "公共卫生",
    "社会救助",
    "养老服务",
    "户籍管理",
    "涉农补贴",
    "就业",
    "社会保险",
    "扶贫",
    "救灾",
    "食品药品监管",
    "城市综合执法",
    "义务教育",
    "保障性住房",
    "农村危房改造",
    "市政服务",
    "公共文化服务",
    "公共法律服务",
]


def create_default_domains(apps, schema_editor):
    StandardDomain = apps.get_model("gov_disclosure_standards", "StandardDomain")
    db = schema_editor.connection.alias
    if StandardDomain.objects.using(db).exists():
        return
    StandardDomain.objects.using(db).bulk_create(
        StandardDomain(name=name, sort_order=10 * (order + 1))
        for order, name in enumerate(DEFAULT_DOMAINS)
    )


class Migration(migrations.Migration):
    dependencies = [("gov_disclosure_standards", "0001_initial")]

    operations = [migrations.RunPython(create_default_domains, migrations.RunPython.noop)]
