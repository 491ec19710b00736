"""The dictionary's settings, each with a default; the site overrides them as ``DICTIONARY_<NAME>``.

Read them through ``app_settings.NAME`` at call time (not import time) so ``override_settings`` works.
The app never reads the environment: the site's settings module does.
"""


class AppSettings:
    def __init__(self, prefix):
        self.prefix = prefix

    def _setting(self, name, default):
        from django.conf import settings

        return getattr(settings, self.prefix + name, default)

    @property
    def WORDNET_DIR(self):
        """Folder of the WordNet 3.0 database files (index.*, data.*, *.exc). Default "/usr/share/wordnet"
        (Debian's wordnet-base)."""
        return self._setting("WORDNET_DIR", "/usr/share/wordnet")

    @property
    def HARD_WORD_LEVEL(self):
        """Words above this learner level go into the "Words in this article" box, for a site that never
        saved Settings → Dictionary. Default "B2"."""
        return self._setting("HARD_WORD_LEVEL", "B2")

    @property
    def BOX_SIZE(self):
        """At most this many words in the "Words in this article" box. Default 12."""
        return self._setting("BOX_SIZE", 12)

    @property
    def CACHE_SECONDS(self):
        """Django cache life of one looked-up entry and of an article's words. Default 86400 (a day)."""
        return self._setting("CACHE_SECONDS", 60 * 60 * 24)

    @property
    def HTTP_MAX_AGE(self):
        """Seconds browsers and a front cache may keep a found entry. Default 3600."""
        return self._setting("HTTP_MAX_AGE", 60 * 60)

    @property
    def HTTP_MAX_AGE_MISSING(self):
        """The same for a missing word (it may get a glossary entry soon). Default 300."""
        return self._setting("HTTP_MAX_AGE_MISSING", 5 * 60)

    @property
    def MAX_WORD_LENGTH(self):
        """A selection longer than this is not a word ("tit for tat", "higher-up" fit). Default 64."""
        return self._setting("MAX_WORD_LENGTH", 64)

    @property
    def MAX_SAVED_WORDS(self):
        """Saved words per reader account. Default 2000."""
        return self._setting("MAX_SAVED_WORDS", 2000)

    @property
    def API_BASE(self):
        """Where the site mounted the dictionary router, with a trailing slash (the scripts read it from
        the page). Default "/api/dictionary/"."""
        return self._setting("API_BASE", "/api/dictionary/")

    @property
    def HINT_AFTER(self):
        """CSS selector of the element the "Dictionary on" hint goes after (the scripts read it from the
        page); "" for no hint. Default ""."""
        return self._setting("HINT_AFTER", "")

    @property
    def ADAPTER(self):
        """Dotted path of the site's adapter (adapter.py: an article's text, a process memory). Default the
        base DictionaryAdapter."""
        return self._setting("ADAPTER", "broadsheet.dictionary.adapter.DictionaryAdapter")


app_settings = AppSettings("DICTIONARY_")
