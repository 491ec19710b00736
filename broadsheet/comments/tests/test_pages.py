"""The no-JS comments page, its forms, the count tag and the transparency page."""

import re

import pytest
from django.template import Context, Template
from django.test import Client

from broadsheet.comments import services
from broadsheet.comments.models import Comment, Report

PAGE = "/comments/test-thread/"


def csrf_client(user=None):
    client = Client(enforce_csrf_checks=True)
    if user:
        client.force_login(user)
    return client


def token(response):
    return re.search(
        r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()
    ).group(1)


def test_comment_count_tag(reader, thread):
    services.comment_create(thread_key="test-thread", author=reader, body="one")
    html = Template(
        '{% load comments_tags %}{% comment_count "test-thread" %}|{% comment_count "none-yet" %}'
    ).render(Context())
    assert html == (
        '<span class="comment-count" data-comment-count="test-thread">1</span>|'
        '<span class="comment-count" data-comment-count="none-yet">0</span>'
    )


def test_anonymous_reader_sees_comments_and_a_login_link(reader, thread):
    services.comment_create(thread_key="test-thread", author=reader, body="<script>x</script>")
    response = Client().get(PAGE)
    html = response.content.decode()
    assert response.status_code == 200 and "no-cache" in response["Cache-Control"]
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert "To write comments, please log in to one of the accounts." in html
    assert "<textarea" not in html
    assert re.search(
        r'<h1 class="cr-title" id="comments-title">Social comment <span', html
    )  # as the region's heading


def test_post_with_csrf_through_the_plain_form(reader, thread):
    client = csrf_client(reader)
    page = client.get(PAGE)
    assert client.post(PAGE + "post/", {"body": "no script needed"}).status_code == 403  # no token
    response = client.post(
        PAGE + "post/",
        {"body": "no script needed", "csrfmiddlewaretoken": token(page), "idempotency_key": "f1"},
    )
    assert response.status_code == 302
    assert Comment.objects.get().body == "no script needed"
    assert "no script needed" in client.get(PAGE).content.decode()


def test_plain_form_shows_refusals(reader, thread):
    client = csrf_client(reader)
    response = client.post(
        PAGE + "post/", {"body": "가" * 251, "csrfmiddlewaretoken": token(client.get(PAGE))}
    )
    assert response.status_code == 400 and "250" in response.content.decode()
    response = client.post(
        PAGE + "post/", {"body": "x\u202ey", "csrfmiddlewaretoken": token(client.get(PAGE))}
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_report_with_a_clause_select(reader, other, thread, clause):
    comment = services.comment_create(thread_key="test-thread", author=reader, body="report me")
    client = csrf_client(other)
    page = client.get(PAGE)
    assert '<option value="1">1. Respect</option>' in page.content.decode()
    client.post(
        f"{PAGE}{comment.pk}/report/",
        {"clause": "1", "note": "rude", "csrfmiddlewaretoken": token(page)},
    )
    assert Report.objects.get().clause == clause


def test_author_sees_clause_and_appeals_once(reader, moderator, thread, clause):
    comment = services.comment_create(thread_key="test-thread", author=reader, body="contested")
    services.comment_hide(comment=comment, moderator=moderator, reason_clause=clause)
    client = csrf_client(reader)
    page = client.get(PAGE)
    assert "under clause 1 (Respect)" in page.content.decode()
    client.post(
        f"{PAGE}{comment.pk}/appeal/", {"text": "fair comment", "csrfmiddlewaretoken": token(page)}
    )
    again = client.post(
        f"{PAGE}{comment.pk}/appeal/",
        {"text": "again", "csrfmiddlewaretoken": token(page)},
        follow=True,
    )
    assert "already appealed" in again.content.decode()
    assert "contested" not in Client().get(PAGE).content.decode()


def test_unknown_thread_is_404(db):
    assert Client().get("/comments/no-such-thread/").status_code == 404


@pytest.mark.django_db
def test_transparency_page(reader, moderator, thread, clause):
    for body in ("a", "b"):
        comment = services.comment_create(thread_key="test-thread", author=reader, body=body)
        services.comment_hide(comment=comment, moderator=moderator, reason_clause=clause)
    html = Client().get("/comments/transparency/").content.decode()
    assert "1. Respect" in html and 'data-count="2"' in html
