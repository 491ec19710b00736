"""Every write to comments: plain functions, keyword-only, one transaction each.

Readers' writes need a signed-in reader who is not banned or suspended. Moderators' writes need the
``comments.moderate`` permission and always leave a line in the moderation log.
"""

import logging
from datetime import timedelta

from django.core import signing
from django.core.mail import send_mail
from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from . import sql, wordlists
from .adapter import get_adapter
from .app_settings import app_settings
from .errors import CommentError
from .limits import check_rate
from .models import (
    Appeal,
    AppealStatus,
    Comment,
    CommentStatus,
    ModerationAction,
    ModerationVerb,
    Report,
    Sanction,
    SanctionKind,
    Thread,
    ThreadMode,
    Vote,
    body_digest,
)
from .rendering import has_links
from .sanctions import (
    sanction_identities_store,
)  # and on any user's deletion: sanctions.on_user_deleting
from .signals import comment_changed, comment_published
from .text import clean, normalize
from .threads import thread_for_key

# -- who may write -----------------------------------------------------------------------------


def active_sanction(user):
    """The ban or suspension in force for user, or None."""
    now = timezone.now()
    if not sql.sanction_in_force(
        user.pk, now
    ):  # the common answer, asked in plain SQL (see sql.py)
        return None
    return Sanction.objects.in_force(now).filter(user=user).order_by("-kind", "-until").first()


def sanction_to_show(user):
    """What the reader should be told: a ban or suspension in force, else a warning from the last
    COMMENTS_WARNING_DAYS days, else None. Only the first two stop writing."""
    sanction = active_sanction(user)
    if sanction is not None:
        return sanction
    since = timezone.now() - timedelta(days=app_settings.WARNING_DAYS)
    return (
        Sanction.objects.filter(
            user=user, kind=SanctionKind.WARNING, revoked_at__isnull=True, created_at__gte=since
        )
        .select_related("clause")
        .order_by("-created_at")
        .first()
    )


def require_signed_in(user):
    if user is None or not user.is_authenticated:
        raise CommentError("login_required", _("Sign in to take part in the conversation."))


def require_reader(user, *, sanctioned=None):
    """sanctioned: whether a ban or suspension is in force, when the caller already asked (False skips
    the query; True reads the sanction for its message)."""
    require_signed_in(user)
    sanction = None if sanctioned is False else active_sanction(user)
    if sanction is None:
        return
    if sanction.kind == SanctionKind.BAN:
        raise CommentError("sanctioned", _("Your account may no longer comment."))
    until = timezone.localtime(sanction.until).strftime("%Y-%m-%d %H:%M")
    raise CommentError(
        "sanctioned",
        _("Your account is suspended from commenting until %(until)s.") % {"until": until},
    )


def require_moderator(user):
    if not get_adapter().can_moderate(user):
        raise CommentError("forbidden", _("Only moderators may do this."))


# -- counts kept on the rows -------------------------------------------------------------------


def _count_of(**filters):
    return Coalesce(
        Subquery(
            Comment.objects.filter(**filters)
            .order_by()
            .values(*filters.keys())
            .annotate(n=Count("pk"))
            .values("n")[:1]
        ),
        Value(0),
    )


def lock_thread(comment):
    """Take the thread's row lock first in every write, so writers queue in one order (no deadlocks)."""
    list(Thread.objects.select_for_update().filter(pk=comment.thread_id).values_list("pk"))


def recount(comment, *, thread_locked=False):
    """Refresh the denormalised counts a comment's state affects (its thread, its parent).

    Locking the rows first makes concurrent writers take turns; each UPDATE then counts with a snapshot
    taken after the previous writer committed (PostgreSQL, READ COMMITTED), so no count is lost.
    """
    visible = CommentStatus.VISIBLE
    # savepoint=False: free inside the caller's transaction; on its own (demo data) it makes one.
    with transaction.atomic(savepoint=False):
        if not thread_locked:  # a caller that already holds the lock saves a round trip
            lock_thread(comment)
        if comment.parent_id:
            list(Comment.objects.select_for_update().filter(pk=comment.parent_id).values_list("pk"))
        Thread.objects.filter(pk=comment.thread_id).update(
            comment_count=_count_of(thread=OuterRef("pk"), status=visible),
            pending_count=_count_of(thread=OuterRef("pk"), status=CommentStatus.PENDING),
        )
        if comment.parent_id:
            Comment.objects.filter(pk=comment.parent_id).update(
                reply_count=_count_of(parent=OuterRef("pk"), status=visible)
            )


