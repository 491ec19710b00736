"""python manage.py demo_content — original sample newspaper content; safe to run again (creates nothing twice)."""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from broadsheet.newsroom.roles import roles_ensure

from ...editor_account import editor_ensure, reporter_ensure
from ...newsroom_content import load as load_newsroom

# Each area fills its own demo module; each gets the homepage and must itself be safe to run again.
AREA_HOOKS = ("comments_content", "glossary_content", "accounts_content")


class Command(BaseCommand):
    help = "Create the demo newspaper: homepage, sections, authors, a dozen original articles with photos, an editor, a reporter, a moderator."

    def handle(self, *args, **options):
        with transaction.atomic():
            home, created = load_newsroom()
            roles_ensure(
                apps
            )  # the sections just made are open to Reporters, the desk workflow is on
            reporter, reporter_password = reporter_ensure()
            user, password = editor_ensure()
        self.stdout.write(f"Newsroom: {created} article(s) created (existing ones kept).")
        for hook in AREA_HOOKS:
            import_module(f"broadsheet.demo.{hook}").load(home=home)
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(
            f"Reporter login: {base}/admin/login/  username: {reporter.username}  password: {reporter_password}"
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"Editor login: {base}/admin/login/  username: {user.username}  password: {password}"
            )
        )
