"""A learner reads an article with the dictionary on: double-clicks "withdrawing", sees "withdraw" with its
definition beside the word, saves it, finds it in the vocabulary list, and Escape puts focus back on the
text. Real Chromium against pytest-django's live server; the article is built in the real page tree.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TIMEOUT = 15_000

BODY = (
    "Officials from the North returned to the liaison office in Kaesong on Monday, three days after withdrawing "
    "their whole team over what they called orders from higher-ups.",
    "The Unification Ministry welcomed the return as a sign of goodwill amid a protracted deadlock, and said "
    "the office would keep working on a regular schedule.",
    "Analysts said the episode was no big deal, a round of tit for tat that both capitals had seen before, "
    "though some warned of microtargeting in the North's propaganda.",
)


@pytest.fixture
def article(live_server):
    from broadsheet.demo.glossary_content import load
    from broadsheet.dictionary.tests.helpers import clear_own_cache
    from broadsheet.newsroom.tests.factories import (
        ArticlePageFactory,
        SectionPageFactory,
        home_site,
        paragraphs,
        tree_root,
    )

    clear_own_cache()  # the live server shares this process's cache: no page or entry from an earlier test
    tree_root()  # a transactional test before us flushed the migrations' rows
    load(home=None)
    home = home_site()
    section = SectionPageFactory(parent=home, title="National", slug="national")
    page = ArticlePageFactory(
        parent=section,
        title="Border office staff come back after a brief walkout",
        slug="border-office",
        kicker="North Korea",
        lead_image=None,
        body=paragraphs(*BODY),
    )
    page.save_revision().publish()
    return page


def sign_in(context, live_server, **extra):
    user = get_user_model().objects.create_user(
        extra.pop("username", "minji"), "reader@example.com", "a long pass phrase", **extra
    )
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return user


def open_article(context, live_server, article):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.csp_errors = []
    page.on(
        "console",
        lambda m: page.csp_errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("pageerror", lambda e: page.csp_errors.append(str(e)))
    page.goto(live_server.url + article.url)
    return page


def word_box(page, word):
    """The on-screen box of the first occurrence of `word` in the article text."""
    return page.evaluate(
        """(word) => {
          const scope = document.querySelector('[data-dictionary-scope]');
          const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const at = walker.currentNode.data.indexOf(word);
            if (at === -1) continue;
            const range = document.createRange();
            range.setStart(walker.currentNode, at);
            range.setEnd(walker.currentNode, at + word.length);
            // On a phone the word may sit below the fold (the masthead holds the search box): bring it on screen.
            walker.currentNode.parentElement.scrollIntoView({block: 'center'});
            const r = range.getBoundingClientRect();
            return {x: r.x, y: r.y, width: r.width, height: r.height};
          }
          return null;
        }""",
        word,
    )


def double_click_word(page, word, offset=0.5):
    box = word_box(page, word)
    assert box, f"{word!r} is not in the article"
    page.mouse.dblclick(box["x"] + box["width"] * offset, box["y"] + box["height"] / 2)
    return box


def select_word(page, word):
    """A keyboard reader's selection (e.g. caret browsing + Shift+arrows), made directly."""
    page.evaluate(
        """(word) => {
          const scope = document.querySelector('[data-dictionary-scope]');
          const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
          while (walker.nextNode()) {
            const at = walker.currentNode.data.indexOf(word);
            if (at === -1) continue;
            const range = document.createRange();
            range.setStart(walker.currentNode, at);
            range.setEnd(walker.currentNode, at + word.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            return;
          }
        }""",
        word,
    )


def switch_dictionary_on(page):
    button = page.get_by_role("button", name="Dictionary")
    expect(button).to_have_attribute("aria-pressed", "false")
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")


def assert_beside(popup_box, word):
    """The popup sits entirely below or entirely above the word, never over it."""
    below = popup_box["y"] >= word["y"] + word["height"]
    above = popup_box["y"] + popup_box["height"] <= word["y"]
    assert below or above, (popup_box, word)


