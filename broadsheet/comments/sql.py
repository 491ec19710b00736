"""The posting path's statements, written out as plain SQL.

Every post asks the same few questions and bumps one count. Building each query with the ORM cost
more CPU than the database took to answer it (bench/results.md), and each statement is a round trip
the reader waits for, so here they are written out once, with table and column names taken from the
models and every value bound as a parameter: all of a post's questions in one statement
(post_checks), and on PostgreSQL the count and the row in one more (comment_insert, a data-modifying
WITH). The rest is standard SQL: SQLite and PostgreSQL.
"""

from functools import cache

from django.db import connection

from .models import Comment, CommentStatus, Sanction, SanctionKind, Thread


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


# -- one post: what decides the answer in one statement, the count and the row in one more ----------


@cache
def _checks_sql(with_key, trusted_after):
    thread, key, *columns = _names(Thread, "key", *(f.name for f in Thread._meta.concrete_fields))
    thread_pk = connection.ops.quote_name(Thread._meta.pk.column)
    table, pk, author, idem, digest, created, thread_id, status, body = _names(
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
    questions = [f"EXISTS ({_sanction_sql()}) AS sanctioned"]
    if with_key:
        questions.append(
            f"(SELECT c.{pk} FROM {table} c WHERE c.{author} = %s AND c.{idem} = %s) AS replayed_id"
        )
    # The thread is compared in the select list, not in the WHERE, so that the author + digest index
    # answers: naming the thread there let PostgreSQL, with statistics a busy day had not caught up with
    # yet, walk all of the author's comments in the thread instead.
    questions.append(
        f"(SELECT COUNT(CASE WHEN c.{thread_id} = t.{thread_pk} THEN 1 END) FROM {table} c"
        f" WHERE c.{author} = %s AND c.{digest} = %s AND c.{created} >= %s"
        f" AND c.{status} <> %s AND c.{body} = %s) AS duplicates"
    )
    if trusted_after:
        questions.append(
            f"(SELECT COUNT(*) FROM (SELECT 1 FROM {table} c WHERE c.{author} = %s"
            f" AND c.{status} = %s LIMIT {int(trusted_after)}) v) AS visible_before"
        )
    return (
        f"SELECT {', '.join(f't.{c}' for c in columns)}, {', '.join(questions)}"
        f" FROM (SELECT 1 AS one) one LEFT JOIN {thread} t ON t.{key} = %s"
    )


def post_checks(*, thread_key, author_id, idempotency_key, digest, body, now, since, trusted_after):
    """Everything a new comment is checked against, in one statement. Returns the stored Thread of
    thread_key (None when there is none yet) with these attributes set on it (on a stand-in when None):

    - ``sanctioned``: a ban, or a suspension lasting past now, stops this author writing;
    - ``replayed_id``: the author's comment that already used this idempotency key, or None;
    - ``duplicates``: how many of the author's comments in this thread since ``since``, not deleted,
      carry exactly this text;
    - ``visible_before``: how many of the author's comments are visible, counted up to trusted_after
      (None when trusted_after is 0).
    """
    params = [author_id, SanctionKind.BAN, SanctionKind.SUSPENSION, now]
    if idempotency_key:
        params += [author_id, idempotency_key]
    params += [author_id, digest, since, CommentStatus.DELETED, body]
    if trusted_after:
        params += [author_id, CommentStatus.VISIBLE]
    params.append(thread_key)
    row = next(iter(Thread.objects.raw(_checks_sql(bool(idempotency_key), trusted_after), params)))
    row.sanctioned = bool(row.sanctioned)
    row.replayed_id = getattr(row, "replayed_id", None)
    row.visible_before = getattr(row, "visible_before", None)
    return row


@cache
def _insert_sql(count_column):
    thread, thread_pk, count, visible = _names(Thread, "id", count_column, "comment_count")
    table, pk = _names(Comment, "id")
    fields = [f for f in Comment._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    return fields, (
        f"WITH counted AS (UPDATE {thread} SET {count} = {count} + 1 WHERE {thread_pk} = %s"
        f" RETURNING {visible})"
        f" INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
        f" RETURNING {pk}, (SELECT {visible} FROM counted)"
    )


def comment_insert(comment, *, visible):
    """PostgreSQL only: store a new top-level comment (an unsaved instance) and add one to its thread's
    visible (or awaiting review) count in one statement, which on its own is one transaction: the
    thread's row is locked, the row inserted, the new visible count returned. Sets the comment's pk and
    returns the thread's visible count as the statement left it."""
    fields, statement = _insert_sql("comment_count" if visible else "pending_count")
    values = [f.get_db_prep_save(getattr(comment, f.attname), connection) for f in fields]
    ((pk, count),) = _rows(statement, [comment.thread_id, *values])
    comment.pk = pk
    comment._state.adding, comment._state.db = False, connection.alias
    return count
