"""One lookup: a selection in, an entry out (WordNet senses, learner level, Korean gloss, glossary note).

WordNet answers come from a per-process lru_cache (they never change); the whole entry, glossary included,
is kept per process under the glossary's version, which an editor's save bumps (signal_handlers.py).
"""

import gc
import threading
from functools import lru_cache

from .app_settings import app_settings
from .glossary import first_term, glossary_version, korean_equivalents
from .grammar import WITH_WORDNET_SENSES, grammar_entry
from .lemmas import context_pos, surface_forms
from .levels import word_level
from .senses import wordnet_entry
from .spelling import american_forms, variants

MARKUP = set("<>&={}[]|\\^~`@#$%")


class NotAWord(ValueError):
    """The text cannot be a word or phrase: too long, control characters, markup."""


def check_word(text):
    from .lemmas import is_word, normalise

    if len(text) > app_settings.MAX_WORD_LENGTH * 2:
        raise NotAWord("too long")
    if any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in text):
        raise NotAWord("control characters")
    if MARKUP.intersection(text):
        raise NotAWord("markup")
    word = normalise(text)
    if not word or len(word) > app_settings.MAX_WORD_LENGTH or not is_word(word):
        raise NotAWord("not a word")
    return word


def lookup(text, before=""):
    """The entry for a selection: {"found": bool, "word", "lemma", "pos", "senses", "level", ...}.
    `before` is the word before the selection in the article, when the reader selected it there."""
    return _entry(glossary_version(), check_word(text), context_pos(before))


@lru_cache(maxsize=2_000)
def _entry(version, word, prefer=None):
    """The process keeps recent entries itself (no unpickling per hit). Building one (WordNet read from bytes,
    glossary held in memory) costs less than the two Redis round trips a shared cache would add to every
    first lookup; the page cache at the door already shares answers between workers.
    The glossary version in the key retires entries when editors change it."""
    entry = build_entry(word, version, prefer)
    _note_kept()
    return entry


# Every full garbage collection walks all tracked objects outside the frozen heap (worker.py freezes
# WordNet's at start). The entries kept above are long-lived: past a few thousand, each full collection
# set the p99 of every request in flight (bench/results.md). So every FREEZE_EVERY new entries the heap is
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


def wordnet_reading(word, prefer=None):
    """(forms tried, WordNet's entry or None) for a checked word: no database, cached per process.
    The one choice of lemma the popup, the words box and highlighting all use."""
    forms = surface_forms(word)
    found = next((e for e in (wordnet_entry(f, prefer) for f in forms) if e), None)
    if found is None:
        found = british_reading(forms[-1], prefer)
    return forms, found


def british_reading(form, prefer=None):
    """A British spelling WordNet lacks (organisations): the American form's entry, in the article's spelling."""
    for american in american_forms(form):
        found = wordnet_entry(american, prefer)
        if found:
            british = next(
                (
                    b
                    for b in variants(found["lemma"], american=False)
                    if form.lower().startswith(b[:-1])
                ),
                None,
            )
            if british:
                return {**found, "lemma": british, "spellings": [british, found["lemma"]]}
            return found
    return None


def build_entry(word, version=None, prefer=None):
    forms, found = wordnet_reading(word, prefer)
    grammar = grammar_entry(forms[0])
    if grammar and found and forms[0].lower() not in WITH_WORDNET_SENSES:
        found = None  # "it", "us", "at": WordNet only has look-alikes (information technology, astatine)
    # The glossary knows names as written ("Blue House") and words by lemma ("liaison office").
    candidates = forms + ([found["lemma"]] if found else [])
    term = first_term(candidates, version)
    lemma = (
        forms[0].lower()
        if grammar
        else found["lemma"]
        if found
        else (term["term"] if term else forms[0])
    )
    level = headword_level(found, lemma)
    equivalents = korean_equivalents(lemma, version)
    senses = found["senses"] if found else []
    also = found["also"] if found else []
    if grammar:
        pos, use, base = grammar
        senses = [{"pos": pos, "definition": use, "examples": [], "synonyms": []}] + senses
        also = [{"lemma": base, "pos": pos}] if base else []
    return {
        "found": bool(found or term or equivalents or grammar),
        "word": word,
        "lemma": lemma,
        "pos": grammar[0]
        if grammar
        else found["pos"]
        if found
        else (term["part_of_speech"] if term else ""),
        "senses": senses,
        "level": level["level"],
        "zipf": level["zipf"],
        "gloss": term["korean_gloss"] if term and term["korean_gloss"] else ", ".join(equivalents),
        "note": term["explanation"] if term else "",
        "in_glossary": bool(term),
        "grammar": bool(grammar),
        "also": also,
        "spellings": found["spellings"] if found else [],
    }


def headword_level(found, lemma):
    """The level of the headword; colour and color are one word: the level of the commoner spelling."""
    spellings = found["spellings"] if found and found["spellings"] else [lemma]
    return max((word_level(s.lower()) for s in spellings), key=lambda level: level["zipf"])


def short_gloss(entry):
    """One line for the box and the export: the first definition, with the Korean gloss when known."""
    # Prefer a general sense to a field's jargon: goodwill is "(accounting) an intangible asset" first.
    general = [s["definition"] for s in entry["senses"] if not s["definition"].startswith("(")]
    definition = entry["note"] or next(
        iter(general + [s["definition"] for s in entry["senses"]]), ""
    )
    return " — ".join(part for part in (entry["gloss"], definition) if part)
