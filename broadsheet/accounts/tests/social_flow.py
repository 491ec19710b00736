"""Signing in through allauth's real OpenID Connect views, with only the provider's HTTP answers faked.

The browser's side runs for real (the POST that starts sign-in, the state kept in the session, the
callback); the token and userinfo endpoints answer from here, as allauth's own provider tests do.
"""

from contextlib import contextmanager
from unittest import mock
from urllib.parse import parse_qs, urlsplit

SERVER = "https://sso.example"
PROVIDERS = {
    "openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [
            {
                "provider_id": "corp",
                "name": "Corp SSO",
                "client_id": "c",
                "secret": "s",
                "settings": {"server_url": SERVER},
            }
        ],
    }
}
DISCOVERY = {
    "authorization_endpoint": f"{SERVER}/authorize",
    "token_endpoint": f"{SERVER}/token",
    "userinfo_endpoint": f"{SERVER}/userinfo",
    "issuer": SERVER,
    "jwks_uri": f"{SERVER}/jwks",
}


class _Answer:
    def __init__(self, data):
        self.status_code, self.headers, self._data = 200, {"content-type": "application/json"}, data
        self.text = "{}"

    def json(self):
        return self._data

    def raise_for_status(self):
        pass


class _ProviderHttp:
    def __init__(self, userinfo):
        self.userinfo = userinfo

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def request(self, method, url, **kwargs):  # the token endpoint
        assert url == DISCOVERY["token_endpoint"] and kwargs["data"]["code_verifier"]
        return _Answer({"access_token": "token", "token_type": "Bearer"})

    def get(self, url, **kwargs):  # the userinfo endpoint
        assert url == DISCOVERY["userinfo_endpoint"]
        return _Answer(self.userinfo)


@contextmanager
def _provider(userinfo):
    with (
        mock.patch(
            "allauth.socialaccount.providers.openid_connect.views.OpenIDConnectOAuth2Adapter.openid_config",
            DISCOVERY,
        ),
        mock.patch(
            "broadsheet.accounts.adapter.SocialAccountAdapter.get_requests_session",
            lambda self: _ProviderHttp(userinfo),
        ),
    ):
        yield


def oidc_sign_in(client, settings, *, sub, email="", name="A Reader", provider="corp"):
    """Sign in as the provider's user `sub`; returns the callback's response. A provider other than
    "corp" is a second OpenID Connect app, switched on beside it (another login, same kind of answers)."""
    settings.SOCIALACCOUNT_PROVIDERS = (
        PROVIDERS
        if provider == "corp"
        else {
            "openid_connect": {
                **PROVIDERS["openid_connect"],
                "APPS": [
                    *PROVIDERS["openid_connect"]["APPS"],
                    {**PROVIDERS["openid_connect"]["APPS"][0], "provider_id": provider},
                ],
            }
        }
    )
    userinfo = {
        "sub": sub,
        "name": name,
        **({"email": email, "email_verified": True} if email else {}),
    }
    with _provider(userinfo):
        start = client.post(f"/accounts/oidc/{provider}/login/")
        assert start.status_code == 302, start.content
        state = parse_qs(urlsplit(start["Location"]).query)["state"][0]
        return client.get(
            f"/accounts/oidc/{provider}/login/callback/", {"code": "code", "state": state}
        )
