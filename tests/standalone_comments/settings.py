"""A site that is not Broadsheet: Django + Wagtail + broadsheet.comments and no other app of broadsheet
(no newsroom, no dictionary, no page cache, no allauth; its API's errors take the shape of
broadsheet/api_errors.py, which knows no app). It proves the comments app installs on its own:
tests/test_standalone_comments.py migrates it and runs the comments API tests and a browser journey."""

from pathlib import Path

import dj_database_url

HERE = Path(__file__).resolve().parent

SECRET_KEY = "standalone-comments-test-only"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "broadsheet.comments",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]

ROOT_URLCONF = "tests.standalone_comments.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [HERE / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in memory by default; DATABASE_URL (PostgreSQL in CI) with a test database of its own, so it
# never meets the main run's.
DATABASES = {"default": dj_database_url.config(default="sqlite://:memory:")}
DATABASES["default"]["TEST"] = {
    "NAME": None
    if DATABASES["default"]["ENGINE"].endswith("sqlite3")
    else f"test_{DATABASES['default']['NAME']}_standalone_comments"
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS_URL = ""  # live comments poll the database

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ko", "Korean")]
STATIC_URL = "/static/"
WAGTAIL_SITE_NAME = "Standalone"
LOGIN_URL = "/login/"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# The comments app with its defaults, except what this site has: its own API mount and a language switch.
COMMENTS_API_BASE = "/api/comments"
COMMENTS_LANGUAGE_SWITCH_URL = "set_language"
COMMENTS_LANGUAGES = [("en", "English"), ("ko", "Korean")]
# pytest-django's live server is WSGI and cannot stream events: every reader polls the list instead
# (a 503 from the live URL; the script falls back, as when a server sheds load).
COMMENTS_LIVE_MAX_STREAMS = 0
