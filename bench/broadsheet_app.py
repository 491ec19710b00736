"""Broadsheet in its production configuration on loopback: PostgreSQL bs_bench, Redis, demo content."""

import json
import os
import sys

import procs

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH_DIR)
PY = os.path.join(ROOT, ".venv", "bin", "python")
UVICORN = os.path.join(ROOT, ".venv", "bin", "uvicorn")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
DB_NAME = os.environ.get("BENCH_DB", "bs_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
PREFIX = "bs-bench"
RAISED_LIMIT = "100000000/60"


def env(data_dir, **extra):
    return {
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": os.pathsep.join([BENCH_DIR, ROOT]),
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": PREFIX,
        "INSECURE_COOKIES": "1",
        "SECURE_SSL_REDIRECT": "0",  # plain HTTP on loopback, as make prod
        "COMMENTS_RATE_LIMIT_USER": RAISED_LIMIT,
        "COMMENTS_RATE_LIMIT_IP": RAISED_LIMIT,
        "COMMENTS_TRUSTED_AFTER": "0",
        "BROADSHEET_DATA_DIR": data_dir,
        "BENCH_STATIC_ROOT": os.path.join(data_dir, "static"),
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def recreate_database():
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def flush_redis():
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(match=f"{PREFIX}*", count=1000):
        client.delete(key)
    client.close()


def prepare(data_dir, log):
    """A fresh database with the demo newspaper; returns the article list and a signed-in reader.
    BENCH_REUSE_DB=1 keeps the previous run's database (quicker while working on the bench)."""
    e = env(data_dir)
    manage = [PY, os.path.join(ROOT, "manage.py")]
    flush_redis()
    procs.run_checked([*manage, "collectstatic", "--noinput", "-v", "0"], env=e, log=log)
    if os.environ.get("BENCH_REUSE_DB") != "1":
        recreate_database()
        procs.run_checked([*manage, "migrate", "--noinput"], env=e, log=log)
        procs.run_checked([*manage, "demo_content"], env=e, log=log)
    procs.run_checked(
        [*manage, "dictionary_table"], env=e, log=log
    )  # a deploy step (does nothing when current)
    return json.loads(
        procs.run_checked([PY, os.path.join(BENCH_DIR, "site_setup.py")], env=e, log=log)
    )


def start(
    processes, data_dir, port, *, workers=1, cpu=procs.SERVER_CPU, name="broadsheet", **extra_env
):
    argv = [
        UVICORN,
        "broadsheet.asgi:application",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--loop",
        "uvloop",
        "--http",
        "httptools",
        "--no-access-log",
        "--log-level",
        "warning",
        "--backlog",
        "4096",
    ]
    proc = processes.start(name, argv, env=env(data_dir, **extra_env), cwd=ROOT, cpu=cpu)
    procs.wait_http(
        f"http://127.0.0.1:{port}/",
        proc=proc,
        timeout=int(os.environ.get("BENCH_START_TIMEOUT", "90")),
    )
    return proc


def comment_count(info, thread_key):
    import psycopg

    with psycopg.connect(f"{PG}/{DB_NAME}") as conn:
        sql = (
            f'SELECT count(*) FROM "{info["comment_table"]}" c JOIN "{info["thread_table"]}" t '
            "ON t.id = c.thread_id WHERE t.key = %s"
        )
        return conn.execute(sql, (thread_key,)).fetchone()[0]


def duplicated_comments(info, thread_key):
    """Rows beyond the first with the same text in the thread: every posted body is distinct, so any is a
    comment stored twice."""
    import psycopg

    with psycopg.connect(f"{PG}/{DB_NAME}") as conn:
        sql = (
            f'SELECT count(*) - count(DISTINCT c.body) FROM "{info["comment_table"]}" c '
            f'JOIN "{info["thread_table"]}" t ON t.id = c.thread_id WHERE t.key = %s'
        )
        return conn.execute(sql, (thread_key,)).fetchone()[0]


if __name__ == "__main__":
    sys.exit("import this module from run.py")
