"""RSS/Atom feeds (site-wide and per section) and the sitemap: published pages only."""

import xml.etree.ElementTree as ET

import pytest

from .factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_cache(settings, request):
    """Feeds and the sitemap are cached by URL; a local cache per test keeps one test's feed out of the next."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.name,
        }
    }


@pytest.fixture
def stories(home, politics):
    business = SectionPageFactory(parent=home, title="Business", slug="business")
    live = ArticlePageFactory(parent=politics, title="Parties agree on election date")
    other = ArticlePageFactory(parent=business, title="Exporters report record quarter")
    draft = ArticlePageFactory(parent=politics, title="Unfinished draft")
    draft.unpublish()
    live.tags.add("elections")
    live.save()
    return live, other, draft


def test_site_feed_lists_published_articles(client, stories):
    live, other, draft = stories
    response = client.get("/feeds/latest/")
    assert response.status_code == 200 and "rss" in response["Content-Type"]
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert set(titles) == {live.title, other.title}
    item = next(i for i in channel.findall("item") if i.findtext("title") == live.title)
    assert item.findtext("link") == f"http://localhost{live.url}"  # the Site's root, not the Host
    assert item.findtext("category") == "elections"


def test_section_feed_includes_subsections_only(client, stories):
    live, other, draft = stories
    response = client.get("/feeds/sections/national/")
    titles = [
        i.findtext("title") for i in ET.fromstring(response.content).find("channel").findall("item")
    ]
    assert titles == [live.title]
    atom = client.get("/feeds/sections/national/politics/atom/")
    assert (
        atom.status_code == 200 and b"<feed" in atom.content and live.title.encode() in atom.content
    )


def test_unknown_section_feed_is_404(client, stories):
    assert client.get("/feeds/sections/nowhere/").status_code == 404


def test_sitemap_lists_published_pages(client, stories):
    live, other, draft = stories
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    index = ET.fromstring(client.get("/sitemap.xml").content)
    files = [loc.text for loc in index.findall("s:sitemap/s:loc", ns)]
    assert files == ["http://localhost/sitemap-pages-0.xml"]
    response = client.get("/sitemap-pages-0.xml")
    assert response.status_code == 200
    locs = {loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", ns)}
    assert f"http://localhost{live.url}" in locs
    assert "http://localhost/national/politics/" in locs
    assert not any(draft.slug in loc for loc in locs)
