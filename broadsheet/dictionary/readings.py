"""Which lemma a form is: every reading WordNet's morphology allows, ranked the way a reader means it.

WordNet's morphy strips suffixes blindly, so "sites" is both site and sit, "bees" bee and be, "raped" rape and
rap. English spelling rules out most of these: a verb takes -es only after s, x, z, ch, sh or o (sit → sits,
never "sites"), and a short verb ending consonant-vowel-consonant doubles it before -ed/-ing (rap → rapped,
hop → hopping). Nor does a name that looks like a comparative (oliver: commoner than olive) or a symbol
that takes no -s (hms: not hectometres) reach a look-alike. What is left open is ranked:

1. a word WordNet's exception lists (the .exc files of wordnet-base) give as the base: went → go, saw → see;
2. a plural noun goes to its singular (troops → troop, colours → colour) unless the plural is by far the
   commoner word (species, not "specie"; data, not "datum");
3. a form that is a headword of its own (interesting adj., training n.) stays first when tagged text used
   it often enough as such, otherwise its base does (used → use, raped → rape);
4. ties go to the reading tagged text used most (WordNet's cntlist).

The other readings are kept, so the entry can name them ("also a form of interest").
"""

import re
from dataclasses import dataclass
from functools import lru_cache

# wordfreq Zipf: a plural this much commoner than its singular is a word of its own (species/specie 2.4).
PLURAL_OWN_WORD_GAP = 1.5
# cntlist: a form tagged at least this often as a word of its own, and at least 1/8 as often as its base,
# keeps its own entry first (interesting 27 vs interest 8; used 6 vs use 623 does not).
OWN_WORD_MIN_COUNT = 5
OWN_WORD_RATIO = 8
VERB_ES_AFTER = ("s", "x", "z", "ch", "sh", "o")
VOWELS = set("aeiou")
# Nouns used in the plural with a meaning of their own: the singular is another word or rare.
PLURAL_WORDS = frozenset(
    [
        "savings",
        "jeans",
        "pajamas",
        "pyjamas",
        "trousers",
        "scissors",
        "clothes",
        "goods",
        "earnings",
        "proceeds",
        "remains",
        "surroundings",
        "belongings",
        "outskirts",
        "headquarters",
        "premises",
        "corps",
        "means",
        "series",
        "species",
        "news",
        "thanks",
        "congratulations",
        "odds",
        "whereabouts",
        "barracks",
        "arrears",
        "grounds",
        "lodgings",
        "riches",
        "tidings",
        "demographics",
        "analytics",
    ]
)
# A symbol is the same in the plural (5 cm, 2 ml, SI's rule), and so is an element's (Cd): "hms", "cms" and
# "mls" are HMS, CMS and MLS, never hectometres. lb, hr and TV are no such symbols: lbs, hrs, TVs are plurals.
SYMBOL_KINDS = frozenset(["metric_unit.n.01", "electromagnetic_unit.n.01", "chemical_element.n.01"])
SHORT_CVC = re.compile(r"^[^aeiou]*[aeiou][^aeiouwxy]$")
NOUN, VERB, ADJ = "n", "v", "a"
COMPARATIVES = {"er>", "est>", "er>e", "est>e"}
PLURAL_RULES = {
    ("s", ""),
    ("ses", "s"),
    ("ves", "f"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
}


@dataclass
class Reading:
    lemma: str  # as in WordNet's index: lower case, underscores
    pos: str  # n v a r
    route: str  # "self", "exception", or the rule "old>new" that reached it
    synsets: list
    count: int = -1  # cntlist, filled in only when a ranking needs it


def possible(form, pos, old, new, wn=None):
    """Could English spelling have made `form` from this base? (morphy's rules allow many it could not.)"""
    base = form[: -len(old)] + new
    if wn is not None and pos == NOUN and base in wn._exception_map[NOUN]:
        return False  # "mens" is not a plural of "men", already a plural
    if (
        len(base) < 2
        or (old, new) == ("s", "")
        and (form.endswith("ss") or len(base) == 2 and VOWELS & set(base))
    ):
        return False  # "as" is not a plural of "a", "pass" of "pas", "res" of "re" (but TVs of TV)
    if pos == VERB and (old, new) == ("es", ""):
        return base.endswith(VERB_ES_AFTER)  # box → boxes, go → goes; sit → sits, be → is
    if pos == VERB and (old, new) == ("ed", "e"):
        return len(base) > 2  # be → was, never "bed"
    if pos == VERB and (old, new) == ("ing", ""):
        # A silent e goes before -ing (hope → hoping), except after e, o, y (seeing, hoeing, dyeing) and in "being".
        keeps_e = base.endswith(("ee", "oe", "ye")) or len(base) == 2
        return (keeps_e or not base.endswith("e")) and not SHORT_CVC.match(base)  # hop → hopping
    if pos == VERB and (old, new) == ("ed", ""):
        return not base.endswith("e") and not SHORT_CVC.match(base)  # rap → rapped
    # big → bigger: "peter" is not more "pet"
    return not (pos == ADJ and old in ("er", "est") and SHORT_CVC.match(base))


def invariant_symbol(synset, lemma):
    """Is the lemma, in this synset, the symbol of a metric or electrical unit or of an element?"""
    if VOWELS & set(lemma.lower()) or synset.lemma_names()[0].lower() == lemma.lower():
        return False
    return any(kind.name() in SYMBOL_KINDS for kind in synset.closure(lambda s: s.hypernyms()))


def candidates(wn, key, pos):
    """(lemma, route) pairs for one part of speech: the form itself, its exceptions, its rule bases."""
    found = [(key, "self")]
    found += [
        (key[: -len(old)] + new, f"{old}>{new}")
        for old, new in wn.MORPHOLOGICAL_SUBSTITUTIONS[pos]
        if key.endswith(old) and possible(key, pos, old, new, wn)
    ]
    # After the rules, so a lemma both reach counts as regular (comics: noun.exc also names comic_strip).
    found += [(lemma, "exception") for lemma in wn._exception_map[pos].get(key, [])]
    index = wn._lemma_pos_offset_map
    seen, result = set(), []
    for lemma, route in found:
        if lemma and lemma not in seen and pos in index[lemma]:
            seen.add(lemma)
            result.append((lemma, route))
    return result


def plural_word(key, own_entry=False):
    """savings, jeans, and (when WordNet has them as headwords) ethics, dynamics: plurals with a meaning
    of their own. Critics and topics are only plurals."""
    return key in PLURAL_WORDS or own_entry and key.endswith("ics")


@lru_cache(maxsize=1)
def irregular_verbs(wn):
    """Verbs verb.exc gives irregular forms of (see: saw, seen)."""
    return frozenset(lemma for lemmas in wn._exception_map[VERB].values() for lemma in lemmas)


def lemma_count(reading):
    if reading.count < 0:
        reading.count = sum(
            lem.count()
            for s in reading.synsets
            for lem in s.lemmas()
            if lem.name().lower() == reading.lemma
        )
    return reading.count


def ranked(wn, readings, key, zipf):
    """Lemmas in the order a reader most likely means them; each lemma once, its readings together."""
    if any(r.lemma == key and r.pos == NOUN for r in readings):
        # A participle is an adjective, not a noun: "seed" is no form of see, whose past is saw.
        irregular = irregular_verbs(wn)
        readings = [r for r in readings if not (r.route.startswith("ed>") and r.lemma in irregular)]
    # A comparative is rarer than its base (of wordfreq's 20,000 commonest forms, every real one is at
    # least 0.45 Zipf rarer): "oliver" is no form of olive. A form that is a headword of its own only names
    # the comparative, so there only a base far rarer rules it out: "after" is no form of aft, "number"
    # none of numb, but later still names late.
    own = any(r.lemma == key for r in readings)
    readings = [
        r
        for r in readings
        if not (r.route in COMPARATIVES and zipf(r.lemma) < zipf(key) - (1 if own else 0))
    ]
    lemmas = list(dict.fromkeys(r.lemma for r in readings))
    if len(lemmas) == 1:
        return lemmas
    by_lemma = {lemma: [r for r in readings if r.lemma == lemma] for lemma in lemmas}
    count = {lemma: sum(map(lemma_count, group)) for lemma, group in by_lemma.items()}
    routes = {lemma: {r.route for r in group} for lemma, group in by_lemma.items()}
    # An exception the regular rules also reach in the same part of speech is not needed (comics →
    # comic_strip in noun.exc, while -s gives comic): it ranks after them.
    ruled = {r.pos for r in readings if r.route not in ("self", "exception")}

    def tier(lemma):
        if lemma == key:
            return 2
        if any(r.route == "exception" and r.pos not in ruled for r in by_lemma[lemma]):
            return 0
        return 1 if routes[lemma] - {"exception"} else 3

    bases = sorted((lem for lem in lemmas if lem != key), key=lambda lem: (tier(lem), -count[lem]))
    if key not in by_lemma:
        return bases
    if not bases:
        return [key]
    base = bases[0]
    if _own_word_first(key, base, by_lemma, count, zipf, tier(base)):
        return [key] + bases
    return bases[:1] + [key] + bases[1:]


def _own_word_first(key, base, by_lemma, count, zipf, base_tier):
    plural = any(
        r.pos == NOUN and tuple(r.route.split(">")) in PLURAL_RULES for r in by_lemma[base]
    )
    noun_exception = any(r.pos == NOUN and r.route == "exception" for r in by_lemma[base])
    if plural or noun_exception:
        # ethics, dynamics, savings: fields and plural-only nouns are words of their own.
        return plural_word(key, own_entry=True) or zipf(key) - zipf(base) >= PLURAL_OWN_WORD_GAP
    if base_tier == 0:
        return False  # went, saw, left: the exception list's base first
    routes = {r.route.split(">")[0] for r in by_lemma[base]}
    if routes <= {"er", "est"}:
        # founder, broker, insider: a noun of its own (the comparative, if any, is named); longer (adv.) too.
        return any(r.pos == NOUN for r in by_lemma[key]) or count[key] >= OWN_WORD_MIN_COUNT
    if count[key] > count[base]:
        return True  # fleeting (1) is no form of the rare verb fleet (0)
    return count[key] >= OWN_WORD_MIN_COUNT and count[key] * OWN_WORD_RATIO >= count[base]
