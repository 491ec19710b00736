"""Adding a correction retires exactly the stored pages that show the article's date or its corrections:
the article, its fronts and the homepage (they list it by date), the feeds, sitemap and /corrections/
(with its feed); never a sibling article or another section."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from broadsheet.pagecache import purge_tags
from broadsheet.pagecache.tests.fixtures import asgi, fresh_cache  # noqa: F401 (fixtures)

from ..services import article_publish, correction_add, correction_remove
from .factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def site(home, politics, committing):
    with committing():
        business = SectionPageFactory(parent=home, title="Business", slug="business")
        pages = {
            "article": ArticlePageFactory(
                parent=politics, title="Ministry revises clinic figures", slug="clinics"
            ),
            "sibling": ArticlePageFactory(parent=politics, title="Assembly sits late", slug="late"),
            "other": ArticlePageFactory(parent=business, title="Exports rise", slug="exports"),
        }
        for page in pages.values():
            article_publish(article=page)
    return {**pages, "home": home, "politics": politics, "business": business}


URLS = {
    "article": "/national/politics/clinics/",
    "sibling": "/national/politics/late/",
    "other": "/business/exports/",
    "politics": "/national/politics/",
    "national": "/national/",
    "business": "/business/",
    "home": "/",
    "corrections": "/corrections/",
    "corrections-feed": "/corrections/feed/",
    "feed": "/feeds/latest/atom/",
}


@pytest.fixture
def warm(asgi):
    def warm_all():
        for name, url in URLS.items():
            asgi(url)
            assert asgi(url).x_cache == "HIT", name

    return warm_all


def misses(asgi):
    return {name for name, url in URLS.items() if asgi(url).x_cache == "MISS"}


def test_adding_a_correction_purges_exactly_its_pages(site, asgi, warm, committing):
    warm()
    with committing():
        correction_add(article=site["article"], text="The ministry counted 41 clinics, not 14.")
    assert misses(asgi) == {
        "article",
        "politics",
        "national",
        "home",
        "corrections",
        "corrections-feed",
        "feed",
    }
    assert (
        b"41 clinics" in asgi(URLS["corrections"]).body
        and b"41 clinics" in asgi(URLS["article"]).body
    )
    assert b"41 clinics" in asgi(URLS["corrections-feed"]).body


def test_the_feed_item_shows_the_new_update_time_at_once(site, asgi, warm, committing):
    """Retiring the feed at the page cache is not enough if anything behind it keeps the old copy."""
    warm()
    at = (timezone.now() + datetime.timedelta(hours=2)).replace(microsecond=0)
    with committing():
        correction_add(
            article=site["article"], text="The ministry counted 41 clinics, not 14.", at=at
        )
    feed = feedparser.parse(asgi(URLS["feed"]).body)
    entry = next(e for e in feed.entries if e.title == "Ministry revises clinic figures")
    assert datetime.datetime(*entry.updated_parsed[:6], tzinfo=datetime.UTC) == at


def test_removing_a_correction_purges_the_same(site, asgi, warm, committing):
    with committing():
        correction = correction_add(
            article=site["article"], text="The ministry counted 41 clinics, not 14."
        )
    warm()
    with committing():
        correction_remove(
            article=site["article"], correction=correction, reason="Entered on the wrong story."
        )
    assert misses(asgi) == {
        "article",
        "politics",
        "national",
        "home",
        "corrections",
        "corrections-feed",
        "feed",
    }
    assert b"41 clinics" not in asgi(URLS["corrections"]).body


def test_publishing_an_uncorrected_article_leaves_corrections_stored(site, asgi, warm, committing):
    warm()
    with committing():
        article_publish(article=site["other"])
    assert "corrections" not in misses(asgi)


def test_the_front_cache_is_told_too(site, settings, monkeypatch, committing):
    """With a front cache configured, /corrections/ and its feed are purged there by URL."""
    calls = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.utils.purge_urls_from_cache",
        lambda urls, **kw: calls.append(list(urls)),
    )
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.utils.purge_pages_from_cache", lambda pages, **kw: None
    )
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.org"
    with committing():
        correction_add(article=site["article"], text="The ministry counted 41 clinics, not 14.")
    urls = {url for batch in calls for url in batch}
    assert {
        "https://news.example.org/corrections/",
        "https://news.example.org/corrections/feed/",
    } <= urls
    assert purge_tags  # the purge API this module relies on
