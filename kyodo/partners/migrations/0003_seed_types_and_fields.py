"""The partner types of the issue and a starting taxonomy of fields, as data coordinators edit."""

from django.db import migrations

TYPES = [
    "市民",
    "文化・スポーツ団体",
    "NPO法人",
    "社会福祉法人",
    "ボランティア団体",
    "町内会",
    "企業・商店",
    "老人クラブ",
    "各種委員会",
    "大学",
    "その他",
]
FIELDS = [
    "福祉",
    "環境",
    "防災",
    "防犯",
    "教育",
    "子育て",
    "文化",
    "スポーツ",
    "観光",
    "国際交流",
    "まちづくり",
    "健康づくり",
    "高齢者支援",
    "障がい者支援",
    "産業振興",
    "農林水産",
    "交通安全",
    "地域安全",
]


def seed(apps, schema_editor):
    PartnerType = apps.get_model("partners", "PartnerType")
    ActivityField = apps.get_model("partners", "ActivityField")
    for order, name in enumerate(TYPES, start=1):
        PartnerType.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
    for order, name in enumerate(FIELDS, start=1):
        ActivityField.objects.get_or_create(name=name, defaults={"sort_order": order * 10})


class Migration(migrations.Migration):

    dependencies = [("partners", "0002_capability_profile_attachments_imports")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
