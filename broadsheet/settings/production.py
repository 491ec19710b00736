"""Production: PostgreSQL + Redis, many ASGI workers behind a front cache. Fails loudly on missing config."""

import os
import sys

REQUIRED = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")
for _name in REQUIRED:
    if not os.environ.get(_name):
        sys.stderr.write(f"Broadsheet refuses to start: environment variable {_name} is not set.\n")
        raise SystemExit(1)

# Django's own rule for a key that resists guessing (the one `check --deploy` applies): at least 50
# characters, at least 5 different ones, not a generated development key. Sessions, CSRF tokens,
# password-reset links and the comments' signed unsubscribe links all rest on it, so a weak key stops
# the start instead of printing a warning nobody reads.
_key = os.environ["SECRET_KEY"]
if len(_key) < 50 or len(set(_key)) < 5 or _key.startswith("django-insecure-"):
    sys.stderr.write(
        "Broadsheet refuses to start: SECRET_KEY is weak (it needs 50+ characters, 5+ different ones; "
        "make one with: python -c 'import secrets; print(secrets.token_urlsafe(50))').\n"
    )
    raise SystemExit(1)

from .base import *  # noqa: E402

DEBUG = False
BROADSHEET_DEMO_LOGIN = False  # the local sign-in can never be on in production
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Under ASGI each request runs its sync code in a thread of its own, so persistent per-thread
    # connections (CONN_MAX_AGE > 0) pile up until PostgreSQL refuses clients; a pool per worker reuses them.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 2,
        "max_size": int(os.environ.get("DB_POOL_SIZE", "16")),
        # While PostgreSQL restarts a request waits this long for a connection, then answers 503
        # (broadsheet/unavailable.py), well inside the 5 s a reader or a proxy waits.
        "timeout": float(os.environ.get("DB_POOL_TIMEOUT", "3")),
    }
    DATABASES["default"]["OPTIONS"]["connect_timeout"] = 2
else:
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))
SESSION_COOKIE_SECURE = os.environ.get("INSECURE_COOKIES") != "1"
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# TLS is ended by the proxy in front (deploy/nginx-broadsheet.conf), which says so in X-Forwarded-Proto
# (SECURE_PROXY_SSL_HEADER above): a plain-HTTP request that reaches Django anyway is redirected.
# SECURE_SSL_REDIRECT=0 only for a loopback stack without TLS.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "1") != "0"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "1") != "0"
# Nothing of the site is framed; Wagtail's admin preview keeps SAMEORIGIN through its own decorator.
X_FRAME_OPTIONS = "DENY"
