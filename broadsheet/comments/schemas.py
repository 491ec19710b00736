"""Shapes of the comments API (published in /api/openapi.json)."""

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Schema
from pydantic import BeforeValidator, StrictBool, StrictInt, StrictStr

# No control characters in short keys (PostgreSQL refuses a NUL in text, which was a 500): a 422 instead.
PRINTABLE = r"^[^\x00-\x1f\x7f]*$"


def _text_only(value):
    if value is not None and not isinstance(value, str):
        raise ValueError("must be an ISO 8601 date-time string")
    return value


# Input fields are strict: 0 is not false and "1" is not 1, so a malformed client fails loudly (422).
IsoDatetime = Annotated[datetime, BeforeValidator(_text_only)]


class ErrorOut(Schema):
    detail: str = Field(description="A sentence for the reader, in the request's language")
    code: str = Field(description="Stable machine code, e.g. too_long, login_required, csrf_failed")
    errors: list[dict] | None = Field(None, description="Field errors, for code=invalid")


class AuthorOut(Schema):
    id: int
    name: str


class ClauseRef(Schema):
    number: int
    title: str


class AppealOut(Schema):
    status: Literal["open", "upheld", "reinstated"]
    created_at: datetime


class ReplyOut(Schema):
    id: int
    parent_id: int | None
    author: AuthorOut | None = Field(description="null on placeholders of removed comments")
    body: str = Field(description="Plain text as stored (NFC); empty on placeholders")
    body_html: str = Field(
        description="Escaped HTML: <br> for newlines, links with rel=nofollow ugc noopener"
    )
    status: Literal["visible", "pending", "hidden", "deleted"]
    created_at: datetime
    edited_at: datetime | None
    likes: int
    dislikes: int
    reply_count: int
    my_vote: Literal[-1, 0, 1]
    is_mine: bool
    can_edit: bool
    hidden_clause: ClauseRef | None = Field(description="The policy clause a moderator cited")
    appeal: AppealOut | None = Field(description="The author's appeal, shown to the author only")


class CommentOut(ReplyOut):
    replies: list[ReplyOut] = Field(description="The first replies, oldest first (one level deep)")
    replies_cursor: str | None = Field(description="Pass to /comments/{id}/replies for the rest")


class ThreadOut(Schema):
    key: str
    title: str
    url: str
    mode: Literal["open", "premoderated", "closed"]
    closes_at: datetime | None
    is_open: bool
    comment_count: int
    latest_id: int = Field(
        description="The thread's newest comment id (any status) as this page was read: start the live "
        "stream after it (/comments/live/<key>/?after=…); what it then sends is newer than the page"
    )


class ThreadPageOut(Schema):
    thread: ThreadOut
    sort: Literal["newest", "oldest", "liked"]
    comments: list[CommentOut]
    next_cursor: str | None


class RepliesOut(Schema):
    comments: list[ReplyOut]
    next_cursor: str | None


class CountsQuery(Schema):
    # Named thread_keys in Python: a field called "keys" would shadow dict-like access inside ninja.
    thread_keys: str = Field(
        ..., alias="keys", description="Comma-separated thread keys (at most 100)"
    )


class CountsOut(Schema):
    counts: dict[str, int]


class SanctionOut(Schema):
    kind: Literal["warning", "suspension", "ban"]
    until: datetime | None
    clause: ClauseRef | None


class SessionOut(Schema):
    user: AuthorOut | None
    can_comment: bool
    is_moderator: bool
    can_email_replies: bool = Field(
        description="The reader's account has an email address, so reply emails can reach them"
    )
    sanction: SanctionOut | None = Field(
        description="A ban or suspension in force, else a recent warning"
    )
    login_url: str
    csrf_token: str = Field(description="Send back as the X-CSRFToken header on every write")
    max_length: int
    edit_window_seconds: int
    language: str
    time_zone: str = Field(
        description="The site's time zone (IANA name): the page shows every time in it",
        examples=["Asia/Seoul"],
    )


class CommentIn(Schema):
    body: StrictStr = Field(
        description="Plain text, at most COMMENTS_MAX_LENGTH grapheme clusters after NFC",
        examples=["A fair point about the ferry timetable."],
    )
    parent_id: StrictInt | None = Field(
        None, description="Reply to this comment (replies are one level deep)"
    )
    idempotency_key: StrictStr | None = Field(
        None,
        max_length=64,
        pattern=PRINTABLE,
        description="A double submit with the same key returns the first comment",
    )
    notify_replies: StrictBool = Field(False, description="Email me when someone replies")


class EditIn(Schema):
    body: StrictStr


class VoteIn(Schema):
    value: StrictInt = Field(ge=-1, le=1, description="1 like, -1 dislike, 0 take back")


class VoteOut(Schema):
    likes: int
    dislikes: int
    my_vote: Literal[-1, 0, 1]


class ReportIn(Schema):
    clause: StrictInt = Field(description="Number of the policy clause the comment breaks")
    note: StrictStr = Field("", max_length=2000)


class CreatedOut(Schema):
    id: int


class AppealIn(Schema):
    text: StrictStr = Field("", max_length=2000)


class DeletedOut(Schema):
    id: int
    status: Literal["deleted"]
    placeholder: bool = Field(
        description="True when replies keep an empty placeholder in the thread"
    )


class ClauseOut(Schema):
    number: int
    title: str
    text: str


class PolicyOut(Schema):
    title: str
    url: str
    clauses: list[ClauseOut]


class ExportOut(Schema):
    user: AuthorOut
    comments: list[dict]


class AccountDeleteIn(Schema):
    confirm: Literal["DELETE"] = Field(description='Type "DELETE" to confirm')


class OkOut(Schema):
    ok: bool


class ModerationNoteIn(Schema):
    note: StrictStr = Field("", max_length=2000)


class TakeDownIn(Schema):
    clause: StrictInt
    note: StrictStr = Field("", max_length=2000)


class SanctionIn(Schema):
    kind: Literal["warning", "suspension", "ban"]
    until: IsoDatetime | None = Field(None, description="End of a suspension")
    clause: StrictInt
    note: StrictStr = Field("", max_length=2000)


class AppealDecisionIn(Schema):
    reinstate: StrictBool
    note: StrictStr = Field("", max_length=2000)


class ReportOut(Schema):
    clause: ClauseRef | None
    note: str
    created_at: datetime


class QueueItemOut(Schema):
    comment: ReplyOut
    thread_key: str
    thread_title: str
    author_id: int | None
    reports: list[ReportOut]
    appeal_text: str | None


class QueueOut(Schema):
    items: list[QueueItemOut]


class TransparencyRow(Schema):
    month: str = Field(description="YYYY-MM, Korea time")
    clause: int | None
    title: str
    count: int


class TransparencyOut(Schema):
    rows: list[TransparencyRow]
