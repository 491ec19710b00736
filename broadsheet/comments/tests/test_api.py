"""The JSON API over real HTTP semantics (Django's test client, CSRF enforced, real database)."""

import json

import pytest
from django.conf import settings as django_settings
from django.test import Client

from broadsheet.comments import services
from broadsheet.comments.models import Comment, Report, Thread

URL = "/api/comments/threads/test-thread/comments"


def error(response, status, code):
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code and isinstance(body["detail"], str) and body["detail"]
    return body


def test_anonymous_write_is_403_json(api, thread):
    error(api().send("post", URL, {"body": "hello"}), 403, "login_required")
    assert not Comment.objects.exists()


def test_missing_csrf_token_is_403(api, reader, thread):
    client = api(reader)
    error(client.send("post", URL, {"body": "hello"}, csrf=False), 403, "csrf_failed")
    bare = Client(enforce_csrf_checks=True)
    bare.force_login(reader)
    error(bare.post(URL, {"body": "x"}, content_type="application/json"), 403, "csrf_failed")
    assert not Comment.objects.exists()


# Every write, as (who sends it, method, address, body); {other} is another reader's comment, {mine} the
# reader's own.
WRITES = [
    ("reader", "patch", "/api/comments/comments/{mine}", {"body": "z"}),
    ("reader", "delete", "/api/comments/comments/{mine}", None),
    ("reader", "post", "/api/comments/comments/{other}/vote", {"value": 1}),
    ("reader", "post", "/api/comments/comments/{other}/report", {"clause": 1}),
    ("reader", "post", "/api/comments/comments/{mine}/appeal", {"text": ""}),
    ("reader", "post", "/api/comments/me/delete", {"confirm": "DELETE"}),
    ("moderator", "post", "/api/comments/moderation/comments/{other}/approve", {"clause": 1}),
    ("moderator", "post", "/api/comments/moderation/comments/{other}/hide", {"clause": 1}),
    ("moderator", "post", "/api/comments/moderation/comments/{other}/remove", {"clause": 1}),
]


@pytest.mark.parametrize(
    "sender,method,path,data", WRITES, ids=[f"{method} {path}" for _, method, path, _ in WRITES]
)
def test_every_write_checks_csrf(
    api, reader, other, moderator, thread, clause, sender, method, path, data
):
    comment = services.comment_create(thread_key="test-thread", author=other, body="x")
    mine = services.comment_create(thread_key="test-thread", author=reader, body="y")
    client = api(reader if sender == "reader" else moderator)
    address = path.format(other=comment.pk, mine=mine.pk)
    error(client.send(method, address, data, csrf=False), 403, "csrf_failed")
    assert Comment.objects.get(pk=mine.pk).body == "y" and not Report.objects.exists()


def test_post_returns_the_comment_and_lists_it(api, reader, thread):
    client = api(reader)
    r = client.send(
        "post", URL, {"body": "<script>alert(1)</script>\nline two", "notify_replies": True}
    )
    assert r.status_code == 201
    made = r.json()
    assert made["body"] == "<script>alert(1)</script>\nline two"
    assert made["body_html"] == "&lt;script&gt;alert(1)&lt;/script&gt;<br>line two"
    assert made["author"]["name"] == "reader" and made["is_mine"] and made["can_edit"]
    listed = api().get(URL).json()
    assert (
        listed["thread"]["comment_count"] == 1
        and listed["comments"][0]["body_html"] == made["body_html"]
    )
    assert not listed["comments"][0]["is_mine"]


def test_idempotent_double_submit(api, reader, thread):
    client = api(reader)
    first = client.send("post", URL, {"body": "once", "idempotency_key": "abc"})
    second = client.send("post", URL, {"body": "once", "idempotency_key": "abc"})
    assert (first.status_code, second.status_code) == (201, 200)
    assert first.json()["id"] == second.json()["id"] and Comment.objects.count() == 1


