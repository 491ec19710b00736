"""Which sign-in buttons show: only providers the environment (or a SocialApp row) switches on."""

import json

import pytest
from allauth.socialaccount.models import SocialApp
from django.test import RequestFactory, override_settings

from broadsheet.accounts.providers import login_providers
from broadsheet.settings.parts import accounts as accounts_settings

ENV_NAMES = [
    "TWITTER_CLIENT_ID",
    "TWITTER_CLIENT_SECRET",
    "FACEBOOK_CLIENT_ID",
    "FACEBOOK_CLIENT_SECRET",
    "KAKAO_CLIENT_ID",
    "KAKAO_CLIENT_SECRET",
    "NAVER_CLIENT_ID",
    "NAVER_CLIENT_SECRET",
    "OIDC_PROVIDERS",
]


@pytest.fixture
def clean_env(monkeypatch):
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_nothing_configured_switches_nothing_on(clean_env):
    providers = accounts_settings.build_providers()
    assert all(cfg["APPS"] == [] for cfg in providers.values())
    assert accounts_settings.form_action_origins(providers) == []


def test_env_vars_switch_providers_on_with_pkce(clean_env):
    clean_env.setenv("TWITTER_CLIENT_ID", "tw-id")
    clean_env.setenv("TWITTER_CLIENT_SECRET", "tw-secret")
    clean_env.setenv("KAKAO_CLIENT_ID", "kakao-rest-key")
    clean_env.setenv("OIDC_CORP_SERVER_URL", "https://sso.example.org/realms/news")
    clean_env.setenv("OIDC_CORP_CLIENT_ID", "corp-id")
    clean_env.setenv("OIDC_CORP_SECRET", "corp-secret")
    clean_env.setenv("OIDC_CORP_LABEL", "Newsroom SSO")
    providers = accounts_settings.build_providers()
    assert providers["twitter_oauth2"]["APPS"][0]["client_id"] == "tw-id"
    assert providers["twitter_oauth2"]["OAUTH_PKCE_ENABLED"] is True
    assert providers["kakao"]["APPS"][0]["client_id"] == "kakao-rest-key"
    assert providers["facebook"]["APPS"] == [] and providers["naver"]["APPS"] == []
    corp = providers["openid_connect"]["APPS"][0]
    assert (corp["provider_id"], corp["name"], corp["settings"]["server_url"]) == (
        "corp",
        "Newsroom SSO",
        "https://sso.example.org/realms/news",
    )
    assert providers["openid_connect"]["OAUTH_PKCE_ENABLED"] is True
    origins = accounts_settings.form_action_origins(providers)
    assert "https://x.com" in origins and "https://kauth.kakao.com" in origins
    assert "https://sso.example.org" in origins and "https://www.facebook.com" not in origins


def test_oidc_providers_json(clean_env):
    clean_env.setenv(
        "OIDC_PROVIDERS",
        json.dumps(
            [
                {
                    "id": "a",
                    "name": "A",
                    "server_url": "https://a.example",
                    "client_id": "a-id",
                    "secret": "s",
                },
                {
                    "id": "b",
                    "name": "B",
                    "server_url": "https://b.example",
                    "client_id": "",
                },  # no client id: stays off
            ]
        ),
    )
    apps = accounts_settings.build_providers()["openid_connect"]["APPS"]
    assert [a["provider_id"] for a in apps] == ["a"]


def test_bad_oidc_json_fails_loudly(clean_env):
    clean_env.setenv("OIDC_PROVIDERS", "[{not json")
    with pytest.raises(SystemExit):
        accounts_settings.build_providers()


