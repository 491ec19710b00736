"""Social login: which providers are switched on, from the environment alone.

A provider shows on the site only when its client id and secret are configured, either here (env vars)
or as a SocialApp row in the Django admin. Nothing secret is ever written in this file.

  TWITTER_CLIENT_ID / TWITTER_CLIENT_SECRET      X (Twitter) OAuth 2.0, PKCE always on
  FACEBOOK_CLIENT_ID / FACEBOOK_CLIENT_SECRET    Facebook Login
  KAKAO_CLIENT_ID / KAKAO_CLIENT_SECRET          Kakao Login (REST API key; the secret is optional)
  NAVER_CLIENT_ID / NAVER_CLIENT_SECRET          Naver Login
  OIDC_PROVIDERS='[{"id": "corp", "name": "Corp SSO", "server_url": "https://sso.example",
                    "client_id": "...", "secret": "..."}]'
  or one provider per name:  OIDC_<NAME>_SERVER_URL / OIDC_<NAME>_CLIENT_ID / OIDC_<NAME>_SECRET
                             (and optionally OIDC_<NAME>_LABEL, the button's text)
"""

import json
import os
import re
from urllib.parse import urlsplit

__all__ = [
    "SOCIALACCOUNT_PROVIDERS",
    "SOCIALACCOUNT_ADAPTER",
    "SOCIALACCOUNT_AUTO_SIGNUP",
    "SOCIALACCOUNT_EMAIL_REQUIRED",
    "SOCIALACCOUNT_QUERY_EMAIL",
    "ACCOUNT_LOGOUT_ON_GET",
    "ACCOUNT_ADAPTER",
    "BROADSHEET_DEMO_LOGIN",
]

# The allauth classic ("social") providers and the hosts their sign-in pages live on. The hosts are added
# to CSP form-action, because Chromium checks form-action on the redirect that follows the sign-in POST.
CLASSIC_PROVIDERS = {
    "twitter_oauth2": ("TWITTER", ["https://x.com", "https://twitter.com"]),
    "facebook": ("FACEBOOK", ["https://www.facebook.com"]),
    "kakao": ("KAKAO", ["https://kauth.kakao.com"]),
    "naver": ("NAVER", ["https://nid.naver.com"]),
}


def _env(name):
    return os.environ.get(name, "").strip()


def _classic_app(prefix):
    client_id, secret = _env(f"{prefix}_CLIENT_ID"), _env(f"{prefix}_CLIENT_SECRET")
    if not client_id:
        return None
    return {"client_id": client_id, "secret": secret, "key": ""}


def _oidc_from_json(raw):
    try:
        entries = json.loads(raw)
    except ValueError as exc:
        raise SystemExit(f"OIDC_PROVIDERS is not valid JSON: {exc}") from exc
    return [_oidc_app(**entry) for entry in entries]


def _oidc_from_env_names():
    names = sorted(
        {
            m.group(1)
            for key in os.environ
            if (m := re.fullmatch(r"OIDC_([A-Z0-9]+)_SERVER_URL", key))
        }
    )
    return [
        _oidc_app(
            id=name.lower(),
            name=_env(f"OIDC_{name}_LABEL") or name.title(),
            server_url=_env(f"OIDC_{name}_SERVER_URL"),
            client_id=_env(f"OIDC_{name}_CLIENT_ID"),
            secret=_env(f"OIDC_{name}_SECRET"),
        )
        for name in names
    ]


def _oidc_app(*, id, name, server_url, client_id, secret="", **extra):
    settings = {"server_url": server_url, **extra}
    return {
        "provider_id": id,
        "name": name,
        "client_id": client_id,
        "secret": secret,
        "settings": settings,
    }


def _origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def build_providers():
    """SOCIALACCOUNT_PROVIDERS with APPS only for what the environment switches on."""
    providers = {}
    for provider, (prefix, _hosts) in CLASSIC_PROVIDERS.items():
        app = _classic_app(prefix)
        providers[provider] = {"APPS": [app] if app else []}
    # PKCE on every OAuth 2 provider: X requires it, Facebook and Kakao accept it, and a server that does
    # not know it (Naver documents none) must ignore the extra parameters (RFC 6749 §3.1).
    for provider in ("twitter_oauth2", "facebook", "kakao", "naver"):
        providers[provider]["OAUTH_PKCE_ENABLED"] = True
    providers["facebook"].update({"METHOD": "oauth2", "SCOPE": ["public_profile"]})
    oidc = _oidc_from_json(_env("OIDC_PROVIDERS")) if _env("OIDC_PROVIDERS") else []
    oidc += _oidc_from_env_names()
    providers["openid_connect"] = {
        "APPS": [a for a in oidc if a["client_id"]],
        "OAUTH_PKCE_ENABLED": True,
    }
    return providers


def form_action_origins(providers):
    origins = []
    for provider, (_prefix, hosts) in CLASSIC_PROVIDERS.items():
        if providers[provider]["APPS"]:
            origins += hosts
    origins += [
        _origin(app["settings"]["server_url"]) for app in providers["openid_connect"]["APPS"]
    ]
    return origins


SOCIALACCOUNT_PROVIDERS = build_providers()
SOCIALACCOUNT_ADAPTER = "broadsheet.accounts.adapter.SocialAccountAdapter"
ACCOUNT_ADAPTER = "broadsheet.accounts.adapter.AccountAdapter"  # no password sign-up: readers come through a provider
SOCIALACCOUNT_AUTO_SIGNUP = True  # a reader comes to comment, not to fill in a sign-up form
SOCIALACCOUNT_EMAIL_REQUIRED = (
    False  # Kakao and X often give no email; commenting does not need one
)
SOCIALACCOUNT_QUERY_EMAIL = True
ACCOUNT_LOGOUT_ON_GET = False

# The switched-on providers' sign-in hosts: base.py adds them to CSP form-action.
SOCIAL_SIGN_IN_ORIGINS = form_action_origins(SOCIALACCOUNT_PROVIDERS)

# The demo's local sign-in (accounts/views.py). Off unless an environment's settings switch it on:
# dev.py and test.py do, production.py pins it off.
BROADSHEET_DEMO_LOGIN = False
