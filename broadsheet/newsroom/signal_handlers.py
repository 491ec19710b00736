"""Keep the cached section navigation, the article pages' memory (freshness.py) and the cached corrections
page in step with the page tree."""

from django.conf import settings
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import ArticleCorrection, ArticlePage, SectionPage
from .freshness import newsroom_changed
from .navigation import section_nav_clear
from .roles import section_created


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(section_nav_clear, sender=SectionPage, dispatch_uid=f"newsroom-nav-{id(signal)}")
    post_page_move.connect(section_nav_clear, dispatch_uid="newsroom-nav-move")
    post_delete.connect(section_nav_clear, sender=SectionPage, dispatch_uid="newsroom-nav-delete")
    post_save.connect(section_created, sender=SectionPage, dispatch_uid="newsroom-reporters-section")
    _connect_generation()
    _connect_corrections()
    _connect_listings()
    post_save.connect(on_privacy_changed, sender=PageViewRestriction, dispatch_uid="newsroom-privacy-saved")
    post_delete.connect(on_privacy_changed, sender=PageViewRestriction, dispatch_uid="newsroom-privacy-deleted")


def _connect_listings():
    """An author's or a topic's own fields show on its page and feed: an edit retires those. An article
    deleted or moved leaves the topic, author and archive pages that listed it (publish and unpublish
    are the page cache's own: pagecache_purge_tags)."""
    from django.apps import apps

    from .models import ArticlePage

    pre_delete.connect(_article_gone, sender=ArticlePage, dispatch_uid="newsroom-listing-article-delete")
    post_page_move.connect(_article_gone, sender=ArticlePage, dispatch_uid="newsroom-listing-article-move")

    for label in ("newsroom.Author", "newsroom.Topic", "newsroom.AuthorLink"):
        model = apps.get_model(label)
        post_save.connect(_listing_changed, sender=model, dispatch_uid=f"newsroom-listing-save-{label}")
        post_delete.connect(_listing_changed, sender=model, dispatch_uid=f"newsroom-listing-delete-{label}")


def _article_gone(sender, instance, **kwargs):
    from broadsheet.pagecache.purge import tags_purge

    from .purge import article_listings

    if instance.live:
        tags, urls = article_listings(instance)
        tags_purge(tags, urls=urls)


def _listing_changed(sender, instance, **kwargs):
    from broadsheet.pagecache.purge import tags_purge

    name = sender._meta.model_name
    if name == "topic":
        tags_purge([f"topic-{instance.tag_id}"])
    else:
        tags_purge([f"author-{instance.author_id if name == 'authorlink' else instance.pk}"])


def _connect_generation():
    """What article pages remember between requests (freshness.py) is dropped when any of it may change."""
    from django.apps import apps
    from wagtail.images import get_image_model

    for signal in (page_published, page_unpublished):
        signal.connect(newsroom_changed, dispatch_uid=f"newsroom-gen-{id(signal)}")
    post_page_move.connect(newsroom_changed, dispatch_uid="newsroom-gen-move")
    image_model = get_image_model()
    senders = (PageViewRestriction, Site, apps.get_model("newsroom", "Author"), image_model, apps.get_model("taggit", "Tag"),
               apps.get_model("dictionary", "DictionarySettings"))
    post_save.connect(_page_saved, dispatch_uid="newsroom-gen-page-save")
    post_delete.connect(_page_saved, dispatch_uid="newsroom-gen-page-delete")
    for sender in senders:
        label = sender._meta.label_lower
        post_save.connect(_saved, sender=sender, dispatch_uid=f"newsroom-gen-save-{label}")
        post_delete.connect(newsroom_changed, sender=sender, dispatch_uid=f"newsroom-gen-delete-{label}")


def on_privacy_changed(sender, instance, **kwargs):
    """A page made private (or public again): it and every page under it leave the page cache on every
    worker and the front cache, with the anonymous comment lists of the articles among them."""
    from broadsheet.comments.threads import thread_cache_tag
    from broadsheet.pagecache.purge import tags_purge
    from broadsheet.pagecache.tags import publish_tags

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is None:
        return
    pages = [page.specific, *page.get_descendants().live().specific()]
    tags = [*publish_tags(page, subtree=True), *(thread_cache_tag(f"article-{p.pk}") for p in pages)]
    tags_purge(tags, pages=pages)


def _page_saved(sender, instance, **kwargs):
    """Any page of any type (a live page saved in place, a slug changed, a page deleted)."""
    if isinstance(instance, Page):
        newsroom_changed()


# Wagtail records a photo's file size and hash the first time it renders it: nothing a page shows.
_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def _saved(sender, instance, update_fields=None, created=False, **kwargs):
    if update_fields and set(update_fields) <= _BOOKKEEPING_FIELDS:
        return
    if created and sender._meta.label_lower == "dictionary.dictionarysettings" and _has_defaults(instance):
        return  # the first read of a site's settings stores the defaults every process already used
    newsroom_changed()


def _has_defaults(settings_row):
    field = settings_row._meta.get_field("hard_word_level")
    return settings_row.hard_word_level == field.get_default()


def corrections_purge():
    """/corrections/ and its feed are stored by the page cache under the "corrections" tag; the front
    cache gets /corrections/ through the tagged paths and the feed's URL here."""
    from broadsheet.pagecache.purge import tags_purge

    tags_purge(["corrections"], urls=[settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/corrections/feed/"])


def _correction_row_changed(sender, **kwargs):
    # A correction's row is written or removed when its article is published (or deleted), so this
    # also follows a corrected article's new headline.
    corrections_purge()


def _corrected_article_moved(sender, instance, **kwargs):
    """Unpublished or moved: its corrections leave /corrections/, or link to a new address."""
    if isinstance(instance, ArticlePage) and ArticleCorrection.objects.filter(page_id=instance.pk).exists():
        corrections_purge()


def _connect_corrections():
    post_save.connect(_correction_row_changed, sender=ArticleCorrection, dispatch_uid="newsroom-corrections-save")
    post_delete.connect(_correction_row_changed, sender=ArticleCorrection, dispatch_uid="newsroom-corrections-delete")
    page_unpublished.connect(_corrected_article_moved, dispatch_uid="newsroom-corrections-unpublished")
    post_page_move.connect(_corrected_article_moved, dispatch_uid="newsroom-corrections-moved")
