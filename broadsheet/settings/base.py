"""Settings shared by every environment. Everything secret or host-specific comes from the environment."""

import os
from pathlib import Path

import dj_database_url

from .parts.accounts import SOCIAL_SIGN_IN_ORIGINS

BASE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = BASE_DIR.parent
DATA_DIR = Path(os.environ.get("BROADSHEET_DATA_DIR", PROJECT_DIR / "data"))

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

INSTALLED_APPS = [
    "broadsheet.pagecache",  # first: its ready() connects the page tree's purges, then the site's (purges.py)
    "broadsheet.newsroom",
    "broadsheet.comments",
    "broadsheet.dictionary",
    "broadsheet.accounts",
    "broadsheet.demo",
    "csp",  # its system checks catch settings in the pre-4.0 format, which django-csp 4 ignores
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
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
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.twitter_oauth2",
    "allauth.socialaccount.providers.facebook",
    "allauth.socialaccount.providers.kakao",
    "allauth.socialaccount.providers.naver",
    "allauth.socialaccount.providers.openid_connect",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, so it sees the final reply (cookies set by the session and CSRF middleware); see pagecache/.
    "broadsheet.pagecache.middleware.PageCacheMarkMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Wagtail's RedirectMiddleware, skipping the JSON API's 404s.
    "broadsheet.newsroom.middleware.PageRedirectMiddleware",
    # The request's Wagtail site and its homepage, remembered per newsroom generation.
    "broadsheet.newsroom.middleware.RememberedSiteMiddleware",
]

ROOT_URLCONF = "broadsheet.urls"
ASGI_APPLICATION = "broadsheet.asgi.application"
WSGI_APPLICATION = "broadsheet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Embedded default: a SQLite file in the data folder. DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'broadsheet.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
if _SQLITE:
    # WAL lets readers and one writer work at once across worker processes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
# Threads per ASGI worker for Django's synchronous code (broadsheet/handler.py): while one waits on
# PostgreSQL or Redis, another runs. SQLite keeps one: it takes one writer at a time.
BROADSHEET_SYNC_THREADS = int(os.environ.get("SYNC_THREADS") or (1 if _SQLITE else 4))
# glibc malloc arenas per ASGI worker (broadsheet/handler.py, bound_malloc_arenas); 0 leaves glibc's default.
BROADSHEET_MALLOC_ARENAS = int(os.environ.get("MALLOC_ARENAS", "2"))

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "broadsheet.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "bs"),
            # A Redis that hangs costs a request at most these seconds, then the cache degrades (redis_cache.py).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "broadsheet",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ko", "한국어")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"  # the newsroom's clock: dates print in Korea time
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "broadsheet.static_storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
SITE_ID = 1

# Wagtail
WAGTAIL_SITE_NAME = "Broadsheet"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "newsroom.NewsImage"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# allauth: readers sign in with social accounts; providers switch on by configuration (see accounts/).
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email", "username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "/accounts/login/"

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Broadsheet <newsroom@localhost>")

# Strict CSP: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "frame-src": ["'self'", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", *SOCIAL_SIGN_IN_ORIGINS],
        "frame-ancestors": ["'self'"],
    },
    # The Wagtail admin uses inline scripts and styles; the strict policy covers the public site only.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
}

# Request bodies, counted as they arrive (broadsheet/handler.py), chunked or not: readers send small
# forms and JSON; editors upload images and documents in the admin.
BROADSHEET_MAX_BODY_BYTES = int(
    os.environ.get("MAX_BODY_BYTES", 2_621_440)
)  # Django's DATA_UPLOAD_MAX_MEMORY_SIZE
BROADSHEET_MAX_ADMIN_BODY_BYTES = int(os.environ.get("MAX_ADMIN_BODY_BYTES", 64 * 1024 * 1024))

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own loggers set their level (INFO) themselves: without this, LOG_LEVEL=ERROR would still print
    # a "Not Found" warning per 404 (a dictionary word without an entry, say).
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}

# Each area keeps its own values in settings/parts/: plain modules that never import this one.
from .parts.accounts import *  # noqa: E402
from .parts.comments import *  # noqa: E402
from .parts.dictionary import *  # noqa: E402
from .parts.newsroom import *  # noqa: E402
from .parts.pagecache import *  # noqa: E402

# -- s2-i14a: what the comments and dictionary apps learn from the site (their defaults: each app's
# app_settings.py and README). The apps never read the environment; the site does, here.
COMMENTS_API_BASE = "/api/comments"
COMMENTS_PROVIDERS_URL = "accounts:providers"
COMMENTS_LOGOUT_URL = "account_logout"
COMMENTS_LANGUAGE_SWITCH_URL = "set_language"
COMMENTS_LANGUAGES = [("en", "EN"), ("ko", "한국어")]
for _name in ("POLL_SECONDS", "HEARTBEAT_SECONDS", "MAX_SECONDS", "CATCH_UP", "MAX_STREAMS"):
    if os.environ.get(f"COMMENTS_LIVE_{_name}"):  # a deployment may tune the live streams
        globals()[f"COMMENTS_LIVE_{_name}"] = float(os.environ[f"COMMENTS_LIVE_{_name}"])
DICTIONARY_ADAPTER = "broadsheet.newsroom.dictionary_adapter.NewsroomDictionaryAdapter"
DICTIONARY_API_BASE = "/api/dictionary/"
DICTIONARY_HINT_AFTER = (
    ".article-toolbar"  # the "Dictionary on" hint goes under the article's toolbar
)
# -- end s2-i14a
