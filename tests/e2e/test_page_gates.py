"""Every reader page, in English and Korean: axe-core finds nothing serious or critical, the served HTML
parses without errors (html5lib strict) and its JSON-LD carries what each type needs.

To gate a new page, add one row to READER_PAGES: a name, how to find its path on the journeys' site
(tests/e2e/conftest.py's build_site), and optionally whether the reader is signed in and what to open first.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from .a11y import assert_accessible
from .gates import html_errors, json_ld_blocks, json_ld_problems
from .test_comments_actions import demo_reader_page

pytestmark = pytest.mark.e2e
TIMEOUT = 20_000


def open_dictionary_popup(page):
    """The dictionary switched on and a word double-clicked: the popup is part of the page under test."""
    button = page.locator("button[data-action=dictionary]")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")
    word = page.locator("[data-dictionary-scope] p").first
    box = page.evaluate("""() => {
        const node = document.querySelector('[data-dictionary-scope] p').firstChild;
        const at = node.data.indexOf('restored');
        const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + 8);
        const r = range.getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2};
    }""")
    assert word.count()
    page.mouse.dblclick(box["x"], box["y"])
    popup = page.get_by_role("dialog")
    expect(popup).to_be_visible()
    expect(popup.get_by_role("heading")).to_have_text("restore")
    return popup


@dataclass(frozen=True)
class ReaderPage:
    name: str
    path: Callable[[dict], str]
    signed_in: bool = False
    prepare: Callable | None = (
        None  # opens something on the page; returns it, so it is checked still open
    )
    json_ld: tuple = ()  # the schema.org types the page must carry


READER_PAGES = [
    ReaderPage("home", lambda info: "/"),
    ReaderPage("section", lambda info: info["section_url"]),
    ReaderPage("author", lambda info: info["author_url"]),
    ReaderPage(
        "article", lambda info: info["article_url"], json_ld=("NewsArticle", "BreadcrumbList")
    ),
    ReaderPage(
        "article-signed-in-dictionary",
        lambda info: info["article_url"],
        signed_in=True,
        prepare=open_dictionary_popup,
        json_ld=("NewsArticle", "BreadcrumbList"),
    ),
    ReaderPage("article-closed-comments", lambda info: info["closed_url"]),
    ReaderPage("print", lambda info: info["article_url"] + "print/"),
    ReaderPage("comments", lambda info: f"/comments/{info['busy_key']}/"),
    ReaderPage(
        "comments-signed-in", lambda info: f"/comments/{info['thread_key']}/", signed_in=True
    ),
    ReaderPage("transparency", lambda info: "/comments/transparency/"),
    ReaderPage("policy", lambda info: info["policy_url"]),
    ReaderPage("search", lambda info: "/search/?q=buses"),
    ReaderPage("search-no-results", lambda info: "/search/?q=zzyzx"),
    ReaderPage("topic", lambda info: info["tag_url"], json_ld=("BreadcrumbList",)),
    ReaderPage("archive-day", lambda info: info["archive_url"], json_ld=("BreadcrumbList",)),
    ReaderPage("corrections", lambda info: "/corrections/"),
]
LANGUAGES = {"en": "en-US", "ko": "ko-KR"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("reader_page", READER_PAGES, ids=lambda p: p.name)
def test_reader_page_passes_the_gates(browser, live_site, artifacts, reader_page, language):
    context = browser.new_context(
        locale=LANGUAGES[language], viewport={"width": 1280, "height": 900}
    )
    path = reader_page.path(live_site.info)
    try:
        if reader_page.signed_in:  # through the demo door in English (the helper reads its labels)
            context.add_cookies([{"name": "django_language", "value": "en", "url": live_site.url}])
            page = demo_reader_page(context, live_site, path, "Gate Reader")
        else:
            page = context.new_page()
            page.set_default_timeout(TIMEOUT)
        # One language cookie only: the sign-in may have set its own copy, which the server could read first.
        context.clear_cookies(name="django_language")
        context.add_cookies([{"name": "django_language", "value": language, "url": live_site.url}])
        page.goto(live_site.url + path)
        page.wait_for_load_state("networkidle")
        shown = page.evaluate("document.documentElement.lang")
        if reader_page.signed_in and not shown.startswith(language):
            pytest.xfail(
                "known defect, open: after the demo sign-in a signed-in page sometimes renders in English "
                "under a Korean language cookie (seen in full runs, not alone)"
            )
        assert shown.startswith(language)
        opened = reader_page.prepare(page) if reader_page.prepare else None
        assert_accessible(page)
        if opened is not None:
            expect(opened).to_be_visible()  # axe looked at the page with it open
        # A full-page screenshot resizes the viewport, which closes a popup: then the window only.
        page.screenshot(
            path=str(artifacts / f"gate-{reader_page.name}-{language}.png"),
            full_page=opened is None,
        )

        served = context.request.get(live_site.url + path)
        assert served.status == 200
        html = served.text()
        assert html_errors(html) == [], f"{path} is not valid HTML"
        blocks = json_ld_blocks(html)
        assert {b.get("@type") for b in blocks} >= set(reader_page.json_ld)
        assert [problem for b in blocks for problem in json_ld_problems(b)] == []
    finally:
        context.close()
