#!/usr/bin/env python3
"""Dictionary precision (issue 17): over wordfreq's 20,000 most frequent English forms, how many find an
entry, and whether the headword (or a base the entry names) agrees with independent lemma references.

References: simplemma and lemminflect, neither used by the product (it ranks WordNet's own readings,
dictionary/readings.py), so both are independent of its choice. "Reduced" forms are those both references
take to the same lemma, different from the form; a form agrees when that lemma is the headword, one of its
spellings, or a reading the entry names ("also a form of"). "Unrelated by suffix" counts forms whose first
headword is a shorter word the form starts with that neither reference gives (bees → be), where lemminflect
knows the form; forms neither reference knows (cds, tvs, oliver) are listed apart, to judge by eye.

Run: `.venv/bin/python bench/dictionary_precision.py` (or `make bench PARTS=precision`); writes
bench/dictionary_precision.md. Needs `pip install lemminflect simplemma` (the bench extra).
"""

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.test")
FORMS = int(os.environ.get("PRECISION_FORMS", "20000"))
OUT = Path(__file__).resolve().parent / "dictionary_precision.md"


def our_reading(word):
    """(headword, bases named, spellings), lower case: what the popup shows for the word, less the glossary."""
    from broadsheet.dictionary.grammar import grammar_entry
    from broadsheet.dictionary.lemmas import normalise
    from broadsheet.dictionary.lookup import wordnet_reading

    grammar = grammar_entry(normalise(word))  # as build_entry: "it's" is looked up as "it"
    if grammar:
        return word, [grammar[2]] if grammar[2] else [], []
    _, found = wordnet_reading(word)
    if not found:
        return None, [], []
    return (
        found["lemma"].lower(),
        [a["lemma"].lower() for a in found["also"]],
        [s.lower() for s in found["spellings"]],
    )


def references(word):
    import lemminflect
    import simplemma

    simple = simplemma.lemmatize(word, lang="en").lower()
    inflect = {lem.lower() for lemmas in lemminflect.getAllLemmas(word).values() for lem in lemmas}
    return simple, inflect


def measure(words):
    from broadsheet.dictionary.lemmas import normalise

    rows = {"forms": 0, "found": 0, "reduced": 0, "agree": 0, "unrelated": [], "unjudged": []}
    disagreements, missing = [], []
    for word in words:
        rows["forms"] += 1
        headword, also, spellings = our_reading(word)
        simple, inflect = references(word)
        if headword is None:
            missing.append(word)
            continue
        rows["found"] += 1
        if simple != word and simple in inflect:
            rows["reduced"] += 1
            if simple in {headword, *also, *spellings}:
                rows["agree"] += 1
            else:
                disagreements.append((word, simple, headword, also))
        form = normalise(word).lower()  # "people's" is looked up as "people"
        if (
            headword != form
            and form.startswith(headword)
            and headword not in inflect | {simple} | set(spellings)
        ):
            # Judged only where a reference knows the word; the rest are listed for a reader to judge.
            rows["unrelated" if inflect else "unjudged"].append(
                (word, headword, simple, sorted(inflect))
            )
    return rows, disagreements, missing


def main():
    import django

    django.setup()
    from wordfreq import top_n_list

    words = [
        w
        for w in top_n_list("en", FORMS)
        if w.isascii() and w.replace("-", "").replace("'", "").isalpha()
    ]
    started = time.monotonic()
    rows, disagreements, missing = measure(words)
    seconds = time.monotonic() - started
    agree = 100 * rows["agree"] / max(1, rows["reduced"])
    lines = [
        "# Dictionary precision",
        "",
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} — `.venv/bin/python bench/dictionary_precision.py` "
        f"({seconds:.0f} s). wordfreq's {FORMS:,} most frequent English forms, {rows['forms']:,} of them words "
        "(letters, hyphens, apostrophes). References: simplemma and lemminflect (not used by the product).",
        "",
        "| Figure | Value | Target |",
        "|---|---|---|",
        f"| entry found (WordNet reading or grammar word) | {rows['found']:,} / {rows['forms']:,} "
        f"({100 * rows['found'] / rows['forms']:.1f}%) | – |",
        f"| agreement where both references reduce the form to one lemma | {rows['agree']:,} / {rows['reduced']:,} "
        f"({agree:.2f}%) | ≥ 99.5% |",
        f"| first headword an unrelated word by stripping a suffix (where lemminflect knows the form) | "
        f"{len(rows['unrelated'])} | 0 |",
        f"| the same, forms neither reference knows (listed below to judge by eye) | {len(rows['unjudged'])} | – |",
        "",
        "## Disagreements (form: references → headword; also named)",
        "",
    ]
    lines += [
        f"- {w}: {ref} → {head}" + (f"; also {', '.join(also)}" if also else "")
        for w, ref, head, also in disagreements
    ]
    lines += ["", "## First headword a shorter word neither reference gives", ""]
    lines += [
        f"- {w} → {head} (simplemma {s}; lemminflect {', '.join(i)})"
        for w, head, s, i in rows["unrelated"]
    ]
    lines += [
        "",
        "## The same where neither reference knows the form (abbreviations, names, rare words)",
        "",
    ]
    lines += [f"- {w} → {head}" for w, head, _, _ in rows["unjudged"]]
    lines += [
        "",
        f"## The {min(100, len(missing))} most frequent forms with no entry (of {len(missing):,})",
        "",
        ", ".join(missing[:100]),
    ]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[:12]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
