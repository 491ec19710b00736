"""{% comment_count thread_key %}: the denormalised count, marked up for the live counter to update;
{% region_chrome %}: the comments region's app markup and strings, rendered once per language;
{% comments_region_config as config %}: the site's URLs the region's script reads from the page.

One indexed read per thread key and page render, and nothing about the reader, so it is safe inside
cached pages. A section front listing many articles can read every count at once first:
``{% prefetch_comment_counts keys %}`` (keys: an iterable of thread keys) makes the comment_count tags
that follow in the same render answer from memory, with the same output.
"""

import json
from functools import lru_cache

from django import template
from django.conf import settings
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.urls import get_urlconf
from django.utils.html import format_html
from django.utils.translation import get_language

from ..adapter import get_adapter
from ..app_settings import app_settings
from ..models import Thread

register = template.Library()

MEMO = "_comment_counts"  # on the render context: lives for one page render, shared by its includes


def _memo(context):
    # render_context is per template; the root Context is shared by every include of one render.
    root = context.dicts[0] if context.dicts else {}
    return root.setdefault(MEMO, {}) if isinstance(root, dict) else {}


@register.simple_tag(takes_context=True)
def prefetch_comment_counts(context, thread_keys):
    wanted = [k for k in thread_keys if k]
    memo = _memo(context)
    found = dict(Thread.objects.filter(key__in=wanted).values_list("key", "comment_count"))
    for key in wanted:
        memo[key] = found.get(key) or 0
    return ""


@register.simple_tag(takes_context=True)
def comment_count(context, thread_key):
    memo = _memo(context)
    if thread_key not in memo:
        memo[thread_key] = (
            Thread.objects.filter(key=thread_key).values_list("comment_count", flat=True).first()
            or 0
        )
    count = memo[thread_key]
    return format_html(
        '<span class="comment-count" data-comment-count="{}">{}</span>', thread_key, count
    )


@register.simple_tag
def standards_policy_url():
    """The live Standards Board Policy page's URL, or '' when none is published (the adapter's policy_url)."""
    return get_adapter().policy_url()


@register.simple_tag
def comments_region_config():
    """What the region's script learns from the page (data attributes of region.html): the API base, the
    sign-in buttons' URL, the language switch's URL and languages (as JSON). All from COMMENTS_* settings,
    worked out once per set of values (it is on every article render)."""
    languages = tuple(tuple(pair) for pair in app_settings.LANGUAGES)
    return _region_config(
        app_settings.API_BASE,
        app_settings.PROVIDERS_URL,
        app_settings.LANGUAGE_SWITCH_URL,
        languages,
        _urlconf(),
    )


@lru_cache(maxsize=8)
def _region_config(api, providers_setting, switch_setting, languages, urlconf):
    switch_url = _url(switch_setting, urlconf)
    return {
        "api": api,
        "providers_url": _url(providers_setting, urlconf),
        "language_url": switch_url if languages else "",
        "languages": json.dumps([list(pair) for pair in languages] if switch_url else []),
    }


def _urlconf():
    return get_urlconf() or settings.ROOT_URLCONF


@lru_cache(maxsize=16)
def _url(setting, urlconf):
    """A URL name or a path -> the path ('' stays ''), per URLconf."""
    return resolve_url(setting) if setting else ""


@register.simple_tag
def region_chrome():
    """comments/region_chrome.html in the reader's language. Its only variable is a setting (the logout
    URL), so it is rendered once per language and process (its ~60 translated strings are costly to
    render on every page; figures in bench/results.md); with DEBUG on every time, so template edits show
    at once."""
    logout_url = _url(app_settings.LOGOUT_URL, _urlconf())
    if settings.DEBUG:
        return _render_chrome(logout_url)
    return _chrome(get_language(), logout_url)


@lru_cache(maxsize=16)
def _chrome(language, logout_url):
    return _render_chrome(logout_url)


def _render_chrome(logout_url):
    return render_to_string("comments/region_chrome.html", {"logout_url": logout_url})
