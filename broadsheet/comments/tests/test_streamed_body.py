"""Body caps hold on the bytes that arrive, chunked or not, not only on Content-Length (the site's own
handler cap: broadsheet/tests/test_comments_body_cap.py)."""

import json

import pytest
from asgiref.sync import async_to_sync
from django.core.asgi import get_asgi_application

from broadsheet.comments.models import Comment

URL = "/api/comments/threads/test-thread/comments"
TOKEN = "a" * 32  # a CSRF secret of the right shape; the cookie and the header carry the same


async def post_chunked(app, path, chunks, cookies):
    """A POST with Transfer-Encoding: chunked, as uvicorn hands it on: no Content-Length at all."""
    messages = [{"type": "http.request", "body": chunk, "more_body": True} for chunk in chunks]
    messages.append({"type": "http.request", "body": b"", "more_body": False})
    sent = []

    async def receive():
        if messages:
            return messages.pop(0)
        import asyncio

        await asyncio.Event().wait()

    async def send(message):
        sent.append(message)

    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "server": ("127.0.0.1", 8105),
        "client": ("127.0.0.1", 50000),
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"content-type", b"application/json"),
            (b"transfer-encoding", b"chunked"),
            (b"cookie", cookie.encode()),
            (b"x-csrftoken", TOKEN.encode()),
        ],
    }
    await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    return start["status"], b"".join(
        m.get("body", b"") for m in sent if m["type"] == "http.response.body"
    )


@pytest.fixture
def signed_in_cookies(client, reader):
    from django.conf import settings

    client.force_login(reader)
    return {
        settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value,
        "csrftoken": TOKEN,
    }


def chunks_of(text):
    payload = json.dumps({"body": text}).encode()
    return [payload[i : i + 8192] for i in range(0, len(payload), 8192)]


@pytest.mark.django_db(transaction=True)
def test_a_chunked_body_over_the_comments_cap_is_refused(
    thread, signed_in_cookies, keep_test_connection
):
    app = (
        get_asgi_application()
    )  # Django's own handler: the cap is the app's, whatever server runs it
    status, body = async_to_sync(post_chunked)(
        app, URL, chunks_of("a" + "\u0301" * 300_000), signed_in_cookies
    )
    assert status == 413 and json.loads(body)["code"] == "too_large"
    assert not Comment.objects.exists()
    status, _ = async_to_sync(post_chunked)(app, URL, chunks_of("A short one."), signed_in_cookies)
    assert status == 201  # the same request, small, goes through
