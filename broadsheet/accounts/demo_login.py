"""The demo's local sign-in: pick a display name, become that demo reader. Never on in production."""

import hashlib

from django.contrib.auth import get_user_model
from django.utils.text import slugify

USERNAME_PREFIX = "demo-"  # only accounts under this prefix can be entered without a password
DEMO_READERS = ["Minji Park", "Daniel Cho", "Sora Lee"]


def demo_username(display_name):
    slug = slugify(display_name, allow_unicode=True)[:60]
    if not slug:  # a name of symbols only still gets a stable account
        slug = hashlib.sha256(display_name.encode()).hexdigest()[:12]
    return f"{USERNAME_PREFIX}{slug}"


def _demo_email(username):
    """A reserved, undeliverable address (.invalid): the demo's console backend shows reply emails to it."""
    local = (
        username
        if username.isascii()
        else USERNAME_PREFIX + hashlib.sha256(username.encode()).hexdigest()[:12]
    )
    return f"{local}@demo.invalid"


def demo_reader_get_or_create(*, display_name):
    """The demo reader with this display name; created on first use with no usable password."""
    user, created = get_user_model().objects.get_or_create(
        username=(username := demo_username(display_name)),
        defaults={"first_name": display_name[:150], "email": _demo_email(username)},
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def may_enter_without_password(user):
    # Staff and superusers are never reachable through the demo door, even if named "demo-…".
    return (
        user.username.startswith(USERNAME_PREFIX)
        and not (user.is_staff or user.is_superuser)
        and user.is_active
    )
