"""python manage.py import_article PATH... — import legacy article pages (text dumps or saved HTML)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ...importer import UnrecognisedPage, parse_legacy_page
from ...models import HomePage
from ...services import article_import


class Command(BaseCommand):
    help = "Import legacy article pages (plain-text dumps or saved HTML); re-importing updates, never duplicates."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)

    def handle(self, *args, paths, **options):
        home = HomePage.objects.first()
        if home is None:
            raise CommandError("No HomePage yet: run `manage.py demo_content` or create one in the admin first.")
        failed = sum(not self.import_one(path, home) for path in paths)
        if failed:
            raise CommandError(f"{failed} of {len(paths)} file(s) could not be imported")

    def import_one(self, path, home):
        try:
            legacy = parse_legacy_page(path.read_bytes())
            with transaction.atomic():
                article, created = article_import(legacy=legacy, home=home)
        except OSError as exc:
            return self.fail(path, exc.strerror or str(exc))
        except UnrecognisedPage as exc:
            return self.fail(path, str(exc))
        except ValidationError as exc:
            return self.fail(path, "; ".join(exc.messages))
        verb = "created" if created else "updated"
        self.stdout.write(f"{path}: {verb} {article.url}")
        return True

    def fail(self, path, reason):
        self.stderr.write(f"{path}: not imported: {reason}")
        return False
