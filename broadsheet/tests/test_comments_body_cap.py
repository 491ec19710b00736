"""The site's ASGI handler stops reading a chunked body past BROADSHEET_MAX_BODY_BYTES, before the
comments API sees it (the comments app's own cap: comments/tests/test_streamed_body.py)."""

import json

import pytest
from asgiref.sync import async_to_sync
from django.conf import settings as django_settings
from django.test import Client

from broadsheet.comments.models import Comment
from broadsheet.comments.tests.factories import ThreadFactory, UserFactory
from broadsheet.comments.tests.test_streamed_body import TOKEN, URL, post_chunked
from broadsheet.handler import SyncChainASGIHandler


@pytest.mark.django_db(transaction=True)
def test_the_server_stops_reading_past_its_cap(settings, keep_test_connection):
    ThreadFactory(key="test-thread")
    client = Client()
    client.force_login(UserFactory())
    cookies = {
        django_settings.SESSION_COOKIE_NAME: client.cookies[
            django_settings.SESSION_COOKIE_NAME
        ].value,
        "csrftoken": TOKEN,
    }
    settings.BROADSHEET_MAX_BODY_BYTES = 100_000
    status, body = async_to_sync(post_chunked)(
        SyncChainASGIHandler(), URL, [b"x" * 65_536] * 4, cookies
    )
    assert status == 413 and json.loads(body)["code"] == "too_large"
    assert not Comment.objects.exists()
