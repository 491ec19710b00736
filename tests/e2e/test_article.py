"""A reader opens an article in real Chromium: breadcrumb, headline, photo with caption and credit,
body; phone width."""

import pytest
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import include, path

from broadsheet.newsroom.tests.factories import (
    ArticlePageFactory,
    AuthorFactory,
    SectionPageFactory,
    add_bylines,
    home_site,
    paragraphs,
)


def serve_media(request, name):
    """Tests keep uploads in memory (InMemoryStorage); serve them so the browser really loads the photo."""
    if not default_storage.exists(name):
        raise Http404(name)
    return FileResponse(default_storage.open(name))


# This module doubles as the URL map for its tests: the site's URLs plus uploaded media.
urlpatterns = [path("media/<path:name>", serve_media), path("", include("broadsheet.urls"))]

pytestmark = [
    pytest.mark.stack_dependent,
    pytest.mark.e2e,
    pytest.mark.urls(__name__),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def article(live_server):
    home = home_site()
    national = SectionPageFactory(parent=home, title="National", slug="national")
    politics = SectionPageFactory(parent=national, title="Politics", slug="politics")
    article = ArticlePageFactory(
        parent=politics,
        title="Coastal towns win new ferry subsidy after long campaign",
        kicker="Regions",
        body=paragraphs(
            "Residents of three coastal towns will pay half the current fare from next month, the ministry said.",
            "Officials said the subsidy would be reviewed after a year, depending on passenger numbers.",
            "Local councils had campaigned for the change since the last ferry operator raised prices.",
        ),
    )
    add_bylines(article, [AuthorFactory(name="Kang Ha-eun", role="Regional correspondent")])
    return article


def open_page(browser, url, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page, problems


def test_reader_sees_the_article(browser, live_server, article, artifacts):
    page, problems = open_page(browser, live_server.url + article.url, 1280)
    crumbs = page.locator("nav[aria-label='Breadcrumb'] a")
    assert crumbs.all_inner_texts() == [
        "HOME",
        "NATIONAL",
        "POLITICS",
    ]  # shown in small capitals by the stylesheet
    assert (
        page.locator("h1").inner_text() == "Coastal towns win new ferry subsidy after long campaign"
    )
    photo = page.locator("figure.figure-lead img")
    assert photo.is_visible()
    assert photo.evaluate("img => img.complete && img.naturalWidth > 0")
    assert photo.get_attribute("alt") == "Commuters cross a wide street in central Seoul"
    caption = page.locator("figure.figure-lead figcaption")
    assert caption.is_visible() and caption.inner_text().endswith("[NEWSWIRE]")
    body = page.locator(".article-body")
    assert body.is_visible() and "half the current fare" in body.inner_text()
    assert page.get_by_text("Kang Ha-eun").is_visible()
    assert page.locator("h1").evaluate("h => getComputedStyle(h).fontFamily").startswith("Georgia")
    assert not [p for p in problems if "Content Security Policy" in p], problems
    page.screenshot(path=artifacts / "article-desktop.png", full_page=True)
    page.close()


def test_article_fits_a_360px_phone(browser, live_server, article, artifacts):
    page, _ = open_page(browser, live_server.url + article.url, 360)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator("h1").is_visible()
    assert page.locator("figure.figure-lead img").is_visible()
    toolbar = page.locator(".article-toolbar")
    assert toolbar.get_by_role("link", name="Print").is_visible()
    assert toolbar.get_by_role("button", name="Dictionary").is_visible()
    page.screenshot(path=artifacts / "article-360.png", full_page=True)
    page.close()
