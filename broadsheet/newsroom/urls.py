"""Author pages, search, feeds and the sitemap; the pages themselves are served by Wagtail's catch-all (see the page models)."""

from django.conf import settings
from django.urls import path
from django.views.decorators.cache import cache_page
from wagtail.contrib.sitemaps.views import sitemap

from .feeds import CorrectionsFeed, LatestArticlesAtomFeed, LatestArticlesFeed, SectionAtomFeed, SectionFeed
from .sitemaps import NewsSitemap
from .views import author_page, corrections_page, search_page

app_name = "newsroom"


urlpatterns = [
    path("authors/<slug:slug>/", author_page, name="author"),
    path("search/", search_page, name="search"),
    # Feeds and /corrections/ are kept by the page cache, whose tags ("feeds", "corrections") retire them
    # the moment an article or a correction changes; a cache_page copy behind it would outlive the purge.
    path("corrections/", corrections_page, name="corrections"),
    path("corrections/feed/", CorrectionsFeed(), name="feed-corrections"),
    path("feeds/latest/", LatestArticlesFeed(), name="feed-latest"),
    path("feeds/latest/atom/", LatestArticlesAtomFeed(), name="feed-latest-atom"),
    path("feeds/sections/<path:section_path>/atom/", SectionAtomFeed(), name="feed-section-atom"),
    path("feeds/sections/<path:section_path>/", SectionFeed(), name="feed-section"),
    path(
        "sitemap.xml",
        cache_page(settings.NEWSROOM_SITEMAP_CACHE_SECONDS, key_prefix="newsroom-sitemap")(sitemap),
        {"sitemaps": {"pages": NewsSitemap}},
        name="sitemap",
    ),
]
