"""Hits, misses, HEAD, language keying and what is never stored, through the real ASGI stack."""

import pytest
from django.core import signals

from .fixtures import URLS


def test_second_request_is_a_hit_served_without_entering_django(tree, asgi):
    first = asgi(URLS["politics"])
    assert first.status == 200 and first.x_cache == "MISS"
    started = []
    signals.request_started.connect(receiver := lambda **kw: started.append(1))
    try:
        second = asgi(URLS["politics"])
    finally:
        signals.request_started.disconnect(receiver)
    assert second.x_cache == "HIT" and started == []
    assert second.body == first.body and b"Assembly passes the budget" in second.body


def test_marked_reply_carries_front_cache_headers_but_not_the_internal_one(tree, asgi):
    reply = asgi(URLS["politics"])
    assert reply.headers["cache-control"].startswith("public, max-age=60, s-maxage=300")
    keys = reply.headers["surrogate-key"].split()
    assert f"page-{tree['politics'].id}" in keys and f"tree-{tree['national'].id}" in keys
    assert reply.headers["cache-tag"] == ",".join(keys)
    assert "x-pagecache-tags" not in reply.headers
    assert "x-pagecache-tags" not in asgi(URLS["politics"]).headers


def test_head_is_answered_from_the_stored_get(tree, asgi):
    assert asgi(URLS["sport"], method="HEAD").x_cache == "MISS"
    assert asgi(URLS["sport"], method="HEAD").x_cache == "MISS"  # a HEAD has no body to store
    get = asgi(URLS["sport"])
    head = asgi(URLS["sport"], method="HEAD")
    assert head.x_cache == "HIT" and head.body == b""
    assert head.headers["content-length"] == str(len(get.body))


def test_each_language_has_its_own_entry_resolved_like_django(tree, asgi):
    asgi(URLS["home"])
    korean = asgi(URLS["home"], headers=[(b"accept-language", b"ko-KR,ko;q=0.9,en;q=0.5")])
    assert korean.x_cache == "MISS" and korean.headers["content-language"] == "ko"
    by_cookie = asgi(URLS["home"], headers=[(b"cookie", b"django_language=ko")])
    assert by_cookie.x_cache == "HIT" and by_cookie.headers["content-language"] == "ko"
    # The cookie wins over the header, as in Django; an unsupported language falls back to English.
    cookie_en = asgi(
        URLS["home"], headers=[(b"cookie", b"django_language=en"), (b"accept-language", b"ko")]
    )
    assert cookie_en.x_cache == "HIT" and cookie_en.headers["content-language"] == "en"
    french = asgi(URLS["home"], headers=[(b"accept-language", b"fr-FR,fr;q=0.9")])
    assert french.x_cache == "HIT" and french.headers["content-language"] == "en"


def test_signed_in_reader_is_served_but_never_stored(tree, asgi, django_user_model, client):
    user = django_user_model.objects.create_user("reader", password="pw-long-enough-1")
    client.force_login(user)
    session = client.cookies["sessionid"].value
    cookie = [(b"cookie", f"sessionid={session}".encode())]
    assert asgi(URLS["final"], headers=cookie).x_cache == "MISS"
    assert asgi(URLS["final"], headers=cookie).x_cache == "MISS"
    asgi(URLS["final"])
    assert asgi(URLS["final"], headers=cookie).x_cache == "HIT"  # pages are the same for everyone


@pytest.mark.parametrize(
    "path", ["/admin/login/", "/api/openapi.json", "/django-admin/login/", "/accounts/login/"]
)
def test_admin_api_and_other_prefixes_are_never_looked_up(tree, asgi, path):
    asgi(path)
    assert "x-cache" not in asgi(path).headers, path


def test_errors_and_redirects_are_not_stored(tree, asgi):
    assert asgi("/no-such-page/").status == 404
    assert asgi("/no-such-page/").x_cache == "MISS"
    assert asgi("/national").status in (301, 302)
    assert asgi("/national").x_cache == "MISS"


def test_pagination_is_cached_but_other_query_parameters_bypass(tree, asgi):
    asgi(URLS["national"], query=b"page=2")
    assert asgi(URLS["national"], query=b"page=2").x_cache == "HIT"
    assert asgi(URLS["national"]).x_cache == "MISS"  # another key than ?page=2
    tracked = asgi(URLS["national"], query=b"utm_source=x")
    assert tracked.status == 200 and "x-cache" not in tracked.headers
    assert "public" not in tracked.headers.get("cache-control", "")


def test_disabled_cache_always_renders(tree, asgi, settings):
    settings.PAGECACHE_ENABLED = False
    asgi(URLS["home"])
    assert "x-cache" not in asgi(URLS["home"]).headers


def test_a_page_behind_a_password_is_never_stored(tree, asgi):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=tree["economy"], restriction_type="password", password="s3cret"
    )
    first = asgi(URLS["economy"])
    assert first.status == 200 and b"password" in first.body.lower()
    assert asgi(URLS["economy"]).x_cache == "MISS"


def test_a_revalidation_of_the_stored_page_is_answered_304(tree, asgi):
    asgi(URLS["politics"])
    hit = asgi(URLS["politics"])
    etag = hit.headers["etag"].encode()
    revalidated = asgi(URLS["politics"], headers=[(b"if-none-match", b'"other", ' + etag)])
    assert (
        revalidated.status == 304
        and revalidated.body == b""
        and revalidated.headers["etag"] == hit.headers["etag"]
    )
    assert "cache-control" in revalidated.headers and "content-length" not in revalidated.headers
    changed = asgi(URLS["politics"], headers=[(b"if-none-match", b'"other"')])
    assert changed.status == 200 and changed.body == hit.body
