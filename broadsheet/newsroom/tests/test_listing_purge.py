"""Publishing, changing or unpublishing an article retires the topic, author and archive pages, feeds and
sitemap files it is on, and only those (served through the real ASGI page cache)."""

import pytest

from broadsheet.pagecache.tests.fixtures import asgi, fresh_cache  # noqa: F401 - the page cache's own fixtures

from .discovery import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(politics):
    archive = build_archive(politics)
    reporter, agency = archive["reporter"].slug, archive["agency"].slug
    return archive, {
        "topic-budget": "/tags/budget/",
        "topic-pensions": "/tags/pensions/",
        "topic-assembly": "/tags/assembly/",
        "author-reporter": f"/authors/{reporter}/",
        "author-agency": f"/authors/{agency}/",
        "day-0302": "/archive/2026/03/02/",
        "day-0305": "/archive/2026/03/05/",
        "day-0401": "/archive/2026/04/01/",
        "month-03": "/archive/2026/03/",
        "month-04": "/archive/2026/04/",
        "feed-latest": "/feeds/latest/",
        "feed-budget": "/feeds/tags/budget/",
        "feed-pensions": "/feeds/tags/pensions/",
        "feed-reporter": f"/feeds/authors/{reporter}/",
        "feed-agency": f"/feeds/authors/{agency}/",
        "sitemap": "/sitemap.xml",
        "sitemap-0": "/sitemap-pages-0.xml",
    }


@pytest.fixture
def warm(asgi, urls):
    def warm_all():
        for name, url in urls[1].items():
            asgi(url)
            assert asgi(url).x_cache == "HIT", name

    return warm_all


def _misses(asgi, urls):
    return {name for name, url in urls[1].items() if asgi(url).x_cache == "MISS"}


def test_changing_an_article_retires_only_the_listings_it_is_on(
    asgi, urls, warm, django_capture_on_commit_callbacks
):
    archive, _ = urls
    warm()
    ferry = archive["ferry"]  # agency byline, tagged budget, March 5th
    ferry.headline = "Ferry strike ends after three days"
    with django_capture_on_commit_callbacks(execute=True):
        ferry.save_revision().publish()
    assert _misses(asgi, urls) == {
        "topic-budget",
        "feed-budget",
        "author-agency",
        "feed-agency",
        "day-0305",
        "month-03",
        "feed-latest",
        "sitemap",
        "sitemap-0",
    }
    assert b"three days" in asgi("/tags/budget/").body


def test_a_tag_taken_off_still_refreshes_the_old_topic_page(
    asgi, urls, warm, django_capture_on_commit_callbacks
):
    archive, _ = urls
    vote = archive["vote"]  # tagged pensions only
    warm()
    vote.tags.set(["assembly"])
    with django_capture_on_commit_callbacks(execute=True):
        vote.save_revision().publish()
    misses = _misses(asgi, urls)
    assert {"topic-pensions", "feed-pensions", "topic-assembly"} <= misses
    assert "topic-budget" not in misses and "day-0305" not in misses
    assert b"Opposition delays a vote" not in asgi("/tags/pensions/").body
    assert b"Opposition delays a vote" in asgi("/tags/assembly/").body


def test_unpublishing_the_only_story_of_a_day_refreshes_the_neighbouring_days(
    asgi,
    urls,
    warm,
    django_capture_on_commit_callbacks,
):
    archive, _ = urls
    warm()
    with django_capture_on_commit_callbacks(execute=True):
        archive["ferry"].unpublish()
    misses = _misses(asgi, urls)
    # March 5th had only the ferry story: March 2nd's and April 1st's "next/previous day" links change.
    assert {"day-0305", "day-0302", "day-0401", "month-03", "month-04"} <= misses
    assert "topic-pensions" not in misses and "author-reporter" not in misses
    assert b"/archive/2026/03/05/" not in asgi("/archive/2026/03/02/").body


def test_editing_an_author_retires_their_page_and_feed(
    asgi, urls, warm, django_capture_on_commit_callbacks
):
    archive, _ = urls
    warm()
    reporter = archive["reporter"]
    reporter.bio = "Now covers the Blue House."
    with django_capture_on_commit_callbacks(execute=True):
        reporter.save()
    assert _misses(asgi, urls) == {"author-reporter", "feed-reporter"}
    assert b"Now covers the Blue House." in asgi(urls[1]["author-reporter"]).body


def test_deleting_an_article_retires_the_listings_that_showed_it(
    asgi, urls, warm, django_capture_on_commit_callbacks
):
    from wagtail.models import Page

    archive, _ = urls
    warm()
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=archive["vote"].pk).delete()
    misses = _misses(asgi, urls)
    assert {"topic-pensions", "author-reporter", "author-agency", "day-0302"} <= misses
    assert "topic-budget" not in misses and "day-0305" not in misses
    assert b"Opposition delays a vote" not in asgi(urls[1]["author-reporter"]).body


def test_a_front_cache_is_told_the_listing_addresses(
    urls, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    settings.WAGTAILADMIN_BASE_URL = "https://news.example.org"
    sent = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.utils.purge_urls_from_cache",
        lambda urls, **kw: sent.extend(urls),
    )
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.utils.purge_pages_from_cache", lambda pages, **kw: None
    )
    archive, _ = urls
    with django_capture_on_commit_callbacks(execute=True):
        archive["ferry"].save_revision().publish()
    site = "https://news.example.org"
    assert {
        f"{site}/tags/budget/",
        f"{site}/feeds/tags/budget/",
        f"{site}/authors/{archive['agency'].slug}/",
        f"{site}/archive/2026/03/05/",
        f"{site}/feeds/latest/",
        f"{site}/sitemap.xml",
        f"{site}/feeds/sections/national/politics/",
    } <= set(sent)
    assert (
        f"{site}/tags/pensions/" not in sent
        and f"{site}/authors/{archive['reporter'].slug}/" not in sent
    )
