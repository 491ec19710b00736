"""Dependency tags: what a stored page depends on, and what a change to a page must retire.

A stored page carries `page-<its id>`, `tree-<id>` for each ancestor and `pages`. Publishing an article
bumps `page-` of the article and of every ancestor (its section fronts, the homepage) but no sibling.
`tree-<id>` is bumped when a page's title, slug or place changes: every page below it shows it in its
breadcrumbs and URL. `feeds` and `sitemap` follow every publish, and so do anonymous readers' comment
lists (`api-comments`: they carry the article's title and whether it takes comments); a comment
written, edited, voted on or moderated retires its own thread's lists (`comments-<thread key>`).
"""

LISTINGS = ("feeds", "sitemap", "api-comments")


def page_tags(page):
    ancestor_ids = page.get_ancestors().filter(depth__gt=1).values_list("id", flat=True)
    return [f"page-{page.id}", *(f"tree-{pk}" for pk in ancestor_ids), "pages"]


def ancestry_tags(page, *, with_self=True):
    """`page-` tags of the page (optionally) and each ancestor: the fronts that list it."""
    tags = [f"page-{pk}" for pk in page.get_ancestors().filter(depth__gt=1).values_list("id", flat=True)]
    if with_self:
        tags.append(f"page-{page.id}")
    return tags


def publish_tags(page, *, subtree=False, previous=None, revision=None):
    """A page may name the other listings it appears on with `pagecache_purge_tags(previous=, revision=)`
    (the revisions before and being published; None when unpublishing): the site's topic, author and
    archive pages, the feeds and sitemap files it is in. Then only those go, not every feed and sitemap."""
    own = getattr(page, "pagecache_purge_tags", None)
    listings = own(previous=previous, revision=revision) if callable(own) else LISTINGS
    tags = [*ancestry_tags(page), *listings]
    if subtree:
        tags.append(f"tree-{page.id}")
    return tags
