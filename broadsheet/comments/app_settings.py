"""The comments app's settings, each with a default; the site overrides them as ``COMMENTS_<NAME>``.

Read them through ``app_settings.NAME`` at call time (not import time) so ``override_settings`` works.
The app never reads the environment: a site that wants a setting tunable by environment reads it in its
own settings module.
"""


class AppSettings:
    def __init__(self, prefix):
        self.prefix = prefix

    def _setting(self, name, default):
        from django.conf import settings

        return getattr(settings, self.prefix + name, default)

    # -- what a comment may be ------------------------------------------------------------------------
    @property
    def MAX_LENGTH(self):
        """The one limit, counted in grapheme clusters after NFC (see text.py). Default 250."""
        return self._setting("MAX_LENGTH", 250)

    @property
    def MAX_CODE_POINTS(self):
        """Hard cap besides MAX_LENGTH (one grapheme cluster may carry any number of combining marks; ten
        code points a character is far beyond any real script or emoji sequence). Default 3000."""
        return self._setting("MAX_CODE_POINTS", 3000)

    @property
    def MAX_BYTES(self):
        """Hard cap on a text's UTF-8 bytes. Default 12000."""
        return self._setting("MAX_BYTES", 12000)

    @property
    def NOTE_MAX_LENGTH(self):
        """Longest report note / appeal text / moderator note. Default 500."""
        return self._setting("NOTE_MAX_LENGTH", 500)

    @property
    def MAX_REQUEST_BYTES(self):
        """Largest request body a write accepts, in bytes (checked before the body is read). Default 65536."""
        return self._setting("MAX_REQUEST_BYTES", 64 * 1024)

    # -- listing ------------------------------------------------------------------------------------
    @property
    def PAGE_SIZE(self):
        """Top-level comments per page. Default 20."""
        return self._setting("PAGE_SIZE", 20)

    @property
    def REPLIES_PREVIEW(self):
        """Replies shown under each top-level comment. Default 3."""
        return self._setting("REPLIES_PREVIEW", 3)

    @property
    def REPLY_PAGE_SIZE(self):
        """Replies per "more replies" page. Default 20."""
        return self._setting("REPLY_PAGE_SIZE", 20)

    @property
    def SHARED_CACHE_SECONDS(self):
        """Seconds a shared cache (CDN, Varnish) may keep a thread's list as an anonymous reader sees it
        (Cache-Control s-maxage). The reply also names the thread in Surrogate-Key (comments-<key>), so a
        cache that purges by tag can keep it until the next comment event instead. 0: never shared.
        Default 10."""
        return self._setting("SHARED_CACHE_SECONDS", 10)

    # -- moderation and limits ----------------------------------------------------------------------
    @property
    def EDIT_WINDOW(self):
        """Seconds after posting during which the author may still edit. Default 300."""
        return self._setting("EDIT_WINDOW", 300)

    @property
    def TRUSTED_AFTER(self):
        """A commenter with fewer approved comments than this is held for review (0: nobody is held for
        being new). Default 1."""
        return self._setting("TRUSTED_AFTER", 1)

    @property
    def HOLD_LINKS(self):
        """Hold comments that contain links. Default True."""
        return self._setting("HOLD_LINKS", True)

    @property
    def DUPLICATE_WINDOW(self):
        """Seconds during which the same text from the same reader in the same thread is refused. Default 600."""
        return self._setting("DUPLICATE_WINDOW", 600)

    @property
    def RATE_LIMIT_USER(self):
        """ "count/seconds": writes allowed per reader. Default "5/60"."""
        return self._setting("RATE_LIMIT_USER", "5/60")

    @property
    def RATE_LIMIT_IP(self):
        """ "count/seconds": writes allowed per IP address. Default "30/60"."""
        return self._setting("RATE_LIMIT_IP", "30/60")

    @property
    def WARNING_DAYS(self):
        """Days a warning is shown to the reader it was given to. Default 30."""
        return self._setting("WARNING_DAYS", 30)

    @property
    def CACHE_ALIAS(self):
        """Cache alias holding rate-limit counters and the banned-word lists. Default "default"."""
        return self._setting("CACHE_ALIAS", "default")

    @property
    def CACHE_PREFIX(self):
        """Prefix of those cache keys (tests give each test its own, so nothing is ever flushed).
        Default "comments"."""
        return self._setting("CACHE_PREFIX", "comments")

    # -- the site -----------------------------------------------------------------------------------
    @property
    def ADAPTER(self):
        """Dotted path of the site's adapter (see adapter.py). Default the base CommentsAdapter."""
        return self._setting("ADAPTER", "broadsheet.comments.adapter.CommentsAdapter")

    @property
    def API_BASE(self):
        """Where the site mounted the comments router (the page script's data-api). Default "/api/comments"."""
        return self._setting("API_BASE", "/api/comments")

    @property
    def PROVIDERS_URL(self):
        """URL (or URL name) answering {"providers": [...]} with the sign-in buttons for the region; "" for
        none (the script then offers the session's login_url). Default ""."""
        return self._setting("PROVIDERS_URL", "")

    @property
    def LOGOUT_URL(self):
        """URL (or URL name) the region's "Log out" form posts to. Default "logout" (django.contrib.auth's)."""
        return self._setting("LOGOUT_URL", "logout")

    @property
    def LANGUAGE_SWITCH_URL(self):
        """URL (or URL name) of Django's set_language view for the region's language buttons; "" for no
        buttons. Default ""."""
        return self._setting("LANGUAGE_SWITCH_URL", "")

    @property
    def LANGUAGES(self):
        """(code, label) pairs the region's language buttons offer, in order. Default () (no buttons)."""
        return self._setting("LANGUAGES", ())

    # -- live streams (live.py) ---------------------------------------------------------------------
    @property
    def LIVE_POLL_SECONDS(self):
        """Without Redis, how often a stream polls the database. Default 1.5."""
        return float(self._setting("LIVE_POLL_SECONDS", 1.5))

    @property
    def LIVE_HEARTBEAT_SECONDS(self):
        """Seconds between ": keep-alive" lines on an idle stream. Default 15."""
        return float(self._setting("LIVE_HEARTBEAT_SECONDS", 15))

    @property
    def LIVE_GATHER_SECONDS(self):
        """After sending, a stream waits this long before its next write, so events that come faster
        go out together (one write per reader instead of one per event); an event after a quiet spell
        goes at once. 0 writes each event as it comes. Default 0.25."""
        return float(self._setting("LIVE_GATHER_SECONDS", 0.25))

    @property
    def LIVE_MAX_SECONDS(self):
        """A stream ends after this long; the browser reconnects by itself. Default 300."""
        return float(self._setting("LIVE_MAX_SECONDS", 300))

    @property
    def LIVE_CATCH_UP(self):
        """Most comments a reconnecting stream is sent at once (after Last-Event-ID). Default 50."""
        return int(self._setting("LIVE_CATCH_UP", 50))

    @property
    def LIVE_MAX_STREAMS(self):
        """Open streams per process; past it new readers poll the list API instead. Default 2000."""
        return int(self._setting("LIVE_MAX_STREAMS", 2000))

    @property
    def LIVE_PREFIX(self):
        """Prefix of the Redis channels (<prefix>:comments-live:<key>); "" means the default cache's
        KEY_PREFIX, else "bs". Default ""."""
        return self._setting("LIVE_PREFIX", "")


app_settings = AppSettings("COMMENTS_")


def rate(setting_value):
    """Parse "count/seconds" into two ints."""
    count, seconds = str(setting_value).split("/")
    return int(count), int(seconds)
