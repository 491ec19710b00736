"""Which requests the cache may answer, and the key a page is stored under: path, query, language."""

import hashlib
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http.cookie import parse_cookie
from django.utils.translation import get_language_from_request

from .app_settings import app_settings

MAX_PATH = 1024


class _LanguageProbe:
    """Just enough of a request for Django's own language rules (cookie, then Accept-Language)."""

    def __init__(self, cookie_language, accept_language):
        self.COOKIES = {settings.LANGUAGE_COOKIE_NAME: cookie_language} if cookie_language else {}
        self.META = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
        self.path_info = "/"


@lru_cache(maxsize=4096)
def resolve_language(cookie_language, accept_language):
    """The language Django's LocaleMiddleware would pick, memoised per header pair."""
    return get_language_from_request(_LanguageProbe(cookie_language, accept_language))


def _header(headers, name):
    for key, value in headers:
        if key == name:
            return value.decode("latin-1")
    return ""


def scope_language(scope):
    headers = scope["headers"]
    cookie_header = _header(headers, b"cookie")
    cookie_language = ""
    if settings.LANGUAGE_COOKIE_NAME in cookie_header:
        cookie_language = parse_cookie(cookie_header).get(settings.LANGUAGE_COOKIE_NAME, "")[:32]
    return resolve_language(cookie_language, _header(headers, b"accept-language")[:256])


def normalised_query(query_string):
    """The query string sorted, or None when it is not one the site itself links to: a parameter outside
    the allow-list, one given twice, or a value outside its canonical form (``?page=007``, ``?page=²``,
    ``?sort=anything``). Those go to Django uncached, so one client cannot fill the cache with variants."""
    if not query_string:
        return ""
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    allowed = app_settings.QUERY_ALLOWLIST
    if any(name not in allowed or not allowed[name].fullmatch(value) for name, value in pairs):
        return None
    if len({name for name, _ in pairs}) != len(pairs):
        return None
    return urlencode(sorted(pairs))


def scope_is_candidate(scope):
    """A GET or HEAD of a public page path: anything else goes straight to Django."""
    if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
        return False
    path = scope["path"]
    if len(path) > MAX_PATH:
        return False
    if path.startswith(app_settings.ANONYMOUS_ONLY_PREFIXES) and _has_session(scope):
        return False
    return not path.startswith(app_settings.EXCLUDED_PREFIXES) or path.startswith(
        tuple(app_settings.PUBLIC_API_PREFIXES)
    )


def _has_session(scope):
    cookie_header = _header(scope["headers"], b"cookie")
    return settings.SESSION_COOKIE_NAME in cookie_header and bool(
        parse_cookie(cookie_header).get(settings.SESSION_COOKIE_NAME)
    )


def scope_key(scope):
    """The cache key for a candidate request, or None when its query string rules it out."""
    query = normalised_query(scope.get("query_string", b""))
    if query is None:
        return None
    raw = f"{scope_language(scope)}|{scope['path']}?{query}"
    return hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
