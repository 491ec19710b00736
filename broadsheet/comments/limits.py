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
    cache.add(key, 0, seconds + 1)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, seconds + 1)
        used = 1
    return used <= count


def check_rate(*, user_id, ip_hash):
    ok = _hit(f"user:{user_id}", app_settings.RATE_LIMIT_USER)
    if ip_hash:
        ok = _hit(f"ip:{ip_hash}", app_settings.RATE_LIMIT_IP) and ok
    if not ok:
        raise CommentError("rate_limited", _("You are posting too fast. Please wait a minute and try again."))
