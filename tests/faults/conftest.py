"""The fault suite's own services: a Redis server and a PostgreSQL cluster on ports of their own (so the
shared 6379/5432 are never stopped), the demo newspaper on them, and two uvicorn workers in production
settings. Load helpers record every answer for the figures in bench/results.md (section "faults").

FAULTS_PG_CLUSTER names the cluster (created once with pg_createcluster, trust auth on loopback, kept
between runs so a rerun skips the migrations; stopped at the end).
"""

import json
import os
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest

from tests.stack import PYTHON, ROOT, alive, descendants, free_port, http, stop_group, wait_until

CLUSTER = os.environ.get("FAULTS_PG_CLUSTER", "bsfaults")
LOCAL_MAX_BYTES = 4 * 1024 * 1024
RESULTS = Path(os.environ.get("FAULTS_RESULTS", "/tmp/bs-faults-results.json"))


def _pg_version():
    return sorted(os.listdir("/etc/postgresql"), key=int)[-1]


class Cluster:
    def __init__(self):
        self.version = _pg_version()
        listed = subprocess.run(
            ["pg_lsclusters", "-h"], capture_output=True, text=True
        ).stdout.split("\n")
        mine = [line.split() for line in listed if line.split()[:2] == [self.version, CLUSTER]]
        if not mine:
            port = free_port()
            subprocess.run(
                ["pg_createcluster", "-p", str(port), self.version, CLUSTER, "--", "--auth=trust"],
                check=True,
                capture_output=True,
            )
            self.port = port
        else:
            self.port = int(mine[0][2])

    def ctl(self, action, *extra):
        subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", self.version, CLUSTER, action, *extra],
            check=action != "stop",
            capture_output=True,
        )

    def ready(self):
        return (
            subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(self.port)]).returncode
            == 0
        )

    def url(self, name):
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"


class OwnRedis:
    def __init__(self, log_dir):
        self.port = free_port()
        self.log = log_dir / "redis.log"
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--maxmemory",
                "128mb",
                "--maxmemory-policy",
                "volatile-lru",
            ],
            stdout=open(self.log, "ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(
            lambda: (
                subprocess.run(
                    ["redis-cli", "-p", str(self.port), "ping"], capture_output=True
                ).returncode
                == 0
            ),
            "redis up",
            timeout=10,
            every=0.1,
        )

    def stop(self):
        stop_group(self.proc)

    def info_memory(self):
        out = subprocess.run(
            ["redis-cli", "-p", str(self.port), "info", "memory"], capture_output=True, text=True
        ).stdout
        return int(
            next(line.split(":")[1] for line in out.splitlines() if line.startswith("used_memory:"))
        )

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"


