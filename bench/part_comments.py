"""Comments: posting (rows counted after each run: nothing lost) and listing 200 comments as JSON,
Broadsheet beside Isso, both measured in this run."""

import json
import os
import time

import broadsheet_app
import isso_peer
import wrk
from context import PORTS, NotMeasured, fetch

LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lua")
LISTED = 200
ISSO_VENV = os.environ.get("BENCH_ISSO_VENV", "/tmp/bs-bench/venv-isso")


def run(ctx):
    site = ctx.site
    if len(site["articles"]) < 2:
        raise NotMeasured("the demo content needs two articles (one to post to, one to list)")
    proc = ctx.start_broadsheet()
    base = f"http://127.0.0.1:{PORTS['broadsheet']}"
    post_key, list_key = (f"article-{a['id']}" for a in site["articles"][:2])
    _check_api(base, site, post_key)
    rows, counts = [], []
    _seed_broadsheet(base, site, list_key)
    post_path = f"/api/comments/threads/{post_key}/comments"
    args = [post_path, site["sessionid"], site["csrftoken"]]
    rows.append(
        (
            "Ceiling: the same signed-in POST, answered 201 without writing",
            _ceiling(base, post_key, site),
        )
    )
    rows.append(
        (
            "Broadsheet: post a comment",
            _posting(
                base + post_path,
                os.path.join(LUA, "post_broadsheet.lua"),
                args,
                lambda: broadsheet_app.comment_count(site, post_key),
                counts,
                "Broadsheet",
            ),
        )
    )
    duplicated = broadsheet_app.duplicated_comments(site, post_key)
    list_url = f"{base}/api/comments/threads/{list_key}/comments"
    listed = len(json.loads(fetch(list_url)[2])["comments"])
    rows.append((f"Broadsheet: list {listed} comments (JSON)", wrk.series(list_url)))
    # A signed-in reader's list (their own held comments and votes in it) is never shared: Django every time.
    cookie = f"Cookie: sessionid={site['sessionid']}; csrftoken={site['csrftoken']}"
    rows.append(
        (
            f"Broadsheet, signed-in reader: list {listed} comments (JSON, never cached)",
            wrk.series(list_url, headers=[cookie]),
        )
    )
    ctx.stop(proc)

    log = os.path.join(ctx.work_dir, "logs", "isso-setup.log")
    isso, db = isso_peer.start(ctx.processes, ISSO_VENV, ctx.work_dir, PORTS["isso"], log)
    ibase = f"http://127.0.0.1:{PORTS['isso']}"
    for i in range(LISTED):
        isso_peer.post(
            PORTS["isso"], "/listed/", f"Seeded note {i}: a first reading of the ferry talks."
        )
    ipath = "/new?uri=/posted/"
    isso_peer.post(PORTS["isso"], "/posted/", "The first note opens the thread.")
    rows.append(
        (
            "Isso: post a comment",
            _posting(
                ibase + ipath,
                os.path.join(LUA, "post_isso.lua"),
                [ipath],
                lambda: isso_peer.count_rows(db, "/posted/"),
                counts,
                "Isso",
            ),
        )
    )
    ilisted = len(json.loads(fetch(f"{ibase}/?uri=/listed/")[2])["replies"])
    rows.append((f"Isso: list {ilisted} comments (JSON)", wrk.series(f"{ibase}/?uri=/listed/")))
    ctx.stop(isso)
    return {
        "title": "Comments: post and list, Broadsheet and Isso",
        "rows": rows,
        "tables": [_count_table(counts)],
        "ratios": _ratios(rows),
        "notes": [
            f"Broadsheet's posting thread after its runs: {duplicated} comment(s) stored twice (rows "
            "with the same text; every posted text is distinct).",
            "Broadsheet lists with COMMENTS_PAGE_SIZE=200 (one request returns all 200, as Isso does); "
            "its default page is 20.",
            "An anonymous reader's list is the same for every anonymous reader: the page cache keeps it "
            "(tagged comments-<key>, purged by every comment event, s-maxage 10 s), as a CDN in front of "
            "Isso could. The signed-in row is Django building the list on every request.",
        ],
    }


