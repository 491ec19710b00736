"""The sign-in buttons: only providers switched on by configuration (env vars or SocialApp rows)."""

from urllib.parse import urlencode

from allauth.socialaccount.adapter import get_adapter
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Names readers know the services by, in their language; allauth's own names are English-only.
LABELS = {
    "twitter_oauth2": gettext_lazy("X (Twitter)"),
    "facebook": gettext_lazy("Facebook"),
    "kakao": gettext_lazy("Kakao"),
    "naver": gettext_lazy("Naver"),
}

ORDER = ["kakao", "naver", "twitter_oauth2", "facebook", "openid_connect"]


def login_providers(request, *, next_url=""):
    """[{id, kind, name, login_url, method}] for every switched-on provider, in a stable order, demo sign-in last."""
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    buttons = []
    for provider in get_adapter(request).list_providers(request):
        app = provider.app
        provider_id = app.provider_id or provider.id if app else provider.id
        buttons.append(
            {
                "id": provider_id,
                "kind": provider.id,
                "name": str(LABELS.get(provider.id) or (app.name if app else provider.name)),
                "login_url": provider.get_login_url(request) + query,
                "method": "post",  # allauth wants a POST with the CSRF token (SOCIALACCOUNT_LOGIN_ON_GET off)
            }
        )
    # Korean readers' services first, then the global ones, then any OpenID Connect sign-in.
    buttons.sort(key=lambda b: ORDER.index(b["kind"]) if b["kind"] in ORDER else len(ORDER))
    if getattr(settings, "BROADSHEET_DEMO_LOGIN", False):
        buttons.append(
            {
                "id": "demo",
                "kind": "demo",
                "name": _("Demo sign-in — local only"),
                "login_url": reverse("accounts:demo_login") + query,
                "method": "get",
            }
        )
    return buttons
