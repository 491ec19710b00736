"""The comments JSON API, mounted at /api/comments (described in /api/openapi.json).

Reading needs nothing. Every write uses the Django session and checks CSRF: send the ``csrftoken``
cookie's value (also returned by ``GET /session``) as the ``X-CSRFToken`` header. Anonymous writes get
403 ``login_required``; a failed CSRF check gets 403 ``csrf_failed``. Every error is JSON
``{"detail": "<sentence in the reader's language>", "code": "<stable code>"}`` (see errors.py for codes
and statuses; the site installs ``api_errors.install(api)`` for them, and gives ninja's own errors the
same shape on its API: Broadsheet's ``broadsheet/api_errors.py``).

Thread keys are strings (``article-<pk>`` for articles); an unknown key is 404 ``not_found``.
"""

import json
from typing import Literal

import regex
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from ninja import Path, Query, Router
from ninja.responses import NinjaJSONEncoder, Status
from ninja.security import SessionAuth

from . import listing, moderation, policy, services
from .adapter import get_adapter
from .app_settings import app_settings
from .errors import CommentError
from .models import Appeal, Comment
from .schemas import (
    AccountDeleteIn,
    AppealDecisionIn,
    AppealIn,
    CommentIn,
    CommentOut,
    CountsOut,
    CountsQuery,
    CreatedOut,
    DeletedOut,
    EditIn,
    ErrorOut,
    ExportOut,
    ModerationNoteIn,
    OkOut,
    PolicyOut,
    QueueOut,
    RepliesOut,
    ReplyOut,
    ReportIn,
    SanctionIn,
    SessionOut,
    TakeDownIn,
    ThreadPageOut,
    TransparencyOut,
    VoteIn,
    VoteOut,
)
from .threads import thread_cache_tag, thread_for_key

KEY = Path(..., description="Thread key: article-<page id> for articles", example="article-1")
THREAD_KEY = regex.compile(r"^[A-Za-z0-9_.:-]{1,200}$")
ERRORS = dict.fromkeys((400, 403, 404, 409, 413, 422, 429), ErrorOut)


class ReaderSession(SessionAuth):
    """Django's session with its CSRF check; anonymous callers get 403 login_required, not 401."""

    def authenticate(self, request, key):
        if not request.user.is_authenticated:
            raise CommentError("login_required", _("Sign in to take part in the conversation."))
        # Runs before ninja parses the body: a comment is 250 characters, so a large body is refused. A
        # chunked body has no Content-Length, so the bytes that came are what counts (the server caps
        # how many it takes in at all, before Django: see the site's ASGI handler).
        if int(request.META.get("CONTENT_LENGTH") or 0) > app_settings.MAX_REQUEST_BYTES:
            raise CommentError("too_large", _("The request is too large."))
        if (
            request.method in ("POST", "PUT", "PATCH")
            and len(request.body) > app_settings.MAX_REQUEST_BYTES
        ):
            raise CommentError("too_large", _("The request is too large."))
        return request.user


reader = ReaderSession()
router = Router(tags=["comments"])


def _no_store(response):
    response["Cache-Control"] = "private, no-store"
    return response


def _prebuilt(response, data):
    """The JSON body written straight onto ninja's response, skipping its response-model pass.

    Validating a 200-comment page through pydantic took as long as building it; the dicts come from
    listing.Serializer, whose keys and types are the schema's (the OpenAPI description is unchanged,
    and the API tests compare the two). Same encoder as ninja's renderer, so the bytes are the same.
    """
    response.content = json.dumps(data, cls=NinjaJSONEncoder)
    return response


def _readable_key(request, key):
    if not THREAD_KEY.match(key) or not get_adapter().can_read_thread(request, key):
        raise CommentError("not_found", _("There is no comment thread here."))


def _thread(request, key):
    _readable_key(request, key)
    return thread_for_key(key)


def _comment(pk):
    comment = (
        Comment.objects.select_related("author", "thread", "hidden_clause", "parent")
        .filter(pk=pk)
        .first()
    )
    if comment is None:
        raise CommentError("not_found", _("This comment is not available."))
    return comment


def _readable_comment(request, pk):
    """A comment the reader may act on: one under a thread they cannot see (a private or unpublished
    article) is as absent as a missing one, so its id reveals nothing and takes no votes or reports."""
    comment, adapter = _comment(pk), get_adapter()
    key = comment.thread.key
    if not adapter.can_read_thread(request, key) or (
        adapter.owns_key(key) and adapter.resolve_thread(key) is None
    ):
        raise CommentError("not_found", _("This comment is not available."))
    return comment


