"""What a moderator decided stays decided: authors cannot erase it, the admin cannot wipe a thread
unlogged, thread links are http(s), and staff accounts are not deleted through the reader's button."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from broadsheet.comments import services
from broadsheet.comments.errors import CommentError
from broadsheet.comments.models import Comment, Report, Thread

URL = "/api/comments/threads/test-thread/comments"


@pytest.mark.parametrize("take_down", [services.comment_hide, services.comment_remove])
def test_an_author_cannot_delete_what_a_moderator_took_down(
    api, reader, other, moderator, thread, clause, take_down
):
    comment = services.comment_create(
        thread_key="test-thread", author=reader, body="Something against the policy."
    )
    services.comment_report(comment=comment, reporter=other, clause=clause)
    take_down(comment=comment, moderator=moderator, reason_clause=clause)
    response = api(reader).send("delete", f"/api/comments/comments/{comment.pk}")
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    with pytest.raises(CommentError):
        services.comment_delete(comment=Comment.objects.get(pk=comment.pk), user=reader)
    kept = Comment.objects.get(pk=comment.pk)
    assert (
        kept.body == "Something against the policy."
        and Report.objects.filter(comment=kept).exists()
    )


def test_deleting_the_account_keeps_the_moderated_record(api, reader, moderator, thread, clause):
    comment = services.comment_create(
        thread_key="test-thread", author=reader, body="Taken down for cause."
    )
    services.comment_hide(comment=comment, moderator=moderator, reason_clause=clause)
    assert api(reader).send("post", "/api/comments/me/delete", {"confirm": "DELETE"}).json() == {
        "ok": True
    }
    kept = Comment.objects.get(pk=comment.pk)
    assert kept.author is None and kept.body == "Taken down for cause."


def test_moderators_cannot_delete_a_thread_in_the_admin(moderator, reader, thread):
    services.comment_create(thread_key="test-thread", author=reader, body="Keep me.")
    client = Client()
    client.force_login(moderator)
    assert client.get("/admin/comments/threads/").status_code == 200
    response = client.post(f"/admin/comments/threads/delete/{thread.pk}/")
    assert response.status_code in (302, 403)
    assert Thread.objects.filter(pk=thread.pk).exists() and Comment.objects.count() == 1


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example/"]
)
def test_a_thread_url_must_be_http_or_a_path(moderator, thread, url):
    thread.url = url
    with pytest.raises(ValidationError):
        thread.full_clean()
    client = Client()
    client.force_login(moderator)
    client.post(
        f"/admin/comments/threads/edit/{thread.pk}/",
        {"key": thread.key, "title": "T", "url": url, "mode": "open"},
    )
    assert Thread.objects.get(pk=thread.pk).url == "/news/test-story/"


@pytest.mark.parametrize("url", ["/news/a-story/", "https://news.example.org/a/", ""])
def test_good_thread_urls_pass(thread, url):
    thread.url = url
    thread.full_clean()


def test_staff_cannot_use_the_readers_delete_my_account(api, make_user):
    staff = make_user("desk", is_staff=True)
    response = api(staff).send("post", "/api/comments/me/delete", {"confirm": "DELETE"})
    assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert type(staff).objects.filter(pk=staff.pk).exists()
