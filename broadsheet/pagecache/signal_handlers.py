"""Purges that follow the page tree (publish, unpublish, delete, move) and changes to images. A site's
own rules (what else its pages show) connect through PAGECACHE_PURGE_RULES."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from .purge import purge_tags
from .tags import ancestry_tags, listing_tags, publish_tags

SUBTREE_FIELDS = ("title", "slug", "seo_title")


def _page_and_fronts(page):
    return [page, *page.get_ancestors().filter(depth__gt=1).specific()]


def on_page_published(sender, instance, revision=None, **kwargs):
    previous = _previous(revision)
    subtree = _subtree_changed(instance, revision, previous)
    tags = publish_tags(instance, subtree=subtree, previous=previous, revision=revision)
    purge_tags(
        tags, pages=_page_and_fronts(instance), urls=_listing_urls(instance, previous, revision)
    )


def _previous(revision):
    try:
        return revision.get_previous() if revision is not None else None
    except revision.DoesNotExist:  # the page's first revision
        return None


def _listing_urls(page, previous, revision):
    """Addresses of the other listings a page names (for a front cache that purges by URL)."""
    own = getattr(page, "pagecache_purge_urls", None)
    return own(previous=previous, revision=revision) if callable(own) else ()


def _subtree_changed(page, revision, previous):
    """A new title or slug shows in every descendant's breadcrumbs and URLs; other edits do not."""
    if page.is_leaf():
        return False
    if previous is None:
        return True
    return any(previous.content.get(f) != revision.content.get(f) for f in SUBTREE_FIELDS)


def on_page_unpublished(sender, instance, **kwargs):
    purge_tags(
        publish_tags(instance, subtree=True),
        pages=_page_and_fronts(instance),
        urls=_listing_urls(instance, None, None),
    )


def on_page_deleted(sender, instance, **kwargs):
    # The row is gone; its ancestors are found through the tree path it had.
    paths = [instance.path[: i * Page.steplen] for i in range(2, instance.depth)]
    fronts = list(Page.objects.filter(path__in=paths))
    tags = [
        f"page-{instance.id}",
        f"tree-{instance.id}",
        *(f"page-{p.id}" for p in fronts),
        *listing_tags(),
    ]
    purge_tags(tags, pages=fronts)


def on_page_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    tags = [f"page-{instance.id}", f"tree-{instance.id}", *listing_tags()]
    fronts = []
    for parent in (parent_page_before, parent_page_after):
        if parent is not None and parent.depth > 1:
            tags += ancestry_tags(parent)
            fronts.append(parent)
    purge_tags(tags, pages=[instance, *fronts])


def on_image_changed(sender, instance, **kwargs):
    """Every page that shows the image (Wagtail's reference index), with the fronts that list it."""
    pages = _pages_using(instance)
    if pages is None:
        purge_tags(["pages"])
        return
    tags = [tag for page in pages for tag in ancestry_tags(page)]
    if tags:
        purge_tags([*tags, *listing_tags()], pages=pages)


def _pages_using(image):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    try:
        page_type = ContentType.objects.get_for_model(Page)
        refs = ReferenceIndex.get_references_to(image).filter(base_content_type=page_type)
        return list(Page.objects.filter(id__in=[int(r.object_id) for r in refs]))
    except Exception:  # no usable index: retire every page rather than serve a stale photo
        return None


def connect():
    page_published.connect(on_page_published, dispatch_uid="pagecache_published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="pagecache_unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="pagecache_moved")
    post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="pagecache_deleted")
    image_model = get_image_model()
    post_save.connect(on_image_changed, sender=image_model, dispatch_uid="pagecache_image_saved")
    post_delete.connect(
        on_image_changed, sender=image_model, dispatch_uid="pagecache_image_deleted"
    )
