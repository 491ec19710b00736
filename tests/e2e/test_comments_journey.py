"""A reader signs in through a real OpenID Connect provider, writes (the counter moves, stops at 250), posts;
a second reader on the same article sees the comment arrive live (SSE); a moderator hides it citing a clause
of the Standards Board Policy, the author sees the reason and appeals. One behaviour a test, on shared
fixtures (visitor, author, watcher, moderator). Real Chromium, real uvicorn, real database.
"""

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import MODERATOR, OIDC_READER, stored_count

pytestmark = [pytest.mark.e2e, pytest.mark.stack_dependent]
TIMEOUT = 15_000


def region(page):
    return page.locator("[data-comments-region]")


def open_article(context, site):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "console",
        lambda msg: (
            errors.append(msg.text)
            if msg.type == "error" and "Content Security Policy" in msg.text
            else None
        ),
    )
    page.goto(site.url + site.info["article_url"])
    expect(region(page).locator("[data-app]")).to_be_visible()
    page.errors = errors
    return page


def sign_in_with_loopback_id(page):
    page.get_by_role("button", name="Loopback ID").click()
    page.wait_for_url(re.compile(r"127\.0\.0\.1:\d+/login/"))
    page.fill("#id_username", OIDC_READER["username"])
    page.fill("#id_password", OIDC_READER["password"])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/national/night-buses-return/"))
    expect(region(page).locator("[data-me-name]")).to_have_text(
        f"Signed in as {OIDC_READER['name']}"
    )


@pytest.fixture
def contexts(browser):
    """Browser contexts made by the test (new_context(**kwargs)), all closed after it."""
    made = []

    def new_context(**kwargs):
        made.append(browser.new_context(locale="en-US", **kwargs))
        return made[-1]

    yield new_context
    for context in made:
        context.close()


@pytest.fixture
def visitor(contexts, live_site):
    """A logged-out reader on the article; page errors and CSP reports are checked after the test."""
    page = open_article(contexts(), live_site)
    yield page
    assert not page.errors, page.errors


@pytest.fixture
def author(visitor):
    """The same reader, signed in through the loopback OpenID Connect provider (PKCE, state checked)."""
    sign_in_with_loopback_id(visitor)
    return visitor


@pytest.fixture
def watcher(contexts, live_site):
    """A second, logged-out reader on the same article, in New York (the page still shows Korea's clock)."""
    page = open_article(contexts(timezone_id="America/New_York"), live_site)
    yield page
    assert not page.errors, page.errors


@pytest.fixture
def moderator(contexts, live_site):
    """A comment moderator signed in with a password, on the article."""
    page = contexts().new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(live_site.url + "/accounts/login/")
    page.fill("input[name=login]", MODERATOR["username"])
    page.fill("input[name=password]", MODERATOR["password"])
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    page.goto(live_site.url + live_site.info["article_url"])
    return page


def post(page, text):
    """Post text from the region's box -> the new comment's <li> (the reader's own)."""
    box = region(page)
    box.locator("[data-compose-slot] textarea").fill(text)
    box.get_by_role("button", name="Post").click()
    mine = box.locator(".cr-comment.is-mine", has_text=text).first
    expect(mine.locator("[data-body]")).to_have_text(text)
    return mine


def hide_under_clause_1(moderator, comment_id):
    target = region(moderator).locator(f"#comment-{comment_id}")
    target.get_by_role("button", name="Hide (moderator)").click()
    target.locator("select[name=clause]").select_option("1")
    target.get_by_role("button", name="Hide comment").click()
    expect(target.locator("[data-body]")).to_have_text(
        re.compile(r"hidden by a moderator \(clause 1\)")
    )


HIDDEN_REASON = (
    "A moderator hid this comment under clause 1 of the Standards Board Policy: Respect."
)


