"""The rules of writing, moderating and a reader's data, through services.py against a real database."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from broadsheet.comments import services
from broadsheet.comments.errors import CommentError
from broadsheet.comments.models import Comment, ModerationAction, Sanction, Thread, Vote
from broadsheet.comments.signals import comment_changed, comment_published


def post(author, body="A fair point about the budget.", thread_key="test-thread", **kw):
    return services.comment_create(thread_key=thread_key, author=author, body=body, **kw)


def refused(code, fn, *args, **kw):
    with pytest.raises(CommentError) as caught:
        fn(*args, **kw)
    assert caught.value.code == code, caught.value.message
    return caught.value


pytestmark = pytest.mark.django_db(transaction=False)


def test_a_comment_is_posted_counted_and_published(
    reader, thread, django_capture_on_commit_callbacks
):
    seen = []
    comment_published.connect(
        lambda comment, **kw: seen.append(comment.pk), weak=False, dispatch_uid="t1"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            comment = post(reader)
    finally:
        comment_published.disconnect(dispatch_uid="t1")
    assert comment.status == "visible"
    assert seen == [comment.pk]
    assert Thread.objects.get(pk=thread.pk).comment_count == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_one_post_is_one_read_and_one_write(settings, reader, thread, django_assert_num_queries):
    """The posting path's pin, as a server runs it (autocommit): one statement asks everything that
    decides the answer (the thread, sanctions, the key, the same text, whether the author is new);
    on PostgreSQL one more counts and stores the comment (its own transaction: no BEGIN, no COMMIT);
    on SQLite BEGIN, the count's UPDATE, the INSERT and COMMIT."""
    from .factories import CommentFactory

    settings.COMMENTS_TRUSTED_AFTER = 1
    CommentFactory(thread=thread, author=reader, body="Approved earlier.")
    post(reader, "Reads the word lists into the cache.")
    with django_assert_num_queries(2 if connection.vendor == "postgresql" else 5):
        comment = post(reader, "One more post.", idempotency_key="pin-1")
    assert comment.status == "visible" and comment.pk
    stored = Comment.objects.get(pk=comment.pk)
    assert (stored.body, stored.idempotency_key, stored.body_digest) == (
        "One more post.",
        "pin-1",
        comment.body_digest,
    )
    assert Thread.objects.get(pk=thread.pk).comment_count == 2
    assert comment.thread_count_after == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_held_post_counts_as_pending_in_the_same_write(settings, reader, thread):
    settings.COMMENTS_TRUSTED_AFTER = 1
    comment = post(reader, "My very first comment.")
    assert comment.status == "pending"
    assert Comment.objects.get(pk=comment.pk).status == "pending"
    thread.refresh_from_db()
    assert (thread.comment_count, thread.pending_count) == (0, 1)


def test_a_failing_receiver_neither_fails_the_post_nor_stops_the_others(
    reader, other, thread, django_capture_on_commit_callbacks, caplog
):
    """After commit the comment is stored and acknowledged: a receiver that raises (a purge service down)
    is logged with the comment's id, the receivers after it still run, the reply email still goes."""
    seen = []

    def broken(**kwargs):
        raise RuntimeError("purge service down")

    comment_published.connect(broken, weak=False, dispatch_uid="t-broken")
    comment_published.connect(
        lambda comment, **kw: seen.append(comment.pk), weak=False, dispatch_uid="t-after"
    )
    top = post(other, "Tell me about replies", notify_replies=True)
    try:
        with (
            caplog.at_level("ERROR", logger="broadsheet.comments.services"),
            django_capture_on_commit_callbacks(execute=True),
        ):
            reply = post(reader, "A reply", parent_id=top.pk)
    finally:
        comment_published.disconnect(dispatch_uid="t-broken")
        comment_published.disconnect(dispatch_uid="t-after")
    assert Comment.objects.filter(pk=reply.pk, status="visible").exists()
    assert seen == [reply.pk]
    assert len(mail.outbox) == 1
    assert "purge service down" in caplog.text and f"comment {reply.pk}" in caplog.text


