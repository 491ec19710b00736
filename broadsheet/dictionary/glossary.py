"""Reading the newsroom glossary and the imported Korean equivalents, with the cache version they share."""

from django.core.cache import cache

VERSION_KEY = "dictionary:glossary-version"
MAX_EQUIVALENTS = 3


def glossary_version():
    """A token that changes whenever the glossary or the Korean equivalents change."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def glossary_changed():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def first_term(forms):
    """The glossary term for the first of these forms the glossary knows, in one query."""
    from .models import GlossaryTerm, term_key

    keys = [term_key(form) for form in forms]
    rows = GlossaryTerm.objects.filter(key__in=keys).values("key", "term", "part_of_speech", "korean_gloss", "explanation")
    by_key = {row["key"]: row for row in rows}
    return next((by_key[key] for key in keys if key in by_key), None)


def korean_equivalents(lemma):
    """Korean headwords whose Basic Korean Dictionary sense translates to this English lemma."""
    from .models import KoreanEquivalent, term_key

    rows = KoreanEquivalent.objects.filter(english=term_key(lemma)).values_list("korean", flat=True)
    return list(dict.fromkeys(rows))[:MAX_EQUIVALENTS]
