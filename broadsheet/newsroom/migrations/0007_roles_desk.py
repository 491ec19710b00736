"""Roles a newsroom recognises (newsroom/roles.py): Editors who publish, Reporters who submit, the
"Desk approval" workflow, and Wagtail's Moderators group stripped of page rights."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from broadsheet.newsroom.roles import roles_ensure


def forward(apps, schema_editor):
    # Permission rows are normally made after migrate finishes; the groups need them now.
    for config in apps.get_app_configs():
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    roles_ensure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0006_archive_import"),
        ("comments", "0002_moderators_and_word_lists"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        # Wagtail's own data migrations grant Moderators images and documents: strip them after those ran.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
