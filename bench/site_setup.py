"""Run under Django (bench settings): pick the bench article, make a signed-in bench reader. Prints JSON."""

import json
import secrets
import sys
from importlib import import_module

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402


def articles():
    from broadsheet.newsroom.models import ArticlePage

    return [{"id": p.pk, "url": p.get_url()} for p in ArticlePage.objects.live().specific()]


def bench_reader():
    user, _ = get_user_model().objects.get_or_create(
        username="bench-reader", defaults={"email": "bench@example.org"}
    )
    session = import_module(settings.SESSION_ENGINE).SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return {
        "user_id": user.pk,
        "sessionid": session.session_key,
        "csrftoken": secrets.token_hex(16),
    }


def comment_tables():
    from broadsheet.comments.models import Comment, Thread

    return {"comment_table": Comment._meta.db_table, "thread_table": Thread._meta.db_table}


if __name__ == "__main__":
    info = {"articles": articles(), **bench_reader(), **comment_tables()}
    json.dump(info, sys.stdout)
