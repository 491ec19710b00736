from oauth2_provider.oauth2_validators import OAuth2Validator


class ReaderClaimsValidator(OAuth2Validator):
    """Gives the relying party the reader's name and email (scopes profile and email), like a real provider."""

    def get_additional_claims(self, request):
        user = request.user
        return {
            "name": user.get_full_name() or user.username,
            "preferred_username": user.username,
            "email": user.email,
            "email_verified": True,
        }
