"""The nginx front cache's purge (`make prod`): one refresh per language, and the page cache behind nginx
rendering afresh for that refresh only when it comes from loopback."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from broadsheet.pagecache.asgi import _refresh_requested
from broadsheet.pagecache.frontcache import NginxRefreshBackend

from .fixtures import URLS


@pytest.fixture
def nginx_purge_server():
    """A loopback stand-in for nginx's purge server that records what it is sent."""
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((self.command, self.path, self.headers.get("Cookie")))
            self.send_response(301 if self.path == "/rss" else 200)
            self.send_header("Location", "/rss/")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", seen
    server.shutdown()


def test_a_purge_refreshes_every_language_copy_with_a_get(nginx_purge_server, caplog):
    location, seen = nginx_purge_server
    backend = NginxRefreshBackend({"LOCATION": location})
    backend.purge("http://news.example.org/national/budget/?page=2")
    backend.purge("http://news.example.org/rss")  # a redirect is an answer, not an error
    assert seen == [
        ("GET", "/national/budget/?page=2", "django_language=en"),
        ("GET", "/national/budget/?page=2", "django_language=ko"),
        ("GET", "/rss", "django_language=en"),
        ("GET", "/rss", "django_language=ko"),
    ]
    assert "Couldn't refresh" not in caplog.text


def test_an_unreachable_nginx_is_logged_not_raised(caplog):
    NginxRefreshBackend({"LOCATION": "http://127.0.0.1:9"}).purge("http://news.example.org/")
    assert "Couldn't refresh 'http://news.example.org/' (en)" in caplog.text


def test_the_refresh_header_renders_afresh_and_stores_the_new_copy(tree, asgi):
    assert asgi(URLS["politics"]).x_cache == "MISS"
    assert asgi(URLS["politics"]).x_cache == "HIT"
    refreshed = asgi(URLS["politics"], headers=[(b"x-pagecache-refresh", b"1")])
    assert refreshed.x_cache == "MISS" and b"Assembly passes the budget" in refreshed.body
    assert asgi(URLS["politics"]).x_cache == "HIT"


def test_the_refresh_header_counts_only_from_loopback():
    headers = [(b"x-pagecache-refresh", b"1")]
    assert _refresh_requested({"client": ("127.0.0.1", 4000), "headers": headers})
    assert not _refresh_requested({"client": ("203.0.113.9", 4000), "headers": headers})
    assert not _refresh_requested({"client": ("127.0.0.1", 4000), "headers": []})