def _clause(number):
    clause = policy.clause_by_number(number)
    if clause is None:
        raise CommentError(
            "invalid", _("There is no clause %(number)s in the policy.") % {"number": number}
        )
    return clause


def _one(request, comment):
    return listing.Serializer(request.user, {}).comment(comment)


def _thread_out(thread, latest_id):
    return {
        "key": thread.key,
        "title": thread.title,
        "url": thread.url,
        "mode": thread.mode,
        "closes_at": thread.closes_at,
        "is_open": thread.is_open(),
        "comment_count": thread.comment_count,
        "latest_id": latest_id,
    }


# -- reading -----------------------------------------------------------------------------------


@router.get(
    "/threads/{key}/comments", response={200: ThreadPageOut, **ERRORS}, summary="List a thread"
)
def thread_comments(
    request,
    response: HttpResponse,
    key: str = KEY,
    sort: Literal["newest", "oldest", "liked"] = "newest",
    cursor: str | None = None,
):
    """Top-level comments a page at a time (sort: newest, oldest or liked), each with its first replies.

    Pass ``next_cursor`` back as ``cursor`` for the next page. The reader's own held or hidden
    comments are included for them only (with ``status`` and ``hidden_clause``).
    """
    thread = _thread(request, key)
    # Read before the page: a comment committed meanwhile is then on this page or newer than latest_id. A
    # live stream that starts after it misses nothing, and sends nothing older that is not on screen (a
    # reply behind "More replies", a comment on a later page).
    latest_id = Comment.objects.filter(thread=thread).latest_id() if thread.pk else 0
    page = listing.thread_page(thread=thread, viewer=request.user, sort=sort, cursor=cursor)
    _shared_when_anonymous(request, response, thread)
    return _prebuilt(response, {"thread": _thread_out(thread, latest_id), "sort": sort, **page})


def _shared_when_anonymous(request, response, thread):
    """What an anonymous reader sees of a thread is the same for all of them: shared caches may keep it
    briefly, and tag-purging ones until the thread changes (signals.comment_published/comment_changed)."""
    seconds = app_settings.SHARED_CACHE_SECONDS
    if request.user.is_authenticated or not seconds:
        _no_store(response)
        return
    response["Cache-Control"] = f"public, max-age=0, s-maxage={int(seconds)}"
    response["Surrogate-Key"] = thread_cache_tag(thread.key)


@router.get(
    "/comments/{comment_id}/replies", response={200: RepliesOut, **ERRORS}, summary="More replies"
)
def comment_replies(request, response: HttpResponse, comment_id: int, cursor: str | None = None):
    parent = _readable_comment(request, comment_id)
    _no_store(response)
    return _prebuilt(
        response, listing.replies_page(parent=parent, viewer=request.user, cursor=cursor)
    )


@router.get(
    "/counts", response={200: CountsOut, **ERRORS}, summary="Comment counts for many threads"
)
def counts(request, query: Query[CountsQuery]):
    """``keys``: comma-separated thread keys (at most 100); unknown keys count 0."""
    from .models import Thread

    wanted = [k for k in query.thread_keys.split(",") if THREAD_KEY.match(k)][:100]
    found = dict(Thread.objects.filter(key__in=wanted).values_list("key", "comment_count"))
    return {"counts": {k: found.get(k, 0) for k in wanted}}


@router.get("/session", response={200: SessionOut, **ERRORS}, summary="Who is reading")
def session(request, response: HttpResponse, next: str = ""):
    """Everything per-reader the page script needs; never cached, so the article page can be."""
    user = request.user if request.user.is_authenticated else None
    adapter = get_adapter()
    sanction = services.sanction_to_show(user) if user else None
    _no_store(response)
    return {
        "user": {"id": user.pk, "name": adapter.author_name(user)} if user else None,
        "can_comment": bool(user) and (sanction is None or not sanction.in_force()),
        "is_moderator": adapter.can_moderate(user),
        "can_email_replies": bool(user and user.email),
        "sanction": _sanction_out(sanction),
        "login_url": adapter.login_url(
            request, next if next.startswith("/") and not next.startswith("//") else ""
        ),
        "csrf_token": get_token(request),
        "max_length": app_settings.MAX_LENGTH,
        "edit_window_seconds": app_settings.EDIT_WINDOW,
        "language": get_language() or "en",
        "time_zone": timezone.get_current_timezone_name(),
    }


