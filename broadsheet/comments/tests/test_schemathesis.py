"""Property-based run of the comments API against its own OpenAPI description (schemathesis 4).

Requests go through the real WSGI application with a signed-in moderator's session cookie and the CSRF
header, so every write path is reachable. No 500s, and every response must match the documented schema.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

SEEN = {}  # statuses seen per operation, checked by the last test

# Schema-valid data may still break a documented business rule (a control character in a comment, a stale
# cursor): those are 400s with a code. A 422 for schema-valid data would still fail, as would any 5xx.
CONFIG = SchemathesisConfig.from_str(
    '[checks.positive_data_acceptance]\nexpected-statuses = ["2xx", "400", "401", "403", "404", "409", "429"]\n'
)

schema = (
    schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), config=CONFIG)
    .include(path_regex=r"^/api/comments/")
    # Deleting the session's own account would end the run; test_api covers it.
    .exclude(path="/api/comments/me/delete")
)


@pytest.fixture
def signed_in(db, moderator, policy, settings):
    from broadsheet.comments.models import Thread

    # The app's own adapter: the documented example key is then a plain thread, not a site article.
    settings.COMMENTS_ADAPTER = "broadsheet.comments.adapter.CommentsAdapter"
    Thread.objects.create(key="article-1", title="The documented example thread")
    client = Client()
    client.force_login(moderator)
    token = client.get("/api/comments/session").json()["csrf_token"]
    # Like Django's test client (which reconnects these after each of its own requests, hence here):
    # keep the test's database connection, and its transaction, open between requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield {
        "token": token,
        "cookies": {name: client.cookies[name].value for name in ("sessionid", "csrftoken")},
    }
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_comments_api_matches_its_schema(case, signed_in):
    # Where schemathesis sent a session cookie (the documented security scheme), make it the real one;
    # cases that leave it out on purpose stay anonymous and must get 403.
    if "sessionid" in (case.cookies or {}):
        case.cookies = {**case.cookies, **signed_in["cookies"]}
    response = case.call_and_validate(headers={"X-CSRFToken": signed_in["token"]})
    SEEN.setdefault(f"{case.method} {case.path}", set()).add(response.status_code)


def test_zz_the_run_reached_signed_in_writes():
    """Guard against a fuzz run that only ever saw 403s (a lost session would make it pass vacuously)."""
    posted = SEEN.get("POST /api/comments/threads/{key}/comments")
    if posted is None:
        pytest.skip("the schemathesis run did not happen in this process")
    assert 201 in posted and 200 in SEEN.get("GET /api/comments/me/comments", set())
