"""API replies are shared only under PAGECACHE_PUBLIC_API_PREFIXES, tagged as that setting says, and only
when their view said Cache-Control: public; any other API path never reaches the cache."""

import pytest
from django.http import JsonResponse
from django.urls import path


def _reply(request, word):
    response = JsonResponse({"word": word}, status=404 if word.startswith("missing") else 200)
    response.pagecache_keep_missing = word == "missing-known"
    if word != "private":
        response["Cache-Control"] = "public, max-age=60"
        response["Surrogate-Key"] = f"word-{word}"
    return response


urlpatterns = [path("api/words/<str:word>", _reply), path("api/others/<str:word>", _reply)]


@pytest.fixture(autouse=True)
def words_api(settings, db):
    settings.ROOT_URLCONF = __name__
    settings.PAGECACHE_PUBLIC_API_PREFIXES = {"/api/words/": ("api", "api-words")}


def test_a_public_reply_is_stored_with_the_prefixs_tags_and_its_own(asgi):
    first = asgi("/api/words/house")
    assert first.status == 200 and first.x_cache == "MISS"
    assert first.headers["surrogate-key"].split() == ["api", "api-words", "word-house"]
    assert first.headers["cache-control"] == "public, max-age=60"  # the view's own, left as it said
    second = asgi("/api/words/house")
    assert second.x_cache == "HIT" and second.body == first.body


def test_a_reply_its_view_did_not_call_public_is_never_stored(asgi):
    for _ in range(2):
        assert asgi("/api/words/private").x_cache != "HIT"


def test_a_404_is_never_stored(asgi):
    for _ in range(2):
        assert asgi("/api/words/missing").x_cache != "HIT"


def test_a_404_its_view_vouched_for_is_stored_and_the_vouching_stays_inside(asgi):
    first = asgi("/api/words/missing-known")
    assert first.status == 404 and first.x_cache == "MISS"
    second = asgi("/api/words/missing-known")
    assert second.status == 404 and second.x_cache == "HIT" and second.body == first.body
    for reply in (first, second):
        assert not any(name.startswith("x-pagecache") for name in reply.headers)


@pytest.mark.parametrize("prefixes", [{}, {"/api/words/": ("api-words",)}])
def test_an_api_path_outside_the_setting_never_reaches_the_cache(asgi, settings, prefixes):
    settings.PAGECACHE_PUBLIC_API_PREFIXES = prefixes
    for _ in range(2):
        reply = asgi("/api/others/house")
        assert reply.status == 200 and "x-cache" not in reply.headers


def test_readers_with_a_session_skip_the_anonymous_only_prefixes(asgi, settings):
    settings.PAGECACHE_ANONYMOUS_ONLY_PREFIXES = ("/api/words/",)
    asgi("/api/words/house")
    assert asgi("/api/words/house").x_cache == "HIT"
    signed_in = asgi("/api/words/house", headers=[(b"cookie", b"sessionid=abc123")])
    assert "x-cache" not in signed_in.headers
