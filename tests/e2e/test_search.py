"""A reader searches from the masthead in real Chromium, narrows by section and date, removes a filter, at
360 and 1,280 px, in English and Korean, with axe-core finding nothing serious."""

import datetime

import pytest
from django.utils import timezone

from broadsheet.newsroom.tests.factories import (
    ArticlePageFactory,
    SectionPageFactory,
    home_site,
    paragraphs,
)

from .a11y import assert_accessible
from .test_article import open_page, urlpatterns  # noqa: F401 (this module serves uploaded media too)

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
    business = SectionPageFactory(parent=home, title="Business", slug="business")
    now = timezone.now()
    ArticlePageFactory(
        parent=national,
        title="Lighthouse keepers return to the western islands",
        first_published_at=now - datetime.timedelta(days=2),
        body=paragraphs("The last lighthouse keepers left the islands in 1990."),
    )
    ArticlePageFactory(
        parent=business,
        title="Shipping firm buys lighthouse hotel",
        first_published_at=now - datetime.timedelta(days=40),
        body=paragraphs("The lighthouse will take guests from the summer."),
    )
    return {"national": national}


@pytest.mark.parametrize("width", [360, 1280])
def test_reader_searches_from_the_header_and_narrows(
    browser, live_server, archive, artifacts, width
):
    page, problems = open_page(browser, live_server.url + "/", width)
    page.get_by_role("searchbox", name="Search articles").fill("lighthouses")
    page.get_by_role("searchbox", name="Search articles").press("Enter")
    page.wait_for_url("**/search/?q=lighthouses")
    assert page.locator(".search-count").inner_text() == "2 articles found for “lighthouses”"
    assert page.locator(".search-result mark").first.inner_text().lower() == "lighthouse"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.screenshot(path=artifacts / f"search-{width}.png", full_page=True)

    page.get_by_label("Section", exact=True).select_option(label="National")
    page.get_by_label("From", exact=True).fill(
        (timezone.now() - datetime.timedelta(days=7)).date().isoformat()
    )
    page.locator(".search-form").get_by_role("button", name="Search").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".search-result .card-headline").all_inner_texts() == [
        "Lighthouse keepers return to the western islands"
    ]
    chips = page.locator(".search-chips .chip")
    assert chips.count() == 2
    assert_accessible(page)
    page.screenshot(path=artifacts / f"search-filtered-{width}.png", full_page=True)
    chips.filter(has_text="Section: National").click()
    page.wait_for_load_state("networkidle")
    assert page.locator(".search-chips .chip").count() == 1
    assert not [p for p in problems if "Content Security Policy" in p], problems
    page.close()


def test_korean_reader_searches(browser, live_server, archive, artifacts):
    context = browser.new_context(
        locale="ko-KR",
        extra_http_headers={"Accept-Language": "ko-KR,ko;q=0.9"},
        viewport={"width": 360, "height": 900},
    )
    page = context.new_page()
    page.goto(live_server.url + "/search/?q=zeppelin")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.get_by_role("searchbox", name="기사 검색").is_visible()
    assert "검색 결과가 없습니다" in page.locator(".search-empty").inner_text()
    assert page.locator(".search-latest a").count() == 2
    assert_accessible(page)
    page.screenshot(path=artifacts / "search-ko-360.png", full_page=True)
    assert page.goto(live_server.url + "/search/?q=lighthouse&from=2019-02-30").status == 400
    assert "날짜가 아닙니다" in page.locator(".search-errors").inner_text()
    assert_accessible(page)
    context.close()
