"""While an archive imports, the per-save work Wagtail and the site hang on signals is held back and
done once: the search index and reference index per batch (writer.finish_batch), one cache purge and
one navigation/generation reset at the end. Process-local: the import runs in its own process."""

from contextlib import contextmanager
from types import SimpleNamespace

from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import ArticlePage

NEWSROOM_PAGE_SAVE = "newsroom-gen-page-save"  # signal_handlers._connect_generation's dispatch_uid


@contextmanager
def import_quietly():
    """Yields a state whose `changed` the caller sets once an article is written: a run that wrote
    nothing (a re-run) leaves the site's caches alone."""
    from ..signal_handlers import _page_saved

    state = SimpleNamespace(changed=False)
    post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    post_save.disconnect(dispatch_uid=NEWSROOM_PAGE_SAVE)
    try:
        with disable_reference_index_auto_update():
            yield state
    finally:
        post_save.connect(post_save_signal_handler, sender=ArticlePage)
        post_save.connect(_page_saved, dispatch_uid=NEWSROOM_PAGE_SAVE)
        if state.changed:
            everything_changed()


def everything_changed():
    """One purge for the whole import: every page, front, feed and sitemap; the navigation; the memos."""
    from ...pagecache import purge_tags
    from ...pagecache.tags import listing_tags
    from ..freshness import newsroom_changed
    from ..navigation import section_nav_clear

    purge_tags(["pages", *listing_tags()])
    section_nav_clear()
    newsroom_changed()


def batch_purge(pages, previous):
    """After a batch commits, what publishing its articles one by one would have retired: each page, its
    section fronts and homepage, the topic, author and archive pages and the feeds and sitemap files they
    are on now or were on before an update (`previous`: {pk: (author ids, tag ids, first published)}),
    worked out from the pages in memory with one query for the fronts. The front cache gets the updated
    pages and the fronts; the other listings' addresses wait for the purge at the end of the run."""
    from wagtail.models import Page

    from ...pagecache import purge_tags
    from ..purge import article_listing_tags

    tags = {"archive"}
    prefixes = set()
    for page in pages:
        authors, topics, moments = previous.get(page.pk, ((), (), ()))
        authors = {*authors, *(b.author_id for b in page.bylines.all())}
        topics = {*topics, *(t.tag_id for t in page.tagged_items.all())}
        moments = {*moments, page.first_published_at}
        tags.update([f"page-{page.pk}", *article_listing_tags(page.pk, authors, topics, moments)])
        prefixes.update(page.path[: n * Page.steplen] for n in range(2, page.depth))
    fronts = list(Page.objects.filter(path__in=prefixes))
    tags.update(f"page-{front.pk}" for front in fronts)
    purge_tags(tags, pages=[*fronts, *(p for p in pages if p.pk in previous)])
