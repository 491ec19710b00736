"""What a reader does in a long thread, one behaviour a test: page, sort, more replies, sign in, like, reply,
edit, delete, report, log out; then the edit window, closed and pre-moderated threads, sanctions, leaving."""

import json
import re

import pytest
from playwright.sync_api import expect

from .conftest import stored_count

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("comments-busy-thread")]
TIMEOUT = 15_000


def region(page):
    return page.locator("[data-comments-region]")


def comment(page, text):
    return region(page).locator(
        ".cr-comment", has=page.locator(":scope > article [data-body]", has_text=text)
    )


def demo_reader_page(context, site, url, name):
    """A page signed in through the demo door as ``name``, back on ``url``."""
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(site.url + "/accounts/demo-sign-in/?next=" + url)
    page.get_by_label("Display name").fill(name)
    page.get_by_role("button", name="Sign in with this name").click()
    page.wait_for_url(re.compile(re.escape(url)))
    return page


def post_and_see(page, text):
    compose = region(page).locator("[data-compose-slot]")
    compose.locator("textarea").fill(text)
    compose.get_by_role("button", name="Post").click()
    expect(comment(page, text)).to_be_visible()


@pytest.fixture
def thread_page(browser, live_site):
    """An anonymous reader on the busy thread (27 comments, one with five replies); no page errors."""
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(live_site.url + live_site.info["busy_url"])
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def reader_page(browser, live_site, request):
    """A reader signed in through the demo door on the busy thread, named after the test; no page errors."""
    context = browser.new_context(locale="en-US")
    name = request.node.name.removeprefix("test_").replace("_", " ")[:40].title()
    page = demo_reader_page(context, live_site, live_site.info["busy_url"], name)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


# These two run first (definition order): they count the busy thread before anyone else writes in it.
def test_one_page_of_twenty_then_load_more(thread_page):
    box = region(thread_page)
    top_level = box.locator("[data-list] > .cr-comment")
    expect(top_level).to_have_count(20)
    expect(box.locator("[data-count]")).to_have_text("27")
    box.get_by_role("button", name="Load more comments").click()
    expect(top_level).to_have_count(22)
    expect(box.get_by_role("button", name="Load more comments")).to_be_hidden()


def test_oldest_first_shows_three_replies_then_more(thread_page):
    top_level = region(thread_page).locator("[data-list] > .cr-comment")
    region(thread_page).get_by_label("Sort").select_option("oldest")
    expect(top_level.first.locator(":scope > article [data-body]")).to_have_text(
        "Seed comment number 1 about the parks."
    )
    replies = top_level.first.locator("[data-replies] > .cr-comment")
    expect(replies).to_have_count(3)
    top_level.first.get_by_role("button", name="More replies").click()
    expect(replies).to_have_count(5)


def test_demo_sign_in_comes_back_to_the_same_article(thread_page):
    box = region(thread_page)
    box.get_by_role("button", name="Demo sign-in — local only").click()
    expect(thread_page.get_by_role("heading", name="Demo sign-in — local only")).to_be_visible()
    thread_page.get_by_label("Display name").fill("Action Reader")
    thread_page.get_by_role("button", name="Sign in with this name").click()
    thread_page.wait_for_url(re.compile("riverside-parks-shade"))
    expect(box.locator("[data-me-name]")).to_have_text("Signed in as Action Reader")


def test_a_like_can_be_taken_back(reader_page):
    like = comment(reader_page, "Seed comment number 22 about the parks.").locator(
        ":scope > article [data-vote='1']"
    )
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like.locator("[data-likes]")).to_have_text("1")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "false")
    expect(like.locator("[data-likes]")).to_have_text("0")


def test_a_reply_lands_under_its_comment_and_survives_a_reload(reader_page):
    target = comment(reader_page, "Seed comment number 22 about the parks.")
    target.locator(":scope > article").get_by_role("button", name="Reply").click()
    target.locator("[data-panel] textarea").fill("Shade matters more every summer.")
    target.locator("[data-panel]").get_by_role("button", name="Reply").click()
    expect(
        target.locator("[data-replies] .cr-comment", has_text="Shade matters more every summer.")
    ).to_be_visible()
    reader_page.reload()
    expect(region(reader_page).get_by_text("Shade matters more every summer.")).to_be_visible()


def test_own_comment_is_edited_within_five_minutes_then_deleted(reader_page, live_site, artifacts):
    box = region(reader_page)
    count = stored_count(reader_page, live_site.info["busy_key"])
    post_and_see(reader_page, "First draft of my view")
    mine = comment(reader_page, "First draft of my view")
    mine.get_by_role("button", name="Edit").click()
    editor = mine.locator("[data-panel] textarea")
    expect(editor).to_have_value("First draft of my view")
    editor.fill("Second thoughts: more fountains, please")
    mine.locator("[data-panel]").get_by_role("button", name="Save").click()
    edited = comment(reader_page, "Second thoughts: more fountains, please")
    expect(edited.locator("[data-edited]")).to_be_visible()
    expect(box.locator("[data-count]")).to_have_text(str(count + 1))
    reader_page.screenshot(path=artifacts / "comments-7-actions.png", full_page=True)
    reader_page.once("dialog", lambda dialog: dialog.accept())
    edited.get_by_role("button", name="Delete").click()
    expect(comment(reader_page, "Second thoughts")).to_have_count(0)


def test_a_report_cites_a_numbered_clause(reader_page):
    other = comment(reader_page, "Seed comment number 21 about the parks.")
    other.locator(":scope > article").get_by_role("button", name="Report").click()
    other.locator("select[name=clause]").select_option("2")
    other.get_by_role("button", name="Send report").click()
    expect(other.get_by_text("Thank you. A moderator will review the comment.")).to_be_visible()


