"""Production settings refuse to start without their configuration, naming what is missing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
REQUIRED = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")
# Not passed on: the required three (each test gives its own), and DJANGO_ALLOW_ASYNC_UNSAFE, which the browser
# fixture sets in this process for Playwright and which no deployment has (check --deploy refuses it).
LEFT_OUT = (*REQUIRED, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
STRONG_KEY = "k7-Qm2vX9pL4wR8tZ1cN6bH3jF5sD0aY-gE7uK2iO9lM4nB8vC1xT6"


def _import_production(**env):
    clean = {k: v for k, v in os.environ.items() if k not in LEFT_OUT}
    return subprocess.run(
        [sys.executable, "-c", "import broadsheet.settings.production"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_missing_configuration_is_named_in_one_line():
    result = _import_production()
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SECRET_KEY" in lines[0]


def test_each_missing_variable_is_named():
    result = _import_production(SECRET_KEY=STRONG_KEY, ALLOWED_HOSTS="example.org")
    assert result.returncode != 0 and "DATABASE_URL" in result.stderr


def test_complete_configuration_loads():
    result = _import_production(
        SECRET_KEY=STRONG_KEY,
        DATABASE_URL="postgres://u@127.0.0.1:5432/x",
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stderr


def test_postgres_uses_a_pool_not_per_thread_persistent_connections():
    """Under ASGI every request runs in its own thread: per-thread persistent connections would pile up."""
    code = (
        "import broadsheet.settings.production as s; d = s.DATABASES['default']; "
        "print(d['CONN_MAX_AGE'], bool(d['OPTIONS'].get('pool')))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in LEFT_OUT}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **clean,
            "SECRET_KEY": STRONG_KEY,
            "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
            "ALLOWED_HOSTS": "a",
        },
    )
    assert result.stdout.split() == ["0", "True"], result.stderr


def _clean_env(**env):
    clean = {k: v for k, v in os.environ.items() if k not in LEFT_OUT}
    return {
        **clean,
        "DATABASE_URL": "postgres://u@127.0.0.1:5432/x",
        "ALLOWED_HOSTS": "news.example.org",
        **env,
    }


@pytest.mark.parametrize("key", ["k", "x" * 50, "abcd" * 20, "django-insecure-" + STRONG_KEY])
def test_a_weak_secret_key_is_refused_at_start(key):
    result = _import_production(
        SECRET_KEY=key, DATABASE_URL="postgres://u@127.0.0.1:5432/x", ALLOWED_HOSTS="a"
    )
    assert result.returncode != 0
    assert "SECRET_KEY is weak" in result.stderr and (len(key) < 3 or key not in result.stderr)


def test_check_deploy_with_a_strong_key_prints_no_warning():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=_clean_env(
            SECRET_KEY=STRONG_KEY, DJANGO_SETTINGS_MODULE="broadsheet.settings.production"
        ),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout and "WARNING" not in result.stderr


def test_nginx_recipe_redirects_plain_http_to_https():
    recipe = (ROOT / "deploy" / "nginx-broadsheet.conf").read_text()
    plain = recipe.split("listen 80;", 1)[1].split("}", 1)[0]
    assert "return 301 https://$server_name$request_uri;" in plain
