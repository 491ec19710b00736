"""Captcha-free spam brakes: fixed-window counters in the cache, per reader and per address."""

import time

from django.core.cache import caches
from django.utils.translation import gettext as _

from .app_settings import app_settings, rate
from .errors import CommentError


def _hit(bucket, setting_value):
    count, seconds = rate(setting_value)
    window = int(time.time() // seconds)
    key = f"{app_settings.CACHE_PREFIX}:rate:{bucket}:{window}"
    cache = caches[app_settings.CACHE_ALIAS]
    # One round trip in the common case (the window's counter exists); the first hit of a window
    # creates it. add() loses to a concurrent first hit, and then incr() counts this one too.
    try:
        used = cache.incr(key)
    except ValueError:
        if cache.add(key, 1, seconds + 1):
            used = 1
        else:
            try:
                used = cache.incr(key)
            except ValueError:  # expired in between
                cache.set(key, 1, seconds + 1)
                used = 1
    return used <= count


def check_rate(*, user_id, ip_hash):
    ok = _hit(f"user:{user_id}", app_settings.RATE_LIMIT_USER)
    if ip_hash:
        ok = _hit(f"ip:{ip_hash}", app_settings.RATE_LIMIT_IP) and ok
    if not ok:
        raise CommentError("rate_limited", _("You are posting too fast. Please wait a minute and try again."))
