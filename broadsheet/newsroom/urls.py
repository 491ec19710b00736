"""Author, topic and archive pages, search, corrections, feeds, sitemaps and robots.txt; the pages themselves
are served by Wagtail's catch-all (see the page models). None is cached here: the page cache stores them under
tags that a publish retires (purge.py), so a new story shows at once."""

from django.urls import path, re_path

from . import feeds, sitemaps, views

app_name = "newsroom"

urlpatterns = [
    path("authors/<slug:slug>/", views.author_page, name="author"),
    path("tags/<slug:slug>/", views.topic_page, name="tag"),
    path("search/", views.search_page, name="search"),
    path("corrections/", views.corrections_page, name="corrections"),
    path("corrections/feed/", feeds.CorrectionsFeed(), name="feed-corrections"),
    re_path(r"^archive/(?P<year>[0-9]{4})/$", views.archive_page, name="archive-year"),
    re_path(
        r"^archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/$",
        views.archive_page,
        name="archive-month",
    ),
    re_path(
        r"^archive/(?P<year>[0-9]{4})/(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/$",
        views.archive_page,
        name="archive-day",
    ),
    path("feeds/latest/", feeds.LatestArticlesFeed(), name="feed-latest"),
    path("feeds/latest/atom/", feeds.LatestArticlesAtomFeed(), name="feed-latest-atom"),
    path(
        "feeds/sections/<path:section_path>/atom/",
        feeds.SectionAtomFeed(),
        name="feed-section-atom",
    ),
    path("feeds/sections/<path:section_path>/", feeds.SectionFeed(), name="feed-section"),
    path("feeds/authors/<slug:slug>/", feeds.AuthorFeed(), name="feed-author"),
    path("feeds/authors/<slug:slug>/atom/", feeds.AuthorAtomFeed(), name="feed-author-atom"),
    path("feeds/tags/<slug:slug>/", feeds.TopicFeed(), name="feed-tag"),
    path("feeds/tags/<slug:slug>/atom/", feeds.TopicAtomFeed(), name="feed-tag-atom"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-pages-<int:number>.xml", sitemaps.sitemap_pages, name="sitemap-pages"),
    path("sitemap-news.xml", sitemaps.news_sitemap, name="sitemap-news"),
    path("robots.txt", sitemaps.robots_txt, name="robots"),
]
