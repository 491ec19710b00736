"""The comments app's settings, each with a default; the site overrides them as ``COMMENTS_<NAME>``.

Read them through ``app_settings.NAME`` at call time (not import time) so tests can override them.
"""

from django.conf import settings

DEFAULTS = {
    # The one limit, counted in grapheme clusters after NFC (see text.py).
    "MAX_LENGTH": 250,
    # Hard caps besides it: one grapheme cluster may carry any number of combining marks, so the code
    # points and the UTF-8 bytes of a text are capped too (ten code points a character is far beyond
    # any real script or emoji sequence).
    "MAX_CODE_POINTS": 3000,
    "MAX_BYTES": 12000,
    # Top-level comments per page, replies shown under each, replies per "more replies" page.
    "PAGE_SIZE": 20,
    "REPLIES_PREVIEW": 3,
    "REPLY_PAGE_SIZE": 20,
    # Seconds after posting during which the author may still edit.
    "EDIT_WINDOW": 300,
    # A commenter with fewer approved comments than this is held for review (0: nobody is held for being new).
    "TRUSTED_AFTER": 1,
    # Hold comments that contain links.
    "HOLD_LINKS": True,
    # Seconds during which the same text from the same reader in the same thread is refused.
    "DUPLICATE_WINDOW": 600,
    # "count/seconds": writes allowed per reader and per IP address.
    "RATE_LIMIT_USER": "5/60",
    "RATE_LIMIT_IP": "30/60",
    # The site's adapter (see adapter.py).
    "ADAPTER": "broadsheet.comments.adapter.CommentsAdapter",
    # Cache alias holding rate-limit counters and the banned-word lists.
    "CACHE_ALIAS": "default",
    # Prefix of those cache keys (tests give each test its own, so nothing is ever flushed).
    "CACHE_PREFIX": "comments",
    # Largest request body a write accepts, in bytes (checked before the body is read).
    "MAX_REQUEST_BYTES": 64 * 1024,
    # Days a warning is shown to the reader it was given to.
    "WARNING_DAYS": 30,
    # Longest report note / appeal text / moderator note.
    "NOTE_MAX_LENGTH": 500,
    # Seconds a shared cache (CDN, Varnish) may keep a thread's list as an anonymous reader sees it
    # (Cache-Control s-maxage). The reply also names the thread in Surrogate-Key (comments-<key>), so a
    # cache that purges by tag can keep it until the next comment event instead. 0: never shared.
    "SHARED_CACHE_SECONDS": 10,
}


class _AppSettings:
    def __getattr__(self, name):
        if name not in DEFAULTS:
            raise AttributeError(name)
        return getattr(settings, f"COMMENTS_{name}", DEFAULTS[name])


app_settings = _AppSettings()


def rate(setting_value):
    """Parse "count/seconds" into two ints."""
    count, seconds = str(setting_value).split("/")
    return int(count), int(seconds)
