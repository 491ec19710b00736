"""What moderators read: the queue, and the public count of removals."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext as _

from . import wordlists
from .app_settings import app_settings
from .models import (
    AppealStatus,
    Comment,
    CommentStatus,
    ModerationAction,
    ModerationVerb,
    Report,
    ThreadMode,
)
from .rendering import has_links


def queue(limit=100):
    """Held comments, reported comments and open appeals, oldest first, with their reports."""
    open_reports = Report.objects.filter(resolved_at__isnull=True)
    return (
        Comment.objects.annotate(reported=Exists(open_reports.filter(comment=OuterRef("pk"))))
        .filter(
            Q(status=CommentStatus.PENDING)
            | Q(status=CommentStatus.VISIBLE, reported=True)
            | Q(status=CommentStatus.HIDDEN, appeal__status=AppealStatus.OPEN)
        )
        .select_related("author", "thread", "hidden_clause", "appeal")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=open_reports.select_related("clause").order_by("created_at"),
                to_attr="open_reports",
            )
        )
        .order_by("created_at", "pk")[:limit]
    )


def held_reasons(comment, approved_by_author):
    """Why a pending comment waits, in the moderator's words (the same rules as services._initial_status)."""
    reasons = []
    if comment.thread.mode == ThreadMode.PREMODERATED:
        reasons.append(_("pre-moderated thread"))
    if app_settings.TRUSTED_AFTER and approved_by_author < app_settings.TRUSTED_AFTER:
        reasons.append(_("new commenter"))
    if app_settings.HOLD_LINKS and has_links(comment.body):
        reasons.append(_("contains a link"))
    if wordlists.flagged(comment.body):
        reasons.append(_("matches the word list"))
    return reasons


def approved_counts(comments):
    """Visible comments per author of the given comments, in one query."""
    authors = {c.author_id for c in comments if c.author_id}
    rows = (
        Comment.objects.filter(author_id__in=authors, status=CommentStatus.VISIBLE)
        .values("author_id")
        .annotate(n=Count("pk"))
    )
    return {row["author_id"]: row["n"] for row in rows}


def removals_by_clause_and_month():
    """Hides and moderator deletions, counted by clause and calendar month (site time zone)."""
    rows = (
        ModerationAction.objects.filter(verb__in=[ModerationVerb.HIDE, ModerationVerb.REMOVE])
        .annotate(month=TruncMonth("created_at"))
        .values("month", "clause_number")
        .annotate(count=Count("pk"))
        .order_by("-month", "clause_number")
    )
    return [
        {"month": r["month"].strftime("%Y-%m"), "clause": r["clause_number"], "count": r["count"]}
        for r in rows
    ]
