"""Archive migration: generate N stories (BENCH_ARCHIVE_N, default 100,000), import them into PostgreSQL
with --jobs 2, import again (all unchanged); peak RSS per process, database size; the peer is Wagtail's
plain per-article path (archive_peer.py) on the first BENCH_ARCHIVE_PEER_N (1,000) files."""

import os
import re
import subprocess
import time

import broadsheet_app
from broadsheet_app import PY, ROOT, env
from context import NotMeasured

N = int(os.environ.get("BENCH_ARCHIVE_N", "100000"))
PEER_N = int(os.environ.get("BENCH_ARCHIVE_PEER_N", "1000"))
DB = f"{broadsheet_app.DB_NAME}_archive"  # follows BENCH_DB, so two benches never share a database
SUMMARY = re.compile(r"created (\d+), updated (\d+), unchanged (\d+), failed (\d+) in ([\d.]+)s")


def recreate(name):
    import psycopg

    with psycopg.connect(f"{broadsheet_app.PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def db_size_mb(name):
    import psycopg

    with psycopg.connect(f"{broadsheet_app.PG}/postgres") as conn:
        return conn.execute("SELECT pg_database_size(%s)", [name]).fetchone()[0] / 1e6


def manage(ctx, *args, db=DB, timeout=6 * 3600):
    e = {**os.environ, **env(ctx.data_dir, DATABASE_URL=f"{broadsheet_app.PG}/{db}")}
    started = time.monotonic()
    result = subprocess.run(
        [PY, os.path.join(ROOT, "manage.py"), *args],
        env=e,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
    )
    with open(ctx.log, "a") as f:
        f.write(f"$ manage.py {' '.join(args)}\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}\n")
    return result, time.monotonic() - started


def import_run(ctx, folder):
    result, wall = manage(ctx, "import_article", folder, "--jobs", "2", "-v", "0")
    match = SUMMARY.search(result.stdout)
    if not match:
        raise NotMeasured(
            f"import_article printed no summary: {(result.stderr or result.stdout)[-300:]}"
        )
    created, updated, unchanged, failed, seconds = match.groups()
    rss = re.search(r"peak RSS: (.*)", result.stdout)
    return {
        "created": int(created),
        "updated": int(updated),
        "unchanged": int(unchanged),
        "failed": int(failed),
        "seconds": float(seconds),
        "wall": wall,
        "rss": rss[1] if rss else "?",
    }


def run(ctx):
    folder = os.path.join(ctx.work_dir, f"archive-{N}")
    if not os.path.isdir(folder):
        result, _ = manage(ctx, "make_archive", str(N), folder)
        if result.returncode:
            raise NotMeasured(f"make_archive failed: {result.stderr[-300:]}")
    recreate(DB)
    manage(ctx, "migrate", "--noinput", "-v", "0")
    first = import_run(ctx, folder)
    again = import_run(ctx, folder)
    size = db_size_mb(DB)
    files = sorted(
        os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if f.startswith("story-")
    )[:PEER_N]
    recreate(DB + "_peer")
    manage(ctx, "migrate", "--noinput", "-v", "0", db=DB + "_peer")
    e = {**os.environ, **env(ctx.data_dir, DATABASE_URL=f"{broadsheet_app.PG}/{DB}_peer")}
    started = time.monotonic()
    peer = subprocess.run(
        [PY, os.path.join(ROOT, "bench", "archive_peer.py"), *files],
        env=e,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=6 * 3600,
    )
    peer_seconds = time.monotonic() - started
    peer_written = int((peer.stdout.strip().splitlines() or ["0"])[-1])
    stories = first["created"]
    rate = (first["created"] + first["updated"]) / first["seconds"]
    rerun_rate = (again["unchanged"] + again["failed"]) / again["seconds"]
    peer_rate = len(files) / peer_seconds
    table = [
        "| Run | files written | unchanged | failed | seconds | files/s | peak RSS |",
        "|---|---:|---:|---:|---:|---:|---|",
        f"| first import, --jobs 2 | {first['created'] + first['updated']:,} | "
        f"{first['unchanged']:,} | {first['failed']:,} | "
        f"{first['seconds']:.0f} | {rate:.1f} | {first['rss']} |",
        f"| same archive again | 0 | {again['unchanged']:,} | {again['failed']:,} | {again['seconds']:.0f} | "
        f"{rerun_rate:.1f} | {again['rss']} |",
        f"| peer: Wagtail add_child + save_revision().publish(), first {len(files):,} files | "
        f"{peer_written:,} | – | – | "
        f"{peer_seconds:.0f} | {peer_rate:.1f} | – |",
    ]
    return {
        "title": f"Archive migration: {N:,} generated stories into PostgreSQL",
        "tables": [table],
        "ratios": [
            f"first run {rate:.1f} files/s (target ≥ 56 articles/s)",
            f"re-run {again['seconds']:.0f} s vs first "
            f"{first['seconds']:.0f} s: {first['seconds'] / again['seconds']:.1f}× faster (target ≥ 10×)",
            f"{rate / peer_rate:.1f}× the per-article path (target ≥ 20×)",
        ],
        "notes": [
            f"{stories:,} articles from {first['created'] + first['updated'] + first['failed']:,} files (text dumps, "
            "HTML pages, the two formats of one story being one article); database size after both runs "
            f"{size:,.0f} MB. Files/s counts both formats of a story; articles/s is created ÷ seconds = "
            f"{stories / first['seconds']:.1f}."
        ],
    }
