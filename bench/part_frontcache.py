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
POST_CONNECTIONS = int(os.environ.get("BENCH_FRONTCACHE_POST_CONNECTIONS", "8"))
POST_SHARE = 0.01  # of all requests; the reads are the other 99%, at 95 article : 4 list
PROBE = "3s"
READS = os.path.join(BENCH_DIR, "lua", "reads_frontcache.lua")
POSTS = os.path.join(BENCH_DIR, "lua", "posts_frontcache.lua")
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
            "Mixed load: two wrk at once, so each kind reports its own latency. The reads "
            "(bench/lua/reads_frontcache.lua: of every 99 requests 95 article reads, 4 anonymous "
            "comment-list reads) run flat out at the connections given; the posts "
            f"(bench/lua/posts_frontcache.lua, {POST_CONNECTIONS} connections, signed in) wait between "
            "posts so that they come to 1% of all requests at the rate the reads reached alone just "
            "before (a 3 s run that is also the warm-up). A post slower than its pause makes the posts "
            "fall short of 1%: the table gives the share reached. The paced run then holds the mix at "
            "1%: each read connection waits after each answer so that the reads come to 99 for each "
            "post at 0.9× the post rate the flat-out run reached (wrk's pauses are whole "
            "milliseconds, so the share lands near 1%, not on it).",
        ],
    }


def _mixed(ctx, site, base, article):
    key = f"article-{article['id']}"
    hold = _hold_live_readers(ctx, key)
    list_path = f"/api/comments/threads/{key}/comments"
    nonce = str(int(time.time() * 1000))
    rows, ok = [], []
    table = [
        "| conns (reads + posts) | article reads | list reads | reads HTTP ≥ 400 | posts sent | posts/s "
        "(share of all requests) | acknowledged (201) | posts HTTP ≥ 400 | rows stored | acknowledged "
        "but not stored | stored, answer still in flight at the end |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for c in wrk.CONNECTIONS:
        reads_args = [article["url"], list_path]
        # The reads alone first (also the warm-up): their rate sets the posts' pace.
        probe = wrk.run(
            base + article["url"],
            connections=c,
            duration=PROBE,
            script=READS,
            script_args=reads_args,
        )
        flat = _mix(base, site, key, list_path, article, c, f"{nonce}-{c}", probe.rps, 0)
        # Then the mix held at 1%: the reads paced down to 99 for each post the posts reached above
        # (a little under it, so the posts keep their pace), the same connections open.
        posts_rate = 0.9 * flat["rate"]
        read_rate = posts_rate * (1 - POST_SHARE) / POST_SHARE
        read_pause = max(1, round(c * 1000 / max(1.0, read_rate)))
        paced = _mix(base, site, key, list_path, article, c, f"{nonce}-{c}p", read_rate, read_pause)
        for run, label in (
            (flat, "reads flat out"),
            (paced, f"reads paced ({read_pause} ms pause)"),
        ):
            table.append(run["line"])
            rows.append(
                (
                    f"mixed load, {label}: the reads (95 article : 4 list), {SSE_READERS} live readers",
                    [run["reading"]],
                )
            )
            rows.append(
                (
                    f"mixed load, {label}: the posts beside them, {POST_CONNECTIONS} connections",
                    [run["posted"]],
                )
            )
            ok.append(f"mixed load at {c} connections, {label}: {run['verdict']}")
    os.killpg(hold.pid, signal.SIGTERM)
    hold.wait(timeout=10)
    final = open(hold.log_path).read().strip().splitlines()[-1]
    live = json.loads(final) if final.startswith("{") else {}
    ok.append(
        f"live readers: {live.get('connected', '?')} connected, {live.get('open', '?')} still open at the end, "
        f"{live.get('events', '?')} comment events received"
    )
    return rows, table, ok


def _mix(base, site, key, list_path, article, c, nonce, read_rate, read_pause):
    """One mixed run: the reads (paced by read_pause ms after each answer, or flat out with 0) and,
    beside them, the posts paced to be 1% of all requests at read_rate reads a second."""
    reads_args = [article["url"], list_path, str(read_pause)]
    posts_per_second = read_rate * POST_SHARE / (1 - POST_SHARE)
    pause_ms = POST_CONNECTIONS * 1000 / max(0.1, posts_per_second)
    before = broadsheet_app.comment_count(site, key)
    posting = wrk.start(
        base + list_path,
        connections=POST_CONNECTIONS,
        script=POSTS,
        script_args=[list_path, site["sessionid"], site["csrftoken"], nonce, f"{pause_ms:.0f}"],
    )
    reading = wrk.run(base + article["url"], connections=c, script=READS, script_args=reads_args)
    posted = wrk.finish(posting, POST_CONNECTIONS)
    time.sleep(2)  # posts still in flight when wrk stopped
    stored = broadsheet_app.comment_count(site, key) - before
    reads, lists, read_bad = _counts(reading, "READS", "reads", "lists", "bad")
    posts, post_bad, created = _counts(posted, "POSTS", "posts", "bad", "created")
    rate = created / _seconds(wrk.DURATION)
    share = created / max(1, reads + lists + created)
    errors = reading.errors + read_bad
    met = reading.p99_ms <= 100 and errors == 0 and posted.errors + post_bad == 0 and share >= 0.009
    return {
        "rate": rate,
        "reading": reading,
        "posted": posted,
        "line": (
            f"| {c} + {POST_CONNECTIONS}{' paced' if read_pause else ''} | {reads:,} | {lists:,} | "
            f"{read_bad:,} | {posts:,} | {rate:.1f} ({share:.1%}) | {created:,} | {post_bad:,} | "
            f"{stored:,} | {max(0, created - stored):,} | {max(0, stored - created):,} |"
        ),
        "verdict": (
            f"{(reads + lists) / _seconds(wrk.DURATION):,.0f} reads/s, p99 {reading.p99_ms:.1f} ms, "
            f"{errors} read errors; posts p99 {posted.p99_ms:.1f} ms, {posted.errors + post_bad} post "
            f"errors, {share:.2%} of requests (target: reads p99 ≤ 100 ms, 0 errors, posts 1%): "
            f"{'met' if met else 'NOT met'}"
        ),
    }


def _hold_live_readers(ctx, key):
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
    hold.log_path = hold_log
    deadline = time.monotonic() + 60
    while "connected" not in open(hold_log).read():
        if time.monotonic() > deadline or hold.poll() is not None:
            raise NotMeasured(f"the {SSE_READERS} live readers did not connect (see {hold_log})")
        time.sleep(0.2)
    return hold


def _counts(result, tag, *names):
    counts = dict(part.split("=") for part in result.raw.split(tag, 1)[1].split())
    return [int(counts[n]) for n in names]


def _seconds(duration):
    return float(duration.rstrip("s"))


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
