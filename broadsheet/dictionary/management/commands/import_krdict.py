"""manage.py import_krdict EXPORT [EXPORT ...]: Korean equivalents from a Basic Korean Dictionary export."""

from django.core.management.base import BaseCommand, CommandError

from broadsheet.dictionary.services import korean_equivalents_import


class Command(BaseCommand):
    help = (
        "Import English→Korean equivalents from a 한국어기초사전 (Basic Korean Dictionary) export you downloaded "
        "from krdict.korean.go.kr: LMF XML, JSON of the same shape, or a .zip of either."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="export files (.xml, .json or .zip)")

    def handle(self, *args, paths, **options):
        for path in paths:
            try:
                counts = korean_equivalents_import(path=path)
            except (OSError, ValueError, SyntaxError) as error:
                # ElementTree.ParseError is a SyntaxError; a bad file is the editor's to fix, not a crash.
                raise CommandError(f"{path}: {error}") from error
            self.stdout.write(
                f"{path}: {counts['read']} English equivalents read, {counts['created']} new."
            )
