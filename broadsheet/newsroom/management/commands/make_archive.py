"""python manage.py make_archive N OUT — a synthetic legacy archive (original text) for tests and the bench."""

from django.core.management.base import BaseCommand

from ...archive.synthetic import archive_write


class Command(BaseCommand):
    help = (
        "Write N original stories as text dumps and saved HTML pages (JSON-LD, og:url, <nav> breadcrumb, "
        "photos beside some, EUC-KR and XML-declaration pages, recurring headlines, damaged files) into OUT."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("out")
        parser.add_argument("--seed", type=int, default=10)

    def handle(self, *args, count, out, seed, **options):
        written = archive_write(count, out, seed=seed)
        self.stdout.write(", ".join(f"{kind} {n}" for kind, n in written.items()))
