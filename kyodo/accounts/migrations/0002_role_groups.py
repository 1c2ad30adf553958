from django.db import migrations

# Frozen copy of kyodo.accounts.roles.Role values: migrations must not import app code that changes.
ROLE_NAMES = ["administrator", "coordinator", "staff", "partner_member", "evaluator"]


def create_role_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        Group.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_role_groups, migrations.RunPython.noop)]
