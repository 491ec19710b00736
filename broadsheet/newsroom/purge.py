"""What an article's publish, change or unpublish retires besides its page and its section fronts: the
topic, author and archive pages it appears on, the feeds it is in and its sitemap files, and nothing else.

Tags are for the page cache (and Surrogate-Key front caches); the URLs are for a front cache that purges by
address (Wagtail's frontend_cache), first pages only. A change is judged against the previous revision
too: a tag or byline taken off the article still leaves the old topic or author page to refresh.
"""

from django.utils import timezone
from django.utils.dateparse import parse_datetime
from taggit.models import Tag

from .listings import archive_articles, archive_path, archive_period, archive_tags
from .models import Author
from .sitemaps import NEWS_WINDOW, sitemap_file_number


def article_listings(page, previous=None, revision=None):
    """(tags, urls) of the listings the article is on now or was on in the previous revision.

    `revision` is the one being published (None when unpublishing): its content says whether the page was
    live before, so a day that gains its first story or loses its last one is told apart from an edit.
    """
    old = previous.content if previous is not None else {}
    author_ids = {b.author_id for b in page.bylines.all()} | {
        b.get("author") for b in old.get("bylines", [])
    }
    tag_ids = set(page.tagged_items.values_list("tag_id", flat=True)) | {
        t.get("tag") for t in old.get("tagged_items", [])
    }
    moments = {m for m in (page.first_published_at, _moment(old.get("first_published_at"))) if m}
    authors = list(Author.objects.filter(pk__in=author_ids - {None}).values_list("pk", "slug"))
    topics = list(Tag.objects.filter(pk__in=tag_ids - {None}).values_list("pk", "slug"))

    tags = article_listing_tags(
        page.pk, [pk for pk, _ in authors], [pk for pk, _ in topics], moments
    )
    urls = [
        "/feeds/latest/",
        "/feeds/latest/atom/",
        "/sitemap.xml",
        f"/sitemap-pages-{sitemap_file_number(page.pk)}.xml",
    ]
    for _pk, slug in authors:
        urls += [f"/authors/{slug}/", f"/feeds/authors/{slug}/", f"/feeds/authors/{slug}/atom/"]
    for _pk, slug in topics:
        urls += [f"/tags/{slug}/", f"/feeds/tags/{slug}/", f"/feeds/tags/{slug}/atom/"]
    for moment in moments:
        day = timezone.localtime(moment).date()
        urls += [
            archive_path(archive_period(*parts))
            for parts in ((day.year,), (day.year, day.month), (day.year, day.month, day.day))
        ]
        if _day_opened_or_emptied(page, moment, revision, moved=len(moments) > 1):
            tags.append("archive")  # the neighbouring days' previous/next links change
        if moment >= timezone.now() - NEWS_WINDOW:
            urls.append("/sitemap-news.xml")
    for section in page.get_ancestors().filter(depth__gt=2):
        urls += [f"/feeds/sections{section.url_path[len(_root_path(page)) - 1 :]}"]
    return tags, urls


def article_listing_tags(page_pk, author_ids, topic_ids, moments):
    """The page-cache tags of the listings an article is on: the latest feed, the sitemap index and its
    sitemap file, comment lists, its authors' and topics' pages, its archive days (and the news sitemap
    while it is recent). Publishing and the archive importer's batches both retire these."""
    tags = [
        "feed-latest",
        "sitemap-index",
        f"sitemap-{sitemap_file_number(page_pk)}",
        "api-comments",
    ]
    tags += [f"author-{pk}" for pk in author_ids]
    tags += [f"topic-{pk}" for pk in topic_ids]
    recent = timezone.now() - NEWS_WINDOW
    for moment in moments:
        tags += archive_tags(moment)
        if moment >= recent:
            tags.append("sitemap-news")
    return tags


def _root_path(page):
    return "/".join(page.url_path.split("/")[:2]) + "/"


def _moment(raw):
    return parse_datetime(raw) if isinstance(raw, str) else raw


def _day_opened_or_emptied(page, moment, revision, *, moved):
    was_live = bool(revision is not None and revision.content.get("live"))
    if page.live and was_live and not moved:
        return False  # an edit: the article was on this day already
    day = timezone.localtime(moment).date()
    count = archive_articles(archive_period(day.year, day.month, day.day)).count()
    return count == (1 if page.live else 0)
