"""What Django's side marks as shareable: the rules one by one, on real requests and replies."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse
from django.test import RequestFactory

from broadsheet.pagecache.middleware import shareable_tags


@pytest.fixture
def page_request(tree):
    def make(path="/national/budget/", **extra):
        request = RequestFactory().get(path, **extra)
        request.user = AnonymousUser()
        request.pagecache_page = tree["politics"]
        return request

    return make


def test_a_page_for_an_anonymous_reader_is_shareable(page_request, tree):
    tags = shareable_tags(page_request(), HttpResponse("<p>story</p>"))
    assert tags[0] == f"page-{tree['politics'].id}" and "pages" in tags


def test_a_reply_setting_a_cookie_is_not_shareable(page_request):
    response = HttpResponse("<p>story</p>")
    response.set_cookie("sessionid", "abc")
    assert shareable_tags(page_request(), response) == []


def test_the_csrf_cookie_alone_does_not_prevent_sharing(page_request):
    response = HttpResponse("<p>story</p>")
    response.set_cookie("csrftoken", "abc")
    assert shareable_tags(page_request(), response) != []


def test_private_replies_previews_and_odd_queries_are_not_shareable(page_request):
    private = HttpResponse("<p>story</p>")
    private["Cache-Control"] = "private, no-store"
    assert shareable_tags(page_request(), private) == []
    preview = page_request()
    preview.is_preview = True
    assert shareable_tags(preview, HttpResponse("x")) == []
    assert shareable_tags(page_request(QUERY_STRING="q=budget"), HttpResponse("x")) == []
    assert shareable_tags(page_request(QUERY_STRING="page=2"), HttpResponse("x")) != []
    assert shareable_tags(page_request(), HttpResponse("gone", status=404)) == []


def test_feeds_and_sitemap_carry_their_own_tags(db):
    for path, tag in (("/feeds/latest/", "feeds"), ("/sitemap.xml", "sitemap")):
        request = RequestFactory().get(path)
        request.user = AnonymousUser()
        assert tag in shareable_tags(request, HttpResponse("<rss/>"))
    other = RequestFactory().get("/authors/someone/")
    other.user = AnonymousUser()
    assert shareable_tags(other, HttpResponse("x")) == []
