"""allauth adapters: a social account gives the reader a display name, and nothing more is asked.

Writing needs a social account, so nobody signs up with a password (an unverified address would get
reply emails); staff accounts are made in the admin and sign in there.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter

DISPLAY_NAME_MAX = 150  # the length of User.first_name, where the display name is kept


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False  # /accounts/signup/ shows allauth's "sign up closed" page and creates nobody


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        # allauth asks the account adapter by default, which says no to everyone: social sign-up stays open.
        return True

    def populate_user(self, request, sociallogin, data):
        # Keep the provider's whole name as one display name: Korean names have no "first" and "last".
        user = super().populate_user(request, sociallogin, data)
        name = (
            data.get("name")
            or " ".join(filter(None, [data.get("first_name"), data.get("last_name")]))
        ).strip()
        user.first_name = (name or data.get("username") or "")[:DISPLAY_NAME_MAX]
        user.last_name = ""
        return user


def display_name(user):
    """What other readers see under a comment: the social account's name, else the username."""
    return (user.first_name or user.get_full_name() or user.get_username()).strip()
