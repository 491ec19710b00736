"""Captcha-free spam brakes: fixed-window counters in the cache, per reader and per address."""

import time

from django.core.cache import caches
from django.utils.translation import gettext as _

from .app_settings import app_settings, rate
from .errors import CommentError


def _key(bucket, seconds):
    return f"{app_settings.CACHE_PREFIX}:rate:{bucket}:{int(time.time() // seconds)}"


def _counts(cache, keys):
    """Add one to each (key, lifetime) counter; the new counts. A cache offering count_in_window (the
    site's Redis cache: one round trip for all) does it in one call; any other, key by key: one round trip
    in the common case (the window's counter exists), the first hit of a window creates it. add() loses to
    a concurrent first hit, and then incr() counts this one too."""
    if hasattr(cache, "count_in_window"):
        return cache.count_in_window(keys)
    counts = []
    for key, lifetime in keys:
        try:
            used = cache.incr(key)
        except ValueError:
            if cache.add(key, 1, lifetime):
                used = 1
            else:
                try:
                    used = cache.incr(key)
                except ValueError:  # expired in between
                    cache.set(key, 1, lifetime)
                    used = 1
        counts.append(used)
    return counts


def check_rate(*, user_id, ip_hash):
    limits = [(f"user:{user_id}", app_settings.RATE_LIMIT_USER)]
    if ip_hash:
        limits.append((f"ip:{ip_hash}", app_settings.RATE_LIMIT_IP))
    windows = [(bucket, *rate(value)) for bucket, value in limits]
    used = _counts(
        caches[app_settings.CACHE_ALIAS],
        [(_key(b, seconds), seconds + 1) for b, _, seconds in windows],
    )
    if any(n > count for n, (_, count, _) in zip(used, windows, strict=False)):
        raise CommentError(
            "rate_limited", _("You are posting too fast. Please wait a minute and try again.")
        )
