"""Printing an article: the print view and the normal page under print media, printed to PDF by Chromium on
A4 and Letter and read back with poppler's pdftotext. The story, its photo credits and its last paragraph
are on paper; navigation, sharing, comments and sign-in are not; no word runs off the page.
"""

import re
import subprocess
from xml.etree import ElementTree

import pytest
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import include, path, re_path
from playwright.sync_api import expect

from broadsheet.newsroom.canonical import absolute_url

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TIMEOUT = 15_000

HEADLINE = "Border office staff come back after a brief walkout"
LEAD_CREDIT = "HARBOUR PHOTO DESK"
BODY_CREDIT = "RIVERSIDE PICTURES"
PARAGRAPHS = [
    "Officials from the North returned to the liaison office in Kaesong on Monday, three days after withdrawing "
    "their whole team over what they called orders from higher-ups.",
    "The Unification Ministry welcomed the return as a sign of goodwill amid a protracted deadlock over "
    "denuclearization, and said the office would keep working on a regular schedule.",
    "Staff on both sides held their usual morning meeting, a ministry spokesperson said, and discussed plans for "
    "video reunions of families separated for decades by the border.",
    "The spokesperson declined to say how many people the North had sent back, saying only that the number was "
    "close to what it had been before the walkout and that work had resumed without incident.",
    "Analysts in Seoul said the episode showed how both governments still valued a channel that lets them talk "
    "every day, even when talks at a higher level have stalled for months.",
    "Some warned that the office could close again at short notice, as it had in the past when tensions rose "
    "along the border and both sides recalled their staff within hours.",
    "A lecturer at a university in Seoul said the quick return suggested the walkout had been meant as a signal "
    "to Washington rather than to the South, and that a longer closure had never been planned.",
    "The ministry said it would brief lawmakers on the return later in the week and publish a summary of the "
    "office's work over the past year, including the number of messages the two sides exchanged.",
    "The next round of working-level talks at the office is expected in the spring, a ministry official said "
    "late on Tuesday, adding that the agenda had not yet been agreed.",
]
BANNED = (
    "Share on X",
    "Share on Facebook",
    "Related articles",
    "Skip to content",
    "log in",
    "Log in",
    "Sign in",
    "Write a comment",
    "Dictionary on:",
)


def media(request, name):
    """Tests keep uploads in memory (InMemoryStorage): serve photos from there so they print."""
    if not default_storage.exists(name):
        raise Http404(name)
    return FileResponse(default_storage.open(name))


urlpatterns = [re_path(r"^media/(?P<name>.+)$", media), path("", include("broadsheet.urls"))]


@pytest.fixture
def article(live_server, settings):
    from wagtail.rich_text import RichText

    from broadsheet.dictionary.tests.helpers import clear_own_cache
    from broadsheet.newsroom.tests.factories import (
        ArticlePageFactory,
        NewsImageFactory,
        SectionPageFactory,
        home_site,
        tree_root,
    )

    settings.ROOT_URLCONF = __name__
    clear_own_cache()
    tree_root()  # a transactional test before us flushed the migrations' rows
    from broadsheet.demo.glossary_content import load

    load(home=None)
    home = home_site()
    section = SectionPageFactory(parent=home, title="National", slug="national")
    body_photo = NewsImageFactory(
        credit=BODY_CREDIT, default_caption="The liaison office building seen from the south."
    )
    body = [("paragraph", RichText(f"<p>{text}</p>")) for text in PARAGRAPHS]
    body.insert(3, ("image", {"image": body_photo, "caption": ""}))
    page = ArticlePageFactory(
        parent=section,
        title=HEADLINE,
        slug="border-office",
        kicker="North Korea",
        standfirst="Staff returned three days after leaving, and daily meetings resumed.",
        dateline="SEOUL",
        lead_image=NewsImageFactory(credit=LEAD_CREDIT),
        lead_caption="Staff arrive at the liaison office on Monday morning.",
        body=body,
    )
    page.save_revision().publish()
    return page


def flat(text):
    return " ".join(text.split())


def read_pdf(pdf):
    # Reading order (pdftotext's default), not -layout: -layout sorts text by position, which slips the
    # kicker between the lines of a two-line headline and interleaves the words box's columns.
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return text


