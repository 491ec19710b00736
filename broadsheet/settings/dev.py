"""The embedded default: `make demo` runs with these."""

import os

from .base import *
from .base import DATA_DIR

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
DATA_DIR.mkdir(parents=True, exist_ok=True)

# The demo's clearly labelled local sign-in (offline); production cannot enable it.
BROADSHEET_DEMO_LOGIN = True
