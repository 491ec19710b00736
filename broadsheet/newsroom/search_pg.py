"""Search on PostgreSQL with Wagtail's database backend, queried directly: Wagtail's own query ORs its title
and body vectors into one expression per row (`title || body @@ q`), which no index can answer, so it reads
every entry. Here each vector's GIN index answers `@@` on its own, ranking happens only for the matches,
and equal ranks fall back to the newest publication date. Wagtail keeps the index up to date as before;
this only reads it (measured in bench/results.md)."""

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from modelsearch.conf import get_app_config

from .models import ArticlePage

ENTRY = get_app_config().get_model("IndexEntry", require_ready=False)._meta.db_table
RELEVANCE = "rank DESC, p.first_published_at DESC, p.id DESC"
NEWEST = "p.first_published_at DESC, p.id DESC"


class RankedIds:
    """Article ids in rank order, sliceable and countable for Django's Paginator; each slice is one query."""

    def __init__(self, terms, articles, newest):
        inner, inner_params = articles.order_by().values("pk").query.sql_with_params()
        content_type = ContentType.objects.get_for_model(ArticlePage).pk
        self.from_where = (
            f"FROM (SELECT websearch_to_tsquery('english', %s) AS query) q, {ENTRY} e "
            "JOIN wagtailcore_page p ON p.id = e.object_id::bigint "
            "WHERE e.content_type_id = %s AND (e.title @@ q.query OR e.body @@ q.query) "
            f"AND p.id IN ({inner})"
        )
        self.params = [terms, content_type, *inner_params]
        self.order = NEWEST if newest else RELEVANCE

    def count(self):
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) {self.from_where}", self.params)
            return cursor.fetchone()[0]

    def __getitem__(self, window):
        sql = (f"SELECT p.id, ts_rank(e.title || coalesce(e.body, ''::tsvector), q.query) AS rank "
               f"{self.from_where} ORDER BY {self.order} LIMIT %s OFFSET %s")
        with connection.cursor() as cursor:
            cursor.execute(sql, [*self.params, window.stop - window.start, window.start])
            return [row[0] for row in cursor.fetchall()]
