"""Corrections on the record: the model and services, the article page and print view, JSON-LD, the feed
item's update time, /corrections/ and its RSS feed, and what the page cache retires when one is added."""

import datetime
import json
import re

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import PageLogEntry

from ..models import ArticleCorrection, ArticlePage, CorrectionKind
from ..services import article_publish, correction_add, correction_remove
from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

WRONG_NAME = "An earlier version of this article gave the name of the minister as Park Ji-hoon. He is Park Ji-ho."
CONTEXT_NOTE = (
    "This article was updated to add a reply from the council, received after publication."
)


@pytest.fixture
def article(politics):
    article = ArticlePageFactory(parent=politics, title="Minister outlines plan for rural clinics")
    article_publish(article=article)
    return ArticlePage.objects.get(pk=article.pk)


def json_ld(html):
    blocks = [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    return next(b for b in blocks if b["@type"] == "NewsArticle")


def test_correction_add_publishes_it_with_time_defaulting_to_now(article):
    before = timezone.now()
    correction = correction_add(article=article, text=f"  {WRONG_NAME}  ")
    assert (
        correction.pk
        and correction.kind == CorrectionKind.CORRECTION
        and correction.text == WRONG_NAME
    )
    assert before <= correction.published_at <= timezone.now()
    live = ArticlePage.objects.get(pk=article.pk)
    assert [c.text for c in live.corrections.all()] == [WRONG_NAME]
    assert (
        live.get_latest_revision().content["corrections"][0]["text"] == WRONG_NAME
    )  # in the history too


@pytest.mark.parametrize("text", ["", "   \n  ", None])
def test_empty_correction_is_refused_and_writes_nothing(article, text):
    revisions = article.revisions.count()
    with pytest.raises(ValidationError) as error:
        correction_add(article=article, text=text)
    assert "text" in error.value.message_dict
    assert not ArticleCorrection.objects.exists() and article.revisions.count() == revisions


def test_unknown_kind_is_refused(article):
    with pytest.raises(ValidationError):
        correction_add(article=article, text=WRONG_NAME, kind="retraction")
    assert not ArticleCorrection.objects.exists()


def test_removal_needs_a_reason_and_is_logged(article):
    correction = correction_add(article=article, text=WRONG_NAME)
    for reason in ("", "  "):
        with pytest.raises(ValidationError):
            correction_remove(article=article, correction=correction, reason=reason)
    assert ArticleCorrection.objects.filter(pk=correction.pk).exists()
    assert not PageLogEntry.objects.filter(action="newsroom.correction_removed").exists()

    correction_remove(article=article, correction=correction, reason="Added to the wrong article.")
    assert not ArticleCorrection.objects.exists()
    entry = PageLogEntry.objects.get(action="newsroom.correction_removed", page=article)
    assert (
        entry.data["reason"] == "Added to the wrong article." and entry.data["text"] == WRONG_NAME
    )
    assert entry.revision_id == ArticlePage.objects.get(pk=article.pk).latest_revision_id
    assert "Added to the wrong article." in entry.message and WRONG_NAME in entry.message


def test_article_shows_corrections_on_top_and_the_rest_below(client, article):
    at = datetime.datetime(2026, 3, 4, 1, 15, tzinfo=datetime.UTC)
    fix = correction_add(article=article, text=WRONG_NAME, at=at)
    note = correction_add(article=article, text=CONTEXT_NOTE, kind=CorrectionKind.EDITORS_NOTE)
    html = client.get(article.url).content.decode()
    top, body, bottom = (
        html.index('class="corrections corrections-top"'),
        html.index("article-body"),
        html.index('class="corrections corrections-bottom"'),
    )
    assert top < body < bottom < html.index('id="comments"')
    assert html.index(WRONG_NAME) < body < html.index(CONTEXT_NOTE)
    assert f'id="correction-{fix.pk}"' in html and f'id="correction-{note.pk}"' in html
    assert '<strong class="correction-kind">Correction</strong>' in html
    assert (
        '<time class="correction-time" datetime="2026-03-04T10:15:00+09:00">March 4, 2026, 10:15 KST</time>'
        in html
    )
    assert "Editor&#x27;s note" in html


@pytest.fixture
def clarified(article):
    """The article with a correction and a clarification."""
    correction_add(article=article, text=WRONG_NAME)
    correction_add(article=article, text=CONTEXT_NOTE, kind=CorrectionKind.CLARIFICATION)
    return article


def test_labels_in_korean(client, clarified):
    html = client.get(clarified.url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert '<strong class="correction-kind">정정</strong>' in html
    assert '<strong class="correction-kind">해명</strong>' in html
    assert ">바로잡습니다</h2>" in html


def test_print_view_keeps_the_corrections(client, clarified):
    html = client.get(clarified.url + "print/").content.decode()
    assert html.index(WRONG_NAME) < html.index("article-body") < html.index(CONTEXT_NOTE)


def test_json_ld_carries_corrections_and_a_later_date_modified(client, article):
    article.updated_at = article.first_published_at + datetime.timedelta(minutes=10)
    article_publish(article=article)
    at = timezone.now() + datetime.timedelta(minutes=1)  # later than the publication that adds it
    correction_add(article=article, text=WRONG_NAME, at=at)
    correction_add(article=article, text=CONTEXT_NOTE, kind=CorrectionKind.EDITORS_NOTE, at=at)
    news = json_ld(client.get(article.url).content.decode())
    assert news["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": WRONG_NAME,
            "datePublished": timezone.localtime(at).isoformat(),
        }
    ]  # the editor's note adds context and corrects nothing
    assert news["dateModified"] == timezone.localtime(at).isoformat()


def test_no_corrections_no_correction_key(client, article):
    assert "correction" not in json_ld(client.get(article.url).content.decode())


def test_the_visible_updated_time_follows_a_correction(client, article):
    """The byline's "Updated" is the reader's cue to look for what changed: a correction moves it too."""
    assert 'class="updated"' not in client.get(article.url).content.decode()
    at = timezone.now() + datetime.timedelta(hours=1)
    correction_add(article=article, text=WRONG_NAME, at=at)
    html = client.get(article.url).content.decode()
    [shown] = re.findall(r'class="updated">[^<]*<time datetime="([^"]+)"', html)
    assert shown == timezone.localtime(at).isoformat()


def test_feed_item_update_time_follows_a_correction(client, article):
    at = timezone.now() + datetime.timedelta(hours=1)
    correction_add(article=article, text=WRONG_NAME, at=at)
    feed = feedparser.parse(client.get("/feeds/latest/atom/").content)
    assert not feed.bozo, feed.bozo_exception
    entry = next(e for e in feed.entries if e.title == article.display_headline)
    assert datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC) == at.replace(
        microsecond=0
    )


