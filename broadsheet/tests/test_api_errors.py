"""The API's error answers, byte for byte, on every router: ninja's and Django's errors from the site's
broadsheet/api_errors.py, the comments app's own from comments/api_errors.py. Readers' scripts and other
clients read them, so a change of status, code or wording has to be deliberate."""

import json

import pytest
from django.test import Client

from broadsheet.comments.tests.factories import ThreadFactory, UserFactory

pytestmark = pytest.mark.django_db

WORDS = "/api/dictionary/me/words"
COMMENTS = "/api/comments/threads/pinned/comments"
JSON = "application/json"

TOO_MANY = "/api/search?" + "&".join(f"f{i}=1" for i in range(10))
BIG = '{"lemma": "' + "x" * 3000 + '"}'
MULTIPART = "multipart/form-data"

# (who, CSRF header sent, method, path, body, content type, language, status)
# fmt: off
CASES = {
    "dictionary: no CSRF token": (
        "reader", False, "post", WORDS, '{"lemma": "x"}', JSON, "en", 403,
    ),
    "dictionary: signed out": (
        "anonymous", True, "post", WORDS, '{"lemma": "x"}', JSON, "en", 401,
    ),
    "dictionary: signed out, in Korean": (
        "anonymous", True, "delete", WORDS + "/x", None, JSON, "ko", 401,
    ),
    "dictionary: not JSON": ("reader", True, "post", WORDS, "not json", JSON, "en", 400),
    "dictionary: fields missing": ("reader", True, "post", WORDS, "{}", JSON, "en", 422),
    "dictionary: fields missing, in Korean": (
        "reader", True, "post", WORDS, "{}", JSON, "ko", 422,
    ),
    "dictionary: multipart without its boundary": (
        "reader", True, "post", WORDS, "--x\r\n", MULTIPART, "en", 400,
    ),
    "dictionary: too large": ("reader", True, "post", WORDS, BIG, JSON, "en", 413),
    "search: too many fields": ("anonymous", False, "get", TOO_MANY, None, JSON, "en", 400),
    "comments: no CSRF token": (
        "reader", False, "post", COMMENTS, '{"body": "x"}', JSON, "en", 403,
    ),
    "comments: not JSON, in Korean": (
        "reader", True, "post", COMMENTS, "not json", JSON, "ko", 400,
    ),
    "comments: wrong type": ("reader", True, "post", COMMENTS, '{"body": 42}', JSON, "en", 422),
    "comments: its own error": (
        "anonymous", True, "post", COMMENTS, '{"body": "x"}', JSON, "en", 403,
    ),
}
# fmt: on

# What each case answers: exactly these bytes, json.dumps of the dict (Korean escaped, ", " and ": ").
ANSWERS = {
    "dictionary: no CSRF token": {
        "detail": "Your session has expired or the page is out of date. Reload the page and try again.",
        "code": "csrf_failed",
    },
    "dictionary: signed out": {
        "detail": "Sign in to take part in the conversation.",
        "code": "login_required",
    },
    "dictionary: signed out, in Korean": {
        "detail": "댓글에 참여하려면 로그인하세요.",
        "code": "login_required",
    },
    "dictionary: not JSON": {
        "detail": "The request body is not valid JSON.",
        "code": "malformed_json",
    },
    "dictionary: fields missing": {
        "detail": "Some fields are missing or have the wrong type: payload.lemma.",
        "code": "invalid",
        "errors": [
            {"type": "missing", "loc": ["body", "payload", "lemma"], "msg": "Field required"}
        ],
    },
    "dictionary: fields missing, in Korean": {
        "detail": "빠졌거나 형식이 잘못된 항목이 있습니다: payload.lemma.",
        "code": "invalid",
        "errors": [
            {"type": "missing", "loc": ["body", "payload", "lemma"], "msg": "Field required"}
        ],
    },
    "dictionary: multipart without its boundary": {
        "detail": "The request body could not be read.",
        "code": "malformed_body",
    },
    "dictionary: too large": {"detail": "The request is too large.", "code": "too_large"},
    "search: too many fields": {"detail": "The request could not be read.", "code": "bad_request"},
    "comments: no CSRF token": {
        "detail": "Your session has expired or the page is out of date. Reload the page and try again.",
        "code": "csrf_failed",
    },
    "comments: not JSON, in Korean": {
        "detail": "요청 본문이 올바른 JSON 형식이 아닙니다.",
        "code": "malformed_json",
    },
    "comments: wrong type": {
        "detail": "Some fields are missing or have the wrong type: payload.body.",
        "code": "invalid",
        "errors": [
            {
                "type": "string_type",
                "loc": ["body", "payload", "body"],
                "msg": "Input should be a valid string",
            }
        ],
    },
    "comments: its own error": {
        "detail": "Sign in to take part in the conversation.",
        "code": "login_required",
    },
}


@pytest.fixture
def limits(settings):
    """Small limits, so one short request can cross them."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2500
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5


def _client(who):
    client = Client(enforce_csrf_checks=True)
    if who == "reader":
        client.force_login(UserFactory(username="pinned-reader"))
    client.get("/api/dictionary/me")  # sets the CSRF cookie, as article pages do
    return client


@pytest.mark.parametrize("case", CASES)
def test_error_answers_stay_byte_for_byte(case, limits):
    who, csrf, method, path, body, content_type, language, status = CASES[case]
    ThreadFactory(key="pinned")
    client = _client(who)
    headers = {"HTTP_ACCEPT_LANGUAGE": language}
    if csrf:
        headers["HTTP_X_CSRFTOKEN"] = client.cookies["csrftoken"].value
    kwargs = {"content_type": content_type, **headers} if method != "get" else headers
    args = (path, body) if body is not None else (path,)
    response = getattr(client, method)(*args, **kwargs)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.content == json.dumps(ANSWERS[case]).encode()
