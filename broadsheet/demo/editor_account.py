"""The demo's editor account: password from DEMO_EDITOR_PASSWORD, else generated once and kept in the data dir."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from .passwords import demo_password

PASSWORD_FILE = "demo-editor-password"


def editor_password():
    return demo_password(env_var="DEMO_EDITOR_PASSWORD", filename=PASSWORD_FILE)


def editor_ensure(username="editor"):
    """The editor user in Wagtail's Editors group; returns (user, password)."""
    password = editor_password()
    user, _ = get_user_model().objects.get_or_create(
        username=username, defaults={"email": "editor@example.com", "first_name": "Demo", "last_name": "Editor"}
    )
    user.is_staff = True
    user.set_password(password)
    user.save()
    editors, _ = Group.objects.get_or_create(name="Editors")
    # Wagtail's Editors group can edit pages and images; bylines also need the Author snippets.
    editors.permissions.add(*Permission.objects.filter(content_type__app_label="newsroom", codename__endswith="_author"))
    user.groups.add(editors)
    return user, password
