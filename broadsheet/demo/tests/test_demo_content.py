"""demo_content builds the newspaper once; running it again creates nothing twice and keeps editors' changes."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Site

from broadsheet.newsroom.models import (
    ArticleCorrection,
    ArticlePage,
    Author,
    HomeLeadStory,
    HomePage,
    NewsImage,
    RelatedArticle,
    SectionPage,
)

pytestmark = pytest.mark.django_db


def run_demo(tmp_path, settings):
    settings.DATA_DIR = tmp_path
    out = io.StringIO()
    call_command("demo_content", stdout=out)
    return out.getvalue()


def counts():
    return [
        m.objects.count()
        for m in (ArticlePage, SectionPage, NewsImage, Author, HomeLeadStory, RelatedArticle)
    ]


@pytest.fixture
def first_run(monkeypatch, tmp_path, settings):
    """demo_content run once on an empty database: what it printed."""
    monkeypatch.delenv("DEMO_EDITOR_PASSWORD", raising=False)
    return run_demo(tmp_path, settings)


def ferry():
    return ArticlePage.objects.get(slug__startswith="island-ferry-talks")


def test_the_demo_builds_the_front_page_sections_and_stories(first_run):
    assert counts()[:4] == [12, 6, 12, 6]
    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()  # the welcome page is gone
    assert [s.title for s in SectionPage.objects.child_of(home).order_by("path")] == [
        "National",
        "Business",
        "Culture",
        "Opinion",
    ]
    assert all(
        a.lead_image and a.lead_image.credit and a.first_published_at
        for a in ArticlePage.objects.all()
    )
    assert all(
        4 <= len([b for b in a.body if b.block_type == "paragraph"]) <= 8
        for a in ArticlePage.objects.all()
    )


def test_the_demo_stories_carry_learner_words_corrections_and_credits(first_run, client):
    learner_words = ("withdrawing", "officials", "big deal", "tit for tat", "higher-up")
    text = " ".join(str(b.value) for b in ferry().body).lower()
    assert all(word in text for word in learner_words)
    assert sorted(ArticleCorrection.objects.values_list("kind", flat=True)) == [
        "clarification",
        "correction",
    ]
    assert "[Jung Ye-rin/NEWSWIRE]" in client.get(ferry().url).content.decode()


def test_a_second_run_creates_nothing_twice_and_keeps_the_desks_edits(
    first_run, client, tmp_path, settings
):
    edited = ArticlePage.objects.first()
    edited.headline = "Edited by the desk"
    edited.save_revision().publish()
    second = run_demo(tmp_path, settings)
    assert counts()[:4] == [12, 6, 12, 6] and ArticleCorrection.objects.count() == 2
    assert ArticlePage.objects.get(pk=edited.pk).headline == "Edited by the desk"
    password = first_run.rsplit("password: ", 1)[1].strip()
    assert (
        second.rsplit("password: ", 1)[1].strip() == password
    )  # reruns print the same credentials
    editor = get_user_model().objects.get(username="editor")
    assert editor.check_password(password) and editor.groups.filter(name="Editors").exists()
    assert client.get(ferry().url).status_code == 200 and client.get("/").status_code == 200


def test_editor_password_from_environment(monkeypatch, tmp_path, settings):
    from broadsheet.demo.editor_account import editor_ensure

    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("DEMO_EDITOR_PASSWORD", "from-the-environment")
    user, password = editor_ensure()
    assert password == "from-the-environment" and user.check_password(password)
    assert not (tmp_path / "demo-editor-password").exists()
