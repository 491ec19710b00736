"""Moderation inside the Wagtail admin, for members of the Comment moderators group."""

from django.test import Client

from broadsheet.comments import services
from broadsheet.comments.models import BannedWord, Comment, ModerationAction, Sanction

QUEUE = "/admin/comments/moderation/"


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def test_moderator_sees_the_queue_with_reports_oldest_first(
    settings, reader, other, moderator, thread, clause
):
    settings.COMMENTS_TRUSTED_AFTER = 1
    reader.first_name, reader.last_name = "Min-ji", "Park"
    reader.save()
    held = services.comment_create(
        thread_key="test-thread", author=reader, body="first, held for review"
    )
    services.comment_approve(comment=held, moderator=moderator)
    reported = services.comment_create(thread_key="test-thread", author=reader, body="now reported")
    services.comment_report(comment=reported, reporter=other, clause=clause, note="nasty")
    new = services.comment_create(thread_key="test-thread", author=other, body="newcomer text")
    html = admin_client(moderator).get(QUEUE).content.decode()
    assert html.index("now reported") < html.index("newcomer text")
    assert "nasty" in html and "1. Respect" in html and new.status == "pending"
    assert "new commenter" in html
    assert (
        "Min-ji Park (reader)" in html and "<strong>other</strong>" in html
    )  # readers' name, then the account


def test_queue_says_why_a_comment_is_held(reader, moderator, thread):
    services.comment_create(
        thread_key="test-thread", author=reader, body="see https://example.org 시발"
    )
    html = admin_client(moderator).get(QUEUE).content.decode()
    assert (
        "contains a link" in html
        and "matches the word list" in html
        and "new commenter" not in html
    )


def test_queue_actions_write_the_log(reader, other, moderator, thread, clause):
    comment = services.comment_create(thread_key="test-thread", author=reader, body="rude words")
    client = admin_client(moderator)
    client.post(f"{QUEUE}{comment.pk}/", {"action": "hide", "clause": "1", "note": "insult"})
    comment.refresh_from_db()
    assert comment.status == "hidden" and comment.hidden_clause == clause
    client.post(
        f"{QUEUE}{comment.pk}/",
        {"action": "sanction", "kind": "suspension", "days": "3", "clause": "1"},
    )
    assert Sanction.objects.get(user=reader).kind == "suspension"
    response = client.post(
        f"{QUEUE}{comment.pk}/", {"action": "remove"}, follow=True
    )  # no clause: refused
    assert Comment.objects.get(pk=comment.pk).status == "hidden"
    assert "clause" in response.content.decode()
    assert list(ModerationAction.objects.values_list("verb", flat=True).order_by("pk")) == [
        "hide",
        "sanction",
    ]


def test_readers_cannot_reach_the_queue(reader, thread):
    client = admin_client(reader)
    assert client.get(QUEUE).status_code in (302, 403)
    comment = services.comment_create(thread_key="test-thread", author=reader, body="mine")
    client.post(f"{QUEUE}{comment.pk}/", {"action": "approve"})
    assert not ModerationAction.objects.exists()


def test_word_lists_are_edited_in_the_admin(moderator, reader, thread):
    client = admin_client(moderator)
    index = client.get("/admin/comments/words/")
    assert index.status_code == 200 and "시발점" in index.content.decode()
    client.post("/admin/comments/words/new/", {"word": "lizard", "language": "en", "kind": "block"})
    assert BannedWord.objects.filter(word="lizard").exists()
    assert (
        services.comment_create(
            thread_key="test-thread", author=reader, body="a lizard person"
        ).status
        == "pending"
    )


def test_the_log_is_read_only(moderator, reader, thread, clause):
    comment = services.comment_create(thread_key="test-thread", author=reader, body="x")
    services.comment_hide(comment=comment, moderator=moderator, reason_clause=clause)
    client = admin_client(moderator)
    action = ModerationAction.objects.get()
    log = client.get("/admin/comments/log/")
    assert log.status_code == 200
    html = log.content.decode()
    assert (
        f"#{comment.pk} · A test story" in html and "1 moderation action" in html
    )  # the thread by name
    assert client.get("/admin/comments/log/new/").status_code in (302, 403)
    assert client.post(
        f"/admin/comments/log/edit/{action.pk}/", {"note": "rewritten"}
    ).status_code in (302, 403)
    assert ModerationAction.objects.get().note == ""


def test_menu_shows_comments_to_moderators_only(moderator, make_user):
    from django.contrib.auth.models import Permission

    html = admin_client(moderator).get("/admin/").content.decode()
    assert "Moderation queue" in html
    editor = make_user("editor")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert "Moderation queue" not in admin_client(editor).get("/admin/").content.decode()
    assert list(moderator.groups.values_list("name", flat=True)) == ["Comment moderators"]


def test_editors_edit_the_policy_clauses_in_wagtail(policy, make_user):
    from broadsheet.comments.models import PolicyClause

    admin = make_user("chief", is_superuser=True, is_staff=True)
    client = admin_client(admin)
    edit = client.get(f"/admin/pages/{policy.pk}/edit/")
    assert edit.status_code == 200 and "No personal attacks." in edit.content.decode()
    clauses = list(PolicyClause.objects.filter(page=policy).order_by("sort_order"))
    data = {
        "title": policy.title,
        "slug": policy.slug,
        "intro": '{"blocks": [], "entityMap": {}}',
        "clauses-TOTAL_FORMS": str(len(clauses) + 1),
        "clauses-INITIAL_FORMS": str(len(clauses)),
        "clauses-MIN_NUM_FORMS": "0",
        "clauses-MAX_NUM_FORMS": "1000",
        "action-publish": "publish",
    }
    for i, clause in enumerate(
        clauses + [PolicyClause(number=9, title="Be kind", text="Assume good faith.")]
    ):
        data.update(
            {
                f"clauses-{i}-id": clause.pk or "",
                f"clauses-{i}-ORDER": str(i + 1),
                f"clauses-{i}-DELETE": "",
                f"clauses-{i}-number": str(clause.number),
                f"clauses-{i}-title": clause.title,
                f"clauses-{i}-text": clause.text,
            }
        )
    response = client.post(f"/admin/pages/{policy.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PolicyClause.objects.filter(page=policy, number=9, title="Be kind").exists()
    assert PolicyClause.objects.filter(page=policy).count() == len(clauses) + 1


def test_a_kept_sanction_of_a_deleted_account_is_listed_and_revocable(reader, moderator, clause):
    sanction = services.user_sanction(user=reader, kind="ban", clause=clause, moderator=moderator)
    reader.delete()
    client = admin_client(moderator)
    listing = client.get("/admin/comments/sanctions/")
    assert listing.status_code == 200 and "Ban" in listing.content.decode()
    edit = f"/admin/comments/sanctions/edit/{sanction.pk}/"
    assert client.get(edit).status_code == 200
    client.post(edit, {"until": "", "revoked_at": "2026-01-02 03:04", "note": "cleared on review"})
    sanction.refresh_from_db()
    assert sanction.revoked_at is not None and sanction.user is None