def _check_api(base, site, key):
    status, _, body = fetch(f"{base}/api/comments/threads/{key}/comments")
    if status == 404 and b"thread" not in body.lower():
        raise NotMeasured("GET /api/comments/threads/<key>/comments is missing")


def _post(base, site, key, text, idem):
    data = json.dumps({"body": text, "idempotency_key": idem}).encode()
    headers = {
        "Content-Type": "application/json",
        "X-CSRFToken": site["csrftoken"],
        "Referer": base + "/",
        "Cookie": f"sessionid={site['sessionid']}; csrftoken={site['csrftoken']}",
    }
    return fetch(
        f"{base}/api/comments/threads/{key}/comments", method="POST", data=data, headers=headers
    )


def _seed_broadsheet(base, site, key):
    for i in range(LISTED):
        status, _, body = _post(
            base, site, key, f"Seeded note {i}: a first reading of the ferry talks.", f"seed-{i}"
        )
        if status not in (200, 201):
            raise NotMeasured(f"posting a comment answered {status}: {body[:200]!r}")


def _ceiling(base, key, site):
    """bench/bench_urls.py: the site's middleware, session, CSRF, reader check and payload parsing; no write."""
    path = f"/bench/ceiling/threads/{key}/comments"
    script, nonce = os.path.join(LUA, "post_broadsheet.lua"), str(int(time.time() * 1000))
    args = [path, site["sessionid"], site["csrftoken"]]
    wrk.warm_up(base + path, script=script, script_args=[*args, f"{nonce}w"])
    return [
        wrk.run(base + path, connections=c, script=script, script_args=[*args, f"{nonce}-{c}"])
        for c in wrk.CONNECTIONS
    ]


def _posting(url, script, args, count_rows, counts, who):
    """Warm-up, then one run per connection count; the stored rows are counted around each run."""
    results = []
    nonce = str(int(time.time() * 1000))
    wrk.warm_up(url, script=script, script_args=[*args, f"{nonce}w"])
    for c in wrk.CONNECTIONS:
        before = count_rows()
        result = wrk.run(url, connections=c, script=script, script_args=[*args, f"{nonce}-{c}"])
        time.sleep(1)  # let requests still in flight when wrk stopped finish
        stored = count_rows() - before
        counts.append((who, c, result.ok_requests, stored))
        results.append(result)
    return results


def _count_table(counts):
    out = [
        "| Posting run | conns | wrk: completed non-error requests | rows stored | lost |",
        "|---|---:|---:|---:|---:|",
    ]
    for who, c, ok, stored in counts:
        out.append(f"| {who} | {c} | {ok:,} | {stored:,} | {max(0, ok - stored):,} |")
    return out


def _ratios(rows):
    by = {name.split(":")[0] + (" list" if "list" in name else " post"): r for name, r in rows}
    lines = []
    for i, c in enumerate(wrk.CONNECTIONS):
        post, ipost = by["Broadsheet post"][i], by["Isso post"][i]
        lst, ilst = by["Broadsheet list"][i], by["Isso list"][i]
        mine = by["Broadsheet, signed-in reader list"][i]
        ceiling = by["Ceiling post"][i]
        lines.append(
            f"{c} connections: posting {wrk.ratio(post.rps, ipost.rps)} Isso (target ≥ 1.2×), "
            f"p99 {post.p99_ms:.1f} ms{' (target ≤ 100 ms at 16)' if c == 16 else ''}, "
            f"{wrk.ratio(post.rps, ceiling.rps, '{:.0%}')} of the ceiling (target ≥ 60%; "
            f"1.2× Isso would be {wrk.ratio(1.2 * ipost.rps, ceiling.rps, '{:.0%}')} of it); "
            f"listing {wrk.ratio(lst.rps, ilst.rps, '{:.1f}×')} Isso (target ≥ 20×), "
            f"signed-in listing {wrk.ratio(mine.rps, ilst.rps, '{:.1f}×')} Isso"
        )
    return lines
