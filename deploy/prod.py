#!/usr/bin/env python3
"""`make prod`: the production stack of deploy/README.md on this machine, in one terminal.

nginx with the front cache on 127.0.0.1:8080 (plain HTTP on loopback; TLS is the real host's job), N
uvicorn workers under production settings, PostgreSQL and Redis (started when down), the scheduler,
migrate + collectstatic first, the dictionary's table of readings written beside the running site.
Ctrl-C (or SIGTERM) stops everything it started, in reverse order.

Configuration comes from the environment as in production; for a local run the missing pieces get local
defaults, and SECRET_KEY, when not given, is generated once into the data folder (mode 600).
Only the standard library: it runs before anything else is known to work.

  python deploy/prod.py [--listen 127.0.0.1:8080] [--purge-port 8081] [--port 8000] [--workers N]
                        [--data-dir data/prod] [--demo-content]
"""

import argparse
import os
import secrets
import shutil
import signal
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
LOOPBACK = ("127.0.0.1", "localhost", "::1")
# The scheduler: one command run every SCHEDULER_SECONDS. Wagtail's publish_scheduled publishes and
# unpublishes pages whose go-live/expiry time has come. A long-running scheduler process replaces it by
# setting PROD_SCHEDULER_COMMAND (run once, kept running) - the hook for scheduled publishing.
# manage.py scheduler: publish_scheduled every 30 s under a site-wide lock (one per site, however many run).
SCHEDULER_COMMAND = [PYTHON, "manage.py", "scheduler", "--interval", "30"]


def main(argv=None):
    args = parse_args(argv)
    if args.scheduler_loop:
        return scheduler_loop()
    stack = Stack(args)
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, stack.on_signal)
    try:
        stack.run()
    except (Stop, KeyboardInterrupt):
        pass
    except Failed as why:
        print(f"[prod] {why}", file=sys.stderr, flush=True)
        stack.returncode = 1
    finally:
        stack.stop_all()
    return stack.returncode


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--listen", default=os.environ.get("PROD_LISTEN", "127.0.0.1:8080"))
    p.add_argument("--purge-port", type=int, default=int(os.environ.get("PROD_PURGE_PORT", "8081")))
    p.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PROD_UPSTREAM_PORT", "8000")),
        help="uvicorn's loopback port behind nginx",
    )
    p.add_argument(
        "--workers", type=int, default=int(os.environ.get("WORKERS", "0")) or os.cpu_count()
    )
    p.add_argument(
        "--data-dir", default=os.environ.get("BROADSHEET_DATA_DIR", str(ROOT / "data" / "prod"))
    )
    p.add_argument(
        "--demo-content",
        action="store_true",
        default=os.environ.get("DEMO") == "1",
        help="load the demo (idempotent) after migrating",
    )
    p.add_argument("--scheduler-loop", action="store_true", help=argparse.SUPPRESS)
    return p.parse_args(argv)


class Stop(Exception):
    pass


class Failed(Exception):
    pass


