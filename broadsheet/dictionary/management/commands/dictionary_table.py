"""manage.py dictionary_table [--words N]: write the table of WordNet readings a first lookup reads
(dictionary/entry_table.py). Does nothing when the current table exists; run again after an upgrade."""

import time

from django.core.management.base import BaseCommand

from broadsheet.dictionary import entry_table


class Command(BaseCommand):
    help = "Work out the dictionary's WordNet readings and levels for the commonest English words, once."

    def add_arguments(self, parser):
        parser.add_argument(
            "--words", type=int, default=30_000, help="how many of wordfreq's commonest words"
        )
        parser.add_argument(
            "--force", action="store_true", help="write it even if the current table exists"
        )

    def handle(self, *args, words, force, **options):
        target = entry_table.path()
        if target.exists() and not force:
            self.stdout.write(f"{target} is current.")
            return
        started = time.monotonic()
        target, forms, levels = entry_table.build(entry_table.common_words(words))
        self.stdout.write(
            f"{target}: {forms} forms, {levels} levels in {time.monotonic() - started:.0f} s."
        )
