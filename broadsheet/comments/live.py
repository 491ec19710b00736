"""Live comments: a Server-Sent Events stream per thread, ``GET /comments/live/<key>/``.

Readers already on an article see new comments (and edits, hides, removals) without reloading, while the
article page itself stays cached: nothing is purged when a comment arrives.

* With ``REDIS_URL`` the process that saved a comment publishes it (signal_handlers.py) on a Redis channel
  ``<prefix>:comments-live:<key>``. Each server process holds ONE pattern subscription (RedisHub) and hands
  messages to the streams open on that thread, in any uvicorn worker or machine. The prefix is
  ``COMMENTS_LIVE_PREFIX``, else the cache's KEY_PREFIX (every setting: app_settings.py).
* Without Redis (the embedded default) each stream polls the database every ``COMMENTS_LIVE_POLL_SECONDS``
  with three indexed queries: comments with a higher id, comments edited since, moderator actions since.

Events: ``comment`` (a newly visible comment; its ``id:`` is the comment's id, so a reconnecting
EventSource sends ``Last-Event-ID`` and gets what it missed) and ``change`` (the comment as it now is, with
``change``: edited, hidden, removed, deleted, voted). Payloads are what an anonymous reader may see: the
same JSON the list API gives, without anything personal. A comment line ``: keep-alive`` goes out every
``COMMENTS_LIVE_HEARTBEAT_SECONDS`` so proxies keep the connection, and a stream ends after
``COMMENTS_LIVE_MAX_SECONDS``; the browser then reconnects by itself.
"""

import asyncio
import json
import logging
from datetime import timedelta

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.utils import timezone

from .app_settings import app_settings
from .listing import Serializer
from .models import Comment, CommentStatus, ModerationAction, ModerationVerb, Thread
from .numbers import whole_number
from .threads import thread_lookup

log = logging.getLogger(__name__)

TAKE_DOWNS = {
    ModerationVerb.HIDE: "hidden",
    ModerationVerb.REMOVE: "removed",
    ModerationVerb.REINSTATE: "reinstated",
}


def channel(key):
    prefix = app_settings.LIVE_PREFIX or settings.CACHES["default"].get("KEY_PREFIX") or "bs"
    return f"{prefix}:comments-live:{key}"


def public_json(comment):
    """The comment as an anonymous reader sees it (no votes of anyone, nothing marked as mine)."""
    return Serializer(None, {}).comment(comment)


def event_message(kind, comment, change=None):
    data = public_json(comment)
    if change:
        data["change"] = change
    # The thread's count as stored, so every page shows the same number (counting events would drift): as
    # the new comment's own UPDATE left it (rows are locked until commit, so events carry rising counts), or
    # read now.
    count = getattr(comment, "thread_count_after", None)
    if count is None:
        counts = Thread.objects.filter(pk=comment.thread_id).values_list(
            "comment_count", flat=True
        )[:1]
        count = counts[0] if counts else None
    data["thread_comment_count"] = count
    return {"event": kind, "id": comment.pk if kind == "comment" else None, "data": data}


def sse(message):
    """One event in the text/event-stream format (JSON on one data line: it never contains a newline).
    A message from the Redis hub carries its text already, written once for every stream."""
    if "text" in message:
        return message["text"]
    lines = [f"event: {message['event']}"]
    if message.get("id") is not None:
        lines.append(f"id: {message['id']}")
    lines.append("data: " + json.dumps(message["data"], cls=DjangoJSONEncoder, ensure_ascii=False))
    return "\n".join(lines) + "\n\n"


# -- reading the database (each call closes its connection: a stream may last minutes) ---------------


