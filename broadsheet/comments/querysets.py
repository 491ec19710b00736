"""What a reader may see, defined once."""

from django.db import models
from django.db.models import Max, Q


class CommentQuerySet(models.QuerySet):
    def shown_to(self, user=None):
        """Visible comments, placeholders for removed ones that still have replies, and the reader's own."""
        shown = Q(status="visible") | Q(status__in=["deleted", "hidden"], reply_count__gt=0)
        if user is not None and user.is_authenticated:
            shown |= Q(author=user) & ~Q(status="deleted")
        return self.filter(shown)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def latest_id(self):
        """The highest id among these comments, whatever their status; 0 when there are none."""
        return self.aggregate(latest=Max("pk"))["latest"] or 0


class SanctionQuerySet(models.QuerySet):
    def in_force(self, now):
        """Bans, and suspensions lasting past now, not revoked: what stops writing. The posting path asks
        the same in plain SQL (sql.sanction_in_force) and Sanction.in_force() for one row; tests/test_sql.py
        holds the three to one answer."""
        return self.filter(revoked_at__isnull=True).filter(
            Q(kind="ban") | Q(kind="suspension", until__gt=now)
        )
