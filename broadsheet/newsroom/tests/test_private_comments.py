"""A private article's comments are as private as the article: the API, the no-JS page and the live
stream answer 404 to whoever cannot see the page, and nobody can write there."""

import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import PageViewRestriction

from broadsheet.comments import services
from broadsheet.comments.models import Comment

from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_article(politics, settings):
    settings.COMMENTS_TRUSTED_AFTER = 0
    settings.COMMENTS_CACHE_PREFIX = (
        f"private-comments-{uuid.uuid4().hex}"  # rate counters of its own
    )
    article = ArticlePageFactory(parent=politics, title="Embargoed budget story")
    author = get_user_model().objects.create_user("early", password="pw")
    services.comment_create(
        thread_key=f"article-{article.pk}", author=author, body="Seen before the restriction."
    )
    PageViewRestriction.objects.create(page=politics, restriction_type="login")
    return article


def _urls(article):
    key = f"article-{article.pk}"
    return [f"/api/comments/threads/{key}/comments", f"/comments/{key}/"]


def test_readers_who_cannot_see_the_page_get_404(private_article):
    for url in _urls(private_article):
        assert Client().get(url).status_code == 404, url
    # The live stream finds its thread the same way (its async view runs this in a worker thread).
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from broadsheet.comments.threads import thread_lookup

    request = RequestFactory().get(f"/comments/live/article-{private_article.pk}/")
    request.user, request.session = AnonymousUser(), {}
    assert thread_lookup(f"article-{private_article.pk}", request=request) is None


def test_nobody_writes_under_a_page_they_cannot_see(private_article):
    reader = get_user_model().objects.create_user("outsider", password="pw")
    PageViewRestriction.objects.all().update(
        restriction_type="groups"
    )  # signed in is not enough now
    client = Client()
    client.force_login(reader)
    token = client.get("/api/comments/session").json()["csrf_token"]
    response = client.post(
        _urls(private_article)[0],
        json.dumps({"body": "Can I?"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 404 and Comment.objects.count() == 1


def test_readers_who_can_see_the_page_read_its_comments(private_article):
    client = Client()
    client.force_login(get_user_model().objects.create_user("insider", password="pw"))
    data = client.get(_urls(private_article)[0]).json()
    assert [c["body"] for c in data["comments"]] == ["Seen before the restriction."]
    assert client.get(_urls(private_article)[1]).status_code == 200


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("get", "/api/comments/comments/{id}/replies", None),
        ("post", "/api/comments/comments/{id}/vote", {"value": 1}),
        ("post", "/api/comments/comments/{id}/report", {"clause": 1, "note": "probe"}),
        ("patch", "/api/comments/comments/{id}/edit", {"body": "Changed"}),
    ],
)
def test_a_comment_id_under_a_page_they_cannot_see_is_not_found(
    private_article, method, path, body
):
    """Knowing a comment's number is not a way round the page's restriction: no replies, votes or reports."""
    from broadsheet.comments.models import Report, Vote

    reader = get_user_model().objects.create_user("outsider", password="pw")
    PageViewRestriction.objects.all().update(restriction_type="groups")
    client = Client()
    client.force_login(reader)
    token = client.get("/api/comments/session").json()["csrf_token"]
    comment = Comment.objects.get()
    url = path.format(id=comment.pk).removesuffix("/edit")
    kwargs = {"content_type": "application/json", "HTTP_X_CSRFTOKEN": token}
    response = getattr(client, method)(url, json.dumps(body), **kwargs) if body else client.get(url)
    assert response.status_code == 404, response.content
    assert not Vote.objects.exists() and not Report.objects.exists()
    comment.refresh_from_db()
    assert comment.body == "Seen before the restriction."