def test_a_failing_reply_email_is_logged_not_raised(
    reader, other, thread, django_capture_on_commit_callbacks, caplog, monkeypatch
):
    def no_mail_server(*args, **kwargs):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(services, "send_mail", no_mail_server)
    top = post(other, "Tell me about replies", notify_replies=True)
    with (
        caplog.at_level("ERROR", logger="broadsheet.comments.services"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        reply = post(reader, "A reply", parent_id=top.pk)
    assert Comment.objects.filter(pk=reply.pk).exists()
    assert "no mail server" in caplog.text and f"comment {reply.pk}" in caplog.text


def test_anonymous_and_unknown_threads_are_refused(reader, thread):
    from django.contrib.auth.models import AnonymousUser

    refused("login_required", post, AnonymousUser())
    refused("not_found", post, reader, thread_key="no-such-thread")
    assert not Comment.objects.exists()


def test_closed_and_expired_threads_refuse(reader, thread):
    thread.mode = "closed"
    thread.save()
    refused("thread_closed", post, reader)
    thread.mode = "open"
    thread.closes_at = timezone.now() - timedelta(minutes=1)
    thread.save()
    refused("thread_closed", post, reader)
    assert not Comment.objects.exists()


def test_premoderated_thread_holds_everything(reader, thread):
    thread.mode = "premoderated"
    thread.save()
    comment = post(reader)
    assert comment.status == "pending"
    thread.refresh_from_db()
    assert (thread.comment_count, thread.pending_count) == (0, 1)


def test_new_commenters_are_held_until_one_approved(settings, reader, moderator, thread):
    settings.COMMENTS_TRUSTED_AFTER = 1
    first = post(reader, "My first comment.")
    assert first.status == "pending"
    services.comment_approve(comment=first, moderator=moderator)
    assert post(reader, "My second comment.").status == "visible"


def test_links_are_held(reader, thread):
    assert post(reader, "Read https://example.org/story").status == "pending"
    assert post(reader, "or www.example.com").status == "pending"


@pytest.mark.parametrize(
    "body,held",
    [
        ("이 시발 정말", True),
        ("시1발 진짜", True),
        ("개새끼들", True),
        ("ㅅㅂ 진짜", True),
        ("아 ㅂ.ㅅ 같네", True),
        ("오늘이 변화의 시발점이다", False),
        ("1956년은 병신년이었다", False),
        ("병신년 새해", False),
        ("무시 발언은 안 된다", False),
        ("what the fuck", True),
        ("FUCK this", True),
        ("Scunthorpe and shitake are fine", False),
        ("a classic shiitake risotto", False),
    ],
)
def test_word_lists(reader, thread, body, held):
    assert (post(reader, body).status == "pending") is held


def test_allow_list_edits_take_effect(reader, thread):
    from broadsheet.comments.models import BannedWord

    BannedWord.objects.create(word="budget", language="en", kind="block")
    assert post(reader, "The budget is late.").status == "pending"
    BannedWord.objects.create(word="budget", language="en", kind="allow")
    assert post(reader, "The budget is early.").status == "visible"


def test_idempotency_key_returns_the_same_comment(reader, thread):
    first = post(reader, idempotency_key="k-1")
    again = post(reader, idempotency_key="k-1")
    assert again.pk == first.pk and Comment.objects.count() == 1


def test_duplicate_text_in_the_window_is_refused(settings, reader, thread):
    post(reader, "Same words.")
    refused("duplicate", post, reader, " Same words. ")
    assert Comment.objects.count() == 1
    Comment.objects.update(
        created_at=timezone.now() - timedelta(seconds=settings.COMMENTS_DUPLICATE_WINDOW + 1)
    )
    post(reader, "Same words.")


def test_the_same_text_elsewhere_or_after_deleting_is_not_a_duplicate(reader, thread, make_user):
    Thread.objects.create(key="other-thread", title="Other")
    first = post(reader, "Same words.")
    post(reader, "Same words.", thread_key="other-thread")  # another article
    post(make_user("neighbour"), "Same words.")  # another reader
    services.comment_delete(comment=first, user=reader)
    post(reader, "Same words.")  # the first one was withdrawn
    refused("duplicate", post, reader, "Same words.")
    assert (
        Comment.objects.filter(body="Same words.").count() == 3
    )  # the withdrawn one had no replies: gone


def test_the_live_event_carries_the_count_the_post_left(
    reader, make_user, thread, django_capture_on_commit_callbacks
):
    from broadsheet.comments.live import event_message

    counts = []
    comment_published.connect(
        lambda comment, **kw: counts.append(
            event_message("comment", comment)["data"]["thread_comment_count"]
        ),
        weak=False,
        dispatch_uid="t-count",
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            post(reader, "One.")
            post(make_user("second"), "Two.")
    finally:
        comment_published.disconnect(dispatch_uid="t-count")
    assert counts == [1, 2]


def test_rate_limit_per_reader(settings, reader, thread):
    settings.COMMENTS_RATE_LIMIT_USER = "3/60"
    for n in range(3):
        post(reader, f"Comment number {n}")
    refused("rate_limited", post, reader, "One too many")
    assert Comment.objects.count() == 3


def test_rate_limit_per_address(settings, make_user, thread):
    settings.COMMENTS_RATE_LIMIT_IP = "2/60"
    for n in range(2):
        post(make_user(f"r{n}"), f"From one flat {n}", ip="203.0.113.9")
    refused("rate_limited", post, make_user("r3"), "Third", ip="203.0.113.9")
    post(make_user("r4"), "Elsewhere", ip="198.51.100.1")


def test_ip_is_stored_as_a_hash(reader, thread):
    comment = post(reader, ip="203.0.113.9")
    assert comment.ip_hash and "203.0.113.9" not in comment.ip_hash


def test_replies_go_one_level_deep(reader, other, thread):
    top = post(reader, "Top")
    reply = post(other, "Reply", parent_id=top.pk)
    answer = post(reader, "Answer to the reply", parent_id=reply.pk)
    assert reply.parent_id == top.pk and answer.parent_id == top.pk
    assert Comment.objects.get(pk=top.pk).reply_count == 2


def test_reply_notification_email_when_opted_in(
    reader, other, thread, django_capture_on_commit_callbacks
):
    top = post(reader, "Tell me", notify_replies=True)
    quiet = post(reader, "Do not tell me")
    with django_capture_on_commit_callbacks(execute=True):
        post(other, "Here is a reply", parent_id=top.pk)
        post(other, "Another reply", parent_id=quiet.pk)
        post(reader, "Replying to myself", parent_id=top.pk)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [reader.email] and "Here is a reply" in mail.outbox[0].body


def test_edit_within_five_minutes_only(reader, other, thread):
    comment = post(reader, "Typo teh")
    services.comment_edit(comment=comment, editor=reader, body="Typo the")
    assert Comment.objects.get(pk=comment.pk).body == "Typo the" and comment.edited_at
    refused("forbidden", services.comment_edit, comment=comment, editor=other, body="hijack")
    refused("too_long", services.comment_edit, comment=comment, editor=reader, body="x" * 251)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(minutes=5, seconds=1)
    )
    comment.refresh_from_db()
    refused(
        "edit_window_passed", services.comment_edit, comment=comment, editor=reader, body="Too late"
    )
    assert Comment.objects.get(pk=comment.pk).body == "Typo the"


def test_editing_in_a_link_holds_the_comment(reader, thread):
    comment = post(reader, "Plain")
    services.comment_edit(comment=comment, editor=reader, body="Now with https://spam.example")
    assert Comment.objects.get(pk=comment.pk).status == "pending"


def test_delete_leaves_a_placeholder_only_when_replied_to(reader, other, thread):
    lonely = post(reader, "Nobody answers")
    answered = post(reader, "Somebody answers")
    post(other, "I answer", parent_id=answered.pk)
    services.comment_delete(comment=lonely, user=reader)
    services.comment_delete(comment=answered, user=reader)
    assert not Comment.objects.filter(pk=lonely.pk).exists()
    placeholder = Comment.objects.get(pk=answered.pk)
    assert placeholder.status == "deleted" and placeholder.body == ""
    assert Thread.objects.get(pk=thread.pk).comment_count == 1
    refused(
        "forbidden",
        services.comment_delete,
        comment=Comment.objects.get(body="I answer"),
        user=reader,
    )


def test_votes_once_each_never_own(reader, other, make_user, thread):
    comment = post(reader)
    services.comment_vote(comment=comment, user=other, value=1)
    services.comment_vote(comment=comment, user=other, value=1)
    assert (comment.like_count, comment.dislike_count) == (1, 0)
    services.comment_vote(comment=comment, user=other, value=-1)
    assert (comment.like_count, comment.dislike_count) == (0, 1)
    services.comment_vote(comment=comment, user=make_user("third"), value=-1)
    assert comment.dislike_count == 2
    services.comment_vote(comment=comment, user=other, value=0)
    assert (comment.like_count, comment.dislike_count) == (0, 1)
    refused("own_comment", services.comment_vote, comment=comment, user=reader, value=1)
    assert Vote.objects.count() == 1


def test_reports_cite_a_clause_once(reader, other, thread, clause):
    comment = post(reader)
    services.comment_report(comment=comment, reporter=other, clause=clause, note="Rude")
    refused(
        "already_reported", services.comment_report, comment=comment, reporter=other, clause=clause
    )
    refused("own_comment", services.comment_report, comment=comment, reporter=reader, clause=clause)
    refused("invalid", services.comment_report, comment=comment, reporter=other, clause=None)


def test_hide_logs_and_author_sees_clause_and_may_appeal_once(
    reader, other, moderator, thread, clause, django_capture_on_commit_callbacks
):
    comment = post(reader)
    changes = []
    comment_changed.connect(
        lambda comment, change, **kw: changes.append(change), weak=False, dispatch_uid="t2"
    )
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.comment_hide(
                comment=comment, moderator=moderator, reason_clause=clause, note="insult"
            )
    finally:
        comment_changed.disconnect(dispatch_uid="t2")
    assert changes == ["hidden"]
    comment.refresh_from_db()
    assert comment.status == "hidden" and comment.hidden_clause == clause
    action = ModerationAction.objects.get()
    assert (action.verb, action.moderator, action.clause_number, action.note) == (
        "hide",
        moderator,
        1,
        "insult",
    )
    refused("forbidden", services.comment_appeal, comment=comment, author=other, text="not mine")
    services.comment_appeal(comment=comment, author=reader, text="It was a joke")
    refused(
        "already_appealed", services.comment_appeal, comment=comment, author=reader, text="again"
    )


def test_only_moderators_moderate(reader, other, thread, clause):
    comment = post(reader)
    refused(
        "forbidden", services.comment_hide, comment=comment, moderator=other, reason_clause=clause
    )
    refused("forbidden", services.comment_approve, comment=comment, moderator=other)
    refused(
        "forbidden", services.user_sanction, user=reader, kind="ban", clause=clause, moderator=other
    )
    assert not ModerationAction.objects.exists()


def test_appeal_reinstates(reader, moderator, thread, clause):
    comment = post(reader)
    services.comment_hide(comment=comment, moderator=moderator, reason_clause=clause)
    appeal = services.comment_appeal(comment=comment, author=reader, text="please")
    services.appeal_decide(appeal=appeal, moderator=moderator, reinstate=True)
    comment.refresh_from_db()
    assert comment.status == "visible" and comment.hidden_clause is None
    assert list(
        ModerationAction.objects.order_by("created_at", "pk").values_list("verb", flat=True)
    ) == ["hide", "approve"]


def test_sanctions_stop_writes(reader, other, moderator, thread, clause):
    comment = post(other)
    services.user_sanction(user=reader, kind="warning", clause=clause, moderator=moderator)
    post(reader, "Still allowed after a warning")
    services.user_sanction(
        user=reader,
        kind="suspension",
        until=timezone.now() + timedelta(days=1),
        clause=clause,
        moderator=moderator,
    )
    refused("sanctioned", post, reader, "suspended")
    refused("sanctioned", services.comment_vote, comment=comment, user=reader, value=1)
    Sanction.objects.filter(kind="suspension").update(until=timezone.now() - timedelta(seconds=1))
    post(reader, "Back after the suspension")
    services.user_sanction(user=reader, kind="ban", clause=clause, moderator=moderator)
    refused("sanctioned", post, reader, "banned")
    refused(
        "invalid",
        services.user_sanction,
        user=reader,
        kind="suspension",
        until=None,
        clause=clause,
        moderator=moderator,
    )
    assert ModerationAction.objects.filter(verb="sanction").count() == 3


def test_moderator_remove_counts_on_transparency(reader, moderator, thread, policy, clause):
    from broadsheet.comments.models import PolicyClause
    from broadsheet.comments.moderation import removals_by_clause_and_month

    spam = PolicyClause.objects.get(page=policy, number=3)
    a, b, c = post(reader, "one"), post(reader, "two"), post(reader, "three")
    services.comment_hide(comment=a, moderator=moderator, reason_clause=clause)
    services.comment_remove(comment=b, moderator=moderator, reason_clause=spam)
    services.comment_remove(comment=c, moderator=moderator, reason_clause=spam)
    services.comment_approve(comment=a, moderator=moderator)  # approvals are not removals
    month = timezone.localtime().strftime("%Y-%m")
    assert removals_by_clause_and_month() == [
        {"month": month, "clause": 1, "count": 1},
        {"month": month, "clause": 3, "count": 2},
    ]


def test_export_and_account_delete(reader, other, thread):
    kept = post(reader, "Answered")
    post(reader, "Alone")
    reply = post(other, "Reply", parent_id=kept.pk)
    services.comment_vote(comment=reply, user=reader, value=1)
    export = services.comments_export(user=reader)
    assert [row["body"] for row in export] == ["Answered", "Alone"]
    services.account_delete(user=reader)
    assert not type(reader).objects.filter(pk=reader.pk).exists()
    placeholder = Comment.objects.get(pk=kept.pk)
    assert (placeholder.status, placeholder.body, placeholder.author_id) == ("deleted", "", None)
    assert not Comment.objects.filter(body="Alone").exists()
    assert Comment.objects.get(pk=reply.pk).like_count == 0
    assert Thread.objects.get(pk=thread.pk).comment_count == 1


def test_reply_email_links_to_the_article_with_its_host(
    reader, other, thread, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    Site.objects.filter(is_default_site=True).update(hostname="news.example.org", port=443)
    top = post(reader, "Tell me", notify_replies=True)
    with django_capture_on_commit_callbacks(execute=True):
        post(other, "A reply", parent_id=top.pk)
    assert "https://news.example.org/news/test-story/" in mail.outbox[0].body
