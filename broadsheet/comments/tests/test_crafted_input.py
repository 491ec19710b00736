"""Crafted numbers and NUL bytes from a request: a 4xx (JSON on the API), never a 500."""

import pytest
from django.test import Client, RequestFactory

from broadsheet.comments import live
from broadsheet.comments.models import Comment
from broadsheet.comments.numbers import whole_number

URL = "/api/comments/threads/test-thread/comments"
CRAFTED = ["²", "٣", "1²", "9" * 5000, "-1", " 1", "1\n", ""]


@pytest.mark.parametrize("raw", CRAFTED)
def test_only_short_ascii_numbers_are_numbers(raw):
    assert whole_number(raw) is None


def test_plain_numbers_are():
    assert (whole_number("0"), whole_number("42"), whole_number("9" * 18)) == (0, 42, 10**18 - 1)


@pytest.mark.parametrize("raw", CRAFTED)
def test_live_stream_resumes_from_a_crafted_after_as_from_nothing(raw):
    assert live._resume_from(RequestFactory().get("/comments/live/t/", {"after": raw})) is None
    assert (
        live._resume_from(RequestFactory().get("/comments/live/t/", HTTP_LAST_EVENT_ID=raw)) is None
    )


@pytest.mark.parametrize("raw", ["²", "9" * 5000])
def test_no_js_page_ignores_a_crafted_parent(db, thread, raw):
    assert Client().get(f"/comments/{thread.key}/", {"parent": raw}).status_code == 200


@pytest.mark.parametrize("key", ["article-²", "article-" + "9" * 5000])
def test_crafted_article_keys_are_404(db, key):
    assert Client().get(f"/comments/{key}/").status_code == 404
    assert Client().get(f"/api/comments/threads/{key}/comments").status_code == 404


def test_a_nul_in_the_idempotency_key_is_a_json_422(api, reader, thread):
    response = api(reader).send("post", URL, {"body": "Fine text.", "idempotency_key": "key\x00"})
    assert response.status_code == 422 and response.json()["code"] == "invalid"
    assert not Comment.objects.exists()
