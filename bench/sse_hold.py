#!/usr/bin/env python3
"""Holds N live-comment readers (Server-Sent Events) open for the mixed load behind the front cache.

Prints `connected N` once every stream has sent its preamble, then holds them; on SIGTERM prints JSON:
readers connected and still open, events received.

  sse_hold.py --port 8115 --key article-3 --readers 200
"""

import argparse
import asyncio
import json
import signal
import sys


async def hold(port, key, state):
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(
        f"GET /comments/live/{key}/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".encode()
    )
    await w.drain()
    head = await r.readuntil(b"\r\n\r\n")
    if b" 200 " not in head.split(b"\r\n", 1)[0]:
        state["refused"] += 1
        return
    state["connected"] += 1
    state["open"] += 1
    try:
        while chunk := await r.read(65536):
            state["events"] += chunk.count(b"event: comment")
    finally:
        state["open"] -= 1
        w.close()


async def main(args):
    state = {"connected": 0, "open": 0, "refused": 0, "events": 0}
    tasks = [asyncio.create_task(hold(args.port, args.key, state)) for _ in range(args.readers)]
    while state["connected"] + state["refused"] < args.readers:
        await asyncio.sleep(0.1)
    print(f"connected {state['connected']}", flush=True)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    print(json.dumps({k: state[k] for k in ("connected", "open", "refused", "events")}), flush=True)
    for task in tasks:
        task.cancel()


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--readers", type=int, default=200)
    sys.exit(asyncio.run(main(p.parse_args())))
