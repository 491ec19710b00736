"""Reading the newsroom glossary and the imported Korean equivalents, with the cache version they share."""

import time
from functools import lru_cache

from django.core.cache import cache

VERSION_KEY = "dictionary:glossary-version"
MAX_EQUIVALENTS = 3
TERM_FIELDS = ("key", "term", "part_of_speech", "korean_gloss", "explanation")


def _new_version():
    # Never a number used before: after the cache is emptied, a process must not take its old copy of the
    # glossary (or its old entries) for the current one just because the counter started again at 1.
    return time.time_ns()


def glossary_version():
    """A token that changes whenever the glossary or the Korean equivalents change."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version()
        if not cache.add(VERSION_KEY, version, None):
            version = (
                cache.get(VERSION_KEY) or version
            )  # another worker got there first: share its token
    return version


def glossary_changed():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, _new_version(), None)


@lru_cache(maxsize=1)
def _glossary(version):
    """The whole glossary and the Korean equivalents' first few headwords, read once per version: a lookup
    then costs no query. The glossary is the newsroom's (hundreds of terms); of the equivalents only the
    MAX_EQUIVALENTS headwords a lookup shows are kept per English word."""
    from .models import GlossaryTerm, KoreanEquivalent

    terms = {row["key"]: row for row in GlossaryTerm.objects.values(*TERM_FIELDS)}
    equivalents = {}
    for english, korean in KoreanEquivalent.objects.values_list("english", "korean").iterator(
        chunk_size=5000
    ):
        headwords = equivalents.setdefault(english, {})
        if len(headwords) < MAX_EQUIVALENTS:
            headwords[korean] = None
    return terms, {english: tuple(headwords) for english, headwords in equivalents.items()}


def first_term(forms, version=None):
    """The glossary term for the first of these forms the glossary knows."""
    from .models import term_key

    terms, _ = _glossary(version or glossary_version())
    return next((terms[key] for key in map(term_key, forms) if key in terms), None)


def korean_equivalents(lemma, version=None):
    """Korean headwords whose Basic Korean Dictionary sense translates to this English lemma."""
    from .models import term_key

    _, equivalents = _glossary(version or glossary_version())
    return list(equivalents.get(term_key(lemma), ()))
