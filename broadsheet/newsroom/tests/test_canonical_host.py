"""Absolute URLs come from the configured root, never the request's Host (the page cache shares pages)."""

import pytest

from .factories import ArticlePageFactory, AuthorFactory, NewsImageFactory, add_bylines

pytestmark = pytest.mark.django_db
EVIL = {"HTTP_HOST": "localhost:6666"}


@pytest.fixture
def article(politics):
    story = ArticlePageFactory(
        parent=politics, title="Council adopts the harbour plan", lead_image=NewsImageFactory()
    )
    add_bylines(story, [AuthorFactory(name="Jiwoo Han", slug="jiwoo-han")])
    return story


@pytest.fixture(autouse=True)
def private_cache(settings, request):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.name,
        }
    }


def _pages(article):
    return [
        article.url,
        f"{article.url}print/",
        "/feeds/latest/",
        "/feeds/latest/atom/",
        "/feeds/sections/national/",
        "/sitemap.xml",
        "/authors/jiwoo-han/",
    ]


def test_a_crafted_host_never_reaches_a_link(client, article):
    for url in _pages(article):
        poisoned = client.get(url, **EVIL)
        assert poisoned.status_code == 200, url
        assert b":6666" not in poisoned.content, url
    # ...nor what the next reader, with an ordinary Host, is served from any cache.
    page = client.get(article.url).content.decode()
    assert (
        ":6666" not in page
        and f'<link rel="canonical" href="http://localhost{article.url}">' in page
    )


def test_the_configured_root_wins(client, settings, article):
    settings.BROADSHEET_CANONICAL_URL = "https://news.example.org/"
    page = client.get(article.url, **EVIL).content.decode()
    assert f'<link rel="canonical" href="https://news.example.org{article.url}">' in page
    assert f'<meta property="og:url" content="https://news.example.org{article.url}">' in page
    assert '"item": "https://news.example.org/national/"' in page  # the breadcrumb's JSON-LD
    feed = client.get("/feeds/latest/", **EVIL).content.decode()
    assert f"<link>https://news.example.org{article.url}</link>" in feed