def _sanction_out(sanction):
    if sanction is None:
        return None
    clause = (
        {"number": sanction.clause.number, "title": sanction.clause.title}
        if sanction.clause
        else None
    )
    return {"kind": sanction.kind, "until": sanction.until, "clause": clause}


@router.get("/policy", response={200: PolicyOut, **ERRORS}, summary="The Standards Board Policy")
def policy_clauses(request):
    page = policy.policy_page()
    return {
        "title": page.title if page else "",
        "url": (page.url or "") if page else "",
        "clauses": [
            {"number": c.number, "title": c.title, "text": c.text} for c in policy.clauses()
        ],
    }


@router.get(
    "/transparency",
    response={200: TransparencyOut, **ERRORS},
    summary="Removals by clause and month",
)
def transparency(request):
    titles = {c.number: c.title for c in policy.clauses()}
    rows = moderation.removals_by_clause_and_month()
    return {"rows": [{**r, "title": titles.get(r["clause"], "")} for r in rows]}


# -- a reader's writes -------------------------------------------------------------------------


@router.post(
    "/threads/{key}/comments",
    auth=reader,
    response={201: CommentOut, 200: CommentOut, **ERRORS},
    summary="Post a comment or reply",
)
def comment_post(request, response: HttpResponse, payload: CommentIn, key: str = KEY):
    """201 with the new comment (``status`` is ``pending`` when held for a moderator); 200 with the
    first comment when the same ``idempotency_key`` was already used."""
    _readable_key(request, key)  # the thread itself is read with the post's checks
    comment = services.comment_create(
        thread_key=key,
        author=request.user,
        body=payload.body,
        parent_id=payload.parent_id,
        idempotency_key=payload.idempotency_key,
        ip=get_adapter().client_ip(request),
        notify_replies=payload.notify_replies,
    )
    replayed = getattr(comment, "replayed", False)
    if replayed:
        comment = _comment(
            comment.pk
        )  # as it is now: it may have been edited, hidden or appealed since
    else:
        comment._state.fields_cache.setdefault(
            "appeal", None
        )  # just written: no appeal yet (saves a query)
    response.status_code = 200 if replayed else 201
    return _prebuilt(response, {**_one(request, comment), "replies": [], "replies_cursor": None})


@router.patch(
    "/comments/{comment_id}",
    auth=reader,
    response={200: ReplyOut, **ERRORS},
    summary="Edit (first five minutes)",
)
def comment_patch(request, comment_id: int, payload: EditIn):
    comment = services.comment_edit(
        comment=_readable_comment(request, comment_id), editor=request.user, body=payload.body
    )
    return _one(request, _comment(comment.pk))


@router.delete(
    "/comments/{comment_id}",
    auth=reader,
    response={200: DeletedOut, **ERRORS},
    summary="Delete my comment",
)
def comment_del(request, comment_id: int):
    comment = services.comment_delete(comment=_comment(comment_id), user=request.user)
    return {"id": comment_id, "status": "deleted", "placeholder": comment.pk is not None}


@router.post(
    "/comments/{comment_id}/vote",
    auth=reader,
    response={200: VoteOut, **ERRORS},
    summary="Like or dislike",
)
def comment_vote(request, comment_id: int, payload: VoteIn):
    comment = services.comment_vote(
        comment=_readable_comment(request, comment_id), user=request.user, value=payload.value
    )
    return {
        "likes": comment.like_count,
        "dislikes": comment.dislike_count,
        "my_vote": payload.value,
    }


@router.post(
    "/comments/{comment_id}/report",
    auth=reader,
    response={201: CreatedOut, **ERRORS},
    summary="Report under a clause",
)
def comment_report(request, comment_id: int, payload: ReportIn):
    comment = _readable_comment(request, comment_id)
    report = services.comment_report(
        comment=comment, reporter=request.user, clause=_clause(payload.clause), note=payload.note
    )
    return Status(201, {"id": report.pk})


@router.post(
    "/comments/{comment_id}/appeal",
    auth=reader,
    response={201: CreatedOut, **ERRORS},
    summary="Appeal a hidden comment (once)",
)
def comment_appeal(request, comment_id: int, payload: AppealIn):
    appeal = services.comment_appeal(
        comment=_readable_comment(request, comment_id), author=request.user, text=payload.text
    )
    return Status(201, {"id": appeal.pk})


