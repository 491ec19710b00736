"""The whole run: files are read and hashed here, files already imported are 'unchanged' at once, the
rest are parsed by --jobs worker processes (a window ahead) while this process writes the previous
window in batches. Memory stays bounded: only two windows of files are held at a time."""

import csv
import hashlib
import multiprocessing
import resource
import time
from collections import Counter
from dataclasses import dataclass, field

from django.db import connection, connections

from ..importer import UnrecognisedPage, parse_legacy_page
from .indexing import Indexer, catch_up, index_beside
from .quiet import import_quietly
from .sources import count_pages, iter_entries
from .writer import ArchiveWriter, Parsed

WINDOW = 256  # files per batch: one transaction each, and the unit of parse-ahead
CHUNK = 16  # files a parse worker takes at a time


@dataclass
class Summary:
    counts: Counter = field(default_factory=Counter)
    failures: list = field(default_factory=list)
    seconds: float = 0.0
    total: int = 0
    peak_rss_mb: dict = field(default_factory=dict)
    indexed_late: int = 0  # articles an interrupted run had left out of the search index
    index_failures: list = field(default_factory=list)  # batches the search index could not take

    @property
    def done(self):
        return sum(self.counts.values())

    def line(self):
        c = self.counts
        rate = self.done / self.seconds if self.seconds else 0
        return (
            f"created {c['created']}, updated {c['updated']}, unchanged {c['unchanged']}, failed {c['failed']} "
            f"in {self.seconds:.1f}s ({rate:.1f} files/s)"
        )


def parse_job(raw):
    """In a worker: the parsed story, or the one-line reason it cannot be imported."""
    try:
        return parse_legacy_page(raw)
    except UnrecognisedPage as exc:
        return f"{exc}"
    except (
        Exception
    ) as exc:  # one odd file must never stop the batch; it is reported like any other
        return f"unexpected {type(exc).__name__}: {exc}".splitlines()[0]


def close_for_fork():
    """No open database socket for a forked process to inherit. With a connection pool (production
    settings), closing a connection only hands it back to the pool, socket open: the pool itself is
    closed too, and the next query opens a new one in each process."""
    for conn in connections.all(initialized_only=True):
        conn.close()
        close_pool = getattr(conn, "close_pool", None)  # PostgreSQL's backend (Django 5.1+)
        if close_pool is not None:
            close_pool()


def archive_import(paths, *, jobs=1, batch_size=WINDOW, on_file=None, progress=None):
    summary = Summary(total=count_pages(paths))
    started = time.monotonic()
    pool = indexer = None
    beside = index_beside() and not connection.in_atomic_block

    def parse_all(raws):
        """The window's parse, ahead in the workers; a window of a few files (a re-run's leftovers, a
        small import) is parsed here rather than starting processes for it."""
        nonlocal pool, indexer
        if pool is None and jobs > 1 and len(raws) > jobs * CHUNK:
            # Forked workers only parse, but a connection object they inherit can still be finalised in
            # them and end the parent's session: close it first (the parent reconnects). Inside a
            # transaction it cannot be closed; only a caller's test does that, on a connection the workers
            # never touch.
            if not connection.in_atomic_block:
                close_for_fork()
            pool = multiprocessing.get_context("fork").Pool(jobs)
            if beside:
                indexer = Indexer()
                writer.index_later = indexer.submit
        if pool is None:
            return _Done([parse_job(r) for r in raws])
        return pool.map_async(parse_job, raws, chunksize=CHUNK)

    def record(label, verb, detail=""):
        summary.counts[verb] += 1
        if verb in ("created", "updated"):
            quiet.changed = True
        if verb == "failed":
            summary.failures.append((label, detail))
        if on_file:
            on_file(label, verb, detail)
        if progress:
            progress(summary)

    try:
        with import_quietly() as quiet:
            writer = ArchiveWriter()
            if beside:
                summary.indexed_late = catch_up()
            pending = None
            for window in _windows(iter_entries(paths), writer, record, batch_size):
                parsed = parse_all([item.raw for item in window])
                if pending:
                    _write(writer, *pending, record)
                pending = (window, parsed)
            if pending:
                _write(writer, *pending, record)
            if indexer:
                summary.index_failures = indexer.finish()
    finally:
        if pool:
            pool.close()
            pool.join()
    summary.seconds = time.monotonic() - started
    summary.peak_rss_mb = {
        "importer": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "largest parse worker": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if pool
        else 0.0,
    }
    return summary


class _Done:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value


@dataclass
class _Item:
    label: str
    sha256: str
    raw: bytes
    sibling: object
    copies: list = field(default_factory=list)  # other files in the window with the same bytes


def _windows(entries, writer, record, size):
    """Windows of files still to parse; unreadable and already-imported files are settled on the way."""
    window = []
    seen = {}
    for entry in entries:
        if entry.error:
            record(entry.label, "failed", entry.error)
            continue
        digest = hashlib.sha256(entry.raw).hexdigest()
        if digest in writer.known_files:
            record(entry.label, "unchanged")
            continue
        if digest in seen:  # settled with its twin once the twin is written or has failed
            seen[digest].copies.append(entry.label)
            continue
        seen[digest] = _Item(entry.label, digest, entry.raw, entry.sibling)
        window.append(seen[digest])
        if len(window) >= size:
            yield window
            window, seen = [], {}
    if window:
        yield window


def _write(writer, window, parsed, record):
    results = parsed.get()
    batch = []
    by_label = {item.label: item for item in window}

    def settle(label, verb, detail=""):
        """A file's outcome, and its byte-identical twins': the same failure, or 'unchanged'."""
        record(label, verb, detail)
        for copy in by_label[label].copies:
            if verb == "failed":
                record(copy, "failed", detail)
            else:
                record(copy, "unchanged")

    for item, result in zip(window, results, strict=True):
        if isinstance(result, str):
            settle(item.label, "failed", result)
        else:
            batch.append(Parsed(item.label, item.sha256, result, item.sibling))
    for label, verb, detail in writer.write_batch(batch):
        settle(label, verb, detail)


def report_write(path, failures):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(["path", "reason"])
        out.writerows(failures)
