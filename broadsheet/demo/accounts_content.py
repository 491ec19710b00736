"""Demo people for sign-in: a few demo readers (entered through the "Demo sign-in — local only" page) and a
demo moderator with a password. Safe to run again.

The moderator's password comes from DEMO_MODERATOR_PASSWORD, else it is generated once and kept in the
data folder (like the editor's), and printed by `make demo`.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from broadsheet.accounts.demo_login import DEMO_READERS, demo_reader_get_or_create

from .passwords import demo_password

MODERATOR_USERNAME = "moderator"
MODERATORS_GROUP = "Comment moderators"  # made by the comments app's migration 0007_roles_...
PASSWORD_FILE = "demo-moderator-password"


def moderator_password():
    return demo_password(env_var="DEMO_MODERATOR_PASSWORD", filename=PASSWORD_FILE)


def moderator_ensure():
    """The demo moderator, a Comment moderator only (no page rights); (user, password, in_group)."""
    password = moderator_password()
    user, _ = get_user_model().objects.get_or_create(
        username=MODERATOR_USERNAME,
        defaults={"first_name": "Demo Moderator", "email": "moderator@example.com"},
    )
    user.set_password(password)
    user.save()
    group = Group.objects.filter(name=MODERATORS_GROUP).first()
    if group is not None:
        user.groups.set([group])
    return user, password, group is not None


def load(*, home, out=print):
    readers = [demo_reader_get_or_create(display_name=name) for name in DEMO_READERS]
    user, password, in_group = moderator_ensure()
    out(
        f"Demo readers ({', '.join(r.first_name for r in readers)}): sign in at /accounts/demo-sign-in/ (local demo only)."
    )
    if not in_group:
        out(
            f"Warning: there is no {MODERATORS_GROUP} group yet (run migrate); the demo moderator cannot moderate."
        )
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    out(
        f"Moderator login: {base}/accounts/login/ (comments) or {base}/admin/login/  username: {user.username}  password: {password}"
    )
    return readers, user
