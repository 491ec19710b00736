"""Settings read one way: base.py lists every app and middleware; parts/ are plain values that never
import base; each settings module loads alone, in a fresh interpreter, with the whole middleware list."""

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_DIR = ROOT / "broadsheet" / "settings"
ENVIRONMENT_MODULES = {"dev", "test", "production"}  # the only ones that build on base
PARTS = sorted(p.stem for p in (SETTINGS_DIR / "parts").glob("*.py") if p.stem != "__init__")

MIDDLEWARE = [
    "broadsheet.pagecache.middleware.PageCacheMarkMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "broadsheet.newsroom.middleware.PageRedirectMiddleware",
    "broadsheet.newsroom.middleware.RememberedSiteMiddleware",
]
PRODUCTION_ENV = {
    "SECRET_KEY": "k7-Qm2vX9pL4wR8tZ1cN6bH3jF5sD0aY-gE7uK2iO9lM4nB8vC1xT6",
    "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
    "ALLOWED_HOSTS": "news.example.org",
}
# What a module shows after loading alone: its middleware, the page cache's app, and whether base came too.
PROBE = """
import importlib, json, sys
module = importlib.import_module(sys.argv[1])
print(json.dumps({
    "middleware": getattr(module, "MIDDLEWARE", None),
    "apps": getattr(module, "INSTALLED_APPS", None),
    "base_loaded": "broadsheet.settings.base" in sys.modules,
    "names": sorted(n for n in dir(module) if n.isupper()),
}))
"""


def _load_alone(module, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k != "DJANGO_SETTINGS_MODULE" and k not in PRODUCTION_ENV
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE, module],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("module", ["base", "dev", "test", "production"])
def test_each_environment_loads_alone_with_the_whole_middleware_list(module):
    env = PRODUCTION_ENV if module == "production" else {}
    loaded = _load_alone(f"broadsheet.settings.{module}", **env)
    assert loaded["middleware"] == MIDDLEWARE
    assert loaded["apps"][0] == "broadsheet.pagecache"
    assert {"WAGTAILFRONTENDCACHE", "PAGECACHE_ENABLED", "SOCIALACCOUNT_PROVIDERS"} <= set(
        loaded["names"]
    )


@pytest.mark.parametrize("part", PARTS)
def test_each_part_is_plain_values_that_never_load_base(part):
    loaded = _load_alone(f"broadsheet.settings.parts.{part}")
    assert not loaded["base_loaded"]
    assert loaded["middleware"] is None and loaded["apps"] is None  # base alone lists them
    assert loaded["names"], f"parts/{part}.py sets nothing"


def _imports_base(path):
    """Whether a settings module imports base (`from .base`, `from ..base`, `from . import base`,
    `import broadsheet.settings.base`)."""
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            names = {(node.module or "").split(".")[-1], *(alias.name for alias in node.names)}
        elif isinstance(node, ast.Import):
            names = {alias.name.split(".")[-1] for alias in node.names}
        else:
            continue
        if "base" in names:
            return True
    return False


def test_only_environment_modules_import_base():
    importers = {
        p.relative_to(SETTINGS_DIR).with_suffix("").as_posix()
        for p in SETTINGS_DIR.rglob("*.py")
        if _imports_base(p)
    }
    assert importers == ENVIRONMENT_MODULES


def test_one_name_per_setting():
    names = set(_load_alone("broadsheet.settings.dev")["names"])
    assert "PAGE_CACHE_SECONDS" not in names and "PAGECACHE_SECONDS" in names
