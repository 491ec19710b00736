"""A small real page tree (plain Wagtail pages) and a way to call the ASGI app as uvicorn would."""

import asyncio
import uuid

import pytest
from asgiref.sync import async_to_sync
from django.core import signals
from django.db import close_old_connections
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
def keep_test_connection():
    """Django's handler closes "old" DB connections per request, which would end the test's
    transaction; the test client disconnects these too."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


class Reply:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.decode().lower(): v.decode() for k, v in headers}
        self.raw_headers = headers
        self.body = body

    @property
    def x_cache(self):
        return self.headers.get("x-cache")


@pytest.fixture
def asgi(keep_test_connection):
    from django.core.asgi import get_asgi_application

    app = PageCacheMiddleware(get_asgi_application())

    def call(path, *, method="GET", query=b"", headers=()):
        messages = []
        requests = [{"type": "http.request", "body": b"", "more_body": False}]

        async def receive():
            if requests:
                return requests.pop()
            await asyncio.Event().wait()  # the client stays connected; Django cancels this wait

        async def send(message):
            messages.append(message)

        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
            "scheme": "http", "path": path, "raw_path": path.encode("utf-8", "surrogateescape"),
            "query_string": query, "root_path": "", "server": ("127.0.0.1", 8105),
            "client": ("127.0.0.1", 50000), "headers": [(b"host", b"127.0.0.1"), *headers],
        }
        async_to_sync(app)(scope, receive, send)
        start = next(m for m in messages if m["type"] == "http.response.start")
        body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.response.body")
        return Reply(start["status"], start["headers"], body)

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
