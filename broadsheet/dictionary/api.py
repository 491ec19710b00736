"""/api/dictionary: look a word up, a reader's saved words, the levels of an article's words.

Lookups are public and cacheable (Cache-Control + ETag); `me` is per reader and never cached.
Writes need a signed-in reader and the CSRF token (ninja's session auth checks it).
"""

import hashlib
import json
import re

from django.http import HttpResponse, HttpResponseNotModified
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.responses import Status
from ninja.security import django_auth

from .app_settings import app_settings
from .lookup import NotAWord, lookup
from .models import SavedWord
from .schemas import PRINTABLE, ArticleLevels, Entry, Error, Me, Missing, SavedWordIn, SavedWordOut
from .services import VocabularyFull, saved_word_add, saved_word_remove

router = Router(tags=["dictionary"])


def _saved_word(word):
    return {
        "lemma": word.lemma,
        "seen_as": word.seen_as,
        "gloss": word.gloss,
        "saved_at": word.saved_at.isoformat(),
    }


def _private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


@router.get("/me", response=Me, summary="Who is reading: staff flag and saved words (never cached)")
def me(request, response: HttpResponse):
    from django.middleware.csrf import get_token

    _private(response)
    get_token(
        request
    )  # article pages are cached and identical for all: the CSRF cookie comes from here
    user = request.user
    if not user.is_authenticated:
        return {
            "authenticated": False,
            "is_staff": False,
            "glossary_add_url": None,
            "saved_words": [],
        }
    words = SavedWord.objects.filter(reader=user)[: app_settings.MAX_SAVED_WORDS]
    add_url = reverse("wagtailsnippets_dictionary_glossaryterm:add") if user.is_staff else None
    return {
        "authenticated": True,
        "is_staff": user.is_staff,
        "glossary_add_url": add_url,
        "saved_words": [_saved_word(w) for w in words],
    }


@router.post(
    "/me/words",
    auth=django_auth,
    response={200: SavedWordOut, 201: SavedWordOut, 409: Error},
    summary="Save a word to the signed-in reader's vocabulary list (CSRF token required)",
)
def save_word(request, payload: SavedWordIn):
    from .lemmas import normalise

    lemma = normalise(payload.lemma)
    if not lemma:
        return Status(409, {"detail": _("Nothing to save.")})
    try:
        word, created = saved_word_add(
            reader=request.auth, lemma=lemma, seen_as=payload.seen_as, gloss=payload.gloss
        )
    except VocabularyFull:
        return Status(409, {"detail": _("Your vocabulary list is full. Remove some words first.")})
    return Status((201 if created else 200), _saved_word(word))


@router.delete(
    "/me/words/{lemma}",
    auth=django_auth,
    response={204: None, 404: Error},
    summary="Remove a word from the signed-in reader's list (CSRF token required)",
)
def remove_word(request, lemma: str):
    if not re.fullmatch(PRINTABLE, lemma):  # a NUL never reaches PostgreSQL (it refuses one: a 500)
        return Status(404, {"detail": _("That word is not in your list.")})
    if saved_word_remove(reader=request.auth, lemma=lemma):
        return Status(204, None)
    return Status(404, {"detail": _("That word is not in your list.")})


@router.get(
    "/articles/{page_id}/levels",
    response={200: ArticleLevels, 404: Error},
    summary="Learner levels of every word in a live article, for highlighting",
)
def article_levels_view(request, page_id: int):
    from wagtail.models import Page

    from .article_words import article_levels

    page = Page.objects.live().public().filter(pk=page_id).specific().first()
    if page is None:
        return Status(404, {"detail": _("No such article.")})
    return _cacheable(
        request, {"page_id": page.pk, "words": article_levels(page)}, 200, "HTTP_MAX_AGE"
    )


@router.get(
    "/{path:word}",
    response={200: Entry, 400: Error, 404: Missing},
    summary="Look a word or phrase up: lemma, senses, level, Korean gloss",
)
def entry(
    request,
    word: str,
    before: str = Query(
        "",
        description="the word before the selection in the article: 'the planes' (noun), 'she sites' (verb)",
    ),
):
    try:
        found = lookup(word, before)
    except NotAWord:
        return Status(400, {"detail": _("Send one word or a short phrase, in letters.")})
    if not found["found"]:
        missing = {k: found[k] for k in ("word", "lemma", "level", "zipf")}
        response = _cacheable(
            request, {"detail": _("No definition yet."), **missing}, 404, "HTTP_MAX_AGE_MISSING"
        )
        # A word real text uses (wordfreq knows its frequency) is one of a finite list, so the page
        # cache may keep its 404 as it keeps entries; a made-up word's is never kept.
        response.pagecache_keep_missing = bool(found["zipf"])
        return response
    body = {k: v for k, v in found.items() if k != "found"}
    return _cacheable(request, body, 200, "HTTP_MAX_AGE")


def _cacheable(request, payload, status, max_age_setting):
    """JSON with an ETag; a browser that already has this body gets 304 and no body."""
    body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    etag = f'"{hashlib.sha1(body).hexdigest()[:20]}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, status=status, content_type="application/json; charset=utf-8")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=getattr(app_settings, max_age_setting))
    response["Vary"] = "Accept-Language"
    return response