@router.get(
    "/me/comments", auth=reader, response={200: ExportOut, **ERRORS}, summary="Download my comments"
)
def my_comments(request, response: HttpResponse):
    _no_store(response)
    response["Content-Disposition"] = 'attachment; filename="my-comments.json"'
    user = request.user
    return {
        "user": {"id": user.pk, "name": get_adapter().author_name(user)},
        "comments": services.comments_export(user=user),
    }


@router.post(
    "/me/delete",
    auth=reader,
    response={200: OkOut, **ERRORS},
    summary="Delete my account and comments",
)
def my_account_delete(request, payload: AccountDeleteIn):
    from django.contrib.auth import logout

    user = request.user
    logout(request)
    services.account_delete(user=user)
    return {"ok": True}


# -- moderators --------------------------------------------------------------------------------


def _moderator(request):
    services.require_moderator(request.user)
    return request.user


@router.get(
    "/moderation/queue", auth=reader, response={200: QueueOut, **ERRORS}, summary="Moderation queue"
)
def moderation_queue(request, response: HttpResponse):
    _moderator(request)
    _no_store(response)
    serializer = listing.Serializer(request.user, {})
    items = []
    for c in moderation.queue():
        appeal = getattr(c, "appeal", None)
        items.append(
            {
                "comment": {
                    **serializer.comment(c),
                    "body": c.body,
                    "body_html": str(listing.body_html(c.body)),
                },
                "thread_key": c.thread.key,
                "thread_title": c.thread.title,
                "author_id": c.author_id,
                "reports": [
                    {
                        "clause": {"number": r.clause.number, "title": r.clause.title}
                        if r.clause
                        else None,
                        "note": r.note,
                        "created_at": r.created_at,
                    }
                    for r in c.open_reports
                ],
                "appeal_text": appeal.text if appeal else None,
            }
        )
    return {"items": items}


@router.post(
    "/moderation/comments/{comment_id}/approve",
    auth=reader,
    response={200: ReplyOut, **ERRORS},
    summary="Approve",
)
def moderation_approve(request, comment_id: int, payload: ModerationNoteIn):
    comment = services.comment_approve(
        comment=_comment(comment_id), moderator=_moderator(request), note=payload.note
    )
    return _one(request, _comment(comment.pk))


@router.post(
    "/moderation/comments/{comment_id}/hide",
    auth=reader,
    response={200: ReplyOut, **ERRORS},
    summary="Hide under a clause",
)
def moderation_hide(request, comment_id: int, payload: TakeDownIn):
    moderator = _moderator(request)
    comment = services.comment_hide(
        comment=_comment(comment_id),
        moderator=moderator,
        reason_clause=_clause(payload.clause),
        note=payload.note,
    )
    return _one(request, _comment(comment.pk))


@router.post(
    "/moderation/comments/{comment_id}/remove",
    auth=reader,
    response={200: ReplyOut, **ERRORS},
    summary="Delete under a clause",
)
def moderation_remove(request, comment_id: int, payload: TakeDownIn):
    moderator = _moderator(request)
    comment = services.comment_remove(
        comment=_comment(comment_id),
        moderator=moderator,
        reason_clause=_clause(payload.clause),
        note=payload.note,
    )
    return _one(request, _comment(comment.pk))


@router.post(
    "/moderation/appeals/{comment_id}",
    auth=reader,
    response={200: OkOut, **ERRORS},
    summary="Decide an appeal",
)
def moderation_appeal(request, comment_id: int, payload: AppealDecisionIn):
    moderator = _moderator(request)
    appeal = Appeal.objects.filter(comment_id=comment_id).select_related("comment").first()
    if appeal is None:
        raise CommentError("not_found", _("There is no appeal for this comment."))
    services.appeal_decide(
        appeal=appeal, moderator=moderator, reinstate=payload.reinstate, note=payload.note
    )
    return {"ok": True}


@router.post(
    "/moderation/users/{user_id}/sanction",
    auth=reader,
    response={201: CreatedOut, **ERRORS},
    summary="Warn, suspend or ban",
)
def moderation_sanction(request, user_id: int, payload: SanctionIn):
    from django.contrib.auth import get_user_model

    moderator = _moderator(request)
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is None:
        raise CommentError("not_found", _("There is no such reader."))
    sanction = services.user_sanction(
        user=user,
        kind=payload.kind,
        until=payload.until,
        clause=_clause(payload.clause),
        moderator=moderator,
        note=payload.note,
    )
    return Status(201, {"id": sanction.pk})
