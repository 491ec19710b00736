"""The dictionary's settings with their defaults, read lazily so tests can override them."""

from django.conf import settings

DEFAULTS = {
    "WORDNET_DIR": "/usr/share/wordnet",
    "HARD_WORD_LEVEL": "B2",
    "BOX_SIZE": 12,  # at most this many words in the "Words in this article" box
    "CACHE_SECONDS": 60 * 60 * 24,  # Django cache life of one looked-up entry
    "HTTP_MAX_AGE": 60 * 60,  # what browsers and the front cache may keep a found entry for
    "HTTP_MAX_AGE_MISSING": 5 * 60,  # a missing word may get a glossary entry soon
    "MAX_WORD_LENGTH": 64,  # "tit for tat", "higher-up": a selection longer than this is not a word
    "MAX_SAVED_WORDS": 2000,  # per reader account
}


def get(name):
    return getattr(settings, f"DICTIONARY_{name}", DEFAULTS[name])
