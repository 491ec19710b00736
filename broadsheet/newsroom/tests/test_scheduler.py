"""Scheduled publishing: the scheduler publishes what is due, purges like a manual publish, and runs once per site."""

import datetime
from contextlib import contextmanager

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from broadsheet.pagecache.tests.fixtures import asgi, fresh_cache  # noqa: F401 (the page cache's own fixtures)

from .. import scheduler
from ..models import ArticlePage
from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_data_and_cache(settings, tmp_path, request, fresh_cache):
    """The page cache's own files (pagecache's fresh_cache), a lock folder and a Django cache per test."""
    settings.DATA_DIR = tmp_path
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.name,
        }
    }


def _scheduled(parent, title, *, minutes=2):
    """An article an editor scheduled: a draft whose approved revision waits for its go-live time."""
    article = ArticlePageFactory(parent=parent, title=title, slug=title.lower().replace(" ", "-"))
    article.unpublish()
    article = ArticlePage.objects.get(pk=article.pk)
    article.go_live_at = timezone.now() + datetime.timedelta(minutes=minutes)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live and article.latest_revision.approved_go_live_at is not None
    return article


def _time_passes(article):
    """The go-live time arrives (the revision is moved back instead of the clock forward)."""
    past = timezone.now() - datetime.timedelta(seconds=5)
    revision = article.latest_revision
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


@contextmanager
def another_scheduler_holds_the_lock():
    """A second scheduler (another process's connection or file) holding the site's lock."""
    if connection.vendor == "postgresql":
        import psycopg

        params = connection.get_connection_params()
        params.pop("cursor_factory", None)
        params.pop("context", None)
        with psycopg.connect(**params, autocommit=True) as other:
            other.execute("SELECT pg_advisory_lock(%s)", [scheduler.ADVISORY_KEY])
            yield
            # Released now, not when the server gets round to ending the closed session.
            other.execute("SELECT pg_advisory_unlock(%s)", [scheduler.ADVISORY_KEY])
        return
    import fcntl

    path = scheduler._lock_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield


def test_going_live_purges_fronts_feeds_and_sitemap_like_a_manual_publish(
    politics, asgi, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePageFactory(parent=politics, title="Budget talks resume", slug="budget-talks")
        article = _scheduled(politics, "Embargoed jobs report")
    urls = [
        "/",
        "/national/",
        "/national/politics/",
        "/feeds/latest/",
        "/feeds/sections/national/",
        "/sitemap.xml",
        "/sitemap-pages-0.xml",
        "/national/politics/budget-talks/",
    ]
    for url in urls:
        asgi(url)
        assert asgi(url).x_cache == "HIT", url
    assert b"Embargoed jobs report" not in asgi("/feeds/latest/").body

    with django_capture_on_commit_callbacks(execute=True):
        assert scheduler.scheduled_publish_run() is not None  # not yet due: nothing happens
    assert not ArticlePage.objects.get(pk=article.pk).live
    assert all(asgi(url).x_cache == "HIT" for url in urls)

    _time_passes(article)
    with django_capture_on_commit_callbacks(execute=True):
        scheduler.scheduled_publish_run()
    assert ArticlePage.objects.get(pk=article.pk).live
    missed = {url for url in urls if asgi(url).x_cache == "MISS"}
    assert missed == set(urls) - {"/national/politics/budget-talks/"}
    for url in ("/", "/national/politics/", "/feeds/latest/", "/feeds/sections/national/"):
        assert b"Embargoed jobs report" in asgi(url).body, url
    assert b"/national/politics/embargoed-jobs-report/" in asgi("/sitemap-pages-0.xml").body


def test_expiry_takes_an_article_down(politics, asgi, django_capture_on_commit_callbacks):
    article = ArticlePageFactory(
        parent=politics, title="Flash sale ends tonight", slug="flash-sale"
    )
    ArticlePage.objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert asgi("/national/politics/flash-sale/").status == 200
    with django_capture_on_commit_callbacks(execute=True):
        scheduler.scheduled_publish_run()
    article.refresh_from_db()
    assert not article.live and article.expired
    assert asgi("/national/politics/flash-sale/").status == 404


def test_only_one_scheduler_per_site_publishes(politics):
    article = _scheduled(politics, "Rate decision")
    _time_passes(article)
    with another_scheduler_holds_the_lock():
        assert scheduler.scheduled_publish_run() is None
        assert not ArticlePage.objects.get(pk=article.pk).live
    assert scheduler.scheduled_publish_run() is not None
    assert ArticlePage.objects.get(pk=article.pk).live


def test_the_command_runs_once_and_refuses_a_bad_interval(politics, capsys):
    article = _scheduled(politics, "Port strike called off")
    _time_passes(article)
    call_command("scheduler", "--once")
    assert ArticlePage.objects.get(pk=article.pk).live
    with pytest.raises(CommandError, match="positive"):
        call_command("scheduler", "--interval", "0")
