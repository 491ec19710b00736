"""Purges follow the page tree: an article's change retires it, its fronts and the homepage, no more."""

import pytest
from wagtail.models import Page

from .fixtures import URLS


def _misses(asgi):
    return {name for name, url in URLS.items() if asgi(url).x_cache == "MISS"}


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """Run the purge callbacks that Django would run when the editor's transaction commits."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_publishing_an_article_purges_its_section_and_homepage_only(tree, asgi, warm, committing):
    warm()
    article = tree["politics"]
    article.title = "Assembly passes the amended budget"
    with committing():
        article.save_revision().publish()
    assert _misses(asgi) == {"politics", "national", "home"}
    assert b"amended budget" in asgi(URLS["politics"]).body


def test_purge_waits_for_the_commit(tree, asgi, warm, django_capture_on_commit_callbacks):
    warm()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tree["final"].save_revision().publish()
        assert asgi(URLS["final"]).x_cache == "HIT"  # not committed yet: nothing retired
    for callback in callbacks:
        callback()
    assert asgi(URLS["final"]).x_cache == "MISS"


def test_renaming_a_section_purges_everything_below_it(tree, asgi, warm, committing):
    warm()
    section = tree["national"]
    section.title = "Nation"
    with committing():
        section.save_revision().publish()
    assert _misses(asgi) == {"national", "politics", "economy", "home"}


def test_republishing_a_section_unchanged_leaves_its_articles(tree, asgi, warm, committing):
    warm()
    with committing():
        tree["sport"].save_revision().publish()
    assert _misses(asgi) == {"sport", "home"}


def test_unpublishing_an_article(tree, asgi, warm, committing):
    warm()
    with committing():
        tree["final"].unpublish()
    assert asgi(URLS["final"]).status == 404
    assert _misses(asgi) == {"final", "sport", "home"}


def test_deleting_an_article(tree, asgi, warm, committing):
    warm()
    with committing():
        Page.objects.get(pk=tree["economy"].pk).delete()
    assert asgi(URLS["economy"]).status == 404
    assert _misses(asgi) == {"economy", "national", "home"}


def test_moving_an_article_purges_both_sections(tree, asgi, warm, committing):
    warm()
    with committing():
        Page.objects.get(pk=tree["final"].pk).move(
            Page.objects.get(pk=tree["national"].pk), pos="last-child"
        )
    assert asgi(URLS["final"]).status in (301, 404)  # Wagtail may leave a redirect behind
    assert asgi("/national/cup-final/").status == 200
    assert _misses(asgi) == {"final", "sport", "national", "home"}