def _recount_votes(comment):
    list(
        Comment.objects.select_for_update().filter(pk=comment.pk).values_list("pk")
    )  # see recount()
    Comment.objects.filter(pk=comment.pk).update(
        like_count=Coalesce(
            Subquery(
                Vote.objects.filter(comment=OuterRef("pk"), value=1)
                .order_by()
                .values("comment")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            Value(0),
        ),
        dislike_count=Coalesce(
            Subquery(
                Vote.objects.filter(comment=OuterRef("pk"), value=-1)
                .order_by()
                .values("comment")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            Value(0),
        ),
    )
    comment.refresh_from_db(fields=["like_count", "dislike_count"])


# -- after commit ------------------------------------------------------------------------------

log = logging.getLogger(__name__)


def _after_commit(comment, work):
    """Run work once the transaction commits. The comment is stored by then and its writer may already
    hold the answer: what fails here (a receiver, the mail server) is logged with the comment's id and
    never turns the acknowledged write into an error."""

    def run():
        try:
            work()
        except Exception:
            log.exception("after-commit work for comment %s failed", comment.pk)

    transaction.on_commit(run)


def _send(signal, comment, **kwargs):
    """Every receiver runs even when one fails (the live stream, the site's purge); failures are logged."""
    for receiver, result in signal.send_robust(sender=Comment, comment=comment, **kwargs):
        if isinstance(result, Exception):
            log.error("%r failed for comment %s", receiver, comment.pk, exc_info=result)


def _announce_published(comment):
    def send():
        _send(comment_published, comment)
        _notify_parent_author(comment)

    _after_commit(comment, send)


def _announce_changed(comment, change):
    _after_commit(comment, lambda: _send(comment_changed, comment, change=change))


def _notify_parent_author(reply):
    parent = reply.parent
    if parent is None or not parent.notify_replies or parent.author_id in (None, reply.author_id):
        return
    if parent.status != CommentStatus.VISIBLE or not parent.author.email:
        return
    adapter = get_adapter()
    subject, body = adapter.reply_notification(reply=reply, parent=parent)
    stop = adapter.absolute_url(reverse("comments:unsubscribe", args=[unsubscribe_token(parent)]))
    body += "\n\n" + _("No more emails about replies to this comment: %(url)s") % {"url": stop}
    send_mail(subject, body, None, [parent.author.email], fail_silently=True)


UNSUBSCRIBE_SALT = "comments.unsubscribe"


def unsubscribe_token(comment):
    """A signed link token naming one comment: whoever holds the email may stop its reply emails."""
    return signing.dumps(
        {"c": comment.pk, "a": comment.author_id}, salt=UNSUBSCRIBE_SALT, compress=True
    )


def comment_for_unsubscribe(token):
    """The comment a token names, or None when the token is forged, mangled or names another author now."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict):
        return None
    return (
        Comment.objects.filter(pk=data.get("c"), author_id=data.get("a"))
        .exclude(author=None)
        .first()
    )


def replies_unsubscribe(*, comment, everywhere=False):
    """Stop reply emails for this comment, or for every comment of its author."""
    mine = (
        Comment.objects.filter(author_id=comment.author_id)
        if everywhere
        else Comment.objects.filter(pk=comment.pk)
    )
    return mine.filter(notify_replies=True).update(notify_replies=False)


# -- readers' writes ---------------------------------------------------------------------------


def _held(*, author, thread, body, visible_before=None):
    """visible_before: how many of the author's comments are visible (up to TRUSTED_AFTER), when the
    caller already counted them."""
    if thread.mode == ThreadMode.PREMODERATED:
        return True
    trusted_after = app_settings.TRUSTED_AFTER
    if trusted_after and visible_before is None:
        visible_before = len(
            Comment.objects.filter(author=author, status=CommentStatus.VISIBLE).values_list("pk")[
                :trusted_after
            ]
        )
    if trusted_after and visible_before < trusted_after:
        return True
    if app_settings.HOLD_LINKS and has_links(body):
        return True
    return wordlists.flagged(body)


def _initial_status(*, author, thread, body, visible_before=None):
    """Visible, or held for a moderator: pre-moderated thread, new commenter, links, listed words.

    Moderators are never held; asking about permissions (two queries) only when a reason to hold
    was found keeps the common case cheap and gives the same answer.
    """
    if _held(
        author=author, thread=thread, body=body, visible_before=visible_before
    ) and not get_adapter().can_moderate(author):
        return CommentStatus.PENDING
    return CommentStatus.VISIBLE


def _parent_for(thread, parent_id):
    """Replies go one level deep: answering a reply files the answer under its top-level comment."""
    if parent_id is None:
        return None
    parent = (
        Comment.objects.filter(pk=parent_id, thread=thread, status=CommentStatus.VISIBLE)
        .select_related("parent")
        .first()
    )
    if parent is None:
        raise CommentError("not_found", _("The comment you are replying to is not available."))
    return parent.parent if parent.parent_id else parent


def _replay(author, idempotency_key):
    if not idempotency_key:
        return None
    earlier = Comment.objects.filter(author=author, idempotency_key=idempotency_key).first()
    if earlier is not None:
        earlier.replayed = True
    return earlier


def _count_new(*, thread, parent, status):
    """A new comment adds one to its thread's count (and its parent's), each UPDATE taking the row's lock.

    Called before the INSERT, so every writer locks the thread first and then the parent, as recount() does.
    The thread's new count comes back from the UPDATE itself where the database can return it: the live
    event carries it (see live.event_message) without reading the row again.
    """
    if status != CommentStatus.VISIBLE:
        Thread.objects.filter(pk=thread.pk).update(pending_count=F("pending_count") + 1)
        return None
    count = None
    if (
        connection.features.can_return_columns_from_insert
    ):  # UPDATE ... RETURNING: PostgreSQL, SQLite ≥ 3.35
        count = sql.thread_count_up(thread.pk)
    else:
        Thread.objects.filter(pk=thread.pk).update(comment_count=F("comment_count") + 1)
    if parent is not None:
        Comment.objects.filter(pk=parent.pk).update(reply_count=F("reply_count") + 1)
    return count


def _replayed(pk):
    comment = Comment.objects.get(pk=pk)
    comment.replayed = True  # the API answers 200 instead of 201
    return comment


def _store(comment, *, parent):
    """INSERT the new comment and count it on its thread (and its parent), in one transaction; returns
    the thread's visible count as this write left it (None when not known without another read).

    On PostgreSQL a top-level comment is one statement (sql.comment_insert): outside a transaction it
    is its own, with no BEGIN or COMMIT to wait for; inside one, a savepoint keeps the caller's
    transaction usable when a racing submit with the same key wins."""
    visible = comment.status == CommentStatus.VISIBLE
    if parent is None and connection.vendor == "postgresql":
        if not connection.in_atomic_block:
            return sql.comment_insert(comment, visible=visible)
        with transaction.atomic():
            return sql.comment_insert(comment, visible=visible)
    with transaction.atomic():
        count = _count_new(thread=comment.thread, parent=parent, status=comment.status)
        comment.save(force_insert=True)
    return count


def comment_create(
    *,
    thread_key,
    author,
    body,
    parent_id=None,
    idempotency_key=None,
    ip=None,
    notify_replies=False,
):
    """Post a comment or reply. The same idempotency_key from the same author returns the first comment
    (marked ``replayed``).

    Everything that decides the answer but the rate limits is asked in one statement (sql.post_checks):
    the thread, a sanction in force, the key used before, the same text in the window, whether the
    author is still new. The thread's count and the row are written in one more (see _store)."""
    require_signed_in(author)
    body = normalize(body)
    now = timezone.now()
    checks = sql.post_checks(
        thread_key=thread_key,
        author_id=author.pk,
        idempotency_key=idempotency_key or None,
        digest=body_digest(body),
        body=body,
        now=now,
        since=now - timedelta(seconds=app_settings.DUPLICATE_WINDOW),
        trusted_after=app_settings.TRUSTED_AFTER,
    )
    require_reader(author, sanctioned=checks.sanctioned)
    thread = thread_for_key(thread_key, create=True, stored=checks if checks.pk else None)
    if checks.replayed_id is not None:
        return _replayed(checks.replayed_id)
    if checks.duplicates:
        raise CommentError("duplicate", _("You have already posted this comment here."))
    if not thread.is_open():
        raise CommentError("thread_closed", _("Comments on this article are closed."))
    parent = _parent_for(thread, parent_id)
    ip_hash = get_adapter().hash_ip(ip)
    check_rate(user_id=author.pk, ip_hash=ip_hash)
    comment = Comment(
        thread=thread,
        author=author,
        parent=parent,
        body=body,
        status=_initial_status(
            author=author, thread=thread, body=body, visible_before=checks.visible_before
        ),
        notify_replies=bool(notify_replies),
        idempotency_key=idempotency_key or None,
        ip_hash=ip_hash,
        created_at=now,
    )
    comment.body_digest = body_digest(body)
    try:
        thread_count = _store(comment, parent=parent)
    except IntegrityError:
        # Two submits with one key raced; the other one won.
        if (earlier := _replay(author, idempotency_key)) is not None:
            return earlier
        raise
    if comment.status == CommentStatus.VISIBLE:
        comment.thread_count_after = thread_count
        _announce_published(comment)
    return comment


def _require_author(comment, user):
    if user is None or not user.is_authenticated:
        raise CommentError("login_required", _("Sign in to take part in the conversation."))
    if comment.author_id != user.pk:
        raise CommentError("forbidden", _("You can only change your own comments."))


def comment_edit(*, comment, editor, body):
    """The author fixes a comment within the edit window; the new text passes every check again."""
    _require_author(comment, editor)
    require_reader(editor)
    if comment.status not in (CommentStatus.VISIBLE, CommentStatus.PENDING):
        raise CommentError("forbidden", _("This comment can no longer be edited."))
    if timezone.now() - comment.created_at > timedelta(seconds=app_settings.EDIT_WINDOW):
        raise CommentError(
            "edit_window_passed", _("Comments can only be edited in the first five minutes.")
        )
    body = normalize(body)
    was_visible = comment.status == CommentStatus.VISIBLE
    with transaction.atomic():
        lock_thread(comment)
        comment.body = body
        comment.edited_at = timezone.now()
        if (
            was_visible
            and _initial_status(author=editor, thread=comment.thread, body=body)
            == CommentStatus.PENDING
        ):
            comment.status = CommentStatus.PENDING
        comment.save(update_fields=["body", "edited_at", "status"])
        recount(comment, thread_locked=True)
        if was_visible:
            _announce_changed(
                comment, "edited" if comment.status == CommentStatus.VISIBLE else "hidden"
            )
    return comment


MODERATED = (CommentStatus.HIDDEN, CommentStatus.DELETED)


def comment_delete(*, comment, user):
    """The author withdraws a comment. With replies under it a placeholder keeps the conversation readable.

    A comment a moderator hid or removed is the moderators' now: its text, reports and appeal are the record
    of that decision."""
    _require_author(comment, user)
    if comment.status in MODERATED:
        raise CommentError(
            "forbidden",
            _("A moderator has taken this comment down; only moderators can delete it."),
        )
    with transaction.atomic():
        lock_thread(comment)
        was_visible = comment.status == CommentStatus.VISIBLE
        if comment.replies.exists():
            comment.status = CommentStatus.DELETED
            comment.body = ""
            comment.save(update_fields=["status", "body"])
            recount(comment, thread_locked=True)
        else:
            comment.delete()
            recount(comment, thread_locked=True)
        if was_visible:
            _announce_changed(comment, "deleted")
    return comment


def comment_vote(*, comment, user, value):
    """Like (1), dislike (-1) or take the vote back (0); one vote per reader per comment, never on one's own."""
    require_reader(user)
    if value not in (1, -1, 0):
        raise CommentError("invalid", _("A vote is 1 (like), -1 (dislike) or 0 (none)."))
    if comment.author_id == user.pk:
        raise CommentError("own_comment", _("You cannot vote on your own comment."))
    if comment.status != CommentStatus.VISIBLE:
        raise CommentError("not_found", _("This comment is not available."))
    with transaction.atomic():
        if value == 0:
            Vote.objects.filter(comment=comment, user=user).delete()
        else:
            Vote.objects.update_or_create(comment=comment, user=user, defaults={"value": value})
        _recount_votes(comment)
        _announce_changed(comment, "voted")
    return comment


def comment_report(*, comment, reporter, clause, note=""):
    """A reader flags a comment under a numbered clause of the policy."""
    require_reader(reporter)
    if clause is None:
        raise CommentError("invalid", _("Choose the clause of the policy this comment breaks."))
    if comment.author_id == reporter.pk:
        raise CommentError("own_comment", _("You cannot report your own comment."))
    if comment.status != CommentStatus.VISIBLE:
        raise CommentError("not_found", _("This comment is not available."))
    note = normalize(note, max_length=app_settings.NOTE_MAX_LENGTH) if note and note.strip() else ""
    try:
        with transaction.atomic():
            return Report.objects.create(
                comment=comment, reporter=reporter, clause=clause, note=note
            )
    except IntegrityError:
        raise CommentError(
            "already_reported", _("You have already reported this comment.")
        ) from None


def comment_appeal(*, comment, author, text=""):
    """The author asks once for a second look at a hidden comment."""
    _require_author(comment, author)
    if comment.status != CommentStatus.HIDDEN:
        raise CommentError("forbidden", _("Only a hidden comment can be appealed."))
    text = clean(text or "")[: app_settings.NOTE_MAX_LENGTH]
    try:
        with transaction.atomic():
            return Appeal.objects.create(comment=comment, text=text)
    except IntegrityError:
        raise CommentError(
            "already_appealed", _("You have already appealed this decision.")
        ) from None


# -- moderators' writes ------------------------------------------------------------------------


def _log(*, moderator, verb, comment=None, target_user=None, clause=None, note=""):
    return ModerationAction.objects.create(
        moderator=moderator,
        verb=verb,
        comment=comment,
        target_user=target_user,
        clause=clause,
        clause_number=clause.number if clause else None,
        note=note or "",
    )


def _resolve_reports(comment):
    comment.reports.filter(resolved_at__isnull=True).update(resolved_at=timezone.now())


def comment_approve(*, comment, moderator, note=""):
    """Publish a held comment (or reinstate a hidden one)."""
    require_moderator(moderator)
    with transaction.atomic():
        lock_thread(comment)
        was_visible = comment.status == CommentStatus.VISIBLE
        comment.status = CommentStatus.VISIBLE
        comment.hidden_clause = None
        comment.save(update_fields=["status", "hidden_clause"])
        _resolve_reports(comment)
        _log(
            moderator=moderator,
            verb=ModerationVerb.APPROVE,
            comment=comment,
            target_user=comment.author,
            note=note,
        )
        recount(comment, thread_locked=True)
        if not was_visible:
            _announce_published(comment)
    return comment


def _take_down(*, comment, moderator, reason_clause, note, status, verb):
    require_moderator(moderator)
    if reason_clause is None:
        raise CommentError("invalid", _("Choose the clause of the policy this comment breaks."))
    with transaction.atomic():
        lock_thread(comment)
        was_visible = comment.status == CommentStatus.VISIBLE
        comment.status = status
        comment.hidden_clause = reason_clause
        comment.save(update_fields=["status", "hidden_clause"])
        _resolve_reports(comment)
        _log(
            moderator=moderator,
            verb=verb,
            comment=comment,
            target_user=comment.author,
            clause=reason_clause,
            note=note,
        )
        recount(comment, thread_locked=True)
        if was_visible:
            _announce_changed(comment, "hidden" if verb == ModerationVerb.HIDE else "removed")
    return comment


def comment_hide(*, comment, moderator, reason_clause, note=""):
    """Hide a comment under a clause; its author sees the clause and may appeal."""
    return _take_down(
        comment=comment,
        moderator=moderator,
        reason_clause=reason_clause,
        note=note,
        status=CommentStatus.HIDDEN,
        verb=ModerationVerb.HIDE,
    )


def comment_remove(*, comment, moderator, reason_clause, note=""):
    """Delete a comment as a moderator; the text stays on record for the log, never shown again."""
    return _take_down(
        comment=comment,
        moderator=moderator,
        reason_clause=reason_clause,
        note=note,
        status=CommentStatus.DELETED,
        verb=ModerationVerb.REMOVE,
    )


def appeal_decide(*, appeal, moderator, reinstate, note=""):
    require_moderator(moderator)
    with transaction.atomic():
        appeal.status = AppealStatus.REINSTATED if reinstate else AppealStatus.UPHELD
        appeal.decided_at = timezone.now()
        appeal.save(update_fields=["status", "decided_at"])
        if reinstate:
            comment_approve(comment=appeal.comment, moderator=moderator, note=note)
        else:
            _log(
                moderator=moderator,
                verb=ModerationVerb.UPHOLD,
                comment=appeal.comment,
                target_user=appeal.comment.author,
                clause=appeal.comment.hidden_clause,
                note=note,
            )
    return appeal


def user_sanction(*, user, kind, until=None, clause, moderator, note=""):
    """Warn, suspend until a time, or ban a reader, citing a clause."""
    require_moderator(moderator)
    if kind not in SanctionKind.values:
        raise CommentError("invalid", _("Unknown kind of sanction."))
    if kind == SanctionKind.SUSPENSION and (until is None or until <= timezone.now()):
        raise CommentError("invalid", _("A suspension needs an end in the future."))
    if clause is None:
        raise CommentError("invalid", _("Choose the clause of the policy this comment breaks."))
    with transaction.atomic():
        sanction = Sanction.objects.create(
            user=user,
            kind=kind,
            until=until if kind == SanctionKind.SUSPENSION else None,
            clause=clause,
            moderator=moderator,
            note=note or "",
        )
        if (
            kind != SanctionKind.WARNING
        ):  # a warning never stops writing: nothing to keep past the account
            sanction_identities_store(sanction=sanction, user=user)
        _log(
            moderator=moderator,
            verb=ModerationVerb.SANCTION,
            target_user=user,
            clause=clause,
            note=f"{kind}: {note}".strip(": "),
        )
    return sanction


# -- a reader's data ---------------------------------------------------------------------------


def comments_export(*, user):
    """Everything a reader has written, for download."""
    rows = (
        Comment.objects.filter(author=user)
        .select_related("thread", "hidden_clause")
        .order_by("created_at", "pk")
    )
    return [
        {
            "id": c.pk,
            "thread": c.thread.key,
            "thread_title": c.thread.title,
            "url": c.thread.url,
            "parent_id": c.parent_id,
            "body": c.body,
            "status": c.status,
            "hidden_clause": c.hidden_clause.number if c.hidden_clause else None,
            "created_at": c.created_at.isoformat(),
            "edited_at": c.edited_at.isoformat() if c.edited_at else None,
            "likes": c.like_count,
            "dislikes": c.dislike_count,
        }
        for c in rows
    ]


def account_delete(*, user):
    """Delete a reader and what they wrote. Comments others replied to stay as empty placeholders."""
    if user is None or not user.is_authenticated:
        raise CommentError("login_required", _("Sign in to take part in the conversation."))
    if user.is_staff or user.is_superuser:
        # A staff account owns pages, revisions and log entries in the CMS: it is deleted in the admin.
        raise CommentError("forbidden", _("Staff accounts are deleted in the admin, not here."))
    with transaction.atomic():
        voted = list(Comment.objects.filter(votes__user=user).distinct())
        Vote.objects.filter(user=user).delete()
        for comment in voted:
            _recount_votes(comment)
        own = list(Comment.objects.filter(author=user).order_by("-parent_id"))
        for comment in own:
            if comment.status in MODERATED and comment.body:
                # A moderator's decision stays on record (text, reports, appeal), no longer linked to anyone.
                Comment.objects.filter(pk=comment.pk).update(author=None)
            elif Comment.objects.filter(parent_id=comment.pk).exists():
                Comment.objects.filter(pk=comment.pk).update(
                    status=CommentStatus.DELETED, body="", author=None
                )
            else:
                Comment.objects.filter(pk=comment.pk).delete()
            recount(comment)
        user.delete()
