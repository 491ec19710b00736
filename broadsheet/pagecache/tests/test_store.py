"""The stores on their own: versions shared across processes, and no store after a concurrent purge."""

import subprocess
import sys

import pytest
from asgiref.sync import async_to_sync

from broadsheet.pagecache import store
from broadsheet.pagecache.versions import VersionFile


def test_a_purge_in_another_process_is_seen_at_once(tmp_path):
    path = str(tmp_path / "versions.bin")
    here = VersionFile(path)
    before = here.versions(["page-7"])
    code = f"from broadsheet.pagecache.versions import VersionFile; VersionFile({path!r}).bump(['page-7'])"
    subprocess.run([sys.executable, "-c", code], check=True)
    assert here.versions(["page-7"]) != before
    assert here.generation() == 1


def _save_and_lookup(cache, *, purge_between):
    async def run():
        generation = await cache.generation()
        if purge_between:
            cache.purge(["page-1"])  # an editor publishes while the page is being rendered
        saved = await cache.save(
            "k",
            status=200,
            headers=[(b"content-type", b"text/html")],
            body=b"<p>old</p>",
            tags=("page-1",),
            generation=generation,
        )
        return saved, await cache.lookup("k")

    return async_to_sync(run)()


def test_a_render_that_raced_a_purge_is_not_stored(db):
    cache = store.build_store()
    saved, entry = _save_and_lookup(cache, purge_between=True)
    assert not saved and entry is None


def test_a_stored_page_is_retired_by_a_purge_of_its_tag(db):
    cache = store.build_store()
    saved, entry = _save_and_lookup(cache, purge_between=False)
    assert saved and entry.body == b"<p>old</p>"
    cache.purge(["page-2"])
    assert async_to_sync(cache.lookup)("k") is not None
    cache.purge(["page-1"])
    assert async_to_sync(cache.lookup)("k") is None


def test_local_copies_are_bounded_by_bytes_as_well_as_count():
    from broadsheet.pagecache.entry import ENTRY_OVERHEAD, Entry
    from broadsheet.pagecache.store import LocalEntries

    local = LocalEntries(max_entries=10, max_bytes=3 * ENTRY_OVERHEAD + 100)
    for n in range(3):
        local.put(f"k{n}", Entry(200, [], b"x" * 40, ("page-1",), (1,)), 60)
    assert local.get("k0") is None and local.get("k1") is not None and local.get("k2") is not None
    local.put(
        "k1", Entry(200, [], b"y" * 10, ("page-2",), (1,)), 60
    )  # replacing a key frees its old body
    local.put("k3", Entry(200, [], b"z" * 40, ("page-1",), (1,)), 60)
    assert [local.get(k) is not None for k in ("k1", "k2", "k3")] == [True, True, True]
    assert local.get("k1").body == b"y" * 10


def test_local_copies_share_the_headers_every_reply_carries():
    """Decoded entries hold one copy of common headers; only their own (ETag, length) count against the
    byte bound, beside the body and a fixed overhead."""
    from broadsheet.pagecache.entry import ENTRY_OVERHEAD, Entry

    policy = (b"Content-Security-Policy", b"default-src 'self'; " * 10)

    def stored(word):
        body = b'{"word": "%s"}' % word
        headers = [
            (b"Content-Type", b"application/json"),
            policy,
            (b"ETag", b'"%s"' % word),
            (b"Content-Length", str(len(body)).encode()),
        ]
        return Entry.decode(Entry(200, headers, body, ("api", "api-words"), (0, 0)).encode())

    one, two = stored(b"house"), stored(b"garden")
    assert one.headers[1] is two.headers[1] and one.headers[0] is two.headers[0]
    assert one.tags is two.tags
    assert one.headers[2] != two.headers[2] and one.headers[2] == (b"ETag", b'"house"')
    assert (
        one.local_size()
        == len(one.body)
        + len(b"ETag")
        + len(b'"house"')
        + len(b"Content-Length")
        + 2
        + ENTRY_OVERHEAD
    )


def _save(cache, key, generation, body=b"<p>page</p>"):
    return cache.save(
        key,
        status=200,
        headers=[(b"content-type", b"text/html")],
        body=body,
        tags=("page-1",),
        generation=generation,
    )


def test_a_miss_reads_the_generation_with_its_lookup_and_a_purge_meanwhile_refuses_the_store(db):
    """Two workers: a render that began before the other's purge is never kept, one begun after it is."""
    here, there = store.build_store(), store.build_store()

    async def run():
        _, generation = await here.lookup_or_generation("first")
        assert generation == await here.generation()
        assert await _save(here, "first", generation)  # versions now read and remembered here
        hit, none = await here.lookup_or_generation("first")
        assert hit.body == b"<p>page</p>" and none is None
        _, before = await here.lookup_or_generation("raced")
        there.purge(["page-1"])  # an editor publishes in the other worker during the render
        refused = not await _save(here, "raced", before)
        _, after = await here.lookup_or_generation("later")
        kept = await _save(here, "later", after, body=b"<p>new</p>")
        return refused, kept, await there.lookup("raced")

    refused, kept, raced = async_to_sync(run)()
    assert refused and kept and raced is None


def test_with_redis_a_miss_costs_one_round_trip_before_the_render_and_one_to_store_it(db):
    cache = store.build_store()
    if not isinstance(cache, store.RedisStore):
        pytest.skip("the round trips are Redis's (REDIS_URL unset: the worker's memory)")

    async def run():
        _, generation = await cache.lookup_or_generation("warm")
        await _save(cache, "warm", generation)  # tag versions set, the save script loaded
        await _save(cache, "warm", generation)
        client = cache._client()
        commands = []
        send = client.execute_command

        async def counted(*args, **kwargs):
            commands.append(args[0])
            return await send(*args, **kwargs)

        client.execute_command = counted
        _, generation = await cache.lookup_or_generation("new")
        stored = await _save(cache, "new", generation)
        return stored, commands

    stored, commands = async_to_sync(run)()
    assert stored and commands == ["MGET", "EVALSHA"]
