"""A reader sees an article's corrections in real Chromium, and the /corrections/ page that lists them, on a
360 px phone and a 1,280 px desktop, in English and Korean; axe-core finds nothing serious on either page."""

import datetime

import pytest
from django.utils import timezone

from broadsheet.newsroom.models import CorrectionKind
from broadsheet.newsroom.services import article_publish, correction_add
from broadsheet.newsroom.tests.factories import (
    ArticlePageFactory,
    NewsImageFactory,
    SectionPageFactory,
    home_site,
    paragraphs,
)

from .a11y import assert_accessible

# The article journey's URL map: the site's URLs plus the uploaded photos the tests keep in memory.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.urls("tests.e2e.test_article"),
    pytest.mark.django_db(transaction=True),
]

FIX = "An earlier version of this article said the ferry fare would fall by a third. It will fall by half."
NOTE = "This article was updated with the ministry's answer, which arrived after publication."


@pytest.fixture
def corrected(live_server):
    home = home_site()
    regions = SectionPageFactory(parent=home, title="Regions", slug="regions")
    article = ArticlePageFactory(
        parent=regions,
        title="Island ferry fares to fall from next month",
        lead_image=NewsImageFactory(credit="Kim Min-su", agency="Yonhap"),
        body=paragraphs(
            "Residents of two islands will pay less for the crossing, the ministry said on Monday.",
            "The change follows a campaign by island councils that lasted three years.",
        ),
    )
    article_publish(article=article)
    now = timezone.now()
    fix = correction_add(article=article, text=FIX, at=now - datetime.timedelta(minutes=30))
    correction_add(
        article=article,
        text=NOTE,
        kind=CorrectionKind.CLARIFICATION,
        at=now - datetime.timedelta(minutes=10),
    )
    return article, fix


def open_page(browser, url, width, locale="en-GB"):
    page = browser.new_page(viewport={"width": width, "height": 900}, locale=locale)
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


@pytest.mark.parametrize("width", [360, 1280])
def test_reader_sees_the_corrections_on_the_article(
    browser, live_server, corrected, artifacts, width
):
    article, fix = corrected
    page, problems = open_page(browser, live_server.url + article.url, width)
    top = page.locator("aside.corrections-top")
    assert top.is_visible() and FIX in top.inner_text()
    assert top.locator(".correction-kind").inner_text() == "Correction"
    assert (
        top.locator("time").get_attribute("datetime")
        == timezone.localtime(fix.published_at).isoformat()
    )
    headline_box, top_box, body_box = (
        page.locator(s).bounding_box() for s in ("h1", "aside.corrections-top", ".article-body")
    )
    assert headline_box["y"] < top_box["y"] < body_box["y"]  # a box at the top, above the story
    bottom = page.locator("aside.corrections-bottom")
    assert (
        bottom.is_visible()
        and NOTE in bottom.inner_text()
        and bottom.bounding_box()["y"] > body_box["y"]
    )
    assert page.locator("figure.figure-lead .credit").inner_text() == "[Kim Min-su/Yonhap]"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert not [p for p in problems if "Content Security Policy" in p], problems
    assert_accessible(page)
    page.screenshot(path=artifacts / f"corrections-article-{width}.png", full_page=True)
    page.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_corrections_page_lists_them_and_links_to_each(
    browser, live_server, corrected, artifacts, width
):
    article, fix = corrected
    page, problems = open_page(browser, live_server.url + "/corrections/", width)
    assert page.locator("h1").inner_text() == "Corrections and clarifications"
    items = page.locator(".corrections-list > li")
    assert items.count() == 2
    assert NOTE in items.nth(0).inner_text() and FIX in items.nth(1).inner_text()  # newest first
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)
    page.screenshot(path=artifacts / f"corrections-page-{width}.png", full_page=True)
    items.nth(1).get_by_role("link", name="Island ferry fares to fall from next month").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{live_server.url}{article.url}#correction-{fix.pk}"
    assert page.locator(f"#correction-{fix.pk}").is_visible()
    assert not [p for p in problems if "Content Security Policy" in p], problems
    page.close()


def test_korean_reader_gets_korean_labels(browser, live_server, corrected, artifacts):
    article, _ = corrected
    page, _ = open_page(browser, live_server.url + article.url, 360, locale="ko-KR")
    assert page.locator("aside.corrections-top .correction-kind").inner_text() == "정정"
    assert page.locator("aside.corrections-bottom .correction-kind").inner_text() == "해명"
    assert_accessible(page)
    page.goto(live_server.url + "/corrections/")
    assert page.locator("h1").inner_text() == "정정 및 해명"
    assert_accessible(page)
    page.screenshot(path=artifacts / "corrections-page-ko-360.png", full_page=True)
    page.close()
