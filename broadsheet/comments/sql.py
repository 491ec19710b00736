"""The posting path's statements, written out as plain SQL.

Every post asks the same few questions and bumps one count. Building each query with the ORM cost
more CPU than the database took to answer it (bench/results.md), so here they are written out once,
with table and column names taken from the models and every value bound as a parameter. Standard SQL:
SQLite and PostgreSQL. Anything that needs a model instance still goes through the ORM.
"""

from functools import cache

from django.db import connection

from .models import Comment, Sanction, SanctionKind, Thread


def _names(model, *fields):
    """The model's quoted table name, then its fields' quoted column names."""
    quote, meta = connection.ops.quote_name, model._meta
    return quote(meta.db_table), *(quote(meta.get_field(f).column) for f in fields)


def _rows(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@cache
def _sanction_sql():
    table, user, kind, until, revoked = _names(Sanction, "user", "kind", "until", "revoked_at")
    return (
        f"SELECT 1 FROM {table} WHERE {user} = %s AND {revoked} IS NULL"
        f" AND ({kind} = %s OR ({kind} = %s AND {until} > %s)) LIMIT 1"
    )


def sanction_in_force(user_id, now):
    """Whether a ban, or a suspension lasting past now, stops this user writing."""
    return bool(_rows(_sanction_sql(), [user_id, SanctionKind.BAN, SanctionKind.SUSPENSION, now]))


@cache
def _earlier_sql(with_key):
    table, pk, author, key, digest, created, thread, status, body = _names(
        Comment,
        "id",
        "author",
        "idempotency_key",
        "body_digest",
        "created_at",
        "thread",
        "status",
        "body",
    )
    same_text = f"({digest} = %s AND {created} >= %s)"
    wanted = f"({key} = %s OR {same_text})" if with_key else same_text
    return f"SELECT {pk}, {key}, {thread}, {status}, {body} FROM {table} WHERE {author} = %s AND {wanted}"


def earlier(*, author_id, idempotency_key, digest, since):
    """The author's comments that used this idempotency key, or carry this text's digest since ``since``:
    (id, idempotency_key, thread_id, status, body) rows. Both branches are covered by an index that
    starts with the author (see Comment.Meta)."""
    params = (
        [author_id, idempotency_key, digest, since]
        if idempotency_key
        else [author_id, digest, since]
    )
    return _rows(_earlier_sql(bool(idempotency_key)), params)


@cache
def _thread_sql():
    table, key = _names(Thread, "key")
    return f"SELECT * FROM {table} WHERE {key} = %s"


def thread_by_key(key):
    """The stored Thread for key, or None (a raw() query: the ORM's own converters still apply)."""
    return next(iter(Thread.objects.raw(_thread_sql(), [key])), None)


@cache
def _count_up_sql():
    table, pk, count = _names(Thread, "id", "comment_count")
    return f"UPDATE {table} SET {count} = {count} + 1 WHERE {pk} = %s RETURNING {count}"


def thread_count_up(thread_id):
    """Add one to the thread's visible count (taking its row lock) and return the new count. Needs
    UPDATE ... RETURNING (connection.features.can_return_columns_from_insert)."""
    return _rows(_count_up_sql(), [thread_id])[0][0]
