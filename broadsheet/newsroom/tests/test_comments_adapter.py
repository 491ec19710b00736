"""The site's side of the comments seam: article threads follow the article's comment settings."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from broadsheet.comments import services
from broadsheet.comments.errors import CommentError
from broadsheet.comments.models import Thread

from .factories import ArticlePageFactory


@pytest.fixture(autouse=True)
def trusted(settings):
    settings.COMMENTS_TRUSTED_AFTER = 0
    settings.COMMENTS_CACHE_PREFIX = f"comments-adapter-test-{timezone.now().timestamp()}"


@pytest.fixture
def reader(db):
    return get_user_model().objects.create_user(username="reader", password="pw")


def post(article, reader, body="On the story."):
    return services.comment_create(thread_key=article.comments_thread_key, author=reader, body=body)


def test_article_thread_takes_title_and_url_from_the_page(politics, reader):
    article = ArticlePageFactory(parent=politics)
    post(article, reader)
    thread = Thread.objects.get(key=f"article-{article.pk}")
    assert (thread.title, thread.url, thread.comment_count) == (article.title, article.url, 1)
    listed = Client().get(f"/api/comments/threads/article-{article.pk}/comments").json()
    assert listed["thread"]["url"] == article.url and len(listed["comments"]) == 1


@pytest.mark.parametrize(
    "fields,outcome",
    [
        ({"comments_mode": "closed"}, "thread_closed"),
        ({"comments_close_at": timezone.now() - timedelta(minutes=1)}, "thread_closed"),
        ({"comments_mode": "premoderated"}, "pending"),
        ({"comments_close_at": timezone.now() + timedelta(days=1)}, "visible"),
    ],
)
def test_article_comment_settings_rule(politics, reader, fields, outcome):
    article = ArticlePageFactory(parent=politics, **fields)
    if outcome == "thread_closed":
        with pytest.raises(CommentError) as refused:
            post(article, reader)
        assert refused.value.code == outcome
    else:
        assert post(article, reader).status == outcome


def test_closing_an_article_later_closes_its_thread(politics, reader):
    article = ArticlePageFactory(parent=politics)
    post(article, reader)
    article.comments_mode = "closed"
    article.save_revision().publish()
    with pytest.raises(CommentError):
        post(article, reader, "Another thought.")
    assert (
        Client()
        .get(f"/api/comments/threads/article-{article.pk}/comments")
        .json()["thread"]["is_open"]
        is False
    )


def test_unpublished_or_unknown_articles_have_no_thread(politics, reader):
    article = ArticlePageFactory(parent=politics)
    post(article, reader)
    article.unpublish()
    with pytest.raises(CommentError) as refused:
        post(article, reader, "Still there?")
    assert refused.value.code == "not_found"
    assert Client().get(f"/api/comments/threads/article-{article.pk}/comments").status_code == 404
    assert Client().get("/api/comments/threads/article-999999/comments").status_code == 404


def test_an_article_nobody_has_commented_on_lists_an_empty_thread(politics):
    article = ArticlePageFactory(parent=politics)
    listed = Client().get(f"/api/comments/threads/article-{article.pk}/comments").json()
    assert (listed["comments"], listed["thread"]["latest_id"]) == ([], 0)
    assert not Thread.objects.filter(key=article.comments_thread_key).exists()
