"""Wagtail's own search index (the admin's search) for imported articles, written beside the import
instead of inside it. On PostgreSQL's database backend, a batch's index rows are written after the batch
commits, by one process of their own, in the order the batches committed (so a story written twice is
indexed last as it stands last), while the writer goes on with the next batch. A run stopped between a
commit and its indexing leaves articles out of the index; the next run finds them first (one anti-join)
and indexes them. Any other backend (SQLite's, Elasticsearch) is indexed inside the batch, as before."""

import multiprocessing

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backends

from ..models import ArticlePage

CHUNK = 500  # articles indexed at a time when catching up


def index_beside():
    """True when every search backend keeps its index in PostgreSQL tables this module can check."""
    backends = list(get_search_backends())
    return bool(backends) and all(
        type(b).__module__.startswith("modelsearch.backends.database.postgres") for b in backends
    )


def index_pages(pks):
    """(Re)index these articles as they are in the database now; returns how many there were."""
    pages = list(ArticlePage.objects.filter(pk__in=pks))
    for backend in get_search_backends():
        backend.add_bulk(ArticlePage, pages)
    return len(pages)


def unindexed():
    """Ids of the articles the index lacks."""
    from modelsearch.conf import get_app_config

    entries = (
        get_app_config()
        .get_model("IndexEntry")
        .objects.filter(
            content_type=ContentType.objects.get_for_model(ArticlePage),
            object_id=Cast(OuterRef("pk"), CharField()),
        )
    )
    return list(ArticlePage.objects.filter(~Exists(entries)).values_list("pk", flat=True))


def catch_up():
    """Index what an interrupted run left out; returns how many articles that was."""
    missing = unindexed()
    for start in range(0, len(missing), CHUNK):
        index_pages(missing[start : start + CHUNK])
    return len(missing)


class Indexer:
    """One forked process indexing committed batches first-in, first-out. Fork it with the database
    connections closed, as the parse workers are."""

    def __init__(self):
        self.pool = multiprocessing.get_context("fork").Pool(1)
        self.pending = []

    def submit(self, pks):
        self.pending.append(self.pool.apply_async(index_pages, (list(pks),)))

    def finish(self):
        """Waits for every batch; returns the reasons of those that failed (the next run retries)."""
        self.pool.close()
        self.pool.join()
        failed = []
        for result in self.pending:
            try:
                result.get()
            except (
                Exception
            ) as exc:  # reported in the run's summary; the next run's catch_up retries
                failed.append(f"{type(exc).__name__}: {exc}".splitlines()[0])
        return failed
