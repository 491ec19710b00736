"""A worker's warm-up runs its configured steps, survives a broken one, and freezes the heap."""

import gc

from broadsheet.pagecache.worker import worker_warm_up

CALLS = []


def remember_call(*args):
    CALLS.append(args)


def test_warm_up_runs_steps_and_freezes(settings):
    settings.PAGECACHE_WORKER_WARM_UP = [
        "broadsheet.pagecache.tests.test_worker.remember_call",
        ["broadsheet.pagecache.tests.test_worker.remember_call", "house"],
        "broadsheet.no_such_module.load",
    ]
    try:
        worker_warm_up()
        assert CALLS == [(), ("house",)]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
