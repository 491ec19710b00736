"""A reader finds stories by topic, reporter and date in real Chromium, on a phone and a desktop, in
English and Korean; every page passes the accessibility gate."""

import pytest

from broadsheet.newsroom.tests.discovery import build_archive
from broadsheet.newsroom.tests.factories import SectionPageFactory, home_site

from .a11y import assert_accessible
from .test_article import urlpatterns  # noqa: F401 (this module serves uploaded media too)

pytestmark = [
    pytest.mark.stack_dependent,
    pytest.mark.e2e,
    pytest.mark.urls(__name__),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def archive(live_server):
    home = home_site()
    national = SectionPageFactory(parent=home, title="National", slug="national")
    return build_archive(SectionPageFactory(parent=national, title="Politics", slug="politics"))


def _open(browser, url, width, locale):
    page = browser.new_page(viewport={"width": width, "height": 900}, locale=locale)
    assert page.goto(url).status == 200, url
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, url
    return page


LABELS = {
    "en-GB": {
        "topic": "Topic",
        "agency": "News agency",
        "feed": "RSS feed",
        "empty": "No articles were published",
    },
    "ko-KR": {
        "topic": "주제",
        "agency": "통신사",
        "feed": "RSS 피드",
        "empty": "이 날짜에 발행된 기사가 없습니다",
    },
}


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("locale", ["en-GB", "ko-KR"])
def test_reader_follows_a_topic_a_reporter_and_a_day(
    browser, live_server, archive, artifacts, width, locale
):
    words = LABELS[locale]
    base = live_server.url
    page = _open(browser, base + archive["budget"].url, width, locale)
    page.locator(".article-tags").get_by_role("link", name="budget").click()
    page.wait_for_url("**/tags/budget/")
    assert (
        page.locator(".front-header .kicker").inner_text().strip().lower() == words["topic"].lower()
    )
    assert page.locator(".card-list .card-headline").all_inner_texts() == [
        "Ferry strike ends after two days",
        "Assembly passes a leaner budget",
    ]
    assert page.locator("nav.breadcrumb a[aria-current='page']").inner_text().lower() == "budget"
    assert_accessible(page)
    page.screenshot(path=artifacts / f"topic-{locale}-{width}.png", full_page=True)
    page.close()

    page = _open(browser, base + f"/authors/{archive['agency'].slug}/", width, locale)
    assert (
        page.locator(".author-kind").inner_text().lower() == words["agency"].lower()
    )  # small capitals
    assert page.get_by_role("link", name=words["feed"]).is_visible()
    assert_accessible(page)
    page.screenshot(path=artifacts / f"author-{locale}-{width}.png", full_page=True)
    page.close()

    page = _open(browser, base + "/archive/2026/03/02/", width, locale)
    assert page.locator(".card-list .card-headline").count() == 2
    page.locator(".archive-next").click()
    page.wait_for_url("**/archive/2026/03/05/")
    assert page.locator(".card-list .card-headline").all_inner_texts() == [
        "Ferry strike ends after two days"
    ]
    assert_accessible(page)
    page.screenshot(path=artifacts / f"archive-{locale}-{width}.png", full_page=True)
    assert page.goto(base + "/archive/2026/03/03/").status == 200
    assert words["empty"] in page.locator("main").inner_text()
    page.close()

    page = _open(browser, base + "/national/politics/", width, locale)
    assert page.locator("nav.breadcrumb a").count() == 3
    assert_accessible(page)
    page.close()
