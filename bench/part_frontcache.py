"""Behind the front cache: the article through `make prod`'s nginx (deploy/nginx-local.conf.in, proxy_cache)
against nginx serving the same HTML as a static file, in the same run; then a mixed load through that
nginx (95% article reads, 4% comment-list reads, 1% comment posts) with live-comment readers connected."""

import json
import os
import signal
import sys
import time
from pathlib import Path

import broadsheet_app
import peers
import procs
import wrk
from context import PORTS, NotMeasured, fetch
from part_article import _pick_article

sys.path.insert(0, os.path.join(broadsheet_app.ROOT, "deploy"))
import prod

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
WORKERS = int(os.environ.get("BENCH_FRONTCACHE_WORKERS", "2"))
SSE_READERS = int(os.environ.get("BENCH_FRONTCACHE_SSE", "200"))
TITLE = "Behind the front cache (make prod's nginx)"


def run(ctx):
    site = ctx.site
    front, purge = PORTS["frontcache"], PORTS["frontcache_purge"]
    # No dictionary warm-up: nothing here looks a word up, and it only delays the workers' start.
    ctx.start_broadsheet(
        workers=WORKERS,
        name="broadsheet-frontcache",
        WORKER_WARM_UP="0",
        FRONTEND_CACHE_NGINX_URL=f"http://127.0.0.1:{purge}",
    )
    run_dir = Path(ctx.work_dir) / "frontcache"
    conf = prod.write_nginx_conf(
        run_dir,
        listen=f"127.0.0.1:{front}",
        purge_port=purge,
        upstream_port=PORTS["broadsheet"],
        static_root=os.path.join(ctx.data_dir, "static"),
    )
    nginx = ctx.processes.start(
        "nginx-frontcache",
        ["nginx", "-p", str(run_dir), "-c", str(conf), "-e", str(run_dir / "nginx-error.log")],
    )
    base = f"http://127.0.0.1:{front}"
    procs.wait_http(base + "/", proc=nginx)
    article, html = _pick_article(base, site["articles"])
    url = base + article["url"]
    fetch(url)
    status = {k.lower(): v for k, v in fetch(url)[1].items()}.get("x-cache-status")
    if status != "HIT":
        raise NotMeasured(
            f"nginx's front cache did not answer HIT after two requests (X-Cache-Status: {status})"
        )
    rows = [("nginx front cache hit (make prod's proxy_cache)", wrk.series(url))]
    static, static_url = peers.start_nginx(ctx.processes, ctx.work_dir, PORTS["nginx"], html)
    rows.append(("nginx, the same HTML as a static file", wrk.series(static_url)))
    ctx.stop(static)
    mixed_rows, mixed_table, mixed_ok = _mixed(ctx, site, base, article)
    rows += mixed_rows
    ctx.stop(nginx)
    return {
        "title": TITLE,
        "rows": rows,
        "tables": [mixed_table],
        "ratios": _ratios(rows) + mixed_ok,
        "notes": [
            f"{WORKERS} uvicorn workers and nginx (1 worker process) on core {procs.SERVER_CPU}, wrk on "
            f"core {procs.CLIENT_CPU}; article {article['url']}: {len(html):,} bytes of HTML.",
            "Mixed load: one wrk run with bench/lua/mixed_frontcache.lua (every 100 requests: 95 article "
            "reads, 4 anonymous comment-list reads, 1 signed-in post); its p99 covers all three kinds "
            "(posts included), so the reads' own p99 is at most that.",
        ],
    }


def _mixed(ctx, site, base, article):
    key = f"article-{article['id']}"
    hold_log = os.path.join(ctx.work_dir, "logs", "sse-hold.log")
    open(hold_log, "w").close()
    hold = ctx.processes.start(
        "sse-hold",
        [
            sys.executable,
            os.path.join(BENCH_DIR, "sse_hold.py"),
            "--port",
            str(PORTS["frontcache"]),
            "--key",
            key,
            "--readers",
            str(SSE_READERS),
        ],
        cpu=procs.CLIENT_CPU,
    )
    deadline = time.monotonic() + 60
    while "connected" not in open(hold_log).read():
        if time.monotonic() > deadline or hold.poll() is not None:
            raise NotMeasured(f"the {SSE_READERS} live readers did not connect (see {hold_log})")
        time.sleep(0.2)
    script = os.path.join(BENCH_DIR, "lua", "mixed_frontcache.lua")
    list_path = f"/api/comments/threads/{key}/comments"
    nonce = str(int(time.time() * 1000))
    rows, table, ok = (
        [],
        [
            "| conns | reads | list reads | posts sent | posts acknowledged (201) | HTTP ≥ 400 | "
            "rows stored | acknowledged but not stored |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ],
        [],
    )
    for c in wrk.CONNECTIONS:
        before = broadsheet_app.comment_count(site, key)
        result = wrk.run(
            base + article["url"],
            connections=c,
            script=script,
            script_args=[
                article["url"],
                list_path,
                site["sessionid"],
                site["csrftoken"],
                f"{nonce}-{c}",
            ],
        )
        time.sleep(1)  # posts still in flight when wrk stopped
        stored = broadsheet_app.comment_count(site, key) - before
        counts = dict(part.split("=") for part in result.raw.split("MIXED", 1)[1].split())
        reads, lists, posts, bad, created = (
            int(counts[k]) for k in ("reads", "lists", "posts", "bad", "created")
        )
        table.append(
            f"| {c} | {reads:,} | {lists:,} | {posts:,} | {created:,} | {bad:,} | {stored:,} | "
            f"{max(0, created - stored):,} |"
        )
        rows.append((f"mixed load via nginx, {SSE_READERS} live readers connected", [result]))
        met = result.p99_ms <= 100 and result.errors == 0 and bad == 0
        ok.append(
            f"mixed load at {c} connections: p99 {result.p99_ms:.1f} ms, {result.errors + bad} errors "
            f"(target p99 ≤ 100 ms, 0 errors): {'met' if met else 'NOT met'}"
        )
    os.killpg(hold.pid, signal.SIGTERM)
    hold.wait(timeout=10)
    final = open(hold_log).read().strip().splitlines()[-1]
    live = json.loads(final) if final.startswith("{") else {}
    ok.append(
        f"live readers: {live.get('connected', '?')} connected, {live.get('open', '?')} still open at the end, "
        f"{live.get('events', '?')} comment events received"
    )
    return rows, table, ok


def _ratios(rows):
    by = dict(rows)
    hit, static = (
        by["nginx front cache hit (make prod's proxy_cache)"],
        by["nginx, the same HTML as a static file"],
    )
    return [
        f"{h.connections} connections: front-cache hit = {wrk.ratio(h.rps, s.rps)} nginx static "
        f"(target ≥ 0.8×): {'met' if s.rps and h.rps / s.rps >= 0.8 else 'NOT met'}"
        for h, s in zip(hit, static, strict=False)
    ]
