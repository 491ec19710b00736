"""The live hub's fan-out within one process: each event decoded and written out once for every stream,
and a burst gathered into one write per stream (live.py). No server, no Redis: the hub's queues are fed
by hand, as its Redis subscription feeds them."""

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

from broadsheet.comments import live


def _event(n):
    return {"event": "comment", "id": n, "data": {"id": n, "body": f"Note {n}"}}


def test_an_event_is_decoded_and_written_once_for_every_stream():
    hub = live.RedisHub()
    queues = [asyncio.Queue(), asyncio.Queue()]
    hub.listeners["article-1"] = set(queues)
    hub._deliver("article-1", json.dumps(_event(7)))
    first, second = (q.get_nowait() for q in queues)
    assert first is second
    assert live.sse(first) == first["text"] == live.sse(_event(7))


def test_a_burst_goes_out_in_one_write(monkeypatch, settings):
    settings.COMMENTS_LIVE_GATHER_SECONDS = 0.2
    settings.COMMENTS_LIVE_HEARTBEAT_SECONDS = 30
    settings.REDIS_URL = ""

    class Feed:
        """Events as the hub queues them: one, then two more a few milliseconds later."""

        def __init__(self, key, after):
            self.after, self.queue = after, asyncio.Queue()

        async def open(self):
            async def arrive():
                for n, pause in ((1, 0), (2, 0.02), (3, 0.02)):
                    await asyncio.sleep(pause)
                    self.queue.put_nowait(_event(n))

            self.arriving = asyncio.create_task(arrive())

        async def next(self, timeout):
            async with asyncio.timeout(timeout):
                messages = [await self.queue.get()]
            while not self.queue.empty():
                messages.append(self.queue.get_nowait())
            return messages

        async def close(self):
            pass

    async def no_catch_up(key, after, limit):
        return []

    monkeypatch.setattr(live, "PollingFeed", Feed)
    monkeypatch.setattr(live, "published_after", no_catch_up)

    async def writes():
        stream = live.events("article-1", 0)
        chunks = [await anext(stream) for _ in range(3)]
        await stream.aclose()
        return chunks

    # In a thread with a loop of its own: Playwright's sync API leaves one running in this thread when
    # e2e tests ran earlier in the same process (an xdist worker).
    with ThreadPoolExecutor(1) as apart:
        preamble, first, second = apart.submit(asyncio.run, writes()).result()
    assert preamble.startswith("retry:")
    assert first == live.sse(_event(1))  # the first event after a quiet spell goes at once
    assert second == live.sse(_event(2)) + live.sse(_event(3))  # the burst: one write
