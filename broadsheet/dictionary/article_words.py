"""The words of one article and their levels: the "Words in this article" box and reader highlighting.

Computed from the article's text (adapter.article_text: the site's adapter says what an article's text is)
once per page revision and glossary version.
"""

import re

from django.core.cache import cache

from .adapter import article_text
from .app_settings import app_settings
from .glossary import glossary_version
from .levels import level_number, word_level
from .lookup import NotAWord, check_word, headword_level, lookup, short_gloss, wordnet_reading

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")


def glossary_terms_in(text):
    """Glossary terms (names, phrases) that occur in the text, as written there."""
    from .models import GlossaryTerm

    lowered = text.lower().replace("’", "'")
    found = []
    for key, term in GlossaryTerm.objects.values_list("key", "term"):
        if re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", lowered):
            found.append(term)
    return found


def expressions_in(text):
    """WordNet's multi-word expressions in the text ("tit for tat", "big deal"), longest first, each once.

    Only words separated by plain spaces count, so "deal. The" never joins across a sentence."""
    from .wordnet import get_wordnet

    index = get_wordnet()._lemma_pos_offset_map
    tokens = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]", text))
    found = []
    for size in (4, 3, 2):
        for i in range(len(tokens) - size + 1):
            run = tokens[i : i + size]
            if any(text[a.end() : b.start()] != " " for a, b in zip(run, run[1:], strict=False)):
                continue
            phrase = " ".join(t.group() for t in run)
            if phrase.replace(" ", "_").lower() in index and not any(phrase in f for f in found):
                found.append(phrase)
    return found


def word_levels(text):
    """{form as written: {lemma, level, found}} for every distinct word of the text that has a level, and
    for each multi-word expression WordNet knows ("tit for tat"), so highlighting marks it as one.

    WordNet and the level tables only, plus one query for the glossary's keys: an article of 500 distinct
    words costs no query per word."""
    from .models import GlossaryTerm, term_key

    glossary = set(GlossaryTerm.objects.values_list("key", flat=True))
    levels = {}
    for form in dict.fromkeys(WORD.findall(text)):
        try:
            word = check_word(form)
        except NotAWord:
            continue
        forms, found = wordnet_reading(
            word
        )  # the popup's own choice of headword, so the same level
        lemma = found["lemma"] if found else forms[0]
        level = headword_level(found, lemma)["level"]
        if level:
            levels[form] = {
                "lemma": lemma,
                "level": level,
                "found": bool(found) or term_key(word) in glossary,
            }
    for phrase in expressions_in(text):
        if not phrase[:1].isupper():  # a capitalised run is a name: the glossary's business
            levels[phrase] = {
                "lemma": phrase.lower(),
                "level": word_level(phrase.lower())["level"] or "C2",
                "found": True,
            }
    return levels


def revision_of(page):
    return getattr(page, "live_revision_id", None) or getattr(page, "latest_revision_id", None) or 0


def article_levels(page):
    """word_levels for an article, cached per revision."""
    key = f"dictionary:levels:{page.pk}:{revision_of(page)}:{glossary_version()}"
    levels = cache.get(key)
    if levels is None:
        levels = word_levels(article_text(page))
        cache.set(key, levels, app_settings.CACHE_SECONDS)
    return levels


def hard_words(page, above):
    """The box: glossary terms in the article, then words above the level, each once, with a short gloss."""
    key = f"dictionary:box:{page.pk}:{revision_of(page)}:{glossary_version()}:{above}"
    words = cache.get(key)
    if words is None:
        words = _hard_words(page, above)
        cache.set(key, words, app_settings.CACHE_SECONDS)
    return words


def _hard_words(page, above):
    text = article_text(page)
    threshold = level_number(above)
    terms = glossary_terms_in(text)
    known = {term.lower() for term in terms}
    expressions = [
        e
        for e in expressions_in(text)
        if not e[:1].isupper()
        and e.lower() not in known
        and level_number(lookup(e)["level"] or "C2") > threshold
    ]
    # "liaison" inside "liaison office", "tit" inside "tit for tat": the phrase in the box explains them; the
    # word's own first sense would mislead.
    covered = {word for phrase in terms + expressions for word in phrase.lower().split()}
    words = [
        form
        for form, info in article_levels(page).items()
        if info["found"]
        and level_number(info["level"]) > threshold
        and not form[:1].isupper()
        and form.lower() not in covered
    ]
    chosen, lemmas = [], set()
    for form in terms + expressions + words:
        entry = lookup(form)
        if entry["lemma"].lower() in lemmas or not (
            entry["senses"] or entry["gloss"] or entry["note"]
        ):
            continue
        lemmas.add(entry["lemma"].lower())
        chosen.append(
            {
                "lemma": entry["lemma"],
                "level": entry["level"],
                "pos": entry["pos"],
                "gloss": short_gloss(entry),
            }
        )
        if len(chosen) >= app_settings.BOX_SIZE:
            break
    return chosen
