"""The demo's newsroom logins: `editor` (an Editor) and `reporter` (a Reporter), with passwords from
DEMO_EDITOR_PASSWORD / DEMO_REPORTER_PASSWORD, else generated once and kept in the data dir.

The groups themselves come from the newsroom's migration (newsroom/roles.py); the demo only joins them.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from broadsheet.newsroom.roles import EDITORS, REPORTERS, roles_ensure

from .passwords import demo_password

PASSWORD_FILE = "demo-editor-password"


def editor_password():
    return demo_password(env_var="DEMO_EDITOR_PASSWORD", filename=PASSWORD_FILE)


def _staff_ensure(*, username, group, password, first_name, last_name):
    user, _ = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "email": f"{username}@example.com",
            "first_name": first_name,
            "last_name": last_name,
        },
    )
    user.is_staff = True
    user.set_password(password)
    user.save()
    if not Group.objects.filter(name=group).exists():
        roles_ensure(apps)  # a newsroom that deleted its groups gets them back for the demo
    user.groups.set([Group.objects.get(name=group)])  # one role each: no more than the role allows
    return user


def editor_ensure(username="editor"):
    """The editor user, in the Editors group only; returns (user, password)."""
    password = editor_password()
    return _staff_ensure(
        username=username, group=EDITORS, password=password, first_name="Demo", last_name="Editor"
    ), password


def reporter_ensure(username="reporter"):
    """The reporter user, in the Reporters group only; returns (user, password)."""
    password = demo_password(env_var="DEMO_REPORTER_PASSWORD", filename="demo-reporter-password")
    return _staff_ensure(
        username=username,
        group=REPORTERS,
        password=password,
        first_name="Demo",
        last_name="Reporter",
    ), password
