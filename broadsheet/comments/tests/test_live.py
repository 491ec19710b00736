"""Live comments over Server-Sent Events, against real uvicorn processes on loopback.

* Embedded default (no Redis): one process, the stream polls the database.
* With REDIS_URL: two processes; a comment posted through A reaches a stream held open on B.
"""

import http.client
import json
import queue
import re
import socket
import threading
import time
from urllib.parse import urlsplit

import pytest
import requests

from broadsheet.comments.live import channel, sse
from tests.e2e.conftest import MODERATOR, Site, free_port

# The module's site is built once, on one worker (make test runs --dist loadgroup).
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("comments-live-site")]


class EventStream:
    """Reads text/event-stream from a server in a thread; events land in a queue as dicts."""

    def __init__(self, url, last_event_id=None):
        parts = urlsplit(url)
        headers = {"Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.connection.request("GET", parts.path, headers=headers)
        self.response = self.connection.getresponse()
        self.events = queue.Queue()
        self.comments = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        event = {}
        try:
            while line := self.response.fp.readline():
                line = line.decode().rstrip("\r\n")
                if line == "":
                    if "data" in event:
                        event["data"] = json.loads(event["data"])
                        self.events.put(event)
                    event = {}
                elif line.startswith(":"):
                    self.comments.append(line)
                else:
                    name, _, value = line.partition(": ")
                    event[name] = value
        except (OSError, ValueError):
            pass  # closed by the test

    def next(self, timeout=10):
        return self.events.get(timeout=timeout)

    def wait_for(self, predicate, timeout=10):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                event = self.events.get(timeout=max(0.1, deadline - time.monotonic()))
            except queue.Empty:
                break
            if predicate(event):
                return event
        raise AssertionError("the expected event did not arrive")

    def close(self):
        # Shut the socket down: a plain close would wait for the server's next heartbeat.
        self.connection.sock.shutdown(socket.SHUT_RDWR)
        self.connection.close()


class Reader:
    """A browser-less reader: the demo sign-in, then the JSON API with the CSRF header."""

    def __init__(self, base, name):
        self.base = base
        self.http = requests.Session()
        self.http.get(f"{base}/accounts/demo-sign-in/")
        token = self.http.cookies["csrftoken"]
        signed_in = self.http.post(
            f"{base}/accounts/demo-sign-in/",
            data={"display_name": name, "csrfmiddlewaretoken": token},
        )
        assert signed_in.ok
        self.token = self.http.get(f"{base}/api/comments/session").json()["csrf_token"]

    def post(self, path, body):
        return self.http.post(
            f"{self.base}/api/comments{path}", json=body, headers={"X-CSRFToken": self.token}
        )


def moderator_session(base):
    http = requests.Session()
    page = http.get(f"{base}/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    http.post(
        f"{base}/accounts/login/",
        data={
            "login": MODERATOR["username"],
            "password": MODERATOR["password"],
            "csrfmiddlewaretoken": token,
        },
    )
    csrf = http.get(f"{base}/api/comments/session").json()["csrf_token"]
    return http, csrf


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site(tmp_path_factory.mktemp("live"), oidc_port=free_port())
    try:
        site.build()
        yield site
    finally:
        site.stop()


@pytest.fixture(scope="module")
def embedded(site):
    """One process on the embedded default: no Redis, the stream polls the database."""
    site.env = {
        **site.env,
        "REDIS_URL": "",
        "COMMENTS_LIVE_POLL_SECONDS": "0.5",
        "COMMENTS_LIVE_HEARTBEAT_SECONDS": "1",
    }
    return site.serve()


def live_url(base, site):
    return f"{base}/comments/live/{site.info['thread_key']}/"


def test_event_format():
    text = sse({"event": "comment", "id": 7, "data": {"id": 7, "body": "줄\n바꿈"}})
    assert text.startswith("event: comment\nid: 7\ndata: {")
    assert (
        text.endswith("\n\n") and text.count("\n") == 4
    )  # the newline in the body stays inside the JSON


def test_channel_is_prefixed(settings):
    settings.COMMENTS_LIVE_PREFIX = "bs-demo"
    assert channel("article-3") == "bs-demo:comments-live:article-3"


def test_past_the_stream_cap_readers_are_sent_to_polling(monkeypatch, settings):
    import asyncio
    import concurrent.futures

    from django.test import RequestFactory

    from broadsheet.comments import live

    settings.COMMENTS_LIVE_MAX_STREAMS = 3
    monkeypatch.setattr(live, "open_streams", 3)
    request = RequestFactory().get("/comments/live/article-1/")
    with concurrent.futures.ThreadPoolExecutor(
        1
    ) as pool:  # Playwright's sync API may own this thread's loop
        response = pool.submit(asyncio.run, live.live_stream(request, "article-1")).result(
            timeout=10
        )
    assert response.status_code == 503 and response["Retry-After"] == "60"


def test_unknown_thread_is_a_404(site, embedded):
    assert requests.get(f"{embedded}/comments/live/article-999999/", timeout=5).status_code == 404
    assert requests.get(f"{embedded}/comments/live/bad%20key/", timeout=5).status_code == 404


def test_polling_stream_pushes_new_comments_and_takedowns(site, embedded):
    stream = EventStream(live_url(embedded, site))
    try:
        assert stream.response.status == 200
        assert stream.response.getheader("Content-Type").startswith("text/event-stream")
        assert stream.response.getheader("Cache-Control") == "no-store"
        reader = Reader(embedded, "Haneul Jung")
        created = reader.post(
            f"/threads/{site.info['thread_key']}/comments",
            {"body": "Live from the embedded default"},
        )
        assert created.status_code == 201, created.text
        comment_id = created.json()["id"]
        event = stream.wait_for(lambda e: e["event"] == "comment" and e["data"]["id"] == comment_id)
        assert event["id"] == str(comment_id)
        assert event["data"]["body"] == "Live from the embedded default"
        assert (
            event["data"]["is_mine"] is False and event["data"]["my_vote"] == 0
        )  # nothing personal is broadcast

        http, csrf = moderator_session(embedded)
        hidden = http.post(
            f"{embedded}/api/comments/moderation/comments/{comment_id}/hide",
            json={"clause": 1},
            headers={"X-CSRFToken": csrf},
        )
        assert hidden.ok, hidden.text
        change = stream.wait_for(lambda e: e["event"] == "change" and e["data"]["id"] == comment_id)
        assert change["data"]["change"] == "hidden"
        assert change["data"]["hidden_clause"]["number"] == 1 and change["data"]["body"] == ""
    finally:
        stream.close()


def test_quiet_stream_sends_heartbeats(site, embedded):
    stream = EventStream(live_url(embedded, site))
    try:
        deadline = time.monotonic() + 5
        while ": keep-alive" not in stream.comments and time.monotonic() < deadline:
            time.sleep(0.2)
        assert ": keep-alive" in stream.comments
    finally:
        stream.close()


def test_last_event_id_resends_what_was_missed(site, embedded):
    reader = Reader(embedded, "Yuna Seo")
    first = reader.post(
        f"/threads/{site.info['thread_key']}/comments", {"body": "Posted while you were away"}
    ).json()
    stream = EventStream(live_url(embedded, site), last_event_id=first["id"] - 1)
    try:
        event = stream.next()
        assert (event["event"], event["data"]["id"]) == ("comment", first["id"])
    finally:
        stream.close()


def test_redis_fans_out_across_two_processes(site, embedded):
    import os

    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.skip("REDIS_URL is not set: the two-process fan-out needs Redis")
    site.env = {**site.env, "REDIS_URL": redis_url}
    process_a, process_b = site.serve(), site.serve()
    stream = EventStream(live_url(process_b, site))
    try:
        reader = Reader(process_a, "Minho Kang")
        created = reader.post(
            f"/threads/{site.info['thread_key']}/comments", {"body": "Through A, seen on B"}
        )
        assert created.status_code == 201, created.text
        started = time.monotonic()
        event = stream.wait_for(
            lambda e: e["event"] == "comment" and e["data"]["id"] == created.json()["id"], timeout=5
        )
        assert time.monotonic() - started < 2  # pushed, not polled
        assert event["data"]["body"] == "Through A, seen on B"
    finally:
        stream.close()


def test_streams_in_one_process_share_one_redis_subscription(settings):
    import asyncio
    import concurrent.futures
    import os

    import redis

    from broadsheet.comments import live

    if not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set")
    settings.REDIS_URL = os.environ["REDIS_URL"]
    settings.COMMENTS_LIVE_PREFIX = f"bs-hub-test-{os.getpid()}"

    async def two_readers():
        first, second, elsewhere = (
            live.RedisFeed("article-1"),
            live.RedisFeed("article-1"),
            live.RedisFeed("article-2"),
        )
        for feed in (first, second, elsewhere):
            await feed.open()
        task = live.hub.task
        message = {"event": "comment", "id": 5, "data": {"id": 5}}
        redis.Redis.from_url(settings.REDIS_URL).publish(
            live.channel("article-1"), json.dumps(message)
        )
        got = [
            await first.next(timeout=3),
            await second.next(timeout=3),
            await elsewhere.next(timeout=0.3),
        ]
        for feed in (first, second, elsewhere):
            await feed.close()
        return task, got

    # A thread of its own: Playwright's sync API may already run a loop in this one.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        task, got = pool.submit(asyncio.run, two_readers()).result(timeout=20)
    assert task is not None and live.hub.task is task  # one pump for all three streams
    # Both streams get the one decoded message, its text written once for them.
    expected = {"event": "comment", "id": 5, "data": {"id": 5}}
    assert got == [[{**expected, "text": sse(expected)}]] * 2 + [[]]
    assert got[0][0] is got[1][0]
    # Closed feeds leave the hub (streams of other tests in this process may still be listed).
    assert "article-1" not in live.hub.listeners and "article-2" not in live.hub.listeners
