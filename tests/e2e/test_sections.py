"""A reader browses the fronts in real Chromium: header navigation, a section with its subsections, pages, homepage."""

import datetime

import pytest
from django.utils import timezone

from broadsheet.newsroom.models import HomeLeadStory
from broadsheet.newsroom.tests.factories import ArticlePageFactory, SectionPageFactory, home_site

from .test_article import open_page, urlpatterns  # noqa: F401 (this module serves uploaded media too)

pytestmark = [
    pytest.mark.stack_dependent,
    pytest.mark.e2e,
    pytest.mark.urls(__name__),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def fronts(live_server, settings):
    settings.NEWSROOM_SECTION_PAGE_SIZE = 3
    home = home_site()
    national = SectionPageFactory(parent=home, title="National", slug="national")
    society = SectionPageFactory(parent=national, title="Society", slug="society")
    SectionPageFactory(parent=home, title="Business", slug="business")
    now = timezone.now()
    stories = [
        ArticlePageFactory(
            parent=society if n % 2 else national,
            title=f"Story {n} of the national desk",
            first_published_at=now - datetime.timedelta(hours=n),
        )
        for n in range(5)
    ]
    HomeLeadStory.objects.create(page=home, article=stories[3])
    return stories


def test_reader_goes_from_homepage_to_section_to_article(browser, live_server, fronts, artifacts):
    page, _ = open_page(browser, live_server.url + "/", 1280)
    assert (
        page.locator(".leads .card-big .card-headline").inner_text()
        == "Story 3 of the national desk"
    )
    page.screenshot(path=artifacts / "home-desktop.png", full_page=True)
    page.locator(".section-nav").get_by_role("link", name="National", exact=True).click()
    page.wait_for_url("**/national/")
    headlines = page.locator(".card-list .card-headline").all_inner_texts()
    assert headlines == [
        "Story 0 of the national desk",
        "Story 1 of the national desk",
        "Story 2 of the national desk",
    ]
    assert page.locator(".card-list .figure-caption").first.inner_text() == "[NEWSWIRE]"
    page.get_by_role("link", name="Older").click()
    page.wait_for_url("**/national/?page=2")
    assert page.locator(".card-list .card-headline").all_inner_texts() == [
        "Story 3 of the national desk",
        "Story 4 of the national desk",
    ]
    page.get_by_role("link", name="Story 4 of the national desk").click()
    page.wait_for_url("**/national/article-*/")
    assert page.locator("h1").inner_text() == "Story 4 of the national desk"
    page.close()


def test_section_front_on_a_phone(browser, live_server, fronts, artifacts):
    page, _ = open_page(browser, live_server.url + "/national/", 360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator(".subsections").get_by_role("link", name="Society").is_visible()
    page.screenshot(path=artifacts / "section-360.png", full_page=True)
    assert page.goto(live_server.url + "/national/?page=99").status == 404
    assert page.goto(live_server.url + "/national/?page=abc").status == 404
    page.close()
