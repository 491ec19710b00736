"""The "Words in this article" box on a real article in the real page tree."""

import pytest
from django.test import Client

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
    from broadsheet.newsroom.tests.factories import paragraphs

    article.body = paragraphs("Officials called the walkout a round of tit for tat, and said it was no big deal.")
    article.save_revision().publish()
    lemmas = {w["lemma"] for w in hard_words(article, "B2")}
    assert "tit for tat" in lemmas
    assert not {"tit", "tat"} & lemmas


def test_box_is_cached_per_revision(article, glossary, django_assert_max_num_queries):
    hard_words(article, "B2")
    with django_assert_max_num_queries(1):  # only the glossary version check may touch anything
        hard_words(article, "B2")


def test_box_on_article_page_and_print_view(article, glossary):
    client = Client()
    for url in (article.url, article.url + "print/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Words in this article" in html and "연락사무소" in html


def test_publishing_builds_the_box_and_the_levels(article, glossary, monkeypatch, django_capture_on_commit_callbacks):
    from broadsheet.dictionary import article_words
    from broadsheet.newsroom.tests.factories import paragraphs

    article.body = paragraphs("A protracted deadlock ended in a round of tit for tat.")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.refresh_from_db()

    def not_again(*args):
        raise AssertionError("built again on the first view")

    monkeypatch.setattr(article_words, "_hard_words", not_again)
    monkeypatch.setattr(article_words, "word_levels", not_again)
    assert "deadlock" in {w["lemma"] for w in hard_words(article, "B2")}
    assert "tit for tat" in article_words.article_levels(article)


def test_levels_name_phrases_whole(article, glossary):
    from broadsheet.dictionary.article_words import word_levels

    levels = word_levels("Analysts said it was a round of tit for tat and no big deal.")
    assert levels["tit for tat"]["found"] and levels["tit for tat"]["level"]
    assert "big deal" in levels
