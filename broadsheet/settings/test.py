"""Tests: fast hasher, in-memory cache unless REDIS_URL names a real one, inline everything."""

import os

from .base import *
from .base import DATA_DIR, DATABASES, REDIS_URL

SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
BROADSHEET_DEMO_LOGIN = True
# Tests call the ASGI app inside their own database transaction: Django's code must run on the test's
# thread (one thread-sensitive thread), not on a pool with connections of its own. The browser journeys
# serve the site with the dev settings, so on PostgreSQL they run with the production's four threads.
BROADSHEET_SYNC_THREADS = int(os.environ.get("SYNC_THREADS") or 1)
# Live comment streams notice a reader who left only when a heartbeat fails to go out. Under the test
# live server (threaded WSGI) an open stream holds a worker thread, and Python waits for those threads at
# exit: a short heartbeat and lifetime end them within seconds (EventSource reconnects with
# Last-Event-ID, so a reader misses nothing).
COMMENTS_LIVE_HEARTBEAT_SECONDS = float(os.environ.get("COMMENTS_LIVE_HEARTBEAT_SECONDS", "2"))
COMMENTS_LIVE_MAX_SECONDS = float(os.environ.get("COMMENTS_LIVE_MAX_SECONDS", "60"))

# The page cache's purge counters are machine-wide by design (pagecache/versions.py): each test process
# (each pytest-xdist worker) counts in a file of its own, or a purge in one would make another's next read
# miss, and a `make demo` beside the tests would purge theirs.
PAGECACHE_VERSIONS_FILE = str(
    DATA_DIR / f"pagecache-versions-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.bin"
)

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}

if REDIS_URL:
    # A prefix of its own so a test run never reads a running site's keys.
    CACHES["default"]["KEY_PREFIX"] = f"bs-test-{os.getpid()}"
