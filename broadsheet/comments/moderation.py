"""What moderators read: the queue, and the public count of removals."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.db.models.functions import TruncMonth

from .models import AppealStatus, Comment, CommentStatus, ModerationAction, ModerationVerb, Report


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
        .prefetch_related(Prefetch("reports", queryset=open_reports.select_related("clause").order_by("created_at"), to_attr="open_reports"))
        .order_by("created_at", "pk")[:limit]
    )


def removals_by_clause_and_month():
    """Hides and moderator deletions, counted by clause and calendar month (site time zone)."""
    rows = (
        ModerationAction.objects.filter(verb__in=[ModerationVerb.HIDE, ModerationVerb.REMOVE])
        .annotate(month=TruncMonth("created_at"))
        .values("month", "clause_number")
        .annotate(count=Count("pk"))
        .order_by("-month", "clause_number")
    )
    return [{"month": r["month"].strftime("%Y-%m"), "clause": r["clause_number"], "count": r["count"]} for r in rows]
