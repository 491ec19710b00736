"""What retires what in the page cache: the site's purge rules, in one place.

The page cache (broadsheet/pagecache) purges by itself only what follows the page tree: a page
published, unpublished, deleted or moved retires that page, its section fronts and the homepage (and
every page below it when its title, slug or place changed); a changed image retires the pages that show
it. Everything else a page or a cached API reply shows comes from the rules below, which the cache calls
once at start (PAGECACHE_PURGE_RULES = ["broadsheet.purges.connect"]):

  change                                       retires (tags; a URL front cache gets the addresses)
  -------------------------------------------  ---------------------------------------------------------
  an article published or unpublished          its topic, author and archive pages, the feeds and sitemap
                                               files it is in, anonymous comment lists (`api-comments`):
                                               ArticlePage.pagecache_purge_tags -> newsroom/purge.py
  an article deleted or moved                  the same listings (article_gone below)
  an author, author link or topic edited       that author's (`author-<id>`) or topic's page and feed
  a correction written or removed; a           /corrections/ and its feed (`corrections`)
  corrected article unpublished or moved
  a page made private or public again          it and every page below it, with their comment lists
  a comment posted, edited, voted, moderated   that thread's anonymous lists (`comments-<thread key>`)
  a glossary term or its Korean equivalent     every stored dictionary answer (`api-dictionary`)

Which paths the cache keeps, and with which tags, is in settings/parts/pagecache.py.
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished, post_page_move

from broadsheet.pagecache import purge_tags
from broadsheet.pagecache.tags import publish_tags

# Rows that show in the dictionary's cached answers (app_label.Model).
GLOSSARY_MODELS = ("dictionary.GlossaryTerm", "dictionary.KoreanEquivalent")
# Rows whose fields show on an author's or a topic's page and feed.
LISTED_MODELS = ("newsroom.Author", "newsroom.Topic", "newsroom.AuthorLink")


def connect():
    _on_rows(GLOSSARY_MODELS, glossary_changed, "glossary")
    _on_rows(LISTED_MODELS, listing_changed, "listing")
    _on_rows(("newsroom.ArticleCorrection",), correction_changed, "corrections")
    _on_rows((PageViewRestriction._meta.label,), privacy_changed, "privacy")
    article = apps.get_model("newsroom", "ArticlePage")
    pre_delete.connect(article_gone, sender=article, dispatch_uid="purges-article-delete")
    post_page_move.connect(article_gone, sender=article, dispatch_uid="purges-article-move")
    page_unpublished.connect(corrected_article_gone, dispatch_uid="purges-corrections-unpublished")
    post_page_move.connect(corrected_article_gone, dispatch_uid="purges-corrections-moved")
    _connect_comments()


def _on_rows(labels, handler, name):
    for label in labels:
        model = apps.get_model(label)
        post_save.connect(handler, sender=model, dispatch_uid=f"purges-{name}-save-{label}")
        post_delete.connect(handler, sender=model, dispatch_uid=f"purges-{name}-delete-{label}")


def _connect_comments():
    from broadsheet.comments.signals import comment_changed, comment_published

    comment_published.connect(comment_event, dispatch_uid="purges-comment-published")
    comment_changed.connect(comment_event, dispatch_uid="purges-comment-changed")


def comment_event(sender, comment, **kwargs):
    """A thread's comments changed (sent after commit): its stored anonymous lists go. Comment lists
    are short-lived and purged often, so the purge leaves other pages' renders free to be stored."""
    from broadsheet.comments.threads import thread_cache_tag

    purge_tags([thread_cache_tag(comment.thread.key)], generation=False)


def glossary_changed(sender, **kwargs):
    """The dictionary's answers include the newsroom's glossary: retire the stored answers."""
    purge_tags(["api-dictionary"])


def listing_changed(sender, instance, **kwargs):
    name = sender._meta.model_name
    if name == "topic":
        purge_tags([f"topic-{instance.tag_id}"])
    else:
        purge_tags([f"author-{instance.author_id if name == 'authorlink' else instance.pk}"])


def article_gone(sender, instance, **kwargs):
    """A live article deleted or moved leaves the topic, author and archive pages that listed it."""
    from broadsheet.newsroom.purge import article_listings

    if instance.live:
        tags, urls = article_listings(instance)
        purge_tags(tags, urls=urls)


def corrections_purge():
    """/corrections/ and its feed are stored under the "corrections" tag; the front cache gets
    /corrections/ through the tagged paths and the feed's URL here."""
    purge_tags(
        ["corrections"], urls=[settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/corrections/feed/"]
    )


def correction_changed(sender, **kwargs):
    # A correction's row is written or removed when its article is published (or deleted), so this
    # also follows a corrected article's new headline.
    corrections_purge()


def corrected_article_gone(sender, instance, **kwargs):
    """Unpublished or moved: its corrections leave /corrections/, or link to a new address."""
    from broadsheet.newsroom.models import ArticleCorrection, ArticlePage

    if (
        isinstance(instance, ArticlePage)
        and ArticleCorrection.objects.filter(page_id=instance.pk).exists()
    ):
        corrections_purge()


def privacy_changed(sender, instance, **kwargs):
    """A page made private (or public again): it and every page under it leave the page cache on every
    worker and the front cache, with the anonymous comment lists of the articles among them."""
    from broadsheet.comments.threads import thread_cache_tag

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    pages = [page.specific, *page.get_descendants().live().specific()]
    tags = [
        *publish_tags(page, subtree=True),
        *(thread_cache_tag(f"article-{p.pk}") for p in pages),
    ]
    purge_tags(tags, pages=pages)