def test_the_server_holds_the_250_character_line_for_any_caller(reader_page, live_site):
    verdicts = reader_page.evaluate(
        r"""async (key) => {
            const session = await (await fetch('/api/comments/session')).json();
            const post = (body) => fetch(`/api/comments/threads/${key}/comments`, {
                method: 'POST', headers: {'Content-Type': 'application/json', 'X-CSRFToken': session.csrf_token},
                body: JSON.stringify({body}),
            }).then(async (r) => [r.status, (await r.json()).code || 'ok']);
            const family = '\u{1F468}\u200d\u{1F469}\u200d\u{1F467}';
            return [await post('나'.repeat(249) + family), await post('다'.repeat(250) + family)];
        }""",
        live_site.info["busy_key"],
    )
    assert verdicts[0] == [201, "ok"]
    assert verdicts[1][1] == "too_long" and 400 <= verdicts[1][0] < 500


def test_logging_out_returns_to_the_invitation_on_the_same_article(reader_page):
    region(reader_page).get_by_role("button", name="Log out").click()
    reader_page.wait_for_url(re.compile("riverside-parks-shade"))
    expect(
        region(reader_page).get_by_text("To write comments, please log in to one of the accounts.")
    ).to_be_visible()


def test_edit_button_goes_when_the_five_minutes_are_up(browser, live_site):
    context = browser.new_context(locale="en-US")
    try:
        context.clock.install()
        page = demo_reader_page(context, live_site, live_site.info["busy_url"], "Clock Watcher")
        compose = region(page).locator("[data-compose-slot]")
        compose.locator("textarea").fill("A thought with a deadline")
        compose.get_by_role("button", name="Post").click()
        edit = comment(page, "A thought with a deadline").get_by_role("button", name="Edit")
        expect(edit).to_be_visible()
        page.clock.run_for(301_000)
        expect(edit).to_be_hidden()
    finally:
        context.close()


def test_a_closed_thread_has_no_box_and_a_premoderated_one_says_so(browser, live_site):
    context = browser.new_context(locale="en-US")
    try:
        page = demo_reader_page(context, live_site, live_site.info["closed_url"], "Late Reader")
        box = region(page)
        expect(box.locator("[data-me-name]")).to_have_text("Signed in as Late Reader")
        expect(box.locator("[data-thread-note]")).to_have_text(
            "Comments on this article are closed."
        )
        expect(box.locator(".cr-comment")).to_have_count(
            1
        )  # what was said before closing stays readable
        expect(box.locator("textarea")).to_have_count(0)
        expect(box.get_by_role("button", name="Reply")).to_have_count(0)

        page.goto(live_site.url + live_site.info["premoderated_url"])
        expect(box.locator("[data-thread-note]")).to_have_text(
            "A moderator reads every comment on this article before it appears."
        )
        post_and_see(page, "Lunches matter more than the stadium.")
        expect(comment(page, "Lunches matter more than the stadium.")).to_contain_text(
            "Awaiting review by a moderator."
        )
    finally:
        context.close()


def test_a_suspended_reader_may_delete_and_appeal_but_not_write(browser, live_site):
    context = browser.new_context(locale="en-US")
    try:
        page = demo_reader_page(context, live_site, live_site.info["busy_url"], "Suspended Sam")
        box = region(page)
        post_and_see(page, "Sam thinks the shelters came too late.")

        live_site.manage(
            "shell",
            "-c",
            (
                "import datetime; from django.utils import timezone; from django.contrib.auth import get_user_model; "
                "from broadsheet.comments.models import Sanction; "
                "Sanction.objects.create(user=get_user_model().objects.get(first_name='Suspended Sam'), "
                "kind='suspension', "
                "until=timezone.now() + datetime.timedelta(days=2))"
            ),
        )
        page.reload()
        expect(box.locator("[data-sanction]")).to_contain_text("Suspended from commenting until")
        expect(box.locator("[data-compose-slot] textarea")).to_have_count(0)
        mine = comment(page, "Sam thinks the shelters came too late.").locator(":scope > article")
        expect(mine.get_by_role("button", name="Delete")).to_be_visible()
        expect(mine.get_by_role("button", name="Edit")).to_be_hidden()
        other = comment(page, "Seed comment number 22 about the parks.").locator(":scope > article")
        expect(other.get_by_role("button", name="Report")).to_be_hidden()
        expect(other.locator("[data-vote='1']")).to_be_disabled()
    finally:
        context.close()


def test_a_reader_downloads_their_comments_then_deletes_the_account(browser, live_site):
    context = browser.new_context(locale="en-US", accept_downloads=True)
    try:
        page = demo_reader_page(context, live_site, live_site.info["busy_url"], "Leaving Lee")
        box = region(page)
        post_and_see(page, "One last word on the parks from Lee.")

        box.locator("[data-account] summary").click()
        with page.expect_download() as download:
            box.get_by_role("link", name="Download all my comments (JSON)").click()
        exported = json.loads(download.value.path().read_text(encoding="utf-8"))
        assert exported["user"]["name"] == "Leaving Lee"
        assert [c["body"] for c in exported["comments"]] == ["One last word on the parks from Lee."]

        page.once("dialog", lambda dialog: dialog.accept())
        box.get_by_role("button", name="Delete my account and all my comments").click()
        expect(
            box.get_by_text("To write comments, please log in to one of the accounts.")
        ).to_be_visible()
        expect(comment(page, "One last word on the parks from Lee.")).to_have_count(0)
    finally:
        context.close()
