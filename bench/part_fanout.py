"""Live fan-out: 1,000 SSE readers on one article, two server processes sharing Redis pub/sub."""

import json
import os
import subprocess
import sys

import procs
from context import PORTS, NotMeasured

READERS = int(os.environ.get("BENCH_SSE_READERS", "1000"))
WORKERS = int(os.environ.get("BENCH_SSE_WORKERS", "2"))
SCRIPT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sse_fanout.py")


def run(ctx):
    site = ctx.site
    port = PORTS["fanout"]
    key = f"article-{site['articles'][0]['id']}"
    ctx.start_broadsheet(port=port, workers=WORKERS, name="broadsheet-fanout")
    argv = [
        "taskset",
        "-c",
        procs.CLIENT_CPU,
        sys.executable,
        SCRIPT,
        "--port",
        str(port),
        "--key",
        key,
        "--readers",
        str(READERS),
        "--session",
        site["sessionid"],
        "--csrf",
        site["csrftoken"],
    ]
    out = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        raise NotMeasured(f"the SSE client failed: {out.stderr[-400:]}")
    r = json.loads(out.stdout)
    if r["connected"] == 0:
        raise NotMeasured(f"no reader could open /comments/live/{key}/")
    table = [
        "| Readers | connected | received the new comment | p50 ms | p99 ms | max ms |",
        "|---:|---:|---:|---:|---:|---:|",
        f"| {r['readers']:,} | {r['connected']:,} | {r['received']:,} | {_ms(r['p50_ms'])} | "
        f"{_ms(r['p99_ms'])} | {_ms(r['max_ms'])} |",
    ]
    ok = r["received"] == r["readers"] and r["p99_ms"] is not None and r["p99_ms"] <= 1000
    return {
        "title": "Live comments: fan-out to SSE readers",
        "tables": [table],
        "ratios": [
            f"p99 delivery {_ms(r['p99_ms'])} ms to {r['received']:,}/{r['readers']:,} readers "
            f"(target: all, p99 ≤ 1,000 ms): {'met' if ok else 'NOT met'}"
        ],
        "notes": [
            f"{WORKERS} uvicorn workers on core {procs.SERVER_CPU} with Redis pub/sub; the client "
            f"(one asyncio process, raw sockets) on core {procs.CLIENT_CPU}; the comment was posted "
            f"through the JSON API (answered {r['post_status']} after {_ms(r['post_ms'])} ms); delivery times "
            "run from the moment the POST was sent, so they include the write itself."
        ],
    }


def _ms(value):
    return "–" if value is None else f"{value:,.0f}"
