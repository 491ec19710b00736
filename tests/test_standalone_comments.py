"""The comments app installs on a site that is not Broadsheet: tests/standalone_comments (settings + urls,
no newsroom, no dictionary, no page cache, no allauth) migrates from nothing and passes the comments API
tests and a browser journey. It runs in its own pytest process, as its settings differ from the suite's."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "tests.standalone_comments.settings"


@pytest.mark.e2e
def test_the_comments_app_runs_on_a_site_of_its_own():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": SETTINGS}
    args = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-c",
        "tests/standalone_comments/pytest.ini",
        "--rootdir",
        str(ROOT),
        "--confcutdir",
        str(ROOT),
        f"--ds={SETTINGS}",
        "broadsheet/comments/tests/test_api.py",
        "tests/standalone_comments",
    ]
    run = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    report = run.stdout[-4000:] + run.stderr[-2000:]
    assert run.returncode == 0, report
    assert " passed" in run.stdout and not any(
        word in run.stdout for word in (" failed", " error", " skipped")
    ), report
