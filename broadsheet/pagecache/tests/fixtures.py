"""The page cache's fixtures: a cache of each test's own, a small real page tree (plain Wagtail pages) and a
way to call the ASGI app as uvicorn would. The site's tests of its cache rules import them from here."""

import uuid

import pytest
from wagtail.models import Page, Site

from broadsheet.pagecache import store
from broadsheet.pagecache.asgi import PageCacheMiddleware


@pytest.fixture(autouse=True)
def fresh_cache(settings, tmp_path):
    """A cache of this test's own: its own versions file, its own Redis prefix when Redis is on."""
    settings.PAGECACHE_VERSIONS_FILE = str(tmp_path / "versions.bin")
    settings.PAGECACHE_KEY_PREFIX = f"bs-test:pc:{uuid.uuid4().hex}"
    settings.PAGECACHE_ENABLED = True
    store.reset_store()
    yield
    store.reset_store()


@pytest.fixture
def asgi(call_asgi):
    from broadsheet.handler import SyncChainASGIHandler

    app = PageCacheMiddleware(SyncChainASGIHandler())  # as broadsheet/asgi.py builds it

    def call(path, *, method="GET", query=b"", headers=()):
        return call_asgi(app, path, method=method, query=query, headers=headers)

    return call


def _child(parent, title, slug):
    page = Page(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk)


@pytest.fixture
def tree(db, django_capture_on_commit_callbacks):
    """home → national → {politics-article, economy-article}; home → sport → {final-article}."""
    root = Page.get_first_root_node()
    with django_capture_on_commit_callbacks(execute=True):
        home = _child(root, "Front page", "pc-home")
        Site.objects.all().delete()
        Site.objects.create(hostname="127.0.0.1", port=80, root_page=home, is_default_site=True)
        national = _child(home, "National", "national")
        sport = _child(home, "Sport", "sport")
        pages = {
            "home": home,
            "national": national,
            "sport": sport,
            "politics": _child(national, "Assembly passes the budget", "budget"),
            "economy": _child(national, "Exports rise again", "exports"),
            "final": _child(sport, "Cup final goes to penalties", "cup-final"),
        }
    store.reset_store()
    return pages


URLS = {
    "home": "/",
    "national": "/national/",
    "sport": "/sport/",
    "politics": "/national/budget/",
    "economy": "/national/exports/",
    "final": "/sport/cup-final/",
}


@pytest.fixture
def warm(asgi):
    """Fetch every page twice so each one is stored; returns the URL map."""

    def warm_all():
        for url in URLS.values():
            asgi(url)
            assert asgi(url).x_cache == "HIT", url
        return URLS

    return warm_all
