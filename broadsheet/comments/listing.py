"""Reading a thread a page at a time, with a fixed number of queries however long the thread is.

Keyset pagination: the cursor carries the sort values of the last comment shown, so page 500 costs what
page 1 costs. Each page brings its top-level comments and, in one more query, the first few replies of
each (a window function numbers the replies per parent).
"""

import base64
import json
from datetime import datetime

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone
from django.utils.translation import gettext as _

from .adapter import get_adapter
from .app_settings import app_settings
from .errors import CommentError
from .models import Comment, CommentStatus, Vote
from .rendering import body_html

SORTS = {
    "newest": ("created_at", "desc"),
    "oldest": ("created_at", "asc"),
    "liked": ("like_count", "desc"),
}


def encode_cursor(sort, comment):
    field, _direction = SORTS[sort]
    value = getattr(comment, field)
    value = value.isoformat() if isinstance(value, datetime) else value
    raw = json.dumps([sort, value, comment.pk]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(sort, cursor):
    bad = CommentError(
        "bad_cursor", _("This page link is no longer valid; start from the first page.")
    )
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        cursor_sort, value, pk = json.loads(raw)
        if cursor_sort != sort or not isinstance(pk, int):
            raise bad
        if SORTS[sort][0] == "created_at":
            value = datetime.fromisoformat(value)
            if timezone.is_naive(value):
                raise bad
        elif not isinstance(value, int):
            raise bad
    except CommentError:
        raise
    except Exception:
        raise bad from None
    return value, pk


def _after(sort, cursor):
    field, direction = SORTS[sort]
    value, pk = decode_cursor(sort, cursor)
    op = "lt" if direction == "desc" else "gt"
    # The first, redundant-looking bound lets the database seek straight to the cursor in the index
    # instead of walking every earlier page.
    return Q(**{f"{field}__{op}e": value}) & (
        Q(**{f"{field}__{op}": value}) | Q(**{f"pk__{op}": pk})
    )


def _ordering(sort):
    field, direction = SORTS[sort]
    return (f"-{field}", "-pk") if direction == "desc" else (field, "pk")


def _page(queryset, sort, cursor, size):
    if cursor:
        queryset = queryset.filter(_after(sort, cursor))
    rows = list(queryset.order_by(*_ordering(sort))[: size + 1])
    next_cursor = encode_cursor(sort, rows[size - 1]) if len(rows) > size else None
    return rows[:size], next_cursor


def _base(viewer):
    queryset = Comment.objects.shown_to(viewer).select_related("author", "hidden_clause")
    if viewer is None or not viewer.is_authenticated:
        return queryset  # an appeal is shown to its author only: nobody's is read for an anonymous page
    return queryset.select_related("appeal")


def _first_replies(parent_ids, viewer, per_parent):
    """Up to per_parent + 1 replies per parent (the extra one says there are more), oldest first."""
    if not parent_ids:
        return {}
    numbered = (
        _base(viewer)
        .filter(parent_id__in=parent_ids)
        .annotate(
            position=Window(
                RowNumber(),
                partition_by=[F("parent_id")],
                order_by=[F("created_at").asc(), F("pk").asc()],
            )
        )
        .filter(position__lte=per_parent + 1)
        .order_by("parent_id", "created_at", "pk")
    )
    grouped = {}
    for reply in numbered:
        grouped.setdefault(reply.parent_id, []).append(reply)
    return grouped


def _votes(viewer, comments):
    if viewer is None or not viewer.is_authenticated or not comments:
        return {}
    return dict(
        Vote.objects.filter(user=viewer, comment__in=[c.pk for c in comments]).values_list(
            "comment_id", "value"
        )
    )


class Serializer:
    """Turns comments into the API's JSON, the same for the page script and the no-JS page."""

    def __init__(self, viewer, votes):
        self.viewer = viewer if viewer is not None and viewer.is_authenticated else None
        # Read once per page, not once per comment (the viewer is a lazy object; settings go through a lookup).
        self.viewer_pk = self.viewer.pk if self.viewer is not None else None
        self.edit_window = app_settings.EDIT_WINDOW
        self.votes = votes
        self.adapter = get_adapter()
        self.now = timezone.now()

    def _mine(self, comment):
        return self.viewer_pk is not None and comment.author_id == self.viewer_pk

    def comment(self, c):
        mine = self._mine(c)
        readable = c.status == CommentStatus.VISIBLE or (
            mine and c.status in (CommentStatus.PENDING, CommentStatus.HIDDEN)
        )
        shows_author = c.author is not None and (readable or mine)
        appeal = getattr(c, "appeal", None) if mine else None
        edit_open = (self.now - c.created_at).total_seconds() < self.edit_window
        return {
            "id": c.pk,
            "parent_id": c.parent_id,
            "author": {"id": c.author.pk, "name": self.adapter.author_name(c.author)}
            if shows_author
            else None,
            "body": c.body if readable else "",
            "body_html": str(body_html(c.body)) if readable else "",
            "status": c.status,
            "created_at": c.created_at,
            "edited_at": c.edited_at,
            "likes": c.like_count,
            "dislikes": c.dislike_count,
            "reply_count": c.reply_count,
            "my_vote": self.votes.get(c.pk, 0),
            "is_mine": mine,
            "can_edit": mine
            and edit_open
            and c.status in (CommentStatus.VISIBLE, CommentStatus.PENDING),
            "hidden_clause": {"number": c.hidden_clause.number, "title": c.hidden_clause.title}
            if c.hidden_clause
            else None,
            "appeal": {"status": appeal.status, "created_at": appeal.created_at}
            if appeal
            else None,
        }


def thread_page(*, thread, viewer, sort="newest", cursor=None, size=None):
    """One page of top-level comments with their first replies, and the cursor of the next page."""
    if sort not in SORTS:
        raise CommentError("invalid", _("Sort by newest, oldest or liked."))
    size = size or app_settings.PAGE_SIZE
    if thread.pk is None:
        return {"comments": [], "next_cursor": None}
    parents, next_cursor = _page(
        _base(viewer).filter(thread=thread, parent__isnull=True), sort, cursor, size
    )
    per_parent = app_settings.REPLIES_PREVIEW
    replies = _first_replies([p.pk for p in parents], viewer, per_parent)
    everyone = parents + [r for group in replies.values() for r in group]
    serializer = Serializer(viewer, _votes(viewer, everyone))
    out = []
    for parent in parents:
        group = replies.get(parent.pk, [])
        item = serializer.comment(parent)
        item["replies"] = [serializer.comment(r) for r in group[:per_parent]]
        item["replies_cursor"] = (
            encode_cursor("oldest", group[per_parent - 1]) if len(group) > per_parent else None
        )
        out.append(item)
    return {"comments": out, "next_cursor": next_cursor}


def replies_page(*, parent, viewer, cursor=None, size=None):
    """More replies under one comment, oldest first."""
    size = size or app_settings.REPLY_PAGE_SIZE
    rows, next_cursor = _page(_base(viewer).filter(parent=parent), "oldest", cursor, size)
    serializer = Serializer(viewer, _votes(viewer, rows))
    return {"comments": [serializer.comment(r) for r in rows], "next_cursor": next_cursor}
