"""What WordNet says about a lemma: its senses, grouped by part of speech, likeliest reading first."""

from functools import lru_cache

from . import entry_table, zipf_table
from .readings import (
    Reading,
    candidates,
    invariant_symbol,
    lemma_count,
    plural_word,
    ranked,
)
from .spelling import american_forms, other_spelling, variants
from .wordnet import get_wordnet, read_lock

POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective", "s": "adjective", "r": "adverb"}
MAX_SENSES = 6
MAX_SYNONYMS = 5
MAX_PARSED_SYNSETS = 100
MAX_ALSO = 2  # other readings named under the headword ("also a form of interest")
# WordNet has no pronouns or articles, only look-alikes: "he" the Hebrew letter, "it" for IT, "us" as U's.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "me",
        "my",
        "we",
        "us",
        "our",
        "you",
        "your",
        "he",
        "him",
        "his",
        "she",
        "her",
        "it",
        "its",
        "they",
        "them",
        "their",
    ]
)


def _same_case(synset, lemma, form):
    """Lower-case "us" is the pronoun, not the US: a lower-case form only matches lower-case lemmas."""
    names = [n for n in synset.lemma_names() if n.lower() == lemma.lower()]
    return form != form.lower() or any(n == n.lower() for n in names)


def _readings(wn, form):
    """Every Reading morphology allows for the form, in any part of speech (readings.py ranks them)."""
    key = form.replace(
        " ", "_"
    ).lower()  # the index is lower case; _same_case keeps "us" from meaning the US
    for pos in ("n", "v", "a", "r"):
        for lemma, route in candidates(wn, key, pos):
            synsets = [
                s
                for s in wn.synsets(lemma, pos)
                if _same_case(s, lemma, form) and not (route == "s>" and invariant_symbol(s, lemma))
            ]
            if synsets:
                yield Reading(lemma, pos, route, synsets)


def _sense(synset, lemma, spellings=()):
    synonyms = [
        n.replace("_", " ")
        for n in synset.lemma_names()
        if n.lower() not in (lemma.lower(), *spellings)
    ]
    return {
        "pos": POS_NAMES[synset.pos()],
        "definition": synset.definition(),
        "examples": synset.examples()[:2],
        "synonyms": synonyms[:MAX_SYNONYMS],
    }


def _forget_synsets(wn):
    """NLTK keeps every synset it ever parsed, which grows a worker without bound. Our answers are plain
    dicts cached above, so the parsed synsets are dropped past 100 (a re-parse is cheap): kept longer,
    their churn left the worker's heap fragmented (figures: bench/results.md)."""
    parsed = wn._synset_offset_cache
    if sum(map(len, parsed.values())) > MAX_PARSED_SYNSETS:
        for by_offset in parsed.values():
            by_offset.clear()


@lru_cache(maxsize=2_000)
def wordnet_entry(form, prefer=None):
    """{"lemma", "pos", "senses", "also"} for a surface form WordNet knows, else None. `prefer` ("n" or "v"),
    from the words before the form in an article, puts the first reading in that part of speech first.
    Pure, so cached per process, and read from the table written ahead (entry_table.py) when it has the form."""
    if prefer is None:
        kept = entry_table.entry(form)
        if kept is not entry_table.MISSING:
            return kept
    return read_entry(form, prefer)


def read_entry(form, prefer=None):
    """wordnet_entry worked out from WordNet's files."""
    if form.lower() in FUNCTION_WORDS:
        return None
    wn = get_wordnet()
    with read_lock:
        _forget_synsets(wn)
        readings = list(_readings(wn, form))
        if not readings:
            return None
        key = form.replace(" ", "_").lower()
        lemmas = ranked(wn, readings, key, zipf_table.zipf)
        if not lemmas:
            return None  # every reading ruled out ("oliver" is no comparative of olive)
        if prefer:
            lemmas.sort(
                key=lambda lem: not any(r.lemma == lem and r.pos == prefer for r in readings)
            )
        lemma = lemmas[0]
        group = [r for r in readings if r.lemma == lemma]
        spelling = other_spelling(wn, lemma, group[0].pos)
        if spelling and spelling[0] != lemma:
            # colour and color are one entry: its senses are the American spelling's, the headword the article's.
            route = group[0].route
            group = [
                Reading(spelling[0], pos, route, found)
                for pos in "nvar"
                if (found := wn.synsets(spelling[0], pos))
            ]
        if len(group) > 1:
            # "plans" is a noun and a verb: the part of speech the context asks for, else the one tagged more.
            group.sort(key=lambda r: (r.pos != prefer, -lemma_count(r)))
        headword = _written(lemma, readings)
        if plural_word(key) and key.startswith(lemma) and group[0].pos == "n":
            # jeans: WordNet's entry is "jean", a reader says jeans; the singular is still named.
            headword, lemmas = form.lower(), [key, *lemmas]
        senses = [_sense(s, lemma, spelling or ()) for r in group for s in r.synsets]
        spellings = (
            [headword, (spelling[1] if spelling[0] == lemma else spelling[0]).replace("_", " ")]
            if spelling
            else []
        )
        others = [
            lem for lem in lemmas[1:] if lem != headword and (not spelling or lem not in spelling)
        ]
        also = [
            {"lemma": _written(lem, readings), "pos": POS_NAMES[_likeliest(lem, readings).pos]}
            for lem in others[:MAX_ALSO]
        ]
    entry = {
        "lemma": headword,
        "pos": POS_NAMES[group[0].pos],
        "senses": senses[:MAX_SENSES],
        "also": also,
        "spellings": spellings,
    }
    if spelling and spelling[1] == lemma and spelling[0] != lemma:
        return _as_american(form, entry, prefer) or entry
    return entry


def _as_american(form, entry, prefer):
    """A British form ranks its readings as the American one does (WordNet's counts are the American
    spelling's: "organized" is tagged as an adjective, "organised" hardly at all), shown in its own spelling."""
    for american in american_forms(form):
        found = wordnet_entry(american, prefer)
        if found and len(found["spellings"]) == 2:
            also = [{**a, "lemma": _british(a["lemma"], form)} for a in found["also"]]
            return {
                **found,
                "lemma": found["spellings"][1],
                "spellings": found["spellings"][::-1],
                "also": also,
            }
    return None


def _british(lemma, form):
    """A reading of a British form, in British spelling too: organised → also a form of organise."""
    return next(
        (b for b in [lemma, *variants(lemma, american=False)] if form.lower().startswith(b[:-1])),
        lemma,
    )


def _likeliest(lemma, readings):
    return max((r for r in readings if r.lemma == lemma), key=lemma_count)


def _written(lemma, readings):
    """The index is lower case; the headword as WordNet writes it: Korea, Seoul, higher-up."""
    synsets = [s for r in readings if r.lemma == lemma for s in r.synsets]
    return next((n for s in synsets for n in s.lemma_names() if n.lower() == lemma), lemma).replace(
        "_", " "
    )
