#!/usr/bin/env python3
"""Fan-out of one new comment to many live readers (Server-Sent Events), measured from the reader side.

Opens N raw keep-alive connections to /comments/live/<key>/, waits until every stream has sent its
preamble, posts one comment (as the signed-in bench reader), and records when each reader sees the
`event: comment` carrying its id. Prints JSON: readers connected, received, p50/p99/max delivery (ms).

  sse_fanout.py --port 8114 --key article-3 --readers 1000 --session S --csrf T
"""

import argparse
import asyncio
import json
import time


async def reader(port, key, connected, results, stop):
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(
        f"GET /comments/live/{key}/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode()
    )
    await w.drain()
    buffer = b""
    try:
        while b"\r\n\r\n" not in buffer:
            buffer += await r.read(4096)
        connected.append(1)
        while not stop.is_set():
            chunk = await r.read(65536)
            if not chunk:
                return
            buffer += chunk
            for line in buffer.split(b"\n"):
                if line.startswith(b"data:") and b"Fan-out check" in line:
                    results.append(time.perf_counter())
                    return
            buffer = buffer[buffer.rfind(b"\n") + 1 :]
    finally:
        w.close()


async def post_comment(port, key, session, csrf):
    body = json.dumps(
        {"body": f"Fan-out check {time.time()}", "idempotency_key": f"fanout-{time.time()}"}
    ).encode()
    r, w = await asyncio.open_connection("127.0.0.1", port)
    head = (
        f"POST /api/comments/threads/{key}/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nX-CSRFToken: {csrf}\r\n"
        f"Referer: http://127.0.0.1/\r\nCookie: sessionid={session}; csrftoken={csrf}\r\nConnection: close\r\n\r\n"
    )
    w.write(head.encode() + body)
    await w.drain()
    status = (await r.readline()).split()[1]
    w.close()
    return int(status)


def percentile(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))] if values else None


async def main(args):
    connected, results, stop = [], [], asyncio.Event()
    tasks = []
    for _ in range(args.readers):
        tasks.append(asyncio.create_task(reader(args.port, args.key, connected, results, stop)))
        if len(tasks) % 100 == 0:
            await asyncio.sleep(0.05)  # open in waves, as readers arrive on a page
    deadline = time.monotonic() + args.connect_timeout
    while len(connected) < args.readers and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    await asyncio.sleep(args.settle)
    sent = time.perf_counter()
    status = await post_comment(args.port, args.key, args.session, args.csrf)
    answered = time.perf_counter()
    deadline = time.monotonic() + args.timeout
    while len(results) < len(connected) and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    stop.set()
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    delays = [(t - sent) * 1000 for t in results]
    return {
        "readers": args.readers,
        "connected": len(connected),
        "received": len(results),
        "post_status": status,
        "post_ms": (answered - sent) * 1000,
        "p50_ms": percentile(delays, 0.5),
        "p99_ms": percentile(delays, 0.99),
        "max_ms": max(delays, default=None),
    }


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--readers", type=int, default=1000)
    parser.add_argument("--session", required=True)
    parser.add_argument("--csrf", required=True)
    parser.add_argument("--connect-timeout", type=float, default=60)
    parser.add_argument("--settle", type=float, default=1.0)
    parser.add_argument("--timeout", type=float, default=10)
    print(json.dumps(asyncio.run(main(parser.parse_args()))))
