"""Password sign-up is closed: readers arrive through a social provider, staff through the admin."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from .social_flow import oidc_sign_in

pytestmark = pytest.mark.django_db


def test_password_sign_up_is_closed(client):
    page = client.get("/accounts/signup/")
    assert b"password1" not in page.content
    response = client.post(
        "/accounts/signup/",
        {
            "username": "someone",
            "email": "someone@example.org",
            "password1": "a-Long-pass-9876",
            "password2": "a-Long-pass-9876",
        },
    )
    assert response.status_code in (200, 403)
    assert not get_user_model().objects.exists()
    assert "_auth_user_id" not in client.session


def test_social_sign_up_still_works(client, settings):
    response = oidc_sign_in(
        client, settings, sub="reader-1", email="minji@example.org", name="Minji Park"
    )
    assert response.status_code == 302, response.content
    account = SocialAccount.objects.get(provider="corp", uid="reader-1")
    assert client.session["_auth_user_id"] == str(account.user_id)
    assert account.user.first_name == "Minji Park" and not account.user.has_usable_password()
