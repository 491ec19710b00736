"""Held-for-review words in English and Korean, edited by moderators in the Wagtail admin.

English words match as whole words, case-insensitively. Korean words match inside words (Korean abuse
is usually glued to particles and endings) after dropping digits and punctuation wedged between syllables
(시1발, 시.발), but any allowed word covering the match wins: 시발점 is a starting point, 병신년 a year.
"""

import time

import regex
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

from .app_settings import app_settings

NOT_HANGUL_OR_SPACE = regex.compile(r"[^\p{Hangul}\s]+")


def _cache():
    return caches[app_settings.CACHE_ALIAS]


def _key():
    return f"{app_settings.CACHE_PREFIX}:wordlists:v1"


# Each process keeps the lists it read for this long, so a post does not wait on the cache for them: an
# edit applies at once in the process that saved it (forget()), within this long in the others.
RECHECK_SECONDS = 1.0
_kept = (None, None, 0.0)  # (cache key, lists, monotonic time read): replaced whole, never mutated


def _lists():
    global _kept
    key, now = _key(), time.monotonic()
    kept_key, kept, read_at = _kept
    if kept_key == key and now - read_at < RECHECK_SECONDS:
        return kept
    lists = _cache().get(key)
    if lists is None:
        from .models import BannedWord

        lists = {"en": {"block": [], "allow": []}, "ko": {"block": [], "allow": []}}
        for word, language, kind in BannedWord.objects.values_list("word", "language", "kind"):
            lists[language][kind].append(word.lower())
        _cache().set(key, lists, 3600)
    _kept = (key, lists, now)
    return lists


def forget(**kwargs):
    global _kept
    _cache().delete(_key())
    _kept = (None, None, 0.0)


def _english_hits(text, words, allowed):
    for word in words:
        for match in regex.finditer(
            rf"(?<!\w){regex.escape(word)}(?!\w)", text, flags=regex.IGNORECASE
        ):
            if not any(_covered(text, match.span(), a) for a in allowed):
                return True
    return False


def _covered(text, span, allowed_word):
    """True when an occurrence of allowed_word in text contains the span."""
    start = 0
    while (at := text.find(allowed_word, start)) != -1:
        if at <= span[0] and span[1] <= at + len(allowed_word):
            return True
        start = at + 1
    return False


def _korean_hits(text, words, allowed):
    squeezed = NOT_HANGUL_OR_SPACE.sub("", text)
    for word in words:
        start = 0
        while (at := squeezed.find(word, start)) != -1:
            if not any(_covered(squeezed, (at, at + len(word)), a) for a in allowed):
                return True
            start = at + 1
    return False


def flagged(text):
    """True when the text should wait for a moderator because of a listed word."""
    lists = _lists()
    lowered = text.lower()
    return _english_hits(lowered, lists["en"]["block"], lists["en"]["allow"]) or _korean_hits(
        lowered, lists["ko"]["block"], lists["ko"]["allow"]
    )


def connect():
    from .models import BannedWord

    post_save.connect(forget, sender=BannedWord, dispatch_uid="comments-wordlists-save")
    post_delete.connect(forget, sender=BannedWord, dispatch_uid="comments-wordlists-delete")
