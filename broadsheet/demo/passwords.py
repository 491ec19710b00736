"""Demo passwords: from the environment, else generated once and kept (0600) in the data folder."""

import os
import secrets

from django.conf import settings


def demo_password(*, env_var, filename):
    if os.environ.get(env_var):
        return os.environ[env_var]
    path = settings.DATA_DIR / filename
    if path.exists():
        return path.read_text().strip()
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password
