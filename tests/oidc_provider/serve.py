"""Start the loopback OpenID Connect provider.

    python -m tests.oidc_provider.serve --port 8111 --data /tmp/oidc --client-id broadsheet \
        --client-secret s3cret --redirect-uri http://127.0.0.1:8103/accounts/oidc/loopback/login/callback/ \
        --reader jiwoo:pw:"Jiwoo Han":jiwoo@example.org

Creates its SQLite database, an RSA signing key, the readers and one confidential client, then serves
/o/.well-known/openid-configuration, /o/authorize/, /o/token/, /o/userinfo/, /o/.well-known/jwks.json.
"""

import argparse
import os
from pathlib import Path


def _signing_key(path):
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    if path.exists():
        return
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    path.write_bytes(pem)


def _seed(args):
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from oauth2_provider.models import get_application_model

    call_command("migrate", verbosity=0, interactive=False)
    for spec in args.reader:
        username, password, name, email = spec.split(":", 3)
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.first_name, user.email = name, email
        user.set_password(password)
        user.save()
    get_application_model().objects.update_or_create(
        client_id=args.client_id,
        defaults={
            "name": "Broadsheet",
            "client_secret": args.client_secret,
            "client_type": "confidential",
            "authorization_grant_type": "authorization-code",
            "redirect_uris": " ".join(args.redirect_uri),
            "algorithm": "RS256",
            "skip_authorization": True,  # no consent screen: the journey tests sign-in, not consent wording
        },
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--redirect-uri", action="append", required=True)
    parser.add_argument(
        "--reader", action="append", default=[], help="username:password:name:email"
    )
    args = parser.parse_args()

    args.data.mkdir(parents=True, exist_ok=True)
    _signing_key(args.data / "signing-key.pem")
    os.environ["OIDC_PROVIDER_DATA"] = str(args.data)
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.oidc_provider.settings"
    import django

    django.setup()
    _seed(args)

    import uvicorn
    from django.core.asgi import get_asgi_application

    uvicorn.run(get_asgi_application(), host="127.0.0.1", port=args.port, log_level="warning")


if __name__ == "__main__":
    main()
