"""Reading a thread: order, keyset pages, replies under parents, and a query count that does not grow."""

from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.comments import services
from broadsheet.comments.models import Comment, Thread

URL = "/api/comments/threads/test-thread/comments"


def fill(thread, author, n, *, replies_to=None, start=None):
    start = start or timezone.now() - timedelta(days=1)
    Comment.objects.bulk_create(
        Comment(
            thread=thread,
            author=author,
            body=f"comment {i}",
            created_at=start + timedelta(seconds=i),
            like_count=(i * 7) % 13,
            parent=replies_to,
        )
        for i in range(n)
    )


def walk(client, sort):
    seen, cursor = [], None
    while True:
        page = client.get(URL, {"sort": sort, **({"cursor": cursor} if cursor else {})}).json()
        seen += [c["id"] for c in page["comments"]]
        cursor = page["next_cursor"]
        if not cursor:
            return seen


@pytest.mark.parametrize(
    "sort,key",
    [
        ("newest", lambda c: (-c.created_at.timestamp(), -c.pk)),
        ("oldest", lambda c: (c.created_at.timestamp(), c.pk)),
        ("liked", lambda c: (-c.like_count, -c.pk)),
    ],
)
def test_pages_cover_every_comment_once_in_order(api, reader, thread, sort, key):
    fill(thread, reader, 45)
    expected = [c.pk for c in sorted(Comment.objects.all(), key=key)]
    assert walk(api(), sort) == expected


def _thread_with(reader, other, thread, n):
    fill(thread, reader, n)
    first = Comment.objects.order_by("-created_at").first()
    fill(thread, other, 30, replies_to=first, start=timezone.now() - timedelta(hours=1))
    Comment.objects.filter(pk=first.pk).update(reply_count=30)


@pytest.mark.parametrize("n", [20, 2000])
def test_query_count_does_not_grow_with_the_thread(
    api, reader, other, thread, n, django_assert_num_queries
):
    _thread_with(reader, other, thread, n)
    client = api(other)
    # session, user, thread, latest id, parents, first replies, my votes: the same for 20 or 2,000
    with django_assert_num_queries(7):
        page = client.get(URL)
    body = page.json()
    assert len(body["comments"]) == 20 and (body["next_cursor"] is not None) == (n > 20)
    first = body["comments"][0]
    assert len(first["replies"]) == 3 and first["replies_cursor"]
    # session, user, parent, replies, my votes
    with django_assert_num_queries(5):
        more = client.get(
            f"/api/comments/comments/{first['id']}/replies", {"cursor": first["replies_cursor"]}
        ).json()
    assert len(more["comments"]) == 20 and more["next_cursor"]


def test_anonymous_page_query_count(api, reader, other, thread, django_assert_num_queries):
    _thread_with(reader, other, thread, 200)
    client = api()
    with django_assert_num_queries(4):
        client.get(URL)


def test_latest_id_is_the_threads_newest_whatever_the_page_shows(api, reader, other, thread):
    """The live stream starts after latest_id: an oldest-first page, or first replies only, show lower ids
    than comments the reader has not seen yet, which the stream must not send as new."""
    fill(thread, reader, 25)
    first = Comment.objects.order_by("created_at").first()
    fill(thread, other, 5, replies_to=first, start=timezone.now())
    held = services.comment_create(thread_key="test-thread", author=other, body="held")
    Comment.objects.filter(pk=held.pk).update(status="pending")
    Comment.objects.create(
        thread=Thread.objects.create(key="other-thread"), author=reader, body="x"
    )
    page = api().get(URL, {"sort": "oldest"}).json()
    shown = [c["id"] for c in page["comments"]] + [r["id"] for r in page["comments"][0]["replies"]]
    assert page["thread"]["latest_id"] == held.pk > max(shown)


def test_replies_sit_under_their_parent_oldest_first(api, reader, other, thread):
    top = services.comment_create(thread_key="test-thread", author=reader, body="top")
    r1 = services.comment_create(
        thread_key="test-thread", author=other, body="first reply", parent_id=top.pk
    )
    r2 = services.comment_create(
        thread_key="test-thread", author=reader, body="second reply", parent_id=r1.pk
    )
    page = api().get(URL).json()
    assert [c["id"] for c in page["comments"]] == [top.pk]
    assert [r["id"] for r in page["comments"][0]["replies"]] == [r1.pk, r2.pk]
    assert page["comments"][0]["reply_count"] == 2 and page["comments"][0]["replies_cursor"] is None


def test_deleted_parent_with_replies_stays_as_an_empty_placeholder(api, reader, other, thread):
    top = services.comment_create(thread_key="test-thread", author=reader, body="regret this")
    services.comment_create(
        thread_key="test-thread", author=other, body="a reply", parent_id=top.pk
    )
    services.comment_delete(comment=top, user=reader)
    shown = api().get(URL).json()["comments"][0]
    assert (shown["status"], shown["body"], shown["body_html"], shown["author"]) == (
        "deleted",
        "",
        "",
        None,
    )
    assert shown["replies"][0]["body"] == "a reply"
    assert Thread.objects.get(pk=thread.pk).comment_count == 1


def test_my_vote_is_reported(api, reader, other, thread):
    comment = services.comment_create(thread_key="test-thread", author=reader, body="vote on me")
    services.comment_vote(comment=comment, user=other, value=-1)
    assert api(other).get(URL).json()["comments"][0]["my_vote"] == -1
    assert api().get(URL).json()["comments"][0]["my_vote"] == 0
