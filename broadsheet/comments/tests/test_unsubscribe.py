"""Every reply email carries a link that stops them: a page with the choice, then a POST with CSRF."""

import re

import pytest
from django.core import mail
from django.test import Client

from broadsheet.comments import services
from broadsheet.comments.models import Comment

from .test_services import post


def _link(email):
    return re.search(
        r"https?://[^\s]+/comments/unsubscribe/[^\s]+/|/comments/unsubscribe/[^\s]+/", email.body
    ).group(0)


def _path(link):
    return link[link.index("/comments/") :]


def test_a_reply_email_links_to_a_page_that_stops_them(
    reader, other, thread, settings, django_capture_on_commit_callbacks
):
    settings.COMMENTS_TRUSTED_AFTER = 0
    top = post(reader, "Tell me about replies", notify_replies=True)
    second = post(reader, "And about this one", notify_replies=True)
    with django_capture_on_commit_callbacks(execute=True):
        post(other, "Here is a reply", parent_id=top.pk)
    path = _path(_link(mail.outbox[0]))

    page = Client().get(path)
    assert page.status_code == 200 and "Tell me about replies" in page.content.decode()
    assert Comment.objects.get(pk=top.pk).notify_replies  # looking changes nothing

    assert Client(enforce_csrf_checks=True).post(path, {"scope": "this"}).status_code == 403
    done = Client().post(path, {"scope": "this"})
    assert done.status_code == 200
    assert (
        not Comment.objects.get(pk=top.pk).notify_replies
        and Comment.objects.get(pk=second.pk).notify_replies
    )

    with django_capture_on_commit_callbacks(execute=True):
        post(other, "Another reply", parent_id=top.pk)
    assert len(mail.outbox) == 1


def test_stopping_them_for_all_my_comments(reader, thread):
    first = post(reader, "One", notify_replies=True)
    post(reader, "Two", notify_replies=True)
    Client().post(f"/comments/unsubscribe/{services.unsubscribe_token(first)}/", {"scope": "all"})
    assert not Comment.objects.filter(author=reader, notify_replies=True).exists()


@pytest.mark.parametrize(
    "mangle",
    [lambda token: token[:-2] + "xx", lambda token: "nonsense", lambda token: "a" * 400],
    ids=["forged signature", "nonsense", "overlong"],
)
def test_a_forged_or_mangled_link_is_refused(reader, other, thread, mangle):
    mine = post(reader, "Mine", notify_replies=True)
    bad = mangle(services.unsubscribe_token(mine))
    assert Client().post(f"/comments/unsubscribe/{bad}/", {"scope": "all"}).status_code == 404
    assert Comment.objects.get(pk=mine.pk).notify_replies
