"""While an archive imports, the per-save work Wagtail and the site hang on signals is held back and
done once: the search index and reference index per batch (writer.finish_batch), one cache purge and
one navigation/generation reset at the end. Process-local: the import runs in its own process."""

from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.signal_handlers import disable_reference_index_auto_update

from ..models import ArticlePage

NEWSROOM_PAGE_SAVE = "newsroom-gen-page-save"  # signal_handlers._connect_generation's dispatch_uid


@contextmanager
def import_quietly():
    from ..signal_handlers import _page_saved

    post_save.disconnect(post_save_signal_handler, sender=ArticlePage)
    post_save.disconnect(dispatch_uid=NEWSROOM_PAGE_SAVE)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.connect(post_save_signal_handler, sender=ArticlePage)
        post_save.connect(_page_saved, dispatch_uid=NEWSROOM_PAGE_SAVE)
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
