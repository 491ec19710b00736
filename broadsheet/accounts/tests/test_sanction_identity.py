"""A ban outlives the account: the reader deletes it ("delete my account") and signs in again through
allauth's real sign-in views with the same social login, or the same verified email from another
provider, and is still refused; someone else is not."""

import json
from datetime import timedelta

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.utils import timezone

from broadsheet.comments import services
from broadsheet.comments.errors import CommentError
from broadsheet.comments.models import PolicyClause, Sanction, SanctionIdentity
from broadsheet.comments.tests.factories import ThreadFactory, moderator_user, policy_page

from .social_flow import oidc_sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def thread(settings):
    settings.COMMENTS_TRUSTED_AFTER = 0
    return ThreadFactory(key="test-thread", title="A test story", url="/news/test-story/")


@pytest.fixture
def clause():
    return PolicyClause.objects.get(page=policy_page(), number=1)


@pytest.fixture
def moderator():
    return moderator_user()


def _signed_in(client):
    return get_user_model().objects.get(pk=client.session["_auth_user_id"])


def _sanction_then_delete(
    client, settings, *, moderator, clause, kind="ban", until=None, **identity
):
    assert oidc_sign_in(client, settings, **identity).status_code == 302
    user = _signed_in(client)
    services.user_sanction(user=user, kind=kind, until=until, clause=clause, moderator=moderator)
    token = client.get("/api/comments/session").json()["csrf_token"]
    deleted = client.post(
        "/api/comments/me/delete",
        json.dumps({"confirm": "DELETE"}),
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
    )
    assert deleted.json() == {"ok": True}
    assert not get_user_model().objects.filter(pk=user.pk).exists()
    assert Sanction.objects.get().user is None  # kept, no longer linked to the deleted row
    client.logout()


def _refused(client):
    with pytest.raises(CommentError) as refused:
        services.comment_create(
            thread_key="test-thread", author=_signed_in(client), body="I am back."
        )
    assert refused.value.code == "sanctioned"
    return str(refused.value)


def _posts(client):
    return services.comment_create(
        thread_key="test-thread", author=_signed_in(client), body="Hello there."
    ).pk


def test_the_same_social_login_is_still_banned(client, settings, moderator, clause):
    _sanction_then_delete(client, settings, moderator=moderator, clause=clause, sub="troll-1")
    assert oidc_sign_in(client, settings, sub="troll-1").status_code == 302
    assert "may no longer comment" in _refused(client)
    # The reader's own view says so too (the comment box is not offered).
    session = client.get("/api/comments/session").json()
    assert session["can_comment"] is False and session["sanction"]["kind"] == "ban"


def test_the_same_email_from_another_provider_is_still_banned(client, settings, moderator, clause):
    _sanction_then_delete(
        client,
        settings,
        moderator=moderator,
        clause=clause,
        sub="troll-2",
        email="Troll@Example.org",
    )
    assert (
        oidc_sign_in(
            client, settings, provider="other", sub="new-9", email="TROLL@example.ORG"
        ).status_code
        == 302
    )
    assert SocialAccount.objects.get(provider="other").uid == "new-9"
    _refused(client)


def test_a_suspension_comes_back_until_its_end(client, settings, moderator, clause):
    until = timezone.now() + timedelta(days=2)
    _sanction_then_delete(
        client,
        settings,
        moderator=moderator,
        clause=clause,
        kind="suspension",
        until=until,
        sub="s-1",
    )
    assert oidc_sign_in(client, settings, sub="s-1").status_code == 302
    assert "suspended" in _refused(client)


def test_an_ended_suspension_does_not_come_back(client, settings, moderator, clause):
    until = timezone.now() + timedelta(days=2)
    _sanction_then_delete(
        client,
        settings,
        moderator=moderator,
        clause=clause,
        kind="suspension",
        until=until,
        sub="s-2",
    )
    Sanction.objects.update(until=timezone.now() - timedelta(seconds=1))
    assert oidc_sign_in(client, settings, sub="s-2").status_code == 302
    assert _posts(client)
    assert Sanction.objects.get().user is None


def test_someone_else_is_not_banned(client, settings, moderator, clause):
    _sanction_then_delete(
        client,
        settings,
        moderator=moderator,
        clause=clause,
        sub="troll-3",
        email="troll3@example.org",
    )
    assert (
        oidc_sign_in(client, settings, sub="reader-9", email="reader9@example.org").status_code
        == 302
    )
    assert _posts(client)
    assert Sanction.objects.get().user is None


def test_identities_are_kept_hashed_only(client, settings, moderator, clause):
    _sanction_then_delete(
        client,
        settings,
        moderator=moderator,
        clause=clause,
        sub="troll-4",
        email="troll4@example.org",
    )
    digests = list(SanctionIdentity.objects.values_list("digest", flat=True))
    assert len(digests) == 2  # the login and the verified email
    assert all(len(d) == 64 and "troll" not in d for d in digests)


def test_a_warning_keeps_no_identity(client, settings, moderator, clause):
    assert oidc_sign_in(client, settings, sub="w-1", email="w1@example.org").status_code == 302
    services.user_sanction(
        user=_signed_in(client), kind="warning", clause=clause, moderator=moderator
    )
    assert Sanction.objects.exists() and not SanctionIdentity.objects.exists()


def test_deleted_in_the_admin_with_a_login_added_after_the_ban(client, settings, moderator, clause):
    assert oidc_sign_in(client, settings, sub="late-1").status_code == 302
    user = _signed_in(client)
    services.user_sanction(user=user, kind="ban", clause=clause, moderator=moderator)
    SocialAccount.objects.create(
        user=user, provider="other", uid="late-2"
    )  # connected after the ban
    client.logout()
    user.delete()  # as the admin's Users → Delete does, not through the reader's API
    assert oidc_sign_in(client, settings, provider="other", sub="late-2").status_code == 302
    _refused(client)
