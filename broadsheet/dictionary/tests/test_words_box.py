"""The "Words in this article" box on the tests' own article (the box on Broadsheet's article page and
print view, and its build at publish: newsroom/tests/test_dictionary_box.py)."""

import pytest

from broadsheet.dictionary.article_words import hard_words

pytestmark = pytest.mark.django_db


def test_box_lists_hard_words_and_glossary_terms(article, glossary):
    words = {w["lemma"]: w for w in hard_words(article, "B2")}
    assert {"Kaesong", "liaison office", "Unification Ministry", "denuclearization"} <= set(words)
    assert words["Kaesong"]["gloss"].startswith("개성")
    assert "deadlock" in words and words["deadlock"]["level"] in ("C1", "C2")
    assert "withdraw" not in words  # B2 is not above B2
    assert "withdraw" in {w["lemma"] for w in hard_words(article, "B1")}


def test_box_explains_phrases_not_their_parts(article, glossary):
    article.revise(
        "Officials called the walkout a round of tit for tat, and said it was no big deal."
    )
    lemmas = {w["lemma"] for w in hard_words(article, "B2")}
    assert "tit for tat" in lemmas
    assert not {"tit", "tat"} & lemmas


def test_box_is_cached_per_revision(article, glossary, django_assert_max_num_queries):
    hard_words(article, "B2")
    with django_assert_max_num_queries(1):  # only the glossary version check may touch anything
        hard_words(article, "B2")


def test_levels_name_phrases_whole(article, glossary):
    from broadsheet.dictionary.article_words import word_levels

    levels = word_levels("Analysts said it was a round of tit for tat and no big deal.")
    assert levels["tit for tat"]["found"] and levels["tit for tat"]["level"]
    assert "big deal" in levels