@pytest.mark.parametrize(
    "raw,status,code",
    [
        ('{"body": "unterminated', 400, "malformed_json"),
        ("not json at all", 400, "malformed_json"),
        (b"\xff\xfe\x00bad bytes", 400, "malformed_json"),
        ('{"body": 42}', 422, "invalid"),
        ('{"body": ["a"]}', 422, "invalid"),
        ('{"body": null}', 422, "invalid"),
        ("{}", 422, "invalid"),
        ("[]", 422, "invalid"),
        ('{"body": "ok", "parent_id": "first"}', 422, "invalid"),
        ('{"body": "ok", "notify_replies": "maybe"}', 422, "invalid"),
        ('{"body": "lone \\ud800 surrogate"}', 400, "invalid_characters"),
        ('{"body": "\\udfff"}', 400, "invalid_characters"),
        ('{"body": "bell \\u0007"}', 400, "invalid_characters"),
        ('{"body": "nul \\u0000"}', 400, "invalid_characters"),
        ('{"body": "zero\\u200bwidth"}', 400, "invalid_characters"),
        ('{"body": "bidi \\u202e override"}', 400, "invalid_characters"),
        ('{"body": "   "}', 400, "empty"),
        ('{"body": "' + "가" * 251 + '"}', 400, "too_long"),
    ],
)
def test_bad_input_is_a_4xx_json_and_writes_nothing(api, reader, thread, raw, status, code):
    r = api(reader).send("post", URL, raw)
    body = error(r, status, code)
    if code == "invalid":
        assert isinstance(body["errors"], list)
    assert not Comment.objects.exists()


def test_ten_megabyte_body_is_refused_without_a_500(api, reader, thread):
    huge = json.dumps({"body": "x" * (10 * 1024 * 1024)})
    error(api(reader).send("post", URL, huge), 413, "too_large")
    assert not Comment.objects.exists()


def test_bodies_over_the_comments_limit_are_refused_unread(api, reader, thread, settings):
    settings.COMMENTS_MAX_REQUEST_BYTES = 1000
    error(api(reader).send("post", URL, {"body": "x" * 2000}), 413, "too_large")
    error(
        api().send("post", URL, {"body": "x" * 2000}), 403, "login_required"
    )  # who you are comes first
    assert api(reader).send("post", URL, {"body": "x" * 200}).status_code == 201


def test_errors_follow_the_reader_language(api, reader, thread):
    client = api(reader)
    r = client.send("post", URL, {"body": "a" * 251}, HTTP_ACCEPT_LANGUAGE="ko")
    assert r.status_code == 400 and "250" in r.json()["detail"] and "자" in r.json()["detail"]
    client.cookies["django_language"] = "ko"
    r = client.send("post", URL, {"body": " "})
    assert r.json()["code"] == "empty" and any(
        "\uac00" <= ch <= "\ud7a3" for ch in r.json()["detail"]
    )


def test_unknown_thread_and_comment_are_404(api, reader):
    error(api().get("/api/comments/threads/nope/comments"), 404, "not_found")
    error(api().get("/api/comments/threads/%3Cscript%3E/comments"), 404, "not_found")
    error(
        api(reader).send("post", "/api/comments/comments/999/vote", {"value": 1}), 404, "not_found"
    )


def test_bad_cursor_and_sort(api, thread):
    error(api().get(URL + "?cursor=garbage"), 400, "bad_cursor")
    error(api().get(URL + "?sort=loudest"), 422, "invalid")


def test_session_and_counts(api, reader, thread):
    anon = api().get("/api/comments/session?next=/news/x/").json()
    assert anon["user"] is None and not anon["can_comment"] and "next=/news/x/" in anon["login_url"]
    me = api(reader).get("/api/comments/session")
    assert me["Cache-Control"] == "private, no-store"
    assert (
        me.json()["user"]["name"] == "reader"
        and me.json()["can_comment"]
        and me.json()["max_length"] == 250
    )
    assert me.json()["time_zone"] == django_settings.TIME_ZONE  # the script shows times in it
    assert me.json()["can_email_replies"] and not anon["can_email_replies"]
    reader.email = ""
    reader.save()
    assert not api(reader).get("/api/comments/session").json()["can_email_replies"]
    services.comment_create(thread_key="test-thread", author=reader, body="x")
    counts = api().get("/api/comments/counts?keys=test-thread,article-999").json()
    assert counts == {"counts": {"test-thread": 1, "article-999": 0}}


@pytest.fixture
def debatable(reader, thread):
    """The reader's comment the others vote on, report, hide and reinstate."""
    return services.comment_create(thread_key="test-thread", author=reader, body="Debatable")


@pytest.fixture
def voter(api, other):
    return api(other)


@pytest.fixture
def mod(api, moderator):
    return api(moderator)


def on(comment, action):
    """The API address of a reader's action on a comment."""
    return f"/api/comments/comments/{comment.pk}/{action}"


def moderate(comment, action):
    """The API address of a moderator's action on a comment."""
    return f"/api/comments/moderation/comments/{comment.pk}/{action}"


def test_a_vote_counts_once(voter, debatable):
    r = voter.send("post", on(debatable, "vote"), {"value": 1})
    assert r.json() == {"likes": 1, "dislikes": 0, "my_vote": 1}
    voter.send("post", on(debatable, "vote"), {"value": 1})
    assert Comment.objects.get(pk=debatable.pk).like_count == 1


