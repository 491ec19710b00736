"""Comment moderators get a group of their own, with comments.moderate and admin access and nothing else.

0002 gave comments.moderate to the group called "Moderators", which is also Wagtail's page-moderators
group (it can publish every page). Its members were put there to moderate comments: they move to
"Comment moderators", and "Moderators" no longer moderates comments.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Comment moderators"
OLD_GROUP = "Moderators"
PERMISSIONS = [("comments", "moderate"), ("wagtailadmin", "access_admin")]


def _permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label=app_label, codename=codename
    )


def forward(apps, schema_editor):
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*(_permission(apps, app, code) for app, code in PERMISSIONS))
    old = Group.objects.filter(name=OLD_GROUP).first()
    if old is not None:
        group.user_set.add(*old.user_set.all())
        old.permissions.remove(_permission(apps, "comments", "moderate"))


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=GROUP).first()
    old = Group.objects.filter(name=OLD_GROUP).first()
    if old is not None:
        old.permissions.add(_permission(apps, "comments", "moderate"))
        if group is not None:
            old.user_set.add(*group.user_set.all())
    if group is not None:
        group.delete()


class Migration(migrations.Migration):
    dependencies = [("comments", "0006_moderation_action_plural")]
    operations = [migrations.RunPython(forward, backward)]