def test_corrections_page_lists_newest_first_with_links(client, politics, article, settings):
    settings.NEWSROOM_CORRECTIONS_PAGE_SIZE = 2
    other = ArticlePageFactory(parent=politics, title="Port strike ends after two weeks")
    base = timezone.now() - datetime.timedelta(days=1)
    first = correction_add(article=article, text=WRONG_NAME, at=base)
    second = correction_add(
        article=other,
        text="The strike lasted 13 days, not 14.",
        at=base + datetime.timedelta(hours=1),
    )
    third = correction_add(
        article=article,
        text=CONTEXT_NOTE,
        kind=CorrectionKind.CLARIFICATION,
        at=base + datetime.timedelta(hours=2),
    )
    html = client.get("/corrections/").content.decode()
    assert html.index(CONTEXT_NOTE) < html.index("13 days")
    assert WRONG_NAME not in html  # on page 2
    assert (
        f'<a href="{article.url}#correction-{third.pk}">Minister outlines plan for rural clinics</a>'
        in html
    )
    assert f'href="{other.url}#correction-{second.pk}"' in html
    assert 'rel="next" href="?page=2"' in html and 'type="application/rss+xml"' in html
    page2 = client.get("/corrections/?page=2").content.decode()
    assert WRONG_NAME in page2 and f"#correction-{first.pk}" in page2
    for bad in ("3", "0", "x", "-1", "1.5"):
        assert client.get(f"/corrections/?page={bad}").status_code == 404


def test_unpublished_articles_corrections_are_not_listed(client, article):
    correction_add(article=article, text=WRONG_NAME)
    article.unpublish()
    assert WRONG_NAME not in client.get("/corrections/").content.decode()
    assert "No corrections yet." in client.get("/corrections/").content.decode()


def test_corrections_feed_parses_and_links_to_each_correction(client, article):
    fix = correction_add(article=article, text="The budget is 4.2 trillion won <not 42>.")
    response = client.get("/corrections/feed/")
    assert response.status_code == 200 and response["Content-Type"].startswith(
        "application/rss+xml"
    )
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Broadsheet: corrections and clarifications"
    [entry] = feed.entries
    assert entry.title == "Correction: Minister outlines plan for rural clinics"
    assert entry.link == f"http://localhost{article.url}#correction-{fix.pk}"
    assert (
        entry.summary == "The budget is 4.2 trillion won &lt;not 42&gt;."
    )  # text, escaped as the HTML RSS carries


def test_corrections_page_in_korean(client):
    html = client.get("/corrections/", HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert "정정 및 해명" in html


def test_a_preview_with_an_unsaved_correction_without_time_renders(rf, article):
    """The editor cleared the time and pressed Preview: the correction shows last, undated, and nothing breaks."""
    from ..models import ArticleCorrection
    from ..reading import build_article_context

    correction_add(article=article, text=WRONG_NAME)
    page = ArticlePage.objects.get(pk=article.pk)
    page.corrections.add(
        ArticleCorrection(kind=CorrectionKind.CORRECTION, text=CONTEXT_NOTE, published_at=None)
    )
    request = rf.get(article.url)
    request.is_preview = True
    context = build_article_context(page, request)
    assert [c.text for c in context["corrections_above"]] == [WRONG_NAME, CONTEXT_NOTE]
    assert page.modified_at >= page.corrected_at