def test_no_vote_on_your_own_comment_nor_outside_the_scale(api, reader, voter, debatable):
    error(api(reader).send("post", on(debatable, "vote"), {"value": 1}), 400, "own_comment")
    error(voter.send("post", on(debatable, "vote"), {"value": 2}), 422, "invalid")


def test_a_report_is_taken_once_and_names_a_clause_of_the_policy(voter, debatable, clause):
    report = voter.send("post", on(debatable, "report"), {"clause": 1, "note": "rude"})
    assert report.status_code == 201
    error(voter.send("post", on(debatable, "report"), {"clause": 1}), 409, "already_reported")
    error(voter.send("post", on(debatable, "report"), {"clause": 99}), 400, "invalid")


def test_reported_comments_reach_the_moderators_queue_only(voter, mod, debatable, clause):
    voter.send("post", on(debatable, "report"), {"clause": 1, "note": "rude"})
    queue = mod.get("/api/comments/moderation/queue").json()["items"]
    assert (
        queue[0]["comment"]["id"] == debatable.pk
        and queue[0]["reports"][0]["clause"]["number"] == 1
    )
    error(voter.get("/api/comments/moderation/queue"), 403, "forbidden")
    error(voter.send("post", moderate(debatable, "hide"), {"clause": 1}), 403, "forbidden")


@pytest.fixture
def hidden(voter, mod, debatable, clause):
    """The comment, reported under clause 1 and hidden by a moderator; the hide's reply."""
    voter.send("post", on(debatable, "report"), {"clause": 1, "note": "rude"})
    return mod.send("post", moderate(debatable, "hide"), {"clause": 1, "note": "insult"})


def test_a_hidden_comment_shows_its_clause_to_its_author_only(api, reader, hidden):
    assert hidden.json()["status"] == "hidden"
    own = api(reader).get(URL).json()["comments"][0]
    assert (
        own["status"] == "hidden"
        and own["hidden_clause"] == {"number": 1, "title": "Respect"}
        and own["body"] == "Debatable"
    )
    assert api().get(URL).json()["comments"] == []


def test_an_author_appeals_once_and_a_reinstated_comment_shows_again(
    api, reader, mod, debatable, hidden
):
    author = api(reader)
    appeal = author.send("post", on(debatable, "appeal"), {"text": "Please look again"})
    assert appeal.status_code == 201
    error(author.send("post", on(debatable, "appeal"), {"text": "again"}), 409, "already_appealed")
    assert author.get(URL).json()["comments"][0]["appeal"]["status"] == "open"
    reinstated = mod.send(
        "post", f"/api/comments/moderation/appeals/{debatable.pk}", {"reinstate": True}
    )
    assert reinstated.json() == {"ok": True}
    assert api().get(URL).json()["comments"][0]["status"] == "visible"


def test_session_shows_a_recent_warning_but_still_lets_the_reader_write(
    api, reader, moderator, thread, clause
):
    services.user_sanction(user=reader, kind="warning", clause=clause, moderator=moderator)
    session = api(reader).get("/api/comments/session").json()
    assert session["sanction"]["kind"] == "warning" and session["sanction"]["clause"]["number"] == 1
    assert session["can_comment"] is True


def test_sanction_through_the_api(api, reader, moderator, thread, clause):
    mod = api(moderator)
    r = mod.send(
        "post",
        f"/api/comments/moderation/users/{reader.pk}/sanction",
        {"kind": "ban", "clause": 1, "note": "repeat"},
    )
    assert r.status_code == 201
    client = api(reader)
    session = client.get("/api/comments/session").json()
    assert session["sanction"]["kind"] == "ban" and session["can_comment"] is False
    error(client.send("post", URL, {"body": "let me in"}), 403, "sanctioned")
    error(
        mod.send(
            "post",
            f"/api/comments/moderation/users/{reader.pk}/sanction",
            {"kind": "suspension", "clause": 1},
        ),
        400,
        "invalid",
    )


def test_pending_comments_show_to_their_author_only(settings, api, reader, thread):
    settings.COMMENTS_TRUSTED_AFTER = 1
    made = api(reader).send("post", URL, {"body": "new here"}).json()
    assert made["status"] == "pending"
    assert [c["status"] for c in api(reader).get(URL).json()["comments"]] == ["pending"]
    assert api().get(URL).json()["comments"] == []