def _with_closed_connection(function):
    def run(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        finally:
            connection.close()

    return sync_to_async(run, thread_sensitive=False)


def _visible(key):
    return Comment.objects.filter(thread__key=key, status=CommentStatus.VISIBLE).select_related(
        "author", "hidden_clause"
    )


@_with_closed_connection
def latest_id(key):
    return Comment.objects.filter(thread__key=key).latest_id()


@_with_closed_connection
def published_after(key, after, limit):
    return [
        event_message("comment", c)
        for c in _visible(key).filter(pk__gt=after).order_by("pk")[: int(limit)]
    ]


@_with_closed_connection
def changed_since(key, since):
    """Comments edited, and moderator decisions taken, since ``since`` (embedded polling only)."""
    messages = [
        event_message("change", c, "edited") for c in _visible(key).filter(edited_at__gt=since)
    ]
    actions = (
        ModerationAction.objects.filter(
            comment__thread__key=key,
            created_at__gt=since,
            verb__in=list(TAKE_DOWNS) + [ModerationVerb.APPROVE],
        )
        .select_related("comment__author", "comment__hidden_clause")
        .order_by("created_at")
    )
    for action in actions:
        if action.verb == ModerationVerb.APPROVE:
            messages.append(event_message("comment", action.comment))
        else:
            messages.append(event_message("change", action.comment, TAKE_DOWNS[action.verb]))
    return messages


# -- where events come from ----------------------------------------------------------------------------


class RedisHub:
    """One Redis subscription per server process, shared by every stream in it.

    A thousand readers on one worker cost one Redis connection, not a thousand: the hub pattern-subscribes
    to ``<prefix>:comments-live:*`` and hands each message to the queues of that thread's streams. If Redis
    goes away the hub reconnects; streams meanwhile keep their heartbeats.
    """

    def __init__(self):
        self.listeners = {}  # thread key -> set of asyncio.Queue
        # Whether the subscription is up, and how many times it came up: a stream that sees either
        # change asks the database for what it may have missed (events published while Redis was down
        # went nowhere).
        self.connected = False
        self.epoch = 0
        self.loop = None
        self.ready = None
        self.task = None

    def join(self, key):
        """A queue for the thread's events (fed while the subscription is up)."""
        queue = asyncio.Queue(maxsize=200)
        self.listeners.setdefault(key, set()).add(queue)
        loop = asyncio.get_running_loop()
        if self.loop is not loop:  # first stream in this process (or a new loop, in tests)
            self.loop, self.ready = loop, loop.create_future()
            self.connected, self.epoch = False, 0
            self.task = loop.create_task(
                self._pump()
            )  # keep a reference: asyncio holds tasks only weakly
        return queue

    async def subscribed(self, timeout):
        """True once the subscription is up (the first time), False if it is not within `timeout`."""
        try:
            await asyncio.wait_for(asyncio.shield(self.ready), timeout=timeout)
            return True
        except TimeoutError:
            return False

    def leave(self, key, queue):
        queues = self.listeners.get(key, set())
        queues.discard(queue)
        if not queues:
            self.listeners.pop(key, None)

    async def _pump(self):
        import redis.asyncio

        prefix = channel("")
        while True:
            client = redis.asyncio.from_url(settings.REDIS_URL)
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.psubscribe(prefix + "*")
                    self.connected, self.epoch = True, self.epoch + 1
                    if not self.ready.done():
                        self.ready.set_result(True)
                    async for message in pubsub.listen():
                        if message["type"] == "pmessage":
                            self._deliver(
                                message["channel"].decode()[len(prefix) :], message["data"]
                            )
            except Exception:
                self.connected = False
                log.warning("live comments lost Redis; reconnecting", exc_info=True)
                await asyncio.sleep(1)
            finally:
                await client.aclose()

    def _deliver(self, key, data):
        queues = list(self.listeners.get(key, ()))
        if not queues:
            return
        # Decoded and written out once, then shared (read-only) by every stream in this process: per
        # stream, with hundreds of readers on one thread, that work cost more than the post itself.
        message = json.loads(data)
        message["text"] = sse(message)
        for queue in queues:
            try:
                queue.put_nowait(message)
            except asyncio.QueueFull:
                pass  # a stalled reader misses an event; Last-Event-ID catches up on reconnect


hub = RedisHub()


class RedisFeed:
    """Events published by any process, through the process's Redis hub. While Redis is down (or has
    not come up yet) the stream asks the database every POLL_SECONDS, as the embedded default does, and
    once more when the subscription comes back, so nothing published meanwhile is missed; then it
    listens again by itself. The stream's fingerprints drop what arrives twice."""

    def __init__(self, key, after=0):
        self.key = key
        self.queue = None
        self.polling = PollingFeed(key, after)
        self.epoch = None

    @property
    def after(self):
        return self.polling.after

    @after.setter
    def after(self, value):
        self.polling.after = value

    async def open(self):
        self.queue = hub.join(self.key)
        await hub.subscribed(
            timeout=2
        )  # Redis down: poll meanwhile, the queue fills once it is back
        self.epoch = hub.epoch if hub.connected else None

    async def next(self, timeout):
        if not hub.connected:
            self.epoch = None
            return await self.polling.next(timeout)
        if self.epoch != hub.epoch:  # back after an outage: catch up from the database first
            self.epoch = hub.epoch
            return await self.polling.next(0)
        try:
            async with asyncio.timeout(timeout):  # no task per wait, as wait_for makes
                first = await self.queue.get()
        except TimeoutError:
            return []
        messages = [first]
        while not self.queue.empty():
            messages.append(self.queue.get_nowait())
        for m in messages:
            if m["event"] == "comment":
                self.after = max(self.after, m["id"])
        return messages

    async def close(self):
        if self.queue is not None:
            hub.leave(self.key, self.queue)


class PollingFeed:
    """The embedded default: ask the database every few seconds what is new."""

    def __init__(self, key, after):
        self.key, self.after = key, after
        self.since = timezone.now() - timedelta(
            seconds=1
        )  # slack for a write committing as we start

    async def open(self):
        pass

    async def next(self, timeout):
        await asyncio.sleep(min(timeout, app_settings.LIVE_POLL_SECONDS))
        now = timezone.now()
        messages = await published_after(self.key, self.after, app_settings.LIVE_CATCH_UP)
        messages += await changed_since(self.key, self.since)
        self.since = now - timedelta(seconds=1)
        for m in messages:
            if m["event"] == "comment":
                self.after = max(self.after, m["id"])
        return messages

    async def close(self):
        pass


# -- the stream ----------------------------------------------------------------------------------------


open_streams = (
    0  # in this process; past COMMENTS_LIVE_MAX_STREAMS new readers poll the list API instead
)


async def events(key, after):
    global open_streams
    feed = RedisFeed(key, after) if settings.REDIS_URL else PollingFeed(key, after)
    seen_changes = set()
    open_streams += 1
    try:
        await feed.open()  # subscribe first, then catch up: nothing falls in between
        yield f"retry: 3000\n: stream for {key}\n\n"
        for message in await published_after(key, after, app_settings.LIVE_CATCH_UP):
            after = max(after, message["id"])
            yield sse(message)
        feed.after = after
        loop = asyncio.get_running_loop()
        deadline = loop.time() + app_settings.LIVE_MAX_SECONDS
        heartbeat = app_settings.LIVE_HEARTBEAT_SECONDS
        quiet_since = loop.time()
        written = quiet_since - app_settings.LIVE_GATHER_SECONDS
        while loop.time() < deadline:
            # Events coming faster than one write per GATHER_SECONDS go out together: with hundreds of
            # readers on a busy thread, a wake-up and a write per reader per event starve the posts.
            gather = written + app_settings.LIVE_GATHER_SECONDS - loop.time()
            if gather > 0:
                await asyncio.sleep(gather)
            messages = await feed.next(timeout=min(heartbeat, max(0.1, deadline - loop.time())))
            fresh = []
            for message in messages:
                fingerprint = (
                    message["event"],
                    message["data"]["id"],
                    message["data"].get("change"),
                    str(message["data"].get("edited_at")),
                )
                if fingerprint in seen_changes:
                    continue
                seen_changes.add(fingerprint)
                fresh.append(sse(message))
            if fresh:  # what arrived together goes out in one write
                yield "".join(fresh)
                quiet_since = written = loop.time()
            if loop.time() - quiet_since >= heartbeat:
                yield ": keep-alive\n\n"
                quiet_since = loop.time()
    finally:
        open_streams -= 1
        await feed.close()


def _resume_from(request):
    return whole_number(request.headers.get("Last-Event-ID") or request.GET.get("after") or "")


async def live_stream(request, key):
    from .api import THREAD_KEY

    if open_streams >= app_settings.LIVE_MAX_STREAMS:
        # EventSource gives up on a 503 and the page script falls back to polling: load is shed, not lost.
        return HttpResponse(
            "Too many live readers; poll the list instead.",
            status=503,
            headers={"Retry-After": "60"},
        )
    if not THREAD_KEY.match(key):
        raise Http404("There is no comment thread here.")
    thread = await _lookup(key, request)
    if thread is None:
        raise Http404("There is no comment thread here.")
    after = _resume_from(request)
    if after is None:
        after = await latest_id(key)
    response = StreamingHttpResponse(
        events(key, after), content_type="text/event-stream; charset=utf-8"
    )
    response["Cache-Control"] = "no-store"
    response["X-Accel-Buffering"] = "no"  # nginx: pass each event through at once
    return response


@_with_closed_connection
def _lookup(key, request):
    return thread_lookup(key, request=request)


# -- publishing (called from signal_handlers.py, in the process that saved the comment) -----------------

_redis = None


def _redis_client():
    global _redis
    if _redis is None:
        import redis

        _redis = redis.Redis.from_url(settings.REDIS_URL)
    return _redis


def publish(kind, comment, change=None):
    if not settings.REDIS_URL:
        return  # the embedded default: streams poll the database instead
    message = event_message(kind, comment, change)
    try:
        _redis_client().publish(
            channel(comment.thread.key),
            json.dumps(message, cls=DjangoJSONEncoder, ensure_ascii=False),
        )
    except Exception:  # a live update is a courtesy: never fail the write that caused it
        log.warning("could not publish a live comment event", exc_info=True)
