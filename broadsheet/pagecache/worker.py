"""A worker's start: load what the first readers would otherwise wait for, then freeze the heap.

The dictionary's WordNet reader holds millions of objects. Left to the garbage collector, every full
collection walks them all: pauses that show as the p99 of every request the worker serves meanwhile
(bench/results.md). Loading them at start and calling gc.freeze() moves them out of the collector's
way (the technique CPython documents for pre-fork servers).
"""

import gc
import logging

from django.utils.module_loading import import_string

from .app_settings import app_settings

log = logging.getLogger(__name__)


def worker_warm_up():
    """Run each step of PAGECACHE_WORKER_WARM_UP: a dotted path, or [dotted path, *arguments].
    Steps run before the event loop serves anyone, but inside it: they must not touch the database."""
    for step in app_settings.WORKER_WARM_UP:
        dotted, *args = [step] if isinstance(step, str) else step
        try:
            import_string(dotted)(*args)
        except Exception:  # a missing optional part must not stop the site from serving
            log.warning("worker warm-up step %s failed", dotted, exc_info=True)
    gc.collect()
    gc.freeze()
