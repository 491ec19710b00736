#!/usr/bin/env python3
"""Broadsheet's bench: `bench/run.py [article] [comments] [fanout] [dictionary] [frontcache] [discovery]
[archive] [precision]` (the first five by default; the others by name).

Serves the app in its production configuration on loopback (PostgreSQL + Redis), the server pinned to
one core and wrk to the other, measures the peers in the same run and writes bench/results.md.
Durations: BENCH_DURATION (10s), BENCH_WARMUP (3s), BENCH_CONNECTIONS (16,64). Work folder:
BENCH_WORK_DIR (/tmp/bs-bench). Everything it starts is stopped on exit, failure included.
"""

import fcntl
import os
import resource
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import procs
from context import Context, NotMeasured

PARTS = (
    "article",
    "comments",
    "fanout",
    "dictionary",
    "frontcache",
    "discovery",
    "archive",
    "precision",
)
DEFAULT_PARTS = PARTS[
    :5
]  # discovery and archive build large archives; precision measures no load: asked for by name
TITLES = {
    "article": "Article page (anonymous reader)",
    "comments": "Comments: post and list, Broadsheet and Isso",
    "fanout": "Live comments: fan-out to SSE readers",
    "dictionary": "Dictionary lookups",
    "frontcache": "Behind the front cache (make prod's nginx)",
    "discovery": "Discovery: search and section fronts over a generated archive",
    "precision": "Dictionary precision (issue 17)",
    "archive": "Archive migration",
}
SETTINGS_NOTE = (
    "production settings + PostgreSQL + Redis, 1 uvicorn worker (uvloop, httptools) on core "
    f"{procs.SERVER_CPU}, wrk on core {procs.CLIENT_CPU}; comment rate limits raised and new commenters not held "
    "for the bench; Isso with its guard off"
)


def raise_open_files():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def run_part(name, ctx):
    module = __import__(f"part_{name}")
    started = time.monotonic()
    try:
        result = module.run(ctx)
    except NotMeasured as why:
        result = {"title": TITLES[name], "not_measured": str(why)}
    except Exception as error:  # one broken part must not lose the others' figures
        traceback.print_exc()
        result = {"title": TITLES[name], "not_measured": f"{type(error).__name__}: {error}"}
    finally:
        ctx.processes.stop_all()
    print(f"[bench] {name} done in {time.monotonic() - started:.0f}s", flush=True)
    from report import section

    print("\n".join(section(result)), flush=True)
    return result


def one_run_at_a_time(work_dir):
    """Two runs would share the database, the Redis prefix and the ports: the second one waits."""
    lock = open(os.path.join(work_dir, "bench.lock"), "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        print("[bench] another bench run holds the lock; waiting for it to finish", flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)
    return lock


def main(argv):
    chosen = argv or list(DEFAULT_PARTS)
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        sys.exit(f"unknown part(s) {unknown}; choose from {', '.join(PARTS)}")
    raise_open_files()
    work_dir = os.environ.get("BENCH_WORK_DIR", "/tmp/bs-bench")
    os.makedirs(os.path.join(work_dir, "logs"), exist_ok=True)
    lock = one_run_at_a_time(work_dir)  # noqa: F841  (held until the process ends)
    processes = procs.Processes(os.path.join(work_dir, "logs"))
    ctx = Context(work_dir, processes)
    try:
        results = [run_part(name, ctx) for name in chosen]
    finally:
        processes.stop_all()
    from report import write

    print(write(results, SETTINGS_NOTE))


if __name__ == "__main__":
    main(sys.argv[1:])
