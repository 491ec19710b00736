"""What WordNet says about a lemma: its senses, grouped by part of speech, likeliest reading first."""

from functools import lru_cache

from .wordnet import get_wordnet, read_lock

POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective", "s": "adjective", "r": "adverb"}
MAX_SENSES = 6
MAX_SYNONYMS = 5
MAX_PARSED_SYNSETS = 100
# WordNet has no pronouns or articles, only look-alikes: "he" the Hebrew letter, "it" for IT, "us" as U's.
FUNCTION_WORDS = frozenset(
    "a an the i me my we us our you your he him his she her it its they them their".split()
)


def _lemma_count(synsets, lemma):
    """How often tagged text used this lemma in these senses (WordNet's cntlist), +1 so ties keep order."""
    return sum(l.count() for s in synsets for l in s.lemmas() if l.name().lower() == lemma.lower()) + 1


def _same_case(synset, lemma, form):
    """Lower-case "us" is the pronoun, not the US: a lower-case form only matches lower-case lemmas."""
    names = [n for n in synset.lemma_names() if n.lower() == lemma.lower()]
    return form != form.lower() or any(n == n.lower() for n in names)


def _readings(wn, form):
    """(lemma, pos, synsets) for every lemma morphy finds for the form, in any part of speech."""
    key = form.replace(" ", "_").lower()  # the index is lower case; _same_case keeps "us" from meaning the US
    for pos in ("n", "v", "a", "r"):
        for lemma in wn._morphy(key, pos, check_exceptions=True):
            synsets = [s for s in wn.synsets(lemma, pos) if _same_case(s, lemma, form)]
            if synsets:
                yield lemma, pos, synsets


def _sense(synset, lemma):
    synonyms = [n.replace("_", " ") for n in synset.lemma_names() if n.lower() != lemma.lower()]
    return {
        "pos": POS_NAMES[synset.pos()],
        "definition": synset.definition(),
        "examples": synset.examples()[:2],
        "synonyms": synonyms[:MAX_SYNONYMS],
    }


def _forget_synsets(wn):
    """NLTK keeps every synset it ever parsed (~2 KB each; 20,000 after 6,000 words, +40 MB a worker). Our
    answers are plain dicts cached above, so the parsed synsets are dropped past 100 (one re-parse ~0.1 ms):
    kept longer, their churn left the worker's heap fragmented (10,000 words: +58 MB with 1,000, +36 MB
    with 100)."""
    parsed = wn._synset_offset_cache
    if sum(map(len, parsed.values())) > MAX_PARSED_SYNSETS:
        for by_offset in parsed.values():
            by_offset.clear()


@lru_cache(maxsize=2_000)
def wordnet_entry(form):
    """{"lemma", "pos", "senses"} for a surface form WordNet knows, else None. Pure, so cached per process."""
    if form.lower() in FUNCTION_WORDS:
        return None
    wn = get_wordnet()
    with read_lock:
        _forget_synsets(wn)
        readings = list(_readings(wn, form))
        if not readings:
            return None
        if len(readings) > 1:
            # "saw": the tool or the past of see? The reading tagged text used most wins (cntlist is slow
            # to search, so only ambiguous forms pay for it).
            readings.sort(key=lambda r: -_lemma_count(r[2], r[0]))
        lemma, pos, synsets = readings[0]
        senses = [_sense(s, lemma) for l, _, group in readings if l == lemma for s in group]
        # The index is lower case; show the headword as WordNet writes it: Korea, Seoul, higher-up.
        lemma = next((n for s in synsets for n in s.lemma_names() if n.lower() == lemma.lower()), lemma)
    return {"lemma": lemma.replace("_", " "), "pos": POS_NAMES[pos], "senses": senses[:MAX_SENSES]}
