"""The Moderators group (Wagtail admin access + comments.moderate) and a starting word list.

The lists hold common abuse and the innocent words that contain it: 시발점 (starting point) and
병신년 (a year of the sexagenary cycle) must never be held for containing 시발 / 병신.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Moderators"
WORDS = [
    ("시발", "ko", "block"),
    ("씨발", "ko", "block"),
    ("병신", "ko", "block"),
    ("개새끼", "ko", "block"),
    ("좆", "ko", "block"),
    ("미친놈", "ko", "block"),
    ("시발점", "ko", "allow"),
    ("시발역", "ko", "allow"),
    ("병신년", "ko", "allow"),
    ("병신정변", "ko", "allow"),
    ("fuck", "en", "block"),
    ("shit", "en", "block"),
    ("cunt", "en", "block"),
    ("retard", "en", "block"),
]
PERMISSIONS = [("comments", "moderate"), ("wagtailadmin", "access_admin")]


def forward(apps, schema_editor):
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    BannedWord = apps.get_model("comments", "BannedWord")
    for word, language, kind in WORDS:
        BannedWord.objects.get_or_create(word=word, language=language, kind=kind)


def backward(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forward, backward)]