def test_a_logged_out_reader_sees_the_invitation(visitor, artifacts):
    box = region(visitor)
    expect(
        box.get_by_text("To write comments, please log in to one of the accounts.")
    ).to_be_visible()
    expect(
        box.get_by_role("button", name="Loopback ID")
    ).to_be_visible()  # one button per provider switched on
    expect(box.get_by_role("button", name="Demo sign-in — local only")).to_be_visible()
    expect(box.locator("details.cr-help summary")).to_have_text("What is social comment?")
    expect(box.get_by_role("link", name="Standards Board Policy")).to_have_attribute(
        "href", re.compile("standards-board-policy")
    )
    visitor.screenshot(path=artifacts / "comments-1-logged-out.png", full_page=True)


def test_the_counter_counts_characters_and_stops_at_250(author):
    box = region(author)
    body = box.locator("[data-compose-slot] textarea")
    counter = box.locator("[data-compose-slot] [data-counter]")
    expect(counter).to_have_text("0/250")
    expect(
        box.locator("[data-compose-slot] [data-notify]")
    ).to_be_visible()  # the provider gave an email
    body.press_sequentially("안녕")
    expect(counter).to_have_text("2/250")
    body.fill("가" * 249 + "👨‍👩‍👧" + "🇰🇷")  # input stops at 250, never splitting an emoji
    expect(counter).to_have_text("250/250")
    assert author.evaluate(
        "() => document.querySelector('[data-compose-slot] textarea').value.endsWith('👨‍👩‍👧')"
    )
    body.fill("")
    expect(counter).to_have_text("0/250")


def test_a_comment_arrives_live_on_another_readers_page(author, watcher, live_site, artifacts):
    expect(region(watcher)).to_have_attribute("data-live", "sse")
    count = stored_count(watcher, live_site.info["thread_key"])
    text = "Night buses matter for nurses 🚑 — 야간 버스 환영합니다"
    region(author).locator("[data-compose-slot] textarea").fill(text)
    expect(region(author).locator("[data-compose-slot] [data-counter]")).to_have_text(
        f"{len(text)}/250"
    )
    post(author, text)
    author.screenshot(path=artifacts / "comments-2-posted.png", full_page=True)

    arrived = region(watcher).locator(".cr-comment", has_text="야간 버스 환영합니다")
    expect(arrived).to_be_visible()
    expect(arrived.locator("[data-author]")).to_have_text(OIDC_READER["name"])
    expect(region(watcher).locator("[data-count]")).to_have_text(str(count + 1))
    when = arrived.locator("time[data-time]").first
    in_seoul = watcher.evaluate(
        """(iso) => new Date(iso).toLocaleString("en-US",
        { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Seoul" })""",
        when.get_attribute("datetime"),
    )
    expect(when).to_have_text(in_seoul)
    watcher.screenshot(path=artifacts / "comments-3-arrived-live.png", full_page=True)


def test_a_moderator_without_an_email_gets_no_reply_email_box(moderator):
    expect(region(moderator).locator("[data-compose-slot] textarea")).to_be_visible()
    expect(region(moderator).locator("[data-compose-slot] [data-notify]")).to_be_hidden()


def test_a_hidden_comment_tells_its_author_why_and_leaves_other_pages(
    author, watcher, moderator, artifacts
):
    mine = post(author, "The late bus on route 9 is always full.")
    expect(region(watcher).get_by_text("The late bus on route 9 is always full.")).to_be_visible()
    comment_id = mine.get_attribute("data-comment-id")
    hide_under_clause_1(moderator, comment_id)
    moderator.screenshot(path=artifacts / "comments-4-moderator-hid.png", full_page=True)

    expect(mine.locator("[data-note]")).to_have_text(HIDDEN_REASON)  # live
    expect(region(watcher).get_by_text("The late bus on route 9 is always full.")).to_have_count(0)
    author.reload()
    mine = region(author).locator(f"#comment-{comment_id}")
    expect(mine.locator("[data-note]")).to_have_text(HIDDEN_REASON)
    author.screenshot(path=artifacts / "comments-5-author-sees-reason.png", full_page=True)


def test_the_author_appeals_a_hidden_comment(author, moderator):
    comment_id = post(author, "Route 9 needs a second late bus.").get_attribute("data-comment-id")
    hide_under_clause_1(moderator, comment_id)
    author.reload()
    mine = region(author).locator(f"#comment-{comment_id}")
    mine.get_by_role("button", name="Appeal").click()
    mine.locator("textarea[name=text]").fill("I was talking about the bus policy, not a person.")
    mine.get_by_role("button", name="Send appeal").click()
    expect(mine.get_by_text("Appeal sent. A moderator will look again.")).to_be_visible()


