"""Production settings refuse to start without their configuration, naming what is missing."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
REQUIRED = ("SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS")


def _import_production(**env):
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED and k != "DJANGO_SETTINGS_MODULE"}
    return subprocess.run(
        [sys.executable, "-c", "import broadsheet.settings.production"],
        cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60,
    )


def test_missing_configuration_is_named_in_one_line():
    result = _import_production()
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SECRET_KEY" in lines[0]


def test_each_missing_variable_is_named():
    result = _import_production(SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org")
    assert result.returncode != 0 and "DATABASE_URL" in result.stderr


def test_complete_configuration_loads():
    result = _import_production(
        SECRET_KEY="x" * 50, DATABASE_URL="postgres://u@127.0.0.1:5432/x", ALLOWED_HOSTS="example.org"
    )
    assert result.returncode == 0, result.stderr


def test_postgres_uses_a_pool_not_per_thread_persistent_connections():
    """Under ASGI every request runs in its own thread: per-thread persistent connections would pile up."""
    code = ("import broadsheet.settings.production as s; d = s.DATABASES['default']; "
            "print(d['CONN_MAX_AGE'], bool(d['OPTIONS'].get('pool')))")
    clean = {k: v for k, v in os.environ.items() if k not in REQUIRED and k != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**clean, "SECRET_KEY": "x" * 50, "DATABASE_URL": "postgres://u@127.0.0.1:5432/x", "ALLOWED_HOSTS": "a"},
    )
    assert result.stdout.split() == ["0", "True"], result.stderr