class Site:
    """The demo newspaper served by two uvicorn workers over the cluster and the own Redis."""

    def __init__(self, cluster, redis, work):
        self.cluster, self.redis, self.work = cluster, redis, work
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **{k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)},
            "DJANGO_SETTINGS_MODULE": "broadsheet.settings.production",
            "PYTHONPATH": str(ROOT),
            "SECRET_KEY": "faults-only-" + uuid.uuid4().hex * 2,
            "DATABASE_URL": cluster.url("bs_faults"),
            "REDIS_URL": redis.url,
            "ALLOWED_HOSTS": "127.0.0.1",
            "INSECURE_COOKIES": "1",
            "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback
            # Thousands of posts from a few readers in seconds: the limits would refuse them as spam.
            "COMMENTS_RATE_LIMIT_USER": "100000000/60",
            "COMMENTS_RATE_LIMIT_IP": "100000000/60",
            "COMMENTS_TRUSTED_AFTER": "0",
            "BROADSHEET_DATA_DIR": str(work),
            "WORKER_WARM_UP": "0",
            "LOG_LEVEL": "CRITICAL",
            "DB_POOL_SIZE": "8",
            # Each worker's copies of cached pages bounded to 4 MB instead of 16, so filling past the bound
            # takes 400 renders instead of 1,500 (test_page_cache_filled...).
            "PAGECACHE_LOCAL_MAX_BYTES": str(LOCAL_MAX_BYTES),
        }
        self.proc = None

    def manage(self, *args):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True
        )

    def prepare(self):
        import psycopg

        with psycopg.connect(self.cluster.url("postgres"), autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'bs_faults'").fetchone():
                conn.execute('CREATE DATABASE "bs_faults"')
        self.manage("migrate", "--noinput", "-v", "0")
        # Production settings serve static files through the manifest: on a fresh machine (no `make
        # prod` run yet) every page would answer 500 for want of it.
        self.manage("collectstatic", "--noinput", "-v", "0")
        self.manage("demo_content")
        done = subprocess.run(
            [PYTHON, str(ROOT / "bench" / "site_setup.py")],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        )
        self.info = json.loads(done.stdout)
        self.article = self.info["articles"][0]
        self.thread = f"article-{self.article['id']}"

    def start(self):
        self.proc = subprocess.Popen(
            [
                str(ROOT / ".venv" / "bin" / "uvicorn"),
                "broadsheet.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--workers",
                "2",
                "--loop",
                "uvloop",
                "--http",
                "httptools",
                "--no-access-log",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=open(self.work / "uvicorn.log", "ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(self._serving, "two workers serving", timeout=120, every=0.5)
        # The first render makes the photos' renditions (seconds on a busy machine): done before any
        # test times its readers.
        for _ in range(2):
            http(self.base + self.article["url"], timeout=180)

    def _serving(self):
        if self.proc.poll() is not None:
            raise AssertionError(f"uvicorn exited with {self.proc.returncode}")
        try:
            return len(self.workers()) == 2 and http(self.base + "/", timeout=5).status == 200
        except OSError:
            return False

    def workers(self):
        return [pid for pid in descendants(self.proc.pid) if alive(pid) and _is_worker(pid)]

    def stop(self):
        tree = descendants(self.proc.pid)
        stop_group(self.proc)
        wait_until(lambda: not any(alive(p) for p in tree), "uvicorn gone", timeout=20)

    # --- requests -----------------------------------------------------------------------------------
    def cookies(self):
        return {"Cookie": f"sessionid={self.info['sessionid']}; csrftoken={self.info['csrftoken']}"}

    def post(self, text, key, timeout=10):
        headers = {
            "Content-Type": "application/json",
            "X-CSRFToken": self.info["csrftoken"],
            "Referer": self.base + "/",
            **self.cookies(),
        }
        data = json.dumps({"body": text, "idempotency_key": key}).encode()
        return http(
            f"{self.base}/api/comments/threads/{self.thread}/comments",
            method="POST",
            headers=headers,
            data=data,
            timeout=timeout,
        )

    def list_comments(self, signed_in=False):
        return http(
            f"{self.base}/api/comments/threads/{self.thread}/comments",
            headers=self.cookies() if signed_in else {},
            timeout=10,
        )

    def stored(self, marker):
        """(comments whose text starts with marker, idempotency keys stored more than once)."""
        import psycopg

        table = self.info["comment_table"]
        with psycopg.connect(self.cluster.url("bs_faults")) as conn:
            keys = [
                r[0]
                for r in conn.execute(
                    f"SELECT idempotency_key FROM {table} WHERE body LIKE %s", [marker + "%"]
                )
            ]
        counts = Counter(keys)
        return keys, sorted(k for k, n in counts.items() if n > 1)


def _is_worker(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return b"spawn_main" in f.read()  # not the resource tracker
    except OSError:
        return False


class Load:
    """Threads sending one kind of request in a loop; every answer's status (or the error) and time kept."""

    def __init__(self):
        self.stop = threading.Event()
        self.results = []  # (kind, started, seconds, status or error name)
        self.threads = []
        self.lock = threading.Lock()

    def run(self, kind, send, threads=1, pause=0.02):
        def loop():
            while not self.stop.is_set():
                started = time.monotonic()
                try:
                    status = send().status
                except OSError as error:
                    status = type(error).__name__
                with self.lock:
                    self.results.append((kind, started, time.monotonic() - started, status))
                time.sleep(pause)

        for _ in range(threads):
            thread = threading.Thread(target=loop, daemon=True)
            thread.start()
            self.threads.append(thread)

    def finish(self):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=30)

    def by_kind(self):
        out = {}
        for kind, _, _, status in self.results:
            out.setdefault(kind, Counter())[str(status)] += 1
        return out


def record(name, figures):
    """Keep a test's figures for bench/results.md (bench/faults_report.py writes the section)."""
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[name] = figures
    RESULTS.write_text(json.dumps(data, indent=1, sort_keys=True))


@pytest.fixture(scope="session")
def faults_site():
    if not Path("/etc/postgresql").is_dir():
        pytest.skip("PostgreSQL's server packages are missing")
    # Kept with the cluster's database between runs: the demo's photos live in its media folder.
    work = Path(tempfile.gettempdir()) / f"bs-{CLUSTER}-data"
    work.mkdir(exist_ok=True)
    cluster = Cluster()
    cluster.ctl("start")
    wait_until(cluster.ready, "the fault cluster up", timeout=30)
    redis = OwnRedis(work)
    redis.start()
    site = Site(cluster, redis, work)
    try:
        site.prepare()
        site.start()
        yield site
    finally:
        if site.proc is not None:
            site.stop()
        redis.stop()
        cluster.ctl("stop")
