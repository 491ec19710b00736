"""Scheduled go-live and expiry: Wagtail's `publish_scheduled`, run by one scheduler per site.

Wagtail only records a go-live time; something has to run its command. `manage.py scheduler` runs it every
30 s next to the web server (`make serve`, `deploy/broadsheet-scheduler.service`). Each run first takes a
site-wide lock — a PostgreSQL advisory lock, or a file lock beside the SQLite database — so two
schedulers started by mistake never publish the same revision twice; the one that misses the lock skips
that run. Publishing goes through `Revision.publish`, so a scheduled story purges the page cache, fronts,
feeds and sitemap exactly as an editor's click does.
"""

import fcntl
import zlib
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection

LOCK_NAME = "broadsheet-scheduler"
# pg_advisory_lock takes a bigint: a stable number for the name, the same in every process.
ADVISORY_KEY = zlib.crc32(LOCK_NAME.encode())


def _lock_file():
    name = str(connection.settings_dict.get("NAME") or "")
    if (
        connection.vendor == "sqlite"
        and name
        and ":memory:" not in name
        and not name.startswith("file:")
    ):
        return Path(name).with_name(Path(name).name + ".scheduler.lock")
    return Path(settings.DATA_DIR) / f"{LOCK_NAME}.lock"


@contextmanager
def scheduler_lock():
    """Yields True when this process holds the site's scheduler lock, False when another one does."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_KEY])
            held = cursor.fetchone()[0]
        try:
            yield held
        finally:
            if held:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_KEY])
        return
    path = _lock_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True  # closing the file releases the lock


def scheduled_publish_run():
    """One pass: publish what is due and unpublish what has expired. Returns Wagtail's report, or None
    when another scheduler holds the lock."""
    with scheduler_lock() as held:
        if not held:
            return None
        out = StringIO()
        call_command("publish_scheduled", stdout=out)
        return out.getvalue()
