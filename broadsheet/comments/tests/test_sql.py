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


def checks(author, body="again", key=None, thread_key="test-thread", trusted_after=0, **kw):
    now = kw.pop("now", timezone.now())
    return sql.post_checks(
        thread_key=thread_key,
        author_id=author.pk,
        idempotency_key=key,
        digest=body_digest(body),
        body=body,
        now=now,
        since=kw.pop("since", now - timedelta(minutes=10)),
        trusted_after=trusted_after,
    )


def test_post_checks_find_the_key_or_the_same_text_in_this_thread_since_a_time(
    reader, other, thread
):
    elsewhere = Thread.objects.create(key="elsewhere")
    now = timezone.now()
    keyed = CommentFactory(thread=thread, author=reader, body="first", idempotency_key="k1")
    CommentFactory(thread=elsewhere, author=reader, body="there", idempotency_key="k2")
    same = CommentFactory(thread=thread, author=reader, body="again")
    CommentFactory(thread=thread, author=other, body="by another", idempotency_key="k3")
    CommentFactory(thread=elsewhere, author=reader, body="only there")
    CommentFactory(thread=thread, author=reader, body="withdrawn", status="deleted")
    Comment.objects.filter(pk=same.pk).update(created_at=now - timedelta(minutes=5))

    assert checks(reader, key="k1").replayed_id == keyed.pk
    assert checks(reader, key="k2").replayed_id is not None  # a key is the author's, in any thread
    assert checks(reader, key="k3").replayed_id is None  # another author's key
    assert checks(reader, key=None).replayed_id is None
    assert checks(reader, "again").duplicates == 1
    assert checks(reader, "again", since=now - timedelta(minutes=1)).duplicates == 0
    assert checks(other, "again").duplicates == 0
    assert checks(reader, "only there").duplicates == 0
    assert checks(reader, "only there", thread_key="elsewhere").duplicates == 1
    assert checks(reader, "withdrawn").duplicates == 0
    assert checks(reader, "Again").duplicates == 0  # the text itself, not only its digest


def test_post_checks_read_the_thread_row_or_none(reader, thread):
    found = checks(reader)
    assert found.pk == thread.pk
    assert [getattr(found, f.attname) for f in Thread._meta.concrete_fields] == [
        getattr(thread, f.attname) for f in Thread._meta.concrete_fields
    ]
    missing = checks(reader, thread_key="not-stored-yet")
    assert missing.pk is None
    assert (missing.sanctioned, missing.replayed_id, missing.duplicates) == (False, None, 0)


def test_post_checks_answer_sanctions_as_sanction_in_force(reader, thread):
    now = timezone.now()
    SanctionFactory(user=reader, kind="warning")
    SanctionFactory(user=reader, kind="suspension", until=now - timedelta(seconds=1))
    assert checks(reader, now=now).sanctioned is False
    SanctionFactory(user=reader, kind="suspension", until=now + timedelta(hours=1))
    assert checks(reader, now=now).sanctioned is True
    assert checks(reader, now=now + timedelta(hours=2)).sanctioned is False
    assert checks(reader, thread_key="not-stored-yet", now=now).sanctioned is True


def test_post_checks_count_visible_comments_up_to_the_trust_bar(reader, thread):
    assert checks(reader).visible_before is None  # not asked
    assert checks(reader, trusted_after=2).visible_before == 0
    CommentFactory(thread=thread, author=reader, body="held", status="pending")
    assert checks(reader, trusted_after=2).visible_before == 0
    for n in range(3):
        CommentFactory(thread=thread, author=reader, body=f"seen {n}")
    assert checks(reader, trusted_after=2).visible_before == 2
    assert checks(reader, trusted_after=5).visible_before == 3


def test_thread_by_key_is_the_orm_row(thread):
    loaded = sql.thread_by_key(thread.key)
    stored = Thread.objects.get(pk=thread.pk)
    assert [getattr(loaded, f.attname) for f in Thread._meta.concrete_fields] == [
        getattr(stored, f.attname) for f in Thread._meta.concrete_fields
    ]
    assert not loaded._state.adding
    assert sql.thread_by_key("no-such-thread") is None
