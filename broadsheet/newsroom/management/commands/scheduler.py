"""python manage.py scheduler [--interval 30] [--once] — publish scheduled pages and expire old ones."""

import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

from ...scheduler import scheduled_publish_run


class Command(BaseCommand):
    help = "Run Wagtail's scheduled publishing every --interval seconds (one scheduler per site holds the lock)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval", type=float, default=30.0, help="seconds between runs (default 30)"
        )
        parser.add_argument(
            "--once", action="store_true", help="run once and exit (for a systemd timer or cron)"
        )

    def handle(self, *args, interval, once, **options):
        if interval <= 0:
            raise CommandError("--interval must be a positive number of seconds")
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        if not once:
            self.stdout.write(f"Scheduler: publishing scheduled pages every {interval:g} s.")
        if once:
            self._run()
            return
        while not stop.is_set():
            # A process that lives for weeks drops connections the database or the pool has given up on.
            close_old_connections()
            try:
                self._run()
            finally:
                close_old_connections()
            stop.wait(interval)

    def _run(self):
        try:
            report = scheduled_publish_run()
        except (
            Exception
        ) as error:  # a database restart must not end the scheduler; the next run retries
            self.stderr.write(f"Scheduler: run failed: {error!r}")
            return
        if report is None:
            self.stdout.write("Scheduler: another scheduler holds the lock; skipped.")