def test_look_up_save_and_escape_back_to_the_text(browser, live_server, article, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    try:
        sign_in(context, live_server)
        page = open_article(context, live_server, article)
        switch_dictionary_on(page)

        word = double_click_word(page, "withdrawing")
        popup = page.get_by_role("dialog")
        expect(popup).to_be_visible()
        expect(popup.get_by_role("heading", name="withdraw")).to_be_visible()
        expect(popup).to_contain_text("pull back or move away or backward")
        expect(popup).to_contain_text("verb")
        expect(popup.locator(".dictionary-level")).to_have_text("B2")
        assert_beside(popup.bounding_box(), word)
        page.screenshot(path=str(artifacts / "dictionary-popup-withdraw.png"))

        popup.get_by_role("button", name="Save word").click()
        expect(popup.get_by_role("button", name="Saved to your vocabulary")).to_be_disabled()

        page.keyboard.press("Escape")
        expect(popup).to_be_hidden()
        assert page.evaluate("document.activeElement.matches('[data-dictionary-scope]')")

        vocabulary = context.new_page()
        vocabulary.goto(live_server.url + "/dictionary/vocabulary/")
        expect(vocabulary.locator(".vocabulary-item").first).to_contain_text("withdraw")
        vocabulary.screenshot(path=str(artifacts / "dictionary-vocabulary.png"), full_page=True)
        assert not page.csp_errors, page.csp_errors
    finally:
        context.close()


@pytest.fixture
def desktop(browser):
    """A desktop browser context of the test's own, closed after it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    yield context
    context.close()


def dictionary_on(context, live_server, article):
    """The article open in the context with the dictionary switched on; its popup is page.popup."""
    page = open_article(context, live_server, article)
    switch_dictionary_on(page)
    page.popup = page.get_by_role("dialog")
    return page


@pytest.fixture
def reader_page(desktop, live_server, article):
    return dictionary_on(desktop, live_server, article)


def test_the_switch_is_remembered(reader_page):
    reader_page.reload()
    expect(reader_page.get_by_role("button", name="Dictionary")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert not reader_page.csp_errors, reader_page.csp_errors


def test_a_glossary_name_shows_its_korean_beside_the_word(reader_page, artifacts):
    page, popup = reader_page, reader_page.popup
    word = double_click_word(page, "Kaesong")
    expect(popup.get_by_role("heading", name="Kaesong")).to_be_visible()
    expect(popup).to_contain_text("개성")
    assert_beside(popup.bounding_box(), word)
    page.screenshot(path=str(artifacts / "dictionary-popup-kaesong.png"))
    assert not page.csp_errors, page.csp_errors


def test_a_double_click_on_part_of_a_hyphenated_word_looks_up_the_whole_word(reader_page):
    # Double-click selects "higher" of "higher-ups": the script grows it to the whole word.
    double_click_word(reader_page, "higher-ups", offset=0.2)
    expect(reader_page.popup.get_by_role("heading", name="higher-up")).to_be_visible()
    assert not reader_page.csp_errors, reader_page.csp_errors


def test_an_expression_is_looked_up_from_the_keyboard_and_saved_in_the_browser(
    reader_page, desktop, live_server
):
    page, popup = reader_page, reader_page.popup
    # A selection spanning a multi-word expression, looked up from the keyboard: a keyboard reader's
    # focus is in the text (switching the dictionary on left it on the switch).
    page.locator("[data-dictionary-scope]").focus()
    select_word(page, "tit for tat")
    page.keyboard.press("d")
    expect(popup.get_by_role("heading", name="tit for tat")).to_be_visible()
    expect(popup).to_contain_text("an equivalent given in return")
    # An anonymous reader's saved words stay in this browser.
    popup.get_by_role("button", name="Save word").click()
    page.keyboard.press("Escape")
    vocabulary = desktop.new_page()
    vocabulary.goto(live_server.url + "/dictionary/vocabulary/")
    expect(vocabulary.locator(".vocabulary-item")).to_contain_text("tit for tat")
    assert not page.csp_errors, page.csp_errors


def test_enter_on_a_selection_and_a_word_with_no_entry_for_an_editor(
    browser, live_server, article, artifacts
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    try:
        sign_in(context, live_server, username="desk", is_staff=True)
        page = open_article(context, live_server, article)
        switch_dictionary_on(page)
        page.locator("[data-dictionary-scope]").focus()
        select_word(page, "microtargeting")
        page.keyboard.press("Enter")
        popup = page.get_by_role("dialog")
        expect(popup).to_contain_text("No definition yet.")
        expect(popup.locator(".dictionary-level")).to_be_visible()
        link = popup.get_by_role("link", name="Add it to the glossary")
        expect(link).to_have_attribute(
            "href", "/admin/snippets/dictionary/glossaryterm/add/?term=microtargeting"
        )
        page.screenshot(path=str(artifacts / "dictionary-popup-missing-editor.png"))
        page.keyboard.press("Escape")
        assert page.evaluate("document.activeElement.matches('[data-dictionary-scope]')")
    finally:
        context.close()


def test_highlighting_words_above_my_level(browser, live_server, article, artifacts):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    try:
        page = open_article(context, live_server, article)
        box = page.locator("[data-dictionary-words]")
        expect(box).to_contain_text("Words in this article")
        expect(box).to_contain_text("연락사무소")
        box.get_by_label("My level", exact=True).select_option("B1")
        box.get_by_label("Highlight words above my level").check()
        marks = page.locator("[data-dictionary-scope] mark.dictionary-hard")
        expect(marks.filter(has_text="deadlock")).to_have_count(1)
        expect(marks.filter(has_text="Officials")).to_have_count(0)
        # A phrase the dictionary knows is one mark, not one per word.
        expect(marks.filter(has_text="tit for tat")).to_have_count(1)
        expect(marks.filter(has_text=re.compile(r"^tit$"))).to_have_count(0)
        page.locator("[data-dictionary-scope]").screenshot(
            path=str(artifacts / "dictionary-highlight.png")
        )
        box.screenshot(path=str(artifacts / "dictionary-words-box.png"))
        box.get_by_label("Highlight words above my level").uncheck()
        expect(marks).to_have_count(0)
    finally:
        context.close()


def test_long_press_on_a_touch_screen(browser, live_server, article, artifacts):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True, locale="en-US"
    )
    try:
        page = open_article(context, live_server, article)
        switch_dictionary_on(page)
        word = word_box(page, "deadlock")
        x, y = word["x"] + word["width"] / 2, word["y"] + word["height"] / 2
        # A finger held on the word: pointerdown, no movement, no pointerup for longer than the long-press delay.
        page.evaluate(
            """([x, y]) => document.elementFromPoint(x, y).dispatchEvent(
                 new PointerEvent('pointerdown', {pointerType: 'touch', clientX: x, clientY: y, bubbles: true}))""",
            [x, y],
        )
        popup = page.get_by_role("dialog")
        expect(popup.get_by_role("heading", name="deadlock")).to_be_visible()
        assert_beside(popup.bounding_box(), word_box(page, "deadlock"))
        page.screenshot(path=str(artifacts / "dictionary-popup-phone.png"))
    finally:
        context.close()


def test_browser_words_export_for_anki_and_move_to_the_account_on_sign_in(
    browser, live_server, article, artifacts
):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-US", accept_downloads=True
    )
    try:
        page = open_article(context, live_server, article)
        switch_dictionary_on(page)
        double_click_word(page, "deadlock")
        popup = page.get_by_role("dialog")
        expect(popup.get_by_role("heading", name="deadlock")).to_be_visible()
        popup.get_by_role("button", name="Save word").click()
        expect(popup.get_by_role("button", name="Saved to your vocabulary")).to_be_visible()

        vocabulary = context.new_page()
        vocabulary.goto(live_server.url + "/dictionary/vocabulary/")
        expect(vocabulary.locator(".vocabulary-item")).to_contain_text("deadlock")
        with vocabulary.expect_download() as download_info:
            vocabulary.get_by_role("link", name="Download for Anki (CSV)").click()
        path = artifacts / "vocabulary-anki.csv"
        download_info.value.save_as(str(path))
        lines = path.read_text(encoding="utf-8").splitlines()
        assert lines[:3] == ["#separator:Semicolon", "#html:false", "#columns:Front;Back"]
        assert lines[3].startswith("deadlock;") and "no progress" in lines[3]

        # Signing in moves the browser's words to the account.
        sign_in(context, live_server, username="jisoo")
        vocabulary.goto(live_server.url + "/dictionary/vocabulary/")
        expect(vocabulary.locator(".vocabulary-intro")).to_contain_text("kept on your account")
        expect(vocabulary.locator(".vocabulary-item")).to_contain_text("deadlock")
        assert vocabulary.evaluate("localStorage.getItem('broadsheet.dictionary.words')") == "[]"
    finally:
        context.close()


PRECISION_BODY = (
    "Beekeepers near the two test sites say the bees came back once the planes stopped spraying the fields.",
    "Visitors found the survey interesting, and painters praised the colours of the new murals.",
    "Officials said they would publish the full results in the spring.",
)


@pytest.fixture
def precision_article(live_server):
    from broadsheet.dictionary.tests.helpers import clear_own_cache
    from broadsheet.newsroom.tests.factories import (
        ArticlePageFactory,
        SectionPageFactory,
        home_site,
        paragraphs,
        tree_root,
    )

    clear_own_cache()
    tree_root()  # a transactional test before us flushed the migrations' rows
    section = SectionPageFactory(parent=home_site(), title="Society", slug="society")
    page = ArticlePageFactory(
        parent=section,
        title="Bees return to the valley",
        slug="bees-return",
        lead_image=None,
        body=paragraphs(*PRECISION_BODY),
    )
    page.save_revision().publish()
    return page


# Issue 17: bees is not "be", sites not "sit", planes not "plan"; interesting keeps its entry and names
# interest; colours shows the article's spelling and the other; would is a grammar word.
@pytest.fixture
def popup_page(desktop, live_server, precision_article):
    return dictionary_on(desktop, live_server, precision_article)


def test_a_plural_noun_is_not_read_as_a_shorter_word(popup_page):
    page, popup = popup_page, popup_page.popup
    for word, headword in (("bees", "bee"), ("sites", "site"), ("planes", "plane")):
        double_click_word(page, word)
        expect(popup.get_by_role("heading", name=headword, exact=True)).to_be_visible()
        expect(popup.locator(".dictionary-popup-pos")).to_have_text("noun")
        page.keyboard.press("Escape")
    assert not page.csp_errors, page.csp_errors


def test_interesting_keeps_its_entry_and_opens_interest_to_save(popup_page, artifacts):
    from tests.e2e.a11y import assert_accessible

    page, popup = popup_page, popup_page.popup
    double_click_word(page, "interesting")
    expect(popup.get_by_role("heading", name="interesting", exact=True)).to_be_visible()
    expect(popup.locator(".dictionary-also")).to_contain_text("Also a form of interest")
    page.screenshot(path=str(artifacts / "dictionary-popup-interesting.png"))
    assert_accessible(page)
    # The base is an entry of its own: open it from the link and save it.
    popup.get_by_role("button", name="interest").click()
    expect(popup.get_by_role("heading", name="interest", exact=True)).to_be_visible()
    popup.get_by_role("button", name="Save word").click()
    expect(popup.get_by_role("button", name="Saved to your vocabulary")).to_be_visible()
    page.keyboard.press("Escape")
    assert not page.csp_errors, page.csp_errors


def test_colours_shows_the_articles_spelling_and_the_other(popup_page):
    page, popup = popup_page, popup_page.popup
    double_click_word(page, "colours")
    expect(popup.get_by_role("heading", name="colour", exact=True)).to_be_visible()
    expect(popup.locator(".dictionary-spellings")).to_have_text("Also spelled color")
    page.keyboard.press("Escape")
    assert not page.csp_errors, page.csp_errors


def test_would_is_a_grammar_word(popup_page, artifacts):
    from tests.e2e.a11y import assert_accessible

    page, popup = popup_page, popup_page.popup
    double_click_word(page, "would")
    expect(popup.get_by_role("heading", name="would", exact=True)).to_be_visible()
    expect(popup.locator(".dictionary-popup-pos")).to_have_text("modal verb")
    expect(popup.locator(".dictionary-grammar")).to_contain_text("Grammar word")
    page.screenshot(path=str(artifacts / "dictionary-popup-would.png"))
    assert_accessible(page)
    assert not page.csp_errors, page.csp_errors
