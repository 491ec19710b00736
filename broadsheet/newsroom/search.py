"""Reader search over published articles, through Wagtail's search backend (settings: WAGTAILSEARCH_BACKENDS):
PostgreSQL full-text search in production, SQLite FTS5 (Porter stemming) on the embedded default, or
Elasticsearch/OpenSearch when SEARCH_URL names one. The page and /api/search both call article_search."""

import datetime
import re

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.db import connection
from django.utils import timezone
from wagtail.search.utils import parse_query_string

from .highlight import marked
from .models import ArticleByline, ArticlePage, ArticleTag, SectionPage

# Curly quotes and apostrophes typed on phones become the plain ones the query parser knows.
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def plain_terms(q):
    """Quoted parts stay phrases; hyphens separate words (re-dispatched is 're dispatched' in every index,
    which also keeps FTS5 and websearch_to_tsquery from reading '-' as NOT); any other syntax is a space."""
    text = q.translate(QUOTES)
    text = re.sub(r"(?<=\w)-(?=\w)", " ", text)
    return re.sub(r"[^\w\s'\"]", " ", text)


def search_terms(q):
    return parse_query_string(plain_terms(q))[1]


def direct_postgres():
    """Wagtail's database backend on PostgreSQL is read directly (search_pg.py); any other backend
    (SQLite FTS5, Elasticsearch, OpenSearch) through Wagtail's search API."""
    backend = settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    return connection.vendor == "postgresql" and backend == "wagtail.search.backends.database"


def _day_start(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filtered_articles(found):
    articles = ArticlePage.objects.published()
    if found.section is not None:
        articles = articles.descendant_of(found.section)
    if found.date_from:
        articles = articles.filter(first_published_at__gte=_day_start(found.date_from))
    if found.date_to:
        articles = articles.filter(
            first_published_at__lt=_day_start(found.date_to + datetime.timedelta(days=1))
        )
    # Bylines and tags are not in the search index: the filters reach them through the page id.
    if found.author is not None:
        articles = articles.filter(
            id__in=ArticleByline.objects.filter(author=found.author).values("page_id")
        )
    if found.tag is not None:
        articles = articles.filter(
            id__in=ArticleTag.objects.filter(tag=found.tag).values("content_object_id")
        )
    return articles.prefetch_related("bylines__author")


def article_search(*, found):
    """One page of results for a checked SearchInput: {'page_obj', 'results', 'count', 'suggestions'}."""
    articles = filtered_articles(found)
    if direct_postgres():
        from .search_pg import RankedIds

        size = settings.NEWSROOM_SEARCH_PAGE_SIZE
        results = RankedIds(plain_terms(found.q), articles, found.sort == "newest").window(
            (found.page - 1) * size, size
        )
    elif found.sort == "newest":
        results = articles.order_by("-first_published_at").search(
            search_terms(found.q), order_by_relevance=False
        )
    else:
        results = articles.search(search_terms(found.q))
    paginator = Paginator(results, settings.NEWSROOM_SEARCH_PAGE_SIZE)
    try:
        page_obj = paginator.page(found.page)
        shown = list(page_obj.object_list)
        if shown and not isinstance(
            shown[0], ArticlePage
        ):  # ids: the articles of this page, in order
            cards = articles.in_bulk(shown)
            shown = [cards[pk] for pk in shown if pk in cards]
    except EmptyPage:  # past the last page: an empty page that still says how many there are
        page_obj, shown = None, []
    count = paginator.count
    return {
        "page_obj": page_obj,
        "count": count,
        "more": getattr(results, "more", False),  # count is a lower bound (PostgreSQL caps it)
        "pages": paginator.num_pages if count else 0,
        "results": search_results(shown, found.q),
        "suggestions": suggestions(found.q) if count == 0 else [],
        "latest": latest_stories() if count == 0 else [],
    }


class SearchResult:
    def __init__(self, article, section, q):
        self.article = article
        self.section = section
        self.authors = [byline.author for byline in article.bylines.all()]
        self.headline, self.snippet = marked(article, q)


def search_results(articles, q):
    """Each article with its section (one query for all of them) and a highlighted snippet."""
    parent_paths = {a.path[: -ArticlePage.steplen] for a in articles}
    sections = (
        {s.path: s for s in SectionPage.objects.filter(path__in=parent_paths)}
        if parent_paths
        else {}
    )
    return [SearchResult(a, sections.get(a.path[: -ArticlePage.steplen]), q) for a in articles]


def suggestions(q):
    """Topic names spelt like the query (pg_trgm similarity; PostgreSQL only)."""
    if connection.vendor != "postgresql" or not q:
        return []
    from django.contrib.postgres.search import TrigramSimilarity
    from taggit.models import Tag

    similar = Tag.objects.annotate(similarity=TrigramSimilarity("name", q)).filter(
        similarity__gt=0.3
    )
    return list(similar.order_by("-similarity").values_list("name", flat=True)[:3])


def latest_stories():
    return list(ArticlePage.objects.published().latest_first()[:5])
