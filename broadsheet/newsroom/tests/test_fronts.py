"""Section fronts (with subsections, paginated, bad ?page= never a 500), the homepage and the header navigation."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from ..models import HomeLeadStory
from .factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db


def hours_ago(n):
    return timezone.now() - datetime.timedelta(hours=n)


@pytest.fixture
def national(politics):
    return politics.get_parent().specific


def test_section_front_lists_its_own_and_subsection_articles_newest_first(
    client, national, politics
):
    older = ArticlePageFactory(
        parent=national, title="Older national story", first_published_at=hours_ago(5)
    )
    newer = ArticlePageFactory(
        parent=politics, title="Newer politics story", first_published_at=hours_ago(1)
    )
    draft = ArticlePageFactory(parent=politics, title="Unpublished draft story")
    draft.unpublish()
    html = client.get("/national/").content.decode()
    assert html.index(newer.title) < html.index(older.title)
    assert draft.title not in html
    assert '<a href="/national/politics/">Politics</a>' in html  # subsections listed


def test_fronts_at_every_depth_list_their_own_and_only_theirs(national, politics, home):
    """front_ids reads a top-level section's or a subsection's own index on PostgreSQL (0010) and walks
    every page for deeper ones: each front lists exactly its descendants, newest first."""
    from ..fronts import front_ids

    assembly = SectionPageFactory(parent=politics, title="Assembly", slug="assembly")
    economy = SectionPageFactory(parent=home, title="Economy", slug="economy")
    stories = {
        section: ArticlePageFactory(
            parent=section, title=f"{section.title} story", first_published_at=hours_ago(n)
        )
        for n, section in enumerate((national, politics, assembly, economy), start=1)
    }
    expected = {
        national: [stories[national], stories[politics], stories[assembly]],
        politics: [stories[politics], stories[assembly]],
        assembly: [stories[assembly]],
        economy: [stories[economy]],
    }
    for section, articles in expected.items():
        assert list(front_ids(section)) == [a.pk for a in articles], section.title


def test_section_front_pages_and_bad_page_numbers_are_404_not_500(client, settings, politics):
    settings.NEWSROOM_SECTION_PAGE_SIZE = 2
    for n in range(5):
        ArticlePageFactory(
            parent=politics, title=f"Story number {n}", first_published_at=hours_ago(n)
        )
    first = client.get("/national/politics/").content.decode()
    assert "Story number 0" in first and "Story number 2" not in first
    assert 'rel="next" href="?page=2"' in first
    third = client.get("/national/politics/?page=3").content.decode()
    assert "Story number 4" in third and "Page 3 of 3" in third
    for bad in ("4", "0", "-1", "abc", "1.5", "99999999999999999999999", "%00"):
        assert client.get("/national/politics/", {"page": bad}).status_code == 404, bad


def test_the_front_page_count_follows_publishing(client, settings, politics):
    """The count is kept per newsroom generation (fronts.section_front): a new or withdrawn story moves it."""
    settings.NEWSROOM_SECTION_PAGE_SIZE = 2
    stories = [
        ArticlePageFactory(
            parent=politics, title=f"Story number {n}", first_published_at=hours_ago(n)
        )
        for n in range(4)
    ]
    assert "Page 1 of 2" in client.get("/national/politics/").content.decode()
    with CaptureQueriesContext(connection) as counted:
        client.get("/national/politics/")
    assert not any(
        "COUNT(" in q["sql"] for q in counted.captured_queries
    )  # remembered, not counted again
    ArticlePageFactory(parent=politics, title="Story number 4", first_published_at=hours_ago(9))
    assert "Page 1 of 3" in client.get("/national/politics/").content.decode()
    stories[0].unpublish()
    assert "Page 1 of 2" in client.get("/national/politics/").content.decode()


def test_homepage_shows_lead_stories_then_latest_per_section(client, home, politics, settings):
    settings.NEWSROOM_HOME_PER_SECTION = 2
    business = SectionPageFactory(parent=home, title="Business", slug="business")
    lead = ArticlePageFactory(
        parent=business, title="Editor's lead story", first_published_at=hours_ago(30)
    )
    HomeLeadStory.objects.create(page=home, article=lead)
    stories = [
        ArticlePageFactory(
            parent=politics, title=f"Politics item {n}", first_published_at=hours_ago(n)
        )
        for n in range(3)
    ]
    html = client.get("/").content.decode()
    assert html.index("Editor&#x27;s lead story") < html.index('<h2 class="section-block-title"')
    assert stories[0].title in html and stories[1].title in html
    assert stories[2].title not in html  # only the latest N per section


def test_homepage_drops_unpublished_lead_stories(client, home, politics):
    lead = ArticlePageFactory(parent=politics, title="Pulled story")
    HomeLeadStory.objects.create(page=home, article=lead)
    lead.unpublish()
    assert client.get("/").status_code == 200
    assert "Pulled story" not in client.get("/").content.decode()


def test_header_navigation_lists_sections_with_children_and_follows_publishing(
    client, home, politics
):
    html = client.get("/").content.decode()
    assert (
        '<a href="/national/">National</a>' in html
        and '<a href="/national/politics/">Politics</a>' in html
    )
    culture = SectionPageFactory(parent=home, title="Culture", slug="culture", live=False)
    culture.save_revision().publish()  # publishing clears the cached navigation
    assert '<a href="/culture/">Culture</a>' in client.get("/").content.decode()


@pytest.mark.parametrize("raw", ["²", "٣", "9" * 5000, "1²"])
def test_crafted_page_numbers_are_404_not_500(client, politics, raw):
    assert client.get("/national/politics/", {"page": raw}).status_code == 404
