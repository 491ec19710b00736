"""The dictionary on Broadsheet's articles: the "Words in this article" box on the page and the print view,
and its build at publish, through the newsroom's DICTIONARY_ADAPTER (dictionary_adapter.py)."""

import pytest
from django.test import Client

from broadsheet.dictionary.article_words import hard_words
from broadsheet.dictionary.tests.factories import STORY
from broadsheet.dictionary.tests.fixtures import fresh_cache, glossary  # noqa: F401  (fixtures)

from .factories import ArticlePageFactory, SectionPageFactory, home_site, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    home = home_site()
    national = SectionPageFactory(parent=home, title="National", slug="national")
    politics = SectionPageFactory(parent=national, title="Politics", slug="politics")
    title, body = STORY
    page = ArticlePageFactory(
        parent=politics, title=title, slug="border-office", body=paragraphs(*body)
    )
    page.save_revision().publish()
    return page


def test_the_adapter_reads_headline_standfirst_and_body(article):
    from broadsheet.dictionary.adapter import article_text

    article.standfirst = "Talks resume at the border."
    text = article_text(article)
    assert text.startswith(STORY[0] + "\nTalks resume at the border.\n") and STORY[1][2] in text


@pytest.mark.usefixtures("glossary")
def test_box_on_article_page_and_print_view(article):
    client = Client()
    for url in (article.url, article.url + "print/"):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "Words in this article" in html and "연락사무소" in html


@pytest.mark.usefixtures("glossary")
def test_publishing_builds_the_box_and_the_levels(
    article, monkeypatch, django_capture_on_commit_callbacks
):
    from broadsheet.dictionary import article_words

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
