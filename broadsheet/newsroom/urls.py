"""Author pages, feeds and the sitemap; the pages themselves are served by Wagtail's catch-all (see the page models)."""

from django.conf import settings
from django.urls import path
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps.views import sitemap

from .freshness import generation
from .feeds import LatestArticlesAtomFeed, LatestArticlesFeed, SectionAtomFeed, SectionFeed
from .sitemaps import NewsSitemap
from .views import author_page

app_name = "newsroom"


def cached_under_generation(view, *, seconds, prefix):
    """Django's cache_page keyed by the newsroom generation: a publish, by hand or by the scheduler, retires
    every cached feed and sitemap at once instead of leaving them stale for `seconds`."""

    def cached(request, *args, **kwargs):
        return cache_page(seconds, key_prefix=f"{prefix}-{generation()}")(view)(request, *args, **kwargs)

    return cached


def cached_feed(feed):
    return cached_under_generation(feed, seconds=settings.NEWSROOM_FEED_CACHE_SECONDS, prefix="newsroom-feed")


urlpatterns = [
    path("authors/<slug:slug>/", author_page, name="author"),
    path("feeds/latest/", cached_feed(LatestArticlesFeed()), name="feed-latest"),
    path("feeds/latest/atom/", cached_feed(LatestArticlesAtomFeed()), name="feed-latest-atom"),
    path("feeds/sections/<path:section_path>/atom/", cached_feed(SectionAtomFeed()), name="feed-section-atom"),
    path("feeds/sections/<path:section_path>/", cached_feed(SectionFeed()), name="feed-section"),
    path(
        "sitemap.xml",
        cached_under_generation(sitemap, seconds=settings.NEWSROOM_SITEMAP_CACHE_SECONDS, prefix="newsroom-sitemap"),
        {"sitemaps": {"pages": NewsSitemap}},
        name="sitemap",
    ),
]
