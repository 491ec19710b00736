"""The demo sign-in: labelled, local-only, 404 when switched off, never a door into staff accounts."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

URL = "/accounts/demo-sign-in/"
pytestmark = pytest.mark.django_db


@override_settings(BROADSHEET_DEMO_LOGIN=False)
def test_switched_off_it_is_a_404(client):
    assert client.get(URL).status_code == 404
    assert client.post(URL, {"display_name": "Minji Park"}).status_code == 404
    assert not get_user_model().objects.exists()


@override_settings(BROADSHEET_DEMO_LOGIN=True)
def test_page_is_clearly_labelled(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "Demo sign-in — local only" in response.content.decode()


@override_settings(BROADSHEET_DEMO_LOGIN=True)
def test_signing_in_makes_a_demo_reader_and_goes_back(client):
    response = client.post(URL, {"display_name": "  Minji   Park ", "next": "/national/a-story/"})
    assert response.status_code == 302 and response["Location"] == "/national/a-story/"
    user = get_user_model().objects.get()
    assert (user.username, user.first_name, user.has_usable_password()) == (
        "demo-minji-park",
        "Minji Park",
        False,
    )
    assert user.email == "demo-minji-park@demo.invalid"  # reply emails show in the demo's console
    assert client.session["_auth_user_id"] == str(user.pk)


@override_settings(BROADSHEET_DEMO_LOGIN=True)
def test_korean_display_name(client):
    client.post(URL, {"display_name": "김서연"})
    user = get_user_model().objects.get()
    assert (
        user.username == "demo-김서연"
        and user.email.isascii()
        and user.email.endswith("@demo.invalid")
    )


@override_settings(BROADSHEET_DEMO_LOGIN=True)
def test_next_to_another_host_is_refused(client):
    response = client.post(URL, {"display_name": "Daniel Cho", "next": "https://evil.example/"})
    assert response["Location"] == "/"


@override_settings(BROADSHEET_DEMO_LOGIN=True)
def test_empty_name_is_a_400_and_creates_nobody(client):
    response = client.post(URL, {"display_name": "   "})
    assert response.status_code == 400
    assert not get_user_model().objects.exists()


@override_settings(BROADSHEET_DEMO_LOGIN=True)
def test_staff_accounts_are_never_entered_without_password(client):
    get_user_model().objects.create_user("demo-boss", is_staff=True)
    response = client.post(URL, {"display_name": "boss"})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_production_pins_it_off():
    source = open("broadsheet/settings/production.py").read()
    assert "BROADSHEET_DEMO_LOGIN = False" in source