def words_off_the_page(pdf):
    """Word boxes (pdftotext -bbox) that reach past any edge of their page."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    root = ElementTree.fromstring(
        re.sub(r"<!DOCTYPE[^>]*>", "", html).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    )
    outside = []
    for page in root.iter("page"):
        width, height = float(page.get("width")), float(page.get("height"))
        for word in page.iter("word"):
            x0, y0, x1, y1 = (float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))
            if x0 < 0 or y0 < 0 or x1 > width + 0.5 or y1 > height + 0.5:
                outside.append((word.text, x0, x1, width))
    return outside


def image_count(pdf):
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    ).stdout
    return len(listing.strip().splitlines()) - 2  # two header lines


def assert_printed_article(pdf, *, url):
    text = flat(read_pdf(pdf))
    assert HEADLINE in text
    assert f"[{LEAD_CREDIT}]" in text and f"[{BODY_CREDIT}]" in text
    for paragraph in PARAGRAPHS:  # every sentence whole, the last paragraph included
        assert flat(paragraph) in text, paragraph
    assert "Words in this article" in text and "연락사무소" in text
    assert url in text.replace(" ", "")
    for banned in BANNED:
        assert banned not in text, banned
    assert words_off_the_page(pdf) == []
    assert image_count(pdf) >= 2


def open_page(context, url):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return page


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_print_view_on_paper(browser, live_server, article, artifacts, paper):
    context = browser.new_context(locale="en-US")
    try:
        page = open_page(context, live_server.url + article.url + "print/")
        for hidden in (".section-nav", ".article-toolbar", ".share", ".related", "#comments"):
            expect(page.locator(hidden)).to_have_count(0)
        pdf = artifacts / f"print-view-{paper}.pdf"
        page.pdf(path=str(pdf), format=paper, print_background=True)
        assert_printed_article(pdf, url=absolute_url(article.url))
        page.screenshot(path=str(artifacts / "print-view-screen.png"), full_page=True)
    finally:
        context.close()


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_printing_the_normal_page_with_the_browser(browser, live_server, article, artifacts, paper):
    context = browser.new_context(locale="en-US")
    try:
        page = open_page(context, live_server.url + article.url)
        page.emulate_media(media="print")
        expect(page.locator(".article-toolbar")).to_be_hidden()
        expect(page.locator(".section-nav")).to_be_hidden()
        pdf = artifacts / f"print-article-page-{paper}.pdf"
        page.pdf(path=str(pdf), format=paper)
        assert_printed_article(pdf, url=absolute_url(article.url))
    finally:
        context.close()


def test_print_button_opens_the_print_view_and_prints(browser, live_server, article):
    context = browser.new_context(locale="en-US")
    # Record the print dialog instead of opening it (headless Chromium has none to show).
    context.add_init_script(
        "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"
    )
    try:
        page = open_page(context, live_server.url + article.url)
        with page.expect_popup() as popup_info:
            page.get_by_role("link", name="Print").click()
        view = popup_info.value
        view.wait_for_load_state("load")
        for _ in range(50):  # wait_for_function would need eval, which the site's CSP forbids
            if view.evaluate("window.__printed"):
                break
            view.wait_for_timeout(100)
        assert view.evaluate("window.__printed") == 1
        assert view.url.endswith(article.url + "print/?autoprint=1")
        assert page.evaluate("window.__printed") is None  # the article itself was not printed
    finally:
        context.close()


def test_print_view_without_javascript_is_the_same_page(browser, live_server, article):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = open_page(context, live_server.url + article.url)
        page.get_by_role("link", name="Print").click()
        page.wait_for_url(re.compile(r"/print/$"))
        expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    finally:
        context.close()


def test_imported_article_without_a_photo_prints_its_caption_and_credit(
    browser, live_server, article, artifacts
):
    article.lead_image = None
    article.lead_caption = "Staff at the office in an earlier year; the photo was not imported."
    article.lead_credit = "ARCHIVE DESK"
    article.save_revision().publish()
    context = browser.new_context(locale="en-US")
    try:
        page = open_page(context, live_server.url + article.url + "print/")
        pdf = artifacts / "print-view-no-photo.pdf"
        page.pdf(path=str(pdf), format="A4")
        text = flat(read_pdf(pdf))
        assert (
            "Staff at the office in an earlier year; the photo was not imported. [ARCHIVE DESK]"
            in text
        )
        assert flat(PARAGRAPHS[-1]) in text and words_off_the_page(pdf) == []
    finally:
        context.close()
