"""A stored response: status, headers, body, and the versions of its tags when it was stored."""

import json
import time
from dataclasses import dataclass, field

INTERNAL_TAGS_HEADER = b"x-pagecache-tags"
# A 404 whose view vouched that what is missing belongs to a finite set (a known word without an
# entry yet): the door may keep it, as it keeps a 200. Any other 404 is never stored.
INTERNAL_KEEP_MISSING_HEADER = b"x-pagecache-keep-missing"
# Django's side talking to the door: never sent to a reader, never stored.
INTERNAL_HEADERS = {INTERNAL_TAGS_HEADER, INTERNAL_KEEP_MISSING_HEADER}
# Headers a shared copy must never carry, or that are recomputed per reply.
DROPPED_HEADERS = {b"set-cookie", b"x-cache", b"age", b"date", *INTERNAL_HEADERS}
# Headers whose value differs from one reply to the next: not worth sharing between entries.
OWN_HEADERS = {b"etag", b"content-length", b"last-modified"}
# What one entry costs a worker beyond its body and own headers: the object, its header list and the
# local cache's bookkeeping (measured with tracemalloc, rounded up).
ENTRY_OVERHEAD = 640
_shared_values = {}
_SHARED_VALUES_MAX = 4096


def shared(value):
    """One copy per worker of a value many entries hold alike (a header, a tuple of tags): thousands of
    small cached API answers otherwise hold more header bytes than body (a 330-byte
    Content-Security-Policy, the Content-Type...)."""
    found = _shared_values.get(value)
    if found is None:
        if len(_shared_values) >= _SHARED_VALUES_MAX:
            _shared_values.clear()
        found = _shared_values[value] = value
    return found


def shared_headers(headers):
    """The headers, those every reply carries alike shared (see shared())."""
    return [pair if pair[0].lower() in OWN_HEADERS else shared(pair) for pair in headers]


@dataclass(slots=True)
class Entry:
    status: int
    headers: list
    body: bytes
    tags: tuple
    versions: tuple
    stored_at: float = field(default_factory=time.time)
    expires_at: float = float("inf")  # when the shared store lets it go (its lifetime there)

    def encode(self):
        head = {
            "s": self.status,
            "h": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in self.headers],
            "t": list(self.tags),
            "v": list(self.versions),
            "at": self.stored_at,
            "x": self.expires_at if self.expires_at != float("inf") else None,
        }
        return json.dumps(head, separators=(",", ":")).encode() + b"\n" + self.body

    def local_size(self):
        """Bytes this entry holds in a worker that shares the common headers (see shared_headers)."""
        own = sum(len(k) + len(v) for k, v in self.headers if k.lower() in OWN_HEADERS)
        return len(self.body) + own + ENTRY_OVERHEAD

    @classmethod
    def decode(cls, raw):
        head, _, body = raw.partition(b"\n")
        data = json.loads(head)
        headers = shared_headers([(k.encode("latin-1"), v.encode("latin-1")) for k, v in data["h"]])
        expires_at = data.get("x")
        return cls(
            data["s"],
            headers,
            body,
            shared(tuple(data["t"])),
            tuple(data["v"]),
            data["at"],
            float("inf") if expires_at is None else expires_at,
        )


def shareable_headers(headers):
    """The response's headers minus cookies and per-reply ones: what every reader may be sent."""
    return [(k, v) for k, v in headers if k.lower() not in DROPPED_HEADERS]


def tags_from_headers(headers):
    for key, value in headers:
        if key.lower() == INTERNAL_TAGS_HEADER:
            return tuple(value.decode("latin-1").split())
    return ()
