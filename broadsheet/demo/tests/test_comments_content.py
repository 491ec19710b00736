"""The comments demo: the Standards Board Policy under the homepage and a few conversations, made once."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from broadsheet.comments.models import Comment, PolicyClause, StandardsPolicyPage, Thread

pytestmark = pytest.mark.django_db


def test_policy_and_conversations_are_created_once(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    for _ in range(2):
        call_command("demo_content", stdout=io.StringIO())
    policy = StandardsPolicyPage.objects.get()
    assert policy.live and policy.get_parent().specific_class.__name__ == "HomePage"
    assert list(PolicyClause.objects.filter(page=policy).values_list("number", flat=True)) == list(
        range(1, 9)
    )
    threads = Thread.objects.filter(key__startswith="article-")
    assert threads.count() == 2 and all(t.comment_count == 5 for t in threads)
    assert Comment.objects.count() == 10
    html = Client().get(policy.url).content.decode()
    assert "Argue with ideas, not people" in html and 'id="clause-8"' in html
    api = Client().get("/api/comments/policy").json()
    assert len(api["clauses"]) == 8 and api["url"] == policy.url
