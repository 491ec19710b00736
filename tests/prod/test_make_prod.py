"""`make prod` brought up for real (deploy/prod.py): nginx's front cache in front of two uvicorn workers over
PostgreSQL + Redis. A page read twice is a front-cache HIT the second time; publishing a new headline
reaches nginx through its loopback purge server; Ctrl-C leaves no process behind."""

import os
import signal
import subprocess
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.stack import (
    PYTHON,
    ROOT,
    alive,
    database_beside,
    descendants,
    free_port,
    http,
    services_or_skip,
    stop_group,
    wait_until,
)

pytestmark = pytest.mark.prod

PUBLISH = """
from urllib.parse import urlsplit
from broadsheet.newsroom.models import ArticlePage
article = ArticlePage.objects.live().order_by("pk").first()
if {headline!r}:
    draft = article.get_latest_revision_as_object()
    draft.headline = {headline!r}
    draft.save_revision().publish()
print(urlsplit(article.full_url).path)
"""


@pytest.fixture
def stack():
    database, redis = services_or_skip()
    # Run as root, nginx's workers are www-data: the data folder must be reachable by them, which
    # pytest's own tmp_path (under a 0700 folder) is not. Kept with the kept database: it holds the
    # demo's photos.
    tmp_path = Path(tempfile.gettempdir()) / f"bs-prod-{urlsplit(database).path.lstrip('/')}"
    tmp_path.mkdir(mode=0o755, exist_ok=True)
    ports = {"listen": free_port(), "purge": free_port(), "upstream": free_port()}
    env = {
        **os.environ,
        "DATABASE_URL": database_beside(
            database, "prod", fresh=False
        ),  # migrate/demo are no-ops on a rerun
        "REDIS_URL": redis,
        "CACHE_KEY_PREFIX": f"bsprod{uuid.uuid4().hex[:8]}",  # a Redis of its own in all but name
        "WORKER_WARM_UP": "0",  # the dictionary is not read here; saves each worker seconds of start-up
        "DEMO": "1",
    }
    log = open(tmp_path / "prod.log", "wb")
    proc = subprocess.Popen(
        [
            PYTHON,
            "deploy/prod.py",
            "--listen",
            f"127.0.0.1:{ports['listen']}",
            "--purge-port",
            str(ports["purge"]),
            "--port",
            str(ports["upstream"]),
            "--workers",
            "2",
            "--data-dir",
            str(tmp_path),
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{ports['listen']}"
    try:
        wait_until(
            lambda: proc.poll() is not None or b"is up at" in (tmp_path / "prod.log").read_bytes(),
            "make prod coming up",
            timeout=240,
        )  # a fresh database migrates in ~40 s idle, 130 s on a busy machine
        assert proc.poll() is None, (tmp_path / "prod.log").read_text()[-3000:]
        env["SECRET_KEY"] = (tmp_path / "secret_key").read_text()
        env["FRONTEND_CACHE_NGINX_URL"] = f"http://127.0.0.1:{ports['purge']}"
        env["WAGTAILADMIN_BASE_URL"] = base
        env["ALLOWED_HOSTS"] = "127.0.0.1"
        env["DJANGO_SETTINGS_MODULE"] = "broadsheet.settings.production"
        env["BROADSHEET_DATA_DIR"] = str(tmp_path)
        yield {"proc": proc, "base": base, "env": env, "log": tmp_path / "prod.log"}
    finally:
        stop_group(proc, signal.SIGKILL)  # only when the test failed before stopping it
        log.close()


def publish(stack, headline=""):
    done = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", PUBLISH.format(headline=headline)],
        cwd=ROOT,
        env=stack["env"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_make_prod_serves_through_nginx_purges_on_publish_and_stops_clean(stack):
    base = stack["base"]
    path = publish(stack)
    first, second = http(base + path), http(base + path)
    assert first.status == second.status == 200
    assert first.headers["X-Cache-Status"] == "MISS" and second.headers["X-Cache-Status"] == "HIT"
    assert http(base + "/static/css/site.css").status == 200  # nginx serves collectstatic's files

    headline = f"Harbour board approves night ferries {uuid.uuid4().hex[:6]}"
    publish(stack, headline)
    started = time.monotonic()
    # The purge is synchronous with the publish (after its commit), so the very next read has it.
    fresh = http(base + path)
    assert headline in fresh.text, "the purge did not reach nginx"
    assert fresh.headers["X-Cache-Status"] == "HIT"  # nginx's refreshed copy, not a bypass
    assert time.monotonic() - started < 5
    korean = http(base + path, headers={"Accept-Language": "ko-KR,ko;q=0.9"})
    assert headline in korean.text and korean.headers["X-Cache-Status"] == "HIT"

    proc = stack["proc"]
    tree = descendants(proc.pid)
    assert len(tree) >= 5  # uvicorn + 2 workers, nginx master + worker, the scheduler
    proc.send_signal(signal.SIGINT)  # what Ctrl-C in the terminal sends
    assert proc.wait(timeout=40) == 0, stack["log"].read_text()[-2000:]
    wait_until(lambda: not any(alive(pid) for pid in tree), "every process gone", timeout=10)
    with pytest.raises(OSError):
        http(base + "/", timeout=2)
