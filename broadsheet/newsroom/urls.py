"""Author pages, feeds and the sitemap; the pages themselves are served by Wagtail's catch-all (see the page models)."""

from django.conf import settings
from django.urls import path
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps.views import sitemap

from .feeds import CorrectionsFeed, LatestArticlesAtomFeed, LatestArticlesFeed, SectionAtomFeed, SectionFeed
from .sitemaps import NewsSitemap
from .views import author_page, corrections_page

app_name = "newsroom"


def cached_feed(feed):
    return cache_page(settings.NEWSROOM_FEED_CACHE_SECONDS, key_prefix="newsroom-feed")(feed)


urlpatterns = [
    path("authors/<slug:slug>/", author_page, name="author"),
    # Not under cache_page: the page cache keeps them, and the "corrections" tag retires them on the spot.
    path("corrections/", corrections_page, name="corrections"),
    path("corrections/feed/", CorrectionsFeed(), name="feed-corrections"),
    path("feeds/latest/", cached_feed(LatestArticlesFeed()), name="feed-latest"),
    path("feeds/latest/atom/", cached_feed(LatestArticlesAtomFeed()), name="feed-latest-atom"),
    path("feeds/sections/<path:section_path>/atom/", cached_feed(SectionAtomFeed()), name="feed-section-atom"),
    path("feeds/sections/<path:section_path>/", cached_feed(SectionFeed()), name="feed-section"),
    path(
        "sitemap.xml",
        cache_page(settings.NEWSROOM_SITEMAP_CACHE_SECONDS, key_prefix="newsroom-sitemap")(sitemap),
        {"sitemaps": {"pages": NewsSitemap}},
        name="sitemap",
    ),
]
