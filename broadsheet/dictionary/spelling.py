"""British and American spellings of one word: colour/color, programme/program, organise/organize.

WordNet 3.0 mostly writes American spellings and lists some British ones beside them. A spelling here is
another spelling of a lemma only when WordNet puts both in the same synset, so "tour" never becomes "tor"
and "four" never "for". The entry's senses come from the American spelling, so both spellings reach the
same entry; the headword keeps the spelling the article used.
"""

# (British, American) pieces, tried one at a time and in pairs (manoeuvre → maneuver needs two).
RULES = (
    ("our", "or"),
    ("ise", "ize"),
    ("isa", "iza"),
    ("isi", "izi"),
    ("yse", "yze"),
    ("ysi", "yzi"),
    ("tre", "ter"),
    ("bre", "ber"),
    ("ogue", "og"),
    ("mme", "m"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("llor", "lor"),
    ("eable", "able"),
    ("dgement", "dgment"),
)
# British to American only: backwards, every "e" would be a candidate for "ae" and "oe".
ONE_WAY = (("ae", "e"), ("oe", "e"))
WORDS = {
    "grey": "gray",
    "tyre": "tire",
    "plough": "plow",
    "cheque": "check",
    "kerb": "curb",
    "aluminium": "aluminum",
    "jewellery": "jewelry",
    "pyjamas": "pajamas",
    "draught": "draft",
    "sceptic": "skeptic",
    "sceptical": "skeptical",
    "mould": "mold",
    "moustache": "mustache",
    "storey": "story",
    "ageing": "aging",
    "enrol": "enroll",
    "fulfil": "fulfill",
    "artefact": "artifact",
}


def _swaps(word, old, new):
    """`word` with one occurrence of `old` replaced by `new`, for each occurrence."""
    found, at = set(), word.find(old)
    while at != -1:
        found.add(word[:at] + new + word[at + len(old) :])
        at = word.find(old, at + 1)
    return found


def variants(word, american=True):
    """Spellings of `word` in the other variety that the rules allow (not yet checked against WordNet)."""
    table = WORDS if american else {v: k for k, v in WORDS.items()}
    found = {table[word]} if word in table else set()
    rules = list(RULES + ONE_WAY) if american else [(a, b) for b, a in RULES]
    rules = [(old, new) for old, new in rules if old in word]
    once = {v for old, new in rules for v in _swaps(word, old, new)}
    if american and any(
        pair in word for pair in ("ae", "oe")
    ):  # only these need two changes: manoeuvre, foetus
        once |= {v for w in once for old, new in rules for v in _swaps(w, old, new)}
    return sorted((found | once) - {word})


def other_spelling(wn, lemma, pos):
    """(American, British) for a lemma WordNet also lists in the other spelling, in the same part of speech,
    sharing a synset with it; else None. `lemma` is WordNet's index key (lower case, underscores)."""
    index = wn._lemma_pos_offset_map  # offsets are synsets: sharing one means the same sense
    own = set(index[lemma].get(pos, ()))
    for american in (True, False):
        for other in variants(lemma, american):
            if own.intersection(index[other].get(pos, ())):
                return (other, lemma) if american else (lemma, other)
    return None


def american_forms(form):
    """A British form WordNet lacks, in American spelling: organisations → organizations."""
    return variants(form.lower(), american=True)
