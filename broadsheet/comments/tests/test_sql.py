"""The posting path's plain-SQL reads (sql.py) give the ORM's answers, on SQLite and on PostgreSQL."""

from datetime import timedelta

import pytest
from django.utils import timezone

from broadsheet.comments import sql
from broadsheet.comments.models import Comment, Sanction, Thread, body_digest

from .factories import CommentFactory, SanctionFactory

pytestmark = pytest.mark.django_db


def test_sanction_in_force_counts_bans_and_running_suspensions_only(reader, other):
    now = timezone.now()
    assert not sql.sanction_in_force(reader.pk, now)
    SanctionFactory(user=reader, kind="warning")
    SanctionFactory(user=reader, kind="suspension", until=now - timedelta(seconds=1))
    SanctionFactory(user=reader, kind="ban", revoked_at=now)
    SanctionFactory(user=other, kind="ban")
    assert not sql.sanction_in_force(reader.pk, now)
    SanctionFactory(user=reader, kind="suspension", until=now + timedelta(hours=1))
    assert sql.sanction_in_force(reader.pk, now)
    assert not sql.sanction_in_force(reader.pk, now + timedelta(hours=2))


@pytest.mark.parametrize(
    "kind, until, revoked",
    [
        ("warning", None, False),
        ("ban", None, False),
        ("ban", None, True),
        ("suspension", -1, False),
        ("suspension", 0, False),
        ("suspension", 1, False),
        ("suspension", 1, True),
        ("suspension", None, False),
    ],
)
def test_the_three_answers_to_in_force_agree(reader, kind, until, revoked):
    """Plain SQL (the posting path), the queryset (what is shown and re-attached at sign-in) and the row's
    own method give one answer, also for a sanction whose account was deleted (user NULL)."""
    now = timezone.now()
    sanction = SanctionFactory(
        user=reader,
        kind=kind,
        revoked_at=now if revoked else None,
        until=None if until is None else now + timedelta(hours=until),
    )
    expected = kind == "ban" and not revoked or kind == "suspension" and until == 1 and not revoked
    assert sql.sanction_in_force(reader.pk, now) is expected
    assert Sanction.objects.in_force(now).filter(user=reader).exists() is expected
    assert sanction.in_force(now) is expected
    reader.delete()
    assert (
        Sanction.objects.in_force(now).filter(pk=sanction.pk, user__isnull=True).exists()
        is expected
    )


def test_earlier_finds_the_key_or_the_same_text_since_a_time(reader, other, thread):
    now = timezone.now()
    keyed = CommentFactory(thread=thread, author=reader, body="first", idempotency_key="k1")
    same = CommentFactory(thread=thread, author=reader, body="again")
    CommentFactory(thread=thread, author=other, body="again", idempotency_key="k1")
    Comment.objects.filter(pk=same.pk).update(created_at=now - timedelta(minutes=5))

    def found(**kw):
        return {row[0] for row in sql.earlier(author_id=reader.pk, **kw)}

    assert found(
        idempotency_key="k1", digest=body_digest("again"), since=now - timedelta(minutes=1)
    ) == {keyed.pk}
    assert found(
        idempotency_key=None, digest=body_digest("again"), since=now - timedelta(minutes=10)
    ) == {same.pk}
    assert found(
        idempotency_key="k1", digest=body_digest("again"), since=now - timedelta(minutes=10)
    ) == {keyed.pk, same.pk}
    rows = sql.earlier(author_id=reader.pk, idempotency_key="k1", digest="", since=now)
    assert rows == [(keyed.pk, "k1", thread.pk, "visible", "first")]


def test_thread_by_key_is_the_orm_row(thread):
    loaded = sql.thread_by_key(thread.key)
    stored = Thread.objects.get(pk=thread.pk)
    assert [getattr(loaded, f.attname) for f in Thread._meta.concrete_fields] == [
        getattr(stored, f.attname) for f in Thread._meta.concrete_fields
    ]
    assert not loaded._state.adding
    assert sql.thread_by_key("no-such-thread") is None
