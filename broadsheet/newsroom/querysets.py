"""'Published' is defined once, here, and reused by views, feeds and sitemaps."""

from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        """Live and visible to the public (no privacy restriction): what readers, feeds and sitemaps see.
        While no page has a view restriction (remembered per newsroom generation, which any restriction's
        save or delete bumps: freshness.py) every live page is public, and public() would cost a query."""
        from .freshness import view_restrictions_exist

        live = self.live()
        return live.public() if view_restrictions_exist() else live

    def latest_first(self):
        return self.order_by("-first_published_at", "-pk")


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)


def published_pages():
    """Every published page of any type, for the sitemap."""
    return NewsPageQuerySet(Page).published()