class Stack:
    def __init__(self, args):
        self.args = args
        self.data = Path(args.data_dir).resolve()
        self.run_dir = self.data / "nginx"
        self.children = []  # (name, Popen), in start order
        self.jobs = set()  # names of children that finish on their own (a clean exit is no failure)
        self.returncode = 0
        self.stopping = False

    def on_signal(self, signum, frame):
        if not self.stopping:
            raise Stop()

    # --- the whole run -------------------------------------------------------------------------
    def run(self):
        self.began = time.monotonic()
        self.data.mkdir(parents=True, exist_ok=True)
        self.env = self.environment()
        self.ensure_postgres(self.env["DATABASE_URL"])
        self.ensure_redis(self.env["REDIS_URL"])
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("collectstatic", "--noinput", "-v", "0")
        blocked = unreachable_folder(ROOT / "static_collected")
        if blocked is not None:
            raise Failed(
                f"nginx's workers cannot enter {blocked} (only its owner may), so every static file "
                f"would answer 403: allow others in (chmod o+x {blocked}) or run from a folder they can read"
            )
        if self.args.demo_content:
            self.manage("demo_content")
        # The readings a worker's first lookups read (deploy/README.md step 2): written at low priority
        # while the site already serves (workers look for the file every 30 s; until then they work each
        # reading out), and nothing to do when the current table exists.
        self.start_job(
            "dictionary table", ["nice", "-n", "10", PYTHON, "manage.py", "dictionary_table"]
        )
        self.start(
            "uvicorn",
            [
                str(ROOT / ".venv" / "bin" / "uvicorn"),
                "broadsheet.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.args.port),
                "--workers",
                str(self.args.workers),
                "--loop",
                "uvloop",
                "--http",
                "httptools",
                "--no-access-log",
                "--proxy-headers",
                "--forwarded-allow-ips",
                "127.0.0.1",
                "--backlog",
                "4096",
            ],
        )
        self.wait_http(f"http://127.0.0.1:{self.args.port}/", "uvicorn")
        self.start(
            "nginx",
            [
                "nginx",
                "-p",
                str(self.run_dir),
                "-c",
                str(self.write_nginx_conf()),
                "-e",
                str(self.run_dir / "nginx-error.log"),
            ],
        )
        self.start("scheduler", [PYTHON, str(Path(__file__).resolve()), "--scheduler-loop"])
        self.wait_http(f"http://{self.args.listen}/", "nginx")
        print(
            f"[prod] Broadsheet is up at http://{self.args.listen}/ in {time.monotonic() - self.began:.0f} s "
            f"({self.args.workers} workers, "
            f"front-cache purges via 127.0.0.1:{self.args.purge_port}). Ctrl-C stops everything.",
            flush=True,
        )
        while True:
            self.check_children("; stopping the rest")
            time.sleep(0.5)

    # --- configuration ---------------------------------------------------------------------------
    def environment(self):
        env = dict(os.environ)
        public = f"http://{self.args.listen}"
        env["DJANGO_SETTINGS_MODULE"] = (
            "broadsheet.settings.production"  # what deploy/ describes, always
        )
        env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/broadsheet")
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
        env.setdefault("ALLOWED_HOSTS", f"{self.args.listen.rsplit(':', 1)[0]},localhost,127.0.0.1")
        env.setdefault("CSRF_TRUSTED_ORIGINS", public)
        env.setdefault("WAGTAILADMIN_BASE_URL", public)
        env.setdefault(
            "INSECURE_COOKIES", "1"
        )  # plain HTTP on loopback: Secure cookies would never come back
        env.setdefault(
            "SECURE_SSL_REDIRECT", "0"
        )  # likewise: no TLS here to redirect to (the real host has it)
        env.setdefault("SECURE_HSTS_SECONDS", "0")  # and no HSTS promise for a loopback address
        env.setdefault(
            "BROADSHEET_CANONICAL_URL", public
        )  # every absolute link names this stack's address
        env.setdefault("FRONTEND_CACHE_NGINX_URL", f"http://127.0.0.1:{self.args.purge_port}")
        env["BROADSHEET_DATA_DIR"] = str(self.data)
        env.setdefault("SECRET_KEY", self.secret_key())
        env["PYTHONPATH"] = str(ROOT)
        return env

    def secret_key(self):
        path = self.data / "secret_key"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(64))
        return path.read_text().strip()

    def write_nginx_conf(self):
        return write_nginx_conf(
            self.run_dir,
            listen=self.args.listen,
            purge_port=self.args.purge_port,
            upstream_port=self.args.port,
        )

    # --- services --------------------------------------------------------------------------------
    def ensure_postgres(self, url):
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", str(parts.port or 5432)
        ready = ["pg_isready", "-q", "-h", host, "-p", port]
        if subprocess.run(ready).returncode != 0:
            if host not in LOOPBACK:
                raise Failed(f"PostgreSQL at {host}:{port} is not answering")
            version = sorted(os.listdir("/etc/postgresql"))[-1]
            print(f"[prod] starting PostgreSQL {version}/main", flush=True)
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"], check=True
            )
            self.started_postgres = (version, "main")
            self.wait(lambda: subprocess.run(ready).returncode == 0, "PostgreSQL")
        name = parts.path.lstrip("/")
        user = ["-U", parts.username or "postgres"]
        psql = ["psql", "-h", host, "-p", port, *user, "-d", "postgres", "-tAc"]
        exists = subprocess.run(
            [*psql, f"SELECT 1 FROM pg_database WHERE datname = '{name}'"],
            capture_output=True,
            text=True,
            env={**os.environ, "PGPASSWORD": parts.password or ""},
        )
        if exists.stdout.strip() != "1":
            print(f"[prod] creating database {name}", flush=True)
            subprocess.run(
                ["createdb", "-h", host, "-p", port, *user, name],
                check=True,
                env={**os.environ, "PGPASSWORD": parts.password or ""},
            )

    def ensure_redis(self, url):
        parts = urlsplit(url)
        host, port = parts.hostname or "127.0.0.1", str(parts.port or 6379)
        ping = ["redis-cli", "-h", host, "-p", port, "ping"]
        if subprocess.run(ping, capture_output=True).returncode == 0:
            return
        if host not in LOOPBACK:
            raise Failed(f"Redis at {host}:{port} is not answering")
        print(f"[prod] starting Redis on {host}:{port}", flush=True)
        self.start(
            "redis",
            [
                "redis-server",
                "--bind",
                host,
                "--port",
                port,
                "--save",
                "",
                "--appendonly",
                "no",
                "--maxmemory",
                "256mb",
                "--maxmemory-policy",
                "volatile-lru",
            ],
        )
        self.wait(lambda: subprocess.run(ping, capture_output=True).returncode == 0, "Redis")

    def manage(self, *command):
        print(
            f"[prod] manage.py {' '.join(command)} ({time.monotonic() - self.began:.0f} s)",
            flush=True,
        )
        # nginx is not up yet and its cache starts empty: nothing to purge while setting up.
        env = {k: v for k, v in self.env.items() if k != "FRONTEND_CACHE_NGINX_URL"}
        done = subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env)
        if done.returncode:
            raise Failed(f"manage.py {command[0]} failed ({done.returncode})")

    # --- processes -------------------------------------------------------------------------------
    def start(self, name, argv):
        proc = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=getattr(self, "env", None),
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        self.children.append((name, proc))
        return proc

    def start_job(self, name, argv):
        self.jobs.add(name)
        return self.start(name, argv)

    def check_children(self, then=""):
        """Fail when a process of the stack has exited; a job that finished is dropped (with a warning when
        it failed: the site serves without it)."""
        for name, proc in list(self.children):
            if proc.poll() is None:
                continue
            if name not in self.jobs:
                raise Failed(f"{name} exited with {proc.returncode}{then}")
            self.children.remove((name, proc))
            if proc.returncode:
                print(f"[prod] warning: {name} failed ({proc.returncode})", flush=True)

    def wait(self, ready, what, timeout=60):
        deadline = time.monotonic() + timeout
        while not ready():
            if time.monotonic() > deadline:
                raise Failed(f"{what} did not come up within {timeout} s")
            time.sleep(0.2)

    def wait_http(self, url, what):
        def answers():
            self.check_children()
            try:
                with urllib.request.urlopen(url, timeout=5):
                    return True
            except urllib.error.HTTPError:
                return True  # any HTTP answer means it is serving
            except OSError:
                return False

        self.wait(answers, what, timeout=120)

    def stop_all(self):
        self.stopping = True
        for name, proc in reversed(self.children):
            if proc.poll() is None:
                print(f"[prod] stopping {name}", flush=True)
                _signal_group(proc, signal.SIGTERM)
        for _name, proc in reversed(self.children):
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                _signal_group(proc, signal.SIGKILL)
                proc.wait()
            _signal_group(proc, signal.SIGKILL)  # anything its group left behind
        if getattr(self, "started_postgres", None):
            print("[prod] stopping PostgreSQL (this run started it)", flush=True)
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", *self.started_postgres, "stop"]
            )
        print("[prod] stopped", flush=True)


