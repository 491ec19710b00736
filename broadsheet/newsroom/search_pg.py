"""Search on PostgreSQL, read from the articles' own search_vector column (migration 0008_search_vector:
headline A > standfirst B > body C, kept by a trigger, GIN-indexed), not from Wagtail's index, whose query
ORs two vectors per row (`title || body @@ q`), which no index answers, and ranks every match.

One query answers a page: the newest MAX_RESULTS + 1 matches that pass the filters (PostgreSQL walks the
publication-date index and stops there for a common word, or reads the GIN index for a rare one), their
count, and the page's ids ranked by ts_rank among those candidates (equal ranks: newest first) or by date.
So a common word costs the same in an archive of 10,000 or 1,000,000 articles, and the count says
"1,000+" instead of counting every match (plans in bench/results.md)."""

from django.conf import settings
from django.db import connection, transaction
from django.db.models import BooleanField, TextField
from django.db.models.expressions import RawSQL

QUERY = "websearch_to_tsquery('english', %s)"
MATCH = f"newsroom_articlepage.search_vector @@ {QUERY}"
RELEVANCE = f"ts_rank(c.vector, {QUERY}) DESC, c.published DESC, c.id DESC"
NEWEST = "c.published DESC, c.id DESC"


def max_results():
    return settings.NEWSROOM_SEARCH_MAX_RESULTS


class RankedIds:
    """Article ids in rank order for Django's Paginator: count() is the number of matches up to
    MAX_RESULTS (`more` says there are more); a slice is one page. Both come from one query for the
    page named beforehand (`window()`), so the Paginator's count and slice cost one round trip."""

    def __init__(self, terms, articles, newest):
        matches = articles.filter(RawSQL(MATCH, [terms], output_field=BooleanField()))
        vector = RawSQL("newsroom_articlepage.search_vector", [], output_field=TextField())
        candidates = (
            matches.order_by("-first_published_at", "-pk")
            .annotate(vector=vector)
            .values("pk", "first_published_at", "vector")[: max_results() + 1]
        )
        self.sql, self.params = candidates.query.sql_with_params()
        self.terms = terms
        self.newest = newest
        self._window = None
        self._total = None
        self._ids = None

    def window(self, offset, limit):
        self._window = (offset, limit)
        return self

    def _run(self):
        offset, limit = self._window or (0, 10)
        order = NEWEST if self.newest else RELEVANCE
        sql = (
            f"WITH c (id, published, vector) AS MATERIALIZED ({self.sql}) "
            f"SELECT (SELECT count(*) FROM c), id FROM "
            f"(SELECT * FROM c ORDER BY published DESC, id DESC LIMIT %s) c "
            f"ORDER BY {order} LIMIT %s OFFSET %s"
        )
        params = [
            *self.params,
            max_results(),
            *([] if self.newest else [self.terms]),
            limit,
            offset,
        ]
        # A serial plan: two parallel workers take longer to start than the walk takes (bench/results.md,
        # 100,000 articles), and under load they take CPU from the requests beside this one.
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            cursor.execute("SET LOCAL max_parallel_workers_per_gather = 0")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        if rows:
            self._total = rows[0][0]
        else:  # past the last page: the count alone
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT count(*) FROM ({self.sql}) c", self.params)
                self._total = cursor.fetchone()[0]
        self._ids = [row[1] for row in rows]

    @property
    def more(self):
        """More matches than MAX_RESULTS: the count shown is a lower bound."""
        self.count()
        return self._total > max_results()

    def count(self):
        if self._total is None:
            self._run()
        return min(self._total, max_results())

    def __getitem__(self, window):
        size = window.stop - window.start
        if (
            self._ids is None
            or self._window is None
            or window.start != self._window[0]
            or size > self._window[1]
        ):
            self._window = (window.start, size)
            self._run()
        return self._ids[:size]
