"""The site's privacy rule (broadsheet/purges.py): a page made private leaves every cache at once: its
stored copies and those of the pages below it, and every worker's memory of "no page is private"
(freshness.py), with or without Redis."""

import pytest
from django.conf import settings
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from broadsheet.newsroom import freshness
from broadsheet.pagecache import store

# The page cache's own fixtures.
from broadsheet.pagecache.tests.fixtures import URLS, asgi, fresh_cache, tree, warm  # noqa: F401


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_making_a_section_private_purges_it_and_its_articles(tree, asgi, warm, committing):
    warm()
    with committing():
        restriction = PageViewRestriction.objects.create(
            page=tree["national"], restriction_type="login"
        )
    for name in ("national", "politics", "economy"):
        reply = asgi(URLS[name])
        assert reply.status == 302 and reply.x_cache != "HIT", (
            name
        )  # to the login page, never the stored copy
        assert asgi(URLS[name]).x_cache != "HIT", name
    assert asgi(URLS["final"]).x_cache == "HIT"  # another section stays stored
    with committing():
        restriction.delete()
    assert asgi(URLS["politics"]).status == 200


def test_another_workers_privacy_change_reaches_this_workers_memory(tree, monkeypatch):
    monkeypatch.setattr(freshness, "RECHECK_SECONDS", 0)
    assert freshness.view_restrictions_exist() is False
    # Another worker makes a page private: its signals run there, not here (bulk_create sends none)...
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=tree["sport"], restriction_type="login")]
    )
    assert freshness.view_restrictions_exist() is False  # this process still trusts its memory...
    if (
        settings.REDIS_URL
    ):  # ...until that worker's handler clears the generation in the shared cache
        cache.delete(freshness.GENERATION_KEY)
    else:  # ...or, with no shared cache, its purge reaches the machine-wide counter file
        store.get_store().purge([f"page-{tree['sport'].pk}"])
    assert freshness.view_restrictions_exist() is True