PROVIDERS = {
    "kakao": {"APPS": [{"client_id": "k", "secret": "", "key": ""}]},
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "corp",
                "name": "Corp SSO",
                "client_id": "c",
                "secret": "s",
                "settings": {"server_url": "https://sso.example"},
            }
        ]
    },
}


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS, BROADSHEET_DEMO_LOGIN=False)
def test_login_providers_lists_only_switched_on():
    request = RequestFactory().get("/")
    buttons = login_providers(request, next_url="/national/story/")
    assert [(b["id"], b["name"]) for b in buttons] == [("kakao", "Kakao"), ("corp", "Corp SSO")]
    urls = {b["id"]: b["login_url"] for b in buttons}
    assert urls["kakao"] == "/accounts/kakao/login/?next=%2Fnational%2Fstory%2F"
    assert urls["corp"].startswith("/accounts/oidc/corp/login/")


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS={}, BROADSHEET_DEMO_LOGIN=True)
def test_social_app_rows_from_the_admin_count_and_demo_comes_last():
    SocialApp.objects.create(provider="naver", name="Naver", client_id="n", secret="x")
    buttons = login_providers(RequestFactory().get("/"))
    assert [b["id"] for b in buttons] == ["naver", "demo"]
    assert buttons[-1]["login_url"] == "/accounts/demo-sign-in/"


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS, BROADSHEET_DEMO_LOGIN=False)
def test_provider_list_json_keeps_next_on_this_site(client):
    data = client.get("/accounts/providers/", {"next": "/national/story/"}).json()
    assert [p["id"] for p in data["providers"]] == ["kakao", "corp"]
    assert data["providers"][0]["login_url"].endswith("?next=%2Fnational%2Fstory%2F")
    data = client.get("/accounts/providers/", {"next": "https://evil.example/"}).json()
    assert data["providers"][0]["login_url"] == "/accounts/kakao/login/"


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS)
def test_a_callback_with_a_forged_state_signs_nobody_in(client):
    # allauth checks the state it stashed in the session before it talks to the provider at all.
    response = client.get(
        "/accounts/oidc/corp/login/callback/", {"code": "stolen-code", "state": "forged"}
    )
    assert response.status_code == 401
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_sign_in_starts_only_on_post_with_pkce(client, clean_env, settings):
    # Settings as the environment builds them; a GET only shows a confirmation page (no login CSRF),
    # the POST redirects to the provider with state and an S256 code challenge.
    from unittest import mock

    clean_env.setenv("OIDC_CORP_SERVER_URL", "https://sso.example")
    clean_env.setenv("OIDC_CORP_CLIENT_ID", "c")
    clean_env.setenv("OIDC_CORP_SECRET", "s")
    settings.SOCIALACCOUNT_PROVIDERS = accounts_settings.build_providers()
    assert client.get("/accounts/oidc/corp/login/").status_code == 200

    discovery = {
        "authorization_endpoint": "https://sso.example/authorize",
        "token_endpoint": "https://sso.example/token",
        "userinfo_endpoint": "https://sso.example/userinfo",
        "issuer": "https://sso.example",
        "jwks_uri": "https://sso.example/jwks",
    }
    with mock.patch(
        "allauth.socialaccount.providers.openid_connect.views.OpenIDConnectOAuth2Adapter.openid_config",
        discovery,
    ):
        response = client.post("/accounts/oidc/corp/login/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://sso.example/authorize?")
    assert "code_challenge_method=S256" in response["Location"] and "state=" in response["Location"]


@pytest.mark.django_db
@override_settings(SOCIALACCOUNT_PROVIDERS=PROVIDERS, BROADSHEET_DEMO_LOGIN=True)
def test_provider_list_speaks_the_language_in_its_url(client):
    names = [
        p["name"] for p in client.get("/accounts/providers/", {"lang": "ko"}).json()["providers"]
    ]
    assert names == ["카카오", "Corp SSO", "데모 로그인 — 로컬 전용"]
    names = [
        p["name"]
        for p in client.get(
            "/accounts/providers/", {"lang": "en"}, HTTP_ACCEPT_LANGUAGE="ko"
        ).json()["providers"]
    ]
    assert names == ["Kakao", "Corp SSO", "Demo sign-in — local only"]


def test_pkce_is_on_for_every_oauth2_provider(clean_env):
    for prefix in ("FACEBOOK", "KAKAO", "NAVER"):
        clean_env.setenv(f"{prefix}_CLIENT_ID", "id")
        clean_env.setenv(f"{prefix}_CLIENT_SECRET", "secret")
    providers = accounts_settings.build_providers()
    assert all(
        providers[name]["OAUTH_PKCE_ENABLED"] is True for name in ("facebook", "kakao", "naver")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("provider", ["facebook", "kakao", "naver"])
def test_sign_in_to_a_classic_provider_sends_a_code_challenge(
    client, clean_env, settings, provider
):
    clean_env.setenv(f"{provider.upper()}_CLIENT_ID", "id")
    clean_env.setenv(f"{provider.upper()}_CLIENT_SECRET", "secret")
    settings.SOCIALACCOUNT_PROVIDERS = accounts_settings.build_providers()
    response = client.post(f"/accounts/{provider}/login/")
    assert response.status_code == 302
    assert "code_challenge_method=S256" in response["Location"]