NGINX_DIRS = ("cache", "client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def unreachable_folder(path, top=Path("/")):
    """The first folder from `top` down to `path` that other users (nginx's workers) cannot enter, or None."""
    for folder in [*reversed(path.parents), path]:
        if folder.is_relative_to(top) and not folder.stat().st_mode & stat.S_IXOTH:
            return folder
    return None


def write_nginx_conf(run_dir, *, static_root=ROOT / "static_collected", **ports):
    """nginx.conf for `make prod` in run_dir, checked by `nginx -t` (bench/part_frontcache.py uses it too)."""
    # A cache left by an earlier run may hold pages published since: start empty.
    shutil.rmtree(run_dir / "cache", ignore_errors=True)
    for sub in NGINX_DIRS:
        (run_dir / sub).mkdir(parents=True, exist_ok=True)
    user = ""
    if (
        os.geteuid() == 0
    ):  # nginx's workers drop to www-data; they write only the cache and temp dirs
        user = "user www-data;"
        for sub in NGINX_DIRS:
            shutil.chown(run_dir / sub, "www-data")
    conf = run_dir / "nginx.conf"
    conf.write_text(nginx_conf(run_dir, user=user, static_root=static_root, **ports))
    check = subprocess.run(
        [
            "nginx",
            "-t",
            "-q",
            "-p",
            str(run_dir),
            "-c",
            str(conf),
            "-e",
            str(run_dir / "nginx-error.log"),
        ],
        capture_output=True,
        text=True,
    )
    if check.returncode:
        raise Failed(f"nginx refused {conf}: {check.stderr.strip()}")
    return conf


def nginx_conf(run_dir, *, listen, purge_port, upstream_port, user, static_root):
    """deploy/nginx-local.conf.in filled in."""
    host = listen.rsplit(":", 1)[0]
    values = {
        "USER": user,
        "NGINX_WORKERS": "1",
        "RUN": str(run_dir),
        "LISTEN": listen,
        "PURGE_LISTEN": f"127.0.0.1:{purge_port}",
        "UPSTREAMS": f"server 127.0.0.1:{upstream_port};",
        "CANONICAL_HOST": listen if host != "0.0.0.0" else "localhost",
        "STATIC_ROOT": str(static_root),
    }
    text = (ROOT / "deploy" / "nginx-local.conf.in").read_text()
    for name, value in values.items():
        text = text.replace(f"@{name}@", value)
    return text


def _signal_group(proc, sig):
    try:
        os.killpg(proc.pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _die_with_parent():
    """Children get SIGTERM if this supervisor dies without cleaning up (Linux prctl PR_SET_PDEATHSIG)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)
    except OSError:
        pass


def scheduler_loop():
    command = os.environ.get("PROD_SCHEDULER_COMMAND")
    if command:
        os.execvp("sh", ["sh", "-c", command])
    os.chdir(ROOT)
    os.execvp(SCHEDULER_COMMAND[0], SCHEDULER_COMMAND)


if __name__ == "__main__":
    sys.exit(main())
