"""Author and topic feeds (and every feed's items) through feedparser: no bozo, with authors, times,
categories and the lead photo."""

import feedparser
import pytest

from .discovery import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(politics):
    return build_archive(politics)


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    feed = feedparser.parse(response.content)
    assert not feed.bozo, (url, feed.get("bozo_exception"))
    return response, feed


@pytest.mark.parametrize("kind", ["", "atom/"])
def test_author_feed(client, archive, kind):
    response, feed = _parse(client, f"/feeds/authors/{archive['reporter'].slug}/{kind}")
    assert [e.title for e in feed.entries] == [
        "Night session runs past midnight",
        "Opposition delays a vote on pensions",
        "Assembly passes a leaner budget",
    ]
    vote = feed.entries[1]
    assert vote.author == "Min-ji Park, Harbour Wire"
    assert vote.published_parsed[:4] == (2026, 3, 2, 9)  # 18:00 in Seoul
    assert vote.updated_parsed[:4] == (2026, 3, 2, 9)
    assert [t.term for t in vote.tags] == ["pensions"]
    media = vote.media_content[0]
    assert media["url"].startswith("http://localhost/media/") and media["medium"] == "image"
    assert vote.media_credit[0]["content"] == "NEWSWIRE"
    assert f"author-{archive['reporter'].pk}" in response["Surrogate-Key"].split()


@pytest.mark.parametrize("kind", ["", "atom/"])
def test_topic_feed(client, archive, kind):
    response, feed = _parse(client, f"/feeds/tags/budget/{kind}")
    assert [e.title for e in feed.entries] == [
        "Ferry strike ends after two days",
        "Assembly passes a leaner budget",
    ]
    assert feed.entries[1].link == f"http://localhost{archive['budget'].url}"
    assert {t.term for t in feed.entries[1].tags} == {"budget", "assembly"}


def test_site_and_section_feeds_carry_the_same_fields(client, archive):
    for url in ("/feeds/latest/", "/feeds/latest/atom/", "/feeds/sections/national/politics/"):
        _response, feed = _parse(client, url)
        assert all(
            e.get("media_content") and e.get("author") and e.get("updated") for e in feed.entries
        ), url


def test_unknown_author_or_topic_feed_is_404(client, archive):
    assert client.get("/feeds/authors/nobody/").status_code == 404
    assert client.get("/feeds/tags/nothing/atom/").status_code == 404