def test_edit_and_delete_via_api(api, reader, other, thread):
    client = api(reader)
    made = client.send("post", URL, {"body": "frist"}).json()
    edited = client.send("patch", f"/api/comments/comments/{made['id']}", {"body": "first"})
    assert edited.json()["body"] == "first" and edited.json()["edited_at"]
    error(
        api(other).send("patch", f"/api/comments/comments/{made['id']}", {"body": "mine now"}),
        403,
        "forbidden",
    )
    error(
        client.send("patch", f"/api/comments/comments/{made['id']}", {"body": "x\u202e"}),
        400,
        "invalid_characters",
    )
    assert client.send("delete", f"/api/comments/comments/{made['id']}").json() == {
        "id": made["id"],
        "status": "deleted",
        "placeholder": False,
    }


def test_export_and_account_delete(api, reader, thread):
    client = api(reader)
    client.send("post", URL, {"body": "mine"})
    export = client.get("/api/comments/me/comments")
    assert "attachment" in export["Content-Disposition"]
    assert [c["body"] for c in export.json()["comments"]] == ["mine"]
    error(client.send("post", "/api/comments/me/delete", {"confirm": "yes"}), 422, "invalid")
    assert client.send("post", "/api/comments/me/delete", {"confirm": "DELETE"}).json() == {
        "ok": True
    }
    assert not Comment.objects.exists() and not type(reader).objects.filter(pk=reader.pk).exists()


def test_policy_and_transparency(api, reader, moderator, thread, clause):
    policy = api().get("/api/comments/policy").json()
    assert [c["number"] for c in policy["clauses"]] == [1, 2, 3]
    comment = services.comment_create(thread_key="test-thread", author=reader, body="x")
    services.comment_hide(comment=comment, moderator=moderator, reason_clause=clause)
    rows = api().get("/api/comments/transparency").json()["rows"]
    assert rows[0]["clause"] == 1 and rows[0]["count"] == 1 and rows[0]["title"] == "Respect"


def test_closed_thread_via_api(api, reader, thread):
    Thread.objects.filter(pk=thread.pk).update(mode="closed")
    error(api(reader).send("post", URL, {"body": "too late"}), 403, "thread_closed")
    assert api().get(URL).json()["thread"]["is_open"] is False


def test_multipart_without_boundary_is_a_json_400(api, reader, thread):
    client = api(reader)
    r = client.generic(
        "POST", URL, b"--x\r\n", content_type="multipart/form-data", HTTP_X_CSRFTOKEN=client.token
    )
    error(r, 400, "malformed_body")
    assert not Comment.objects.exists()


def test_too_many_form_fields_is_a_json_400(api, reader, thread, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 5
    client = api(reader)
    body = "&".join(f"f{i}=1" for i in range(10))
    r = client.generic("POST", URL, body, content_type="application/x-www-form-urlencoded")
    assert r.status_code == 400 and r.json()["code"] == "bad_request"


def test_out_of_range_numbers_are_404_or_400_never_500(api, reader, thread):
    import base64

    client = api(reader)
    services.comment_create(thread_key="test-thread", author=reader, body="exists")
    error(client.get("/api/comments/comments/99999999999999999999999/replies"), 404, "not_found")
    error(client.send("post", URL, {"body": "x", "parent_id": 2**70}), 404, "not_found")
    error(
        client.send("post", "/api/comments/comments/99999999999999999999999/vote", {"value": 1}),
        404,
        "not_found",
    )
    for sort, value in [("newest", "2026-01-01T00:00:00+00:00"), ("liked", 10**30)]:
        raw = json.dumps([sort, value, 10**30]).encode()
        cursor = base64.urlsafe_b64encode(raw).decode().rstrip("=")
        r = client.get(URL, {"sort": sort, "cursor": cursor})
        assert r.status_code in (200, 400), r.content


def test_rate_limits_through_the_api(api, make_user, thread, settings, monkeypatch):
    from types import SimpleNamespace

    from broadsheet.comments import limits

    # One fixed window for the whole test: on a slow machine the posts could straddle a minute's edge.
    monkeypatch.setattr(limits, "time", SimpleNamespace(time=lambda: 1_800_000_000.0))
    settings.COMMENTS_RATE_LIMIT_IP = "2/60"
    for n in range(2):
        assert (
            api(make_user(f"flat{n}"))
            .send("post", URL, {"body": f"hello {n}"}, REMOTE_ADDR="198.51.100.7")
            .status_code
            == 201
        )
    r = api(make_user("flat2")).send("post", URL, {"body": "third"}, REMOTE_ADDR="198.51.100.7")
    error(r, 429, "rate_limited")
    assert (
        api(make_user("elsewhere"))
        .send("post", URL, {"body": "fine"}, REMOTE_ADDR="192.0.2.1")
        .status_code
        == 201
    )
    assert Comment.objects.count() == 3