def test_article_html_is_the_same_for_everyone(live_site):
    """Nothing per reader is rendered server-side, so a page cache may serve the article."""
    html = urllib.request.urlopen(live_site.url + live_site.info["article_url"]).read().decode()
    assert "data-comments-region" in html
    assert 'csrfmiddlewaretoken" value=""' in html or "csrfmiddlewaretoken" not in html.replace(
        'value="" data-csrf', ""
    )
    assert OIDC_READER["name"] not in html


def test_anonymous_post_is_refused_with_403(live_site):
    key = live_site.info["thread_key"]
    request = urllib.request.Request(
        f"{live_site.url}/api/comments/threads/{key}/comments",
        data=json.dumps({"body": "drive-by"}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403


def test_without_javascript_the_region_links_to_the_comments_page(browser, live_site, artifacts):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_site.url + live_site.info["article_url"])
        link = page.locator("[data-nojs] a")
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", f"/comments/{live_site.info['thread_key']}/")
        expect(page.locator("[data-app]")).to_be_hidden()
    finally:
        context.close()


def test_language_switch_in_the_region(browser, live_site):
    context = browser.new_context(locale="en-US")
    try:
        page = open_article(context, live_site)
        expect(region(page).locator("#comments-title")).to_contain_text("Social comment")
        region(page).get_by_role("button", name="한국어").click()
        expect(region(page).locator("#comments-title")).to_contain_text("소셜 댓글")
        expect(region(page).get_by_role("button", name="데모 로그인 — 로컬 전용")).to_be_visible()
        region(page).get_by_role("button", name="EN").click()
        expect(region(page).locator("#comments-title")).to_contain_text("Social comment")
    finally:
        context.close()


def test_korean_reader_sees_the_korean_box(browser, live_site, artifacts):
    context = browser.new_context(
        locale="ko-KR", extra_http_headers={"Accept-Language": "ko-KR,ko;q=0.9"}
    )
    try:
        page = open_article(context, live_site)
        page.get_by_role("button", name=re.compile("데모")).click()
        page.locator("input[name=display_name]").fill("김서연")
        page.locator(".demo-signin__submit").click()
        page.wait_for_url(re.compile("night-buses-return"))
        counter = region(page).locator("[data-compose-slot] [data-counter]")
        expect(counter).to_have_text("0/250자")
        region(page).locator("[data-compose-slot] textarea").fill("버스")
        expect(counter).to_have_text("2/250자")
        page.screenshot(path=artifacts / "comments-6-korean.png", full_page=True)
    finally:
        context.close()


def test_when_the_stream_is_unreachable_the_region_polls(browser, live_site, artifacts):
    """A proxy that swallows Server-Sent Events must not leave readers with a frozen thread."""
    context = browser.new_context(locale="en-US")
    writer_ctx = browser.new_context(locale="en-US")
    try:
        page = context.new_page()
        page.set_default_timeout(TIMEOUT)
        page.clock.install()
        page.route("**/comments/live/**", lambda route: route.abort())
        page.goto(live_site.url + live_site.info["article_url"])
        expect(region(page)).to_have_attribute("data-live", "polling")

        writer = writer_ctx.new_page()
        writer.goto(live_site.url + "/accounts/demo-sign-in/?next=" + live_site.info["article_url"])
        writer.locator("input[name=display_name]").fill("Polling Writer")
        writer.locator(".demo-signin__submit").click()
        writer.wait_for_url(re.compile("night-buses-return"))
        region(writer).locator("[data-compose-slot] textarea").fill(
            "Seen through the polling fallback"
        )
        region(writer).get_by_role("button", name="Post").click()
        expect(region(writer).get_by_text("Seen through the polling fallback")).to_be_visible()

        page.clock.run_for(16_000)  # one polling interval
        expect(region(page).get_by_text("Seen through the polling fallback")).to_be_visible()
    finally:
        context.close()
        writer_ctx.close()
