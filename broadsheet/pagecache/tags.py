"""Dependency tags: what a stored page depends on, and what a change to a page must retire.

A stored page carries `page-<its id>`, `tree-<id>` for each ancestor and `pages`. Publishing a page
bumps `page-` of the page and of every ancestor (its section fronts, the homepage) but no sibling.
`tree-<id>` is bumped when a page's title, slug or place changes: every page below it shows it in its
breadcrumbs and URL. The listing tags (PAGECACHE_LISTING_TAGS: feeds, sitemap and whatever else a site
lists pages in) follow every change to the tree, unless the page names its own listings.
"""

from .app_settings import app_settings


def listing_tags():
    return app_settings.LISTING_TAGS


def page_tags(page):
    ancestor_ids = page.get_ancestors().filter(depth__gt=1).values_list("id", flat=True)
    return [f"page-{page.id}", *(f"tree-{pk}" for pk in ancestor_ids), "pages"]


def ancestry_tags(page, *, with_self=True):
    """`page-` tags of the page (optionally) and each ancestor: the fronts that list it."""
    tags = [
        f"page-{pk}" for pk in page.get_ancestors().filter(depth__gt=1).values_list("id", flat=True)
    ]
    if with_self:
        tags.append(f"page-{page.id}")
    return tags


def publish_tags(page, *, subtree=False, previous=None, revision=None):
    """A page may name the other listings it appears on with `pagecache_purge_tags(previous=, revision=)`
    (the revisions before and being published; None when unpublishing): the listing pages, feeds and
    sitemap files it is in. Then only those go, not every listing."""
    own = getattr(page, "pagecache_purge_tags", None)
    listings = own(previous=previous, revision=revision) if callable(own) else listing_tags()
    tags = [*ancestry_tags(page), *listings]
    if subtree:
        tags.append(f"tree-{page.id}")
    return tags
