"""Topic, author and date-archive pages: the right stories, newest first, paginated, in constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from ..models import AuthorLink, Topic
from .discovery import build_archive, seoul, story
from .factories import NewsImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(politics):
    return build_archive(politics)


def _headlines(response):
    return [a.display_headline for a in response.context["articles"]]


def test_topic_page_lists_its_stories_newest_first_with_the_editors_description(client, archive):
    Topic.objects.create(
        tag=Tag.objects.get(slug="budget"), description="How the state raises and spends money."
    )
    response = client.get("/tags/budget/")
    assert response.status_code == 200
    assert _headlines(response) == [
        "Ferry strike ends after two days",
        "Assembly passes a leaner budget",
    ]
    html = response.content.decode()
    assert "How the state raises and spends money." in html
    assert '<nav class="breadcrumb"' in html and 'aria-current="page">budget<' in html
    assert 'href="/feeds/tags/budget/"' in html


def test_article_page_links_its_topics(client, archive):
    html = client.get(archive["budget"].url).content.decode()
    assert (
        '<a href="/tags/assembly/">assembly</a>' in html
        and '<a href="/tags/budget/">budget</a>' in html
    )


def test_unknown_topic_and_bad_pages_are_404(client, archive):
    assert client.get("/tags/no-such-topic/").status_code == 404
    for raw in ("2", "0", "²", "9" * 5000, "-1"):
        assert client.get("/tags/budget/", {"page": raw}).status_code == 404, raw


def test_topic_pages_paginate(client, politics, settings):
    settings.NEWSROOM_SECTION_PAGE_SIZE = 2
    for day in range(1, 6):
        story(politics, f"Rail story {day}", seoul(2026, 5, day, 8), tags=["rail"])
    assert _headlines(client.get("/tags/rail/")) == ["Rail story 5", "Rail story 4"]
    assert _headlines(client.get("/tags/rail/", {"page": 3})) == ["Rail story 1"]
    assert 'href="?page=2"' in client.get("/tags/rail/").content.decode()


def test_a_listing_counts_once_per_newsroom_generation(client, politics, settings):
    """The page count is remembered until something is published or withdrawn (listings.paginate)."""
    settings.NEWSROOM_SECTION_PAGE_SIZE = 2
    stories = [
        story(politics, f"Rail story {day}", seoul(2026, 5, day, 8), tags=["rail"])
        for day in range(1, 5)
    ]
    assert client.get("/tags/rail/", {"page": 2}).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get("/tags/rail/")
    assert not any("COUNT(" in q["sql"] for q in queries.captured_queries)
    story(politics, "Rail story 9", seoul(2026, 5, 9, 8), tags=["rail"])
    assert client.get("/tags/rail/", {"page": 3}).status_code == 200  # a third page now
    stories[0].unpublish()
    assert client.get("/tags/rail/", {"page": 3}).status_code == 404


def test_author_page_shows_photo_role_bio_and_links(client, archive):
    reporter = archive["reporter"]
    reporter.photo = NewsImageFactory(default_alt_text="Min-ji Park at her desk")
    reporter.save()
    AuthorLink.objects.create(author=reporter, label="Website", url="https://example.org/minji")
    response = client.get(f"/authors/{reporter.slug}/")
    html = response.content.decode()
    assert _headlines(response) == [
        "Night session runs past midnight",
        "Opposition delays a vote on pensions",
        "Assembly passes a leaner budget",
    ]
    assert "Political correspondent" in html and "Covers the National Assembly." in html
    assert 'alt="Min-ji Park at her desk"' in html
    assert '<a href="https://example.org/minji" rel="me noopener">Website</a>' in html
    assert "News agency" not in html


def test_an_author_page_shows_an_edit_at_once(client, archive):
    """The author is read once per newsroom generation (views.author_page): saving the author or one of
    their links starts a new one."""
    reporter = archive["reporter"]
    assert (
        "Covers the National Assembly." in client.get(f"/authors/{reporter.slug}/").content.decode()
    )
    reporter.bio = "Covers the courts."
    reporter.save()
    html = client.get(f"/authors/{reporter.slug}/").content.decode()
    assert "Covers the courts." in html and "National Assembly." not in html
    AuthorLink.objects.create(author=reporter, label="Email", url="mailto:desk@example.org")
    html = client.get(f"/authors/{reporter.slug}/").content.decode()
    assert 'href="mailto:desk@example.org"' in html
    assert client.get("/authors/nobody-by-this-name/").status_code == 404


def test_agency_page_says_it_is_an_agency(client, archive):
    response = client.get(f"/authors/{archive['agency'].slug}/")
    assert "News agency" in response.content.decode()
    assert _headlines(response) == [
        "Ferry strike ends after two days",
        "Opposition delays a vote on pensions",
    ]


def test_archive_day_lists_by_publication_date_in_seoul_time(client, archive):
    response = client.get("/archive/2026/03/02/")
    assert _headlines(response) == [
        "Opposition delays a vote on pensions",
        "Assembly passes a leaner budget",
    ]
    html = response.content.decode()
    # The previous day with stories is none; the next one skips the empty 3rd and 4th.
    assert 'class="archive-prev"' not in html
    assert 'class="archive-next" href="/archive/2026/03/05/"' in html
    late = client.get(
        "/archive/2026/04/01/"
    )  # 23:30 in Seoul is still April 1st, though UTC says so too
    assert _headlines(late) == ["Night session runs past midnight"]
    assert 'class="archive-prev" href="/archive/2026/03/05/"' in late.content.decode()


def test_archive_month_and_year(client, archive):
    assert len(client.get("/archive/2026/03/").context["articles"]) == 3
    assert len(client.get("/archive/2026/").context["articles"]) == 4
    html = client.get("/archive/2026/03/").content.decode()
    assert 'class="archive-next" href="/archive/2026/04/"' in html


def test_an_empty_day_says_so_and_still_links_its_neighbours(client, archive):
    html = client.get("/archive/2026/03/03/").content.decode()
    assert "No articles were published on this date." in html
    assert 'href="/archive/2026/03/02/"' in html and 'href="/archive/2026/03/05/"' in html


def test_a_new_story_moves_the_neighbouring_days_links(client, archive, politics):
    """The neighbours are remembered per newsroom generation: a story published on the empty 3rd makes
    it the 2nd's next day at once, and withdrawing it makes the 5th the next day again."""
    assert (
        'class="archive-next" href="/archive/2026/03/05/"'
        in client.get("/archive/2026/03/02/").content.decode()
    )
    filler = story(politics, "Harbour talks resume", seoul(2026, 3, 3, 9))
    html = client.get("/archive/2026/03/02/").content.decode()
    assert 'class="archive-next" href="/archive/2026/03/03/"' in html
    filler.unpublish()
    html = client.get("/archive/2026/03/02/").content.decode()
    assert 'class="archive-next" href="/archive/2026/03/05/"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/archive/2019/02/30/",
        "/archive/2026/13/",
        "/archive/2026/00/01/",
        "/archive/0000/",
        "/archive/0001/01/01/",
        "/archive/9999/12/31/",
        "/archive/２０２６/",
    ],
)
def test_impossible_dates_are_404(client, url):
    assert client.get(url).status_code == 404


