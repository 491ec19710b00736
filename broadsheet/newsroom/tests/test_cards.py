"""Listing cards are remembered per newsroom generation (cards.py): the same HTML as a fresh render, new
after a publish, with a comment count that is always current, in the reader's language."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from broadsheet.comments.models import Thread

from ..cards import cards_for
from ..models import ArticlePage
from .discovery import build_archive, seoul, story

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(politics):
    return build_archive(politics)


def _cards_html(client, url):
    html = client.get(url).content.decode()
    start = html.index('<ol class="card-list">')
    return html[start : html.index("</ol>", start)]


def test_a_remembered_card_is_the_card_a_fresh_render_gives(client, archive):
    budget = archive["budget"]
    Thread.objects.create(key=budget.comments_thread_key, title="t", url="/", comment_count=4)
    first = _cards_html(client, "/tags/budget/")
    again = _cards_html(client, "/tags/budget/")  # from memory this time
    request = RequestFactory().get("/tags/budget/")
    fresh = render_to_string(
        "newsroom/elements/article_card.html",
        {"article": ArticlePage.objects.get(pk=budget.pk)},
        request=request,
    )
    assert first == again
    assert fresh in again
    assert f'data-comment-count="article-{budget.pk}">4<' in fresh


def test_a_remembered_listing_reads_no_article_rows(client, archive):
    client.get("/tags/budget/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/tags/budget/").status_code == 200
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert "rendition" not in sql  # the cards' photos are not fetched again
    assert '"newsroom_articlepage"."kicker"' not in sql  # nor the articles' fields


def test_a_publish_renews_the_card_and_the_count_is_always_current(client, archive):
    budget = archive["budget"]
    assert "Assembly passes a leaner budget" in _cards_html(client, "/tags/budget/")
    # A comment changes no generation: the count is filled in on every render.
    Thread.objects.create(key=budget.comments_thread_key, title="t", url="/", comment_count=7)
    assert f'data-comment-count="article-{budget.pk}">7<' in _cards_html(client, "/tags/budget/")
    budget.title = budget.headline = "Assembly passes a budget at dawn"
    budget.save_revision().publish()
    html = _cards_html(client, "/tags/budget/")
    assert "Assembly passes a budget at dawn" in html and "leaner" not in html


def test_cards_are_remembered_per_language(archive):
    budget = archive["budget"]
    request = RequestFactory().get("/tags/budget/")
    with translation.override("en"):
        (english,) = cards_for(request, [budget.pk])
    with translation.override("ko"):
        (korean,) = cards_for(request, [budget.pk])
    assert budget.display_headline in english.head and budget.display_headline in korean.head
    assert "March" in english.head and "3월" in korean.head  # the date, the reader's way


def test_an_unpublished_story_leaves_its_cards(client, politics):
    kept = story(politics, "Harbour story kept", seoul(2026, 5, 2, 8), tags=["harbour"])
    gone = story(politics, "Harbour story withdrawn", seoul(2026, 5, 3, 8), tags=["harbour"])
    assert "withdrawn" in _cards_html(client, "/tags/harbour/")
    gone.unpublish()
    html = _cards_html(client, "/tags/harbour/")
    assert "withdrawn" not in html and kept.title in html


def test_a_renamed_section_front_moves_with_its_slug(client, politics):
    """Section fronts' routes are remembered per generation (ShortRouteMixin): a new slug is a new path."""
    story(politics, "Cabinet meets", seoul(2026, 5, 2, 8))
    assert client.get("/national/politics/").status_code == 200
    politics.slug = "politics-and-policy"
    politics.save_revision().publish()
    assert client.get("/national/politics-and-policy/").status_code == 200
    assert client.get("/national/politics/").status_code == 404


def test_a_front_lists_a_new_subsection_and_its_feed_follows_a_new_slug(client, home, politics):
    """A front's subsection links and feed link are remembered per generation (fronts.section_front)."""
    from .factories import SectionPageFactory

    national = politics.get_parent().specific
    html = client.get("/national/").content.decode()
    assert 'href="/feeds/sections/national/"' in html and "Diplomacy" not in html
    SectionPageFactory(
        parent=national, title="Diplomacy", slug="diplomacy"
    ).save_revision().publish()
    html = client.get("/national/").content.decode()
    assert '<a href="/national/diplomacy/">Diplomacy</a>' in html
    national.slug = "nation"
    national.save_revision().publish()
    assert 'href="/feeds/sections/nation/"' in client.get("/nation/").content.decode()
