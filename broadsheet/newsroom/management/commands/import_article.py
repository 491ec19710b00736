"""python manage.py import_article PATH... — import a legacy archive: files, folders, .zip / .tar.gz."""

import os
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...archive.runner import WINDOW, archive_import, report_write
from ...archive.sources import MAX_FILE_BYTES


class Command(BaseCommand):
    help = (
        "Import legacy article pages (plain-text dumps or saved HTML) from files, folders, .zip or .tar.gz "
        f"archives. Re-running skips what is imported; a changed file updates its article. Files over "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB are refused."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument(
            "--jobs",
            type=int,
            default=os.cpu_count() or 1,
            help="parse in N processes (default: cores)",
        )
        parser.add_argument(
            "--batch-size",
            type=int,
            default=WINDOW,
            help=f"files per transaction (default {WINDOW})",
        )
        parser.add_argument("--report", type=Path, help="write failed files as CSV (path, reason)")

    def handle(self, *args, paths, jobs, report, batch_size, verbosity=1, **options):
        progress = Progress(self.stderr, verbosity)
        summary = archive_import(
            paths,
            jobs=max(1, jobs),
            batch_size=max(1, batch_size),
            on_file=self.file_line if verbosity >= 1 else None,
            progress=progress.update,
        )
        progress.close()
        if report:
            report_write(report, summary.failures)
        self.stdout.write(summary.line())
        rss = ", ".join(f"{name} {mb:.0f} MB" for name, mb in summary.peak_rss_mb.items() if mb)
        self.stdout.write(f"peak RSS: {rss}")
        if summary.indexed_late:
            self.stdout.write(
                f"search index: {summary.indexed_late} article(s) an interrupted run had left out, indexed"
            )
        for reason in summary.index_failures:
            self.stderr.write(
                f"search index: a batch was not indexed ({reason}); the next run retries"
            )
        failed = summary.counts["failed"]
        if summary.index_failures and not failed:
            raise CommandError(
                f"{len(summary.index_failures)} batch(es) left out of the search index"
            )
        if failed:
            raise CommandError(f"{failed} of {summary.done} file(s) could not be imported")

    def file_line(self, label, verb, detail):
        if verb == "failed":
            self.stderr.write(f"{label}: not imported: {detail}")
        else:
            self.stdout.write(f"{label}: {verb}{f' {detail}' if detail else ''}")


class Progress:
    """A bar on a terminal (files done / total, rate, ETA); a plain line every 10 s otherwise."""

    def __init__(self, stream, verbosity):
        self.stream = stream
        self.tty = hasattr(stream, "isatty") and stream.isatty() and sys.stderr.isatty()
        self.quiet = verbosity < 1 and not self.tty
        self.started = self.last = time.monotonic()

    def update(self, summary):
        now = time.monotonic()
        if self.quiet or now - self.last < (0.2 if self.tty else 10):
            return
        self.last = now
        done, total = summary.done, max(summary.total, summary.done)
        rate = done / (now - self.started)
        eta = (total - done) / rate if rate else 0
        text = f"{done:,}/{total:,} files, {rate:.0f}/s, ETA {eta // 60:.0f}m{eta % 60:02.0f}s"
        if self.tty:
            width = 30
            filled = int(width * done / total) if total else width
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {text}", ending="")
            self.stream.flush()
        else:
            self.stream.write(text)

    def close(self):
        if self.tty:
            self.stream.write("")
