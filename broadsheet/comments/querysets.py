"""What a reader may see, defined once."""

from django.db import models
from django.db.models import Q


class CommentQuerySet(models.QuerySet):
    def shown_to(self, user=None):
        """Visible comments, placeholders for removed ones that still have replies, and the reader's own."""
        shown = Q(status="visible") | Q(status__in=["deleted", "hidden"], reply_count__gt=0)
        if user is not None and user.is_authenticated:
            shown |= Q(author=user) & ~Q(status="deleted")
        return self.filter(shown)

    def top_level(self):
        return self.filter(parent__isnull=True)
