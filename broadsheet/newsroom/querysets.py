"""'Published' is defined once, here, and reused by views, feeds and sitemaps."""

from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        """Live and visible to the public (no privacy restriction): what readers, feeds and sitemaps see."""
        return self.live().public()

    def latest_first(self):
        return self.order_by("-first_published_at", "-pk")


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


def published_pages():
    """Every published page of any type, for the sitemap."""
    return NewsPageQuerySet(Page).published()
