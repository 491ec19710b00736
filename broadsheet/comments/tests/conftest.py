"""Fixtures for the comments tests: readers, a moderator, the policy, an open thread, clients with CSRF."""

import json
import uuid

import pytest
from django.test import Client

from broadsheet.comments.models import PolicyClause

from .factories import ThreadFactory, UserFactory, moderator_user, policy_page


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # Rate-limit counters and word lists live in the cache: each test gets keys of its own (never a
    # flush: with REDIS_URL the Redis is shared with other runs) and starts as a trusted commenter.
    settings.COMMENTS_TRUSTED_AFTER = 0
    settings.COMMENTS_CACHE_PREFIX = f"comments-test-{uuid.uuid4().hex}"


@pytest.fixture
def make_user(db):
    def make(name="reader", **extra):
        return UserFactory(username=name, **extra)

    return make


@pytest.fixture
def reader(make_user):
    return make_user("reader")


@pytest.fixture
def other(make_user):
    return make_user("other")


@pytest.fixture
def moderator(db):
    return moderator_user("mod")


@pytest.fixture
def policy(db):
    return policy_page()


@pytest.fixture
def clause(policy):
    return PolicyClause.objects.get(page=policy, number=1)


@pytest.fixture
def thread(db):
    return ThreadFactory(key="test-thread", title="A test story", url="/news/test-story/")


class ApiClient(Client):
    """The page script's view of the API: JSON bodies and the CSRF header from /session."""

    def __init__(self, user=None, **kwargs):
        super().__init__(enforce_csrf_checks=True, **kwargs)
        if user is not None:
            self.force_login(user)
        self.token = self.get("/api/comments/session").json()["csrf_token"]

    def send(self, method, path, data=None, csrf=True, **extra):
        headers = {"HTTP_X_CSRFTOKEN": self.token} if csrf else {}
        body = (
            data if isinstance(data, (str, bytes)) else json.dumps(data if data is not None else {})
        )
        return getattr(self, method)(
            path, body, content_type="application/json", **headers, **extra
        )


@pytest.fixture
def api(db):
    def make(user=None):
        return ApiClient(user)

    return make
