"""One lookup: a selection in, an entry out (WordNet senses, learner level, Korean gloss, glossary note).

WordNet answers come from a per-process lru_cache (they never change); the whole entry, glossary included,
is kept per process under the glossary's version, which an editor's save bumps (signal_handlers.py).
"""

import gc
import threading
from functools import lru_cache

from . import app_settings
from .glossary import glossary_version, korean_equivalents, first_term
from .lemmas import surface_forms
from .levels import word_level
from .senses import wordnet_entry


MARKUP = set("<>&={}[]|\\^~`@#$%")


class NotAWord(ValueError):
    """The text cannot be a word or phrase: too long, control characters, markup."""


def check_word(text):
    from .lemmas import is_word, normalise

    if len(text) > app_settings.get("MAX_WORD_LENGTH") * 2:
        raise NotAWord("too long")
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text):
        raise NotAWord("control characters")
    if MARKUP.intersection(text):
        raise NotAWord("markup")
    word = normalise(text)
    if not word or len(word) > app_settings.get("MAX_WORD_LENGTH") or not is_word(word):
        raise NotAWord("not a word")
    return word


def lookup(text):
    """The entry for a selection: {"found": bool, "word", "lemma", "pos", "senses", "level", ...}."""
    return _entry(glossary_version(), check_word(text))


@lru_cache(maxsize=2_000)
def _entry(version, word):
    """The process keeps recent entries itself (no unpickling per hit). Building one costs ~1 ms (WordNet
    read from bytes, glossary held in memory), less than the two Redis round trips a shared cache would
    add to every first lookup; the page cache at the door already shares answers between workers.
    The glossary version in the key retires entries when editors change it."""
    entry = build_entry(word, version)
    _note_kept()
    return entry


# Every full garbage collection walks all tracked objects outside the frozen heap (worker.py freezes
# WordNet's at start). The entries kept above are long-lived: past a few thousand, full collections took
# 70-140 ms each, the p99 of every request in flight. So every FREEZE_EVERY new entries the heap is
# collected and frozen again (an entry the cache drops later is still freed: it has no cycles). Objects
# of requests in flight at that moment that later become cyclic garbage stay frozen: a few kilobytes per
# thousand words built, which the page cache in front makes rare once a worker has warmed up.
FREEZE_EVERY = 1000
_kept = {"count": 0}
_kept_lock = threading.Lock()


def _note_kept():
    with _kept_lock:
        _kept["count"] += 1
        due = _kept["count"] % FREEZE_EVERY == 0 and gc.isenabled()
    if due:
        gc.collect()
        gc.freeze()


def wordnet_reading(word):
    """(forms tried, WordNet's entry or None) for a checked word: no database, cached per process."""
    forms = surface_forms(word)
    return forms, next((e for e in map(wordnet_entry, forms) if e), None)


def build_entry(word, version=None):
    forms, found = wordnet_reading(word)
    # The glossary knows names as written ("Blue House") and words by lemma ("liaison office").
    candidates = forms + ([found["lemma"]] if found else [])
    term = first_term(candidates, version)
    lemma = found["lemma"] if found else (term["term"] if term else forms[0])
    level = word_level(lemma.lower())
    equivalents = korean_equivalents(lemma, version)
    return {
        "found": bool(found or term or equivalents),
        "word": word,
        "lemma": lemma,
        "pos": found["pos"] if found else (term["part_of_speech"] if term else ""),
        "senses": found["senses"] if found else [],
        "level": level["level"],
        "zipf": level["zipf"],
        "gloss": term["korean_gloss"] if term and term["korean_gloss"] else ", ".join(equivalents),
        "note": term["explanation"] if term else "",
        "in_glossary": bool(term),
    }


def short_gloss(entry):
    """One line for the box and the export: the first definition, with the Korean gloss when known."""
    # Prefer a general sense to a field's jargon: goodwill is "(accounting) an intangible asset" first.
    general = [s["definition"] for s in entry["senses"] if not s["definition"].startswith("(")]
    definition = entry["note"] or next(iter(general + [s["definition"] for s in entry["senses"]]), "")
    return " — ".join(part for part in (entry["gloss"], definition) if part)
