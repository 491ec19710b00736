"""Section fronts and the homepage read every card's comment count in one query, however many cards."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from broadsheet.comments.models import Thread

from .factories import ArticlePageFactory


def _count_queries(client, url):
    client.get(url)  # warm: navigation, site, other areas' short caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [
        q["sql"] for q in queries.captured_queries if "comments_thread" in q["sql"]
    ], response.content.decode()


def test_a_front_reads_its_cards_counts_at_once(client, home, politics):
    articles = [ArticlePageFactory(parent=politics, title=f"Story number {n}") for n in range(4)]
    Thread.objects.create(key=articles[0].comments_thread_key, title="Story", comment_count=7)
    for url in (politics.url, home.url):
        thread_queries, html = _count_queries(client, url)
        assert len(thread_queries) == 1, url
        assert f'data-comment-count="{articles[0].comments_thread_key}">7<' in html
