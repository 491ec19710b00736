"""Two submits of one comment racing each other on a real server database end as one row."""

import threading

import pytest
from django.db import connection, connections

from broadsheet.comments import services
from broadsheet.comments.models import Comment, Thread

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs a server database (DATABASE_URL)"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_racing_double_submit_makes_one_comment(make_user):

    reader = make_user("racer")
    Thread.objects.create(key="race", title="Race")
    barrier = threading.Barrier(4)
    results, errors = [], []

    def submit():
        try:
            barrier.wait()
            comment = services.comment_create(
                thread_key="race",
                author=reader,
                body="Only once, please.",
                idempotency_key="same-key",
            )
            results.append(comment.pk)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(set(results)) == 1
    assert Comment.objects.filter(author=reader).count() == 1
    assert Thread.objects.get(key="race").comment_count == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_first_comments_racing_on_a_new_thread_make_one_thread(make_user, settings):
    from broadsheet.comments import adapter

    class Site(adapter.CommentsAdapter):
        def resolve_thread(self, key):
            return adapter.ThreadInfo(title="Fresh", url="/fresh/") if key == "fresh" else None

    settings.COMMENTS_ADAPTER = f"{__name__}.FreshSite"
    globals()["FreshSite"] = Site
    readers = [make_user(f"first{n}") for n in range(4)]
    barrier = threading.Barrier(4)
    errors = []

    def submit(reader):
        try:
            barrier.wait()
            services.comment_create(
                thread_key="fresh", author=reader, body=f"First! says {reader.username}"
            )
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(r,)) for r in readers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert (
        Thread.objects.filter(key="fresh").count() == 1
        and Thread.objects.get(key="fresh").comment_count == 4
    )