def _query_count(client, url):
    client.get(url)  # warm: navigation, site, other areas' short caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/tags/cabinet/", "/authors/{slug}/", "/archive/2026/06/", "/archive/2026/06/10/"]
)
def test_listing_query_count_does_not_grow_with_the_stories_shown(client, politics, url):
    from .factories import AuthorFactory

    author = AuthorFactory(name="Counting Reporter")
    url = url.format(slug=author.slug)

    def add(n):
        for i in range(n):
            story(
                politics,
                f"Cabinet story {i}",
                seoul(2026, 6, 10, 6 + i),
                tags=["cabinet"],
                authors=[author],
            )

    add(2)
    few = _query_count(client, url)
    add(8)
    assert _query_count(client, url) == few


def test_a_story_made_private_leaves_every_listing_at_once(client, archive, politics):
    """Listings skip the privacy query while no page is restricted (remembered per newsroom generation):
    the first restriction saved must drop the story from the topic page and the section front, and its
    removal must bring it back."""
    from wagtail.models import PageViewRestriction

    budget = archive["budget"]
    pages = ("/tags/budget/", politics.url)

    def shown(url):
        return budget.display_headline in client.get(url).content.decode()

    assert all(shown(url) for url in pages)  # warms what is remembered
    restriction = PageViewRestriction.objects.create(page=budget, restriction_type="login")
    assert not any(shown(url) for url in pages)
    restriction.delete()
    assert all(shown(url) for url in pages)


def test_a_section_made_private_leaves_the_search_form(client, archive, politics):
    from wagtail.models import PageViewRestriction

    def offered():
        return f'<option value="{politics.pk}"' in client.get("/search/").content.decode()

    assert offered()
    PageViewRestriction.objects.create(page=politics, restriction_type="login")
    assert not offered()
