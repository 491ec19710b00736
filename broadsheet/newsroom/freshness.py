"""The newsroom's generation: one number every process reads per request, bumped whenever something an
article page shows from other rows changes (a page published, unpublished, moved or deleted, a privacy
setting, an author, a photo). Article pages keep what they build from those rows in process memory under
the generation, so a full render costs one cache read instead of a dozen queries.
"""

import threading
import time
from collections import OrderedDict

from django.core.cache import cache

GENERATION_KEY = "newsroom:generation"
_MEMO_SIZE = 512
_memo = OrderedDict()
# Listing cards (cards.py) have a memo of their own: a listing page shows a dozen, so in the shared one
# a few pages' cards would push out what every article render reads.
CARDS_MEMO_SIZE = 4096
_cards_memo = OrderedDict()
_lock = threading.Lock()


# How long a process trusts the generation it last read before reading it again. A change made in this
# process is seen at once (newsroom_changed forgets it); one made in another process within this long.
RECHECK_SECONDS = 1.0
_known = {"gen": None, "at": 0.0}


def generation():
    now = time.monotonic()
    if _known["gen"] is not None and now - _known["at"] < RECHECK_SECONDS:
        return _known["gen"]
    gen = _read_generation()
    _known.update(gen=gen, at=now)
    return gen


def _read_generation():
    # Without Redis the Django cache is per process, so a change made in another worker (a page made
    # private) never deletes this one's key: the page cache's machine-wide counter, bumped by every
    # purge that retires pages, is folded in.
    from broadsheet.pagecache.store import shared_generation

    return f"{_cache_generation()}.{shared_generation()}"


def _cache_generation():
    gen = cache.get(GENERATION_KEY)
    if gen is None:
        # A fresh cache (or an evicted key): start a new generation so no process trusts older memos.
        import uuid

        gen = uuid.uuid4().hex
        cache.add(GENERATION_KEY, gen, None)
        gen = cache.get(GENERATION_KEY) or gen
    return gen


def newsroom_changed(**kwargs):
    """Signal handler: every process drops what it built from the page tree."""
    cache.delete(GENERATION_KEY)
    _known["gen"] = None
    with _lock:
        _memo.clear()
        _cards_memo.clear()


def view_restrictions_exist():
    """Whether any page has a view restriction: while none does, privacy checks need no query."""
    from wagtail.models import PageViewRestriction

    return remembered(("view-restrictions", generation()), PageViewRestriction.objects.exists)


def remembered(key, build):
    """build() once per key in this process; the key must carry the generation."""
    with _lock:
        if key in _memo:
            _memo.move_to_end(key)
            return _memo[key]
    value = build()
    _keep(_memo, _MEMO_SIZE, {key: value})
    return value


def peek(key):
    """What remembered() holds for key, or None; nothing is built."""
    with _lock:
        return _memo.get(key)


def keep(key, value):
    """Remember value under key (which must carry the generation), as remembered() would."""
    _keep(_memo, _MEMO_SIZE, {key: value})


def remembered_cards(keys):
    """{key: value} for the keys the cards memo holds (see cards.py); keys carry the generation."""
    with _lock:
        found = {key: _cards_memo[key] for key in keys if key in _cards_memo}
        for key in found:
            _cards_memo.move_to_end(key)
    return found


def remember_cards(values):
    _keep(_cards_memo, CARDS_MEMO_SIZE, values)


def _keep(memo, size, values):
    with _lock:
        memo.update(values)
        while len(memo) > size:
            memo.popitem(last=False)
