"""From the text a reader selected to the forms worth looking up: quotes, possessives and prefixes off.

`surface_forms("Re-dispatched")` → ["Re-dispatched", "re-dispatched", "redispatched", "dispatched"];
WordNet's morphy then turns each form into its lemma ("dispatched" → dispatch).
"""

import re
import unicodedata

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
DASHES = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-"})
# Quotes, brackets and sentence punctuation around a selection are never part of the word.
EDGE_PUNCTUATION = "\"'“”«»()[]{}<>,;:!?…*_/\\|#-"
POSSESSIVE = re.compile(r"(?<=\w)'s?$", re.IGNORECASE)
# Hyphenated prefixes a learner meets in news copy: "re-dispatched", "pre-emptively", "co-operate".
HYPHEN_PREFIXES = (
    "re",
    "pre",
    "co",
    "un",
    "non",
    "anti",
    "counter",
    "over",
    "under",
    "post",
    "ex",
    "self",
    "mis",
    "inter",
    "sub",
    "super",
    "semi",
    "multi",
    "mid",
    "out",
    "de",
    "dis",
    "pro",
    "ultra",
    "trans",
)
PREFIXED = re.compile(rf"^({'|'.join(HYPHEN_PREFIXES)})-(.+)$", re.IGNORECASE)
# Characters that can make up a headword: letters, digits, spaces, hyphens, apostrophes, full stops (U.S.).
WORD_CHARACTERS = re.compile(r"^[\w][\w '.-]*$")


def normalise(text):
    """One clean spelling of a selection: NFC, straight apostrophes, single spaces, edges trimmed."""
    text = unicodedata.normalize("NFC", text).translate(APOSTROPHES).translate(DASHES)
    text = " ".join(text.split()).strip(EDGE_PUNCTUATION + " ")
    if text.endswith(".") and "." not in text[:-1]:
        text = text[:-1].rstrip(
            EDGE_PUNCTUATION
        )  # a full stop ends the sentence, unless it is "U.S."
    return POSSESSIVE.sub("", text)


def is_word(text):
    return bool(WORD_CHARACTERS.match(text))


def surface_forms(text):
    """Forms to try, most literal first: as written, lower-cased, prefix joined, prefix dropped."""
    word = normalise(text)
    forms = [word]
    if word[:1].isupper():
        # Sentence-initial "Withdrawing" and headline case: try the ordinary word too.
        forms.append(word.lower())
    prefixed = PREFIXED.match(word.lower())
    if prefixed:
        prefix, rest = prefixed.groups()
        forms += [prefix + rest, rest]
    if word.lower().endswith("ly") and len(word) > 5:
        # "pre-emptively" → "preemptive": WordNet lists few -ly adverbs, their adjectives it knows.
        forms += [form[:-2] for form in forms if form.lower().endswith("ly")]
    return list(dict.fromkeys(form for form in forms if form))


# The word before a selection, when the reader selected it in an article: a determiner or number makes
# "planes" a noun ("two planes", "the sites"); a subject pronoun makes "sites" a verb ("she sites the plant").
BEFORE_A_NOUN = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "some",
        "many",
        "few",
        "several",
        "both",
        "all",
        "no",
        "every",
        "each",
        "any",
        "more",
        "most",
        "other",
        "such",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "dozen",
        "hundred",
        "thousand",
        "million",
        "billion",
    ]
)
BEFORE_A_VERB = frozenset(["i", "you", "he", "she", "it", "we", "they", "who"])


def context_pos(before):
    """ "n", "v" or None: the part of speech the word before a selection asks for."""
    word = normalise((before or "")[-64:]).lower()
    if word in BEFORE_A_NOUN or word.replace(",", "").isdigit():
        return "n"
    if word in BEFORE_A_VERB:
        return "v"
    return None
