"""A reader signs in through a real OpenID Connect provider, writes (the counter moves, stops at 250), posts;
a second reader on the same article sees the comment arrive live (SSE); a moderator hides it citing a clause
of the Standards Board Policy, and the author sees the reason. Real Chromium, real uvicorn, real database.
"""

import json
import re
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import MODERATOR, OIDC_READER

pytestmark = pytest.mark.e2e
TIMEOUT = 15_000


def region(page):
    return page.locator("[data-comments-region]")


def open_article(context, site):
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" and "Content Security Policy" in msg.text else None)
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
    expect(region(page).locator("[data-me-name]")).to_have_text(f"Signed in as {OIDC_READER['name']}")


def test_reader_posts_second_reader_sees_it_live_moderator_hides_it(browser, live_site, artifacts):
    site = live_site
    # The second reader's browser is in New York: the page still shows Korea's clock, as the footer says.
    author_ctx, watcher_ctx, moderator_ctx = (browser.new_context(locale="en-US", timezone_id=tz)
                                              for tz in (None, "America/New_York", None))
    try:
        # A logged-out reader sees the invitation, one button per switched-on provider, and the help.
        author = open_article(author_ctx, site)
        box = region(author)
        expect(box.get_by_text("To write comments, please log in to one of the accounts.")).to_be_visible()
        expect(box.get_by_role("button", name="Loopback ID")).to_be_visible()
        expect(box.get_by_role("button", name="Demo sign-in — local only")).to_be_visible()
        expect(box.locator("details.cr-help summary")).to_have_text("What is social comment?")
        expect(box.get_by_role("link", name="Standards Board Policy")).to_have_attribute("href", re.compile("standards-board-policy"))
        author.screenshot(path=artifacts / "comments-1-logged-out.png", full_page=True)

        # Sign in through the loopback OpenID Connect provider (PKCE, state checked by allauth).
        sign_in_with_loopback_id(author)

        # The counter moves with each character and stops input at 250, never splitting an emoji.
        body = box.locator("[data-compose-slot] textarea")
        counter = box.locator("[data-compose-slot] [data-counter]")
        expect(counter).to_have_text("0/250")
        expect(box.locator("[data-compose-slot] [data-notify]")).to_be_visible()  # the provider gave an email
        body.press_sequentially("안녕")
        expect(counter).to_have_text("2/250")
        body.fill("가" * 249 + "👨‍👩‍👧" + "🇰🇷")
        expect(counter).to_have_text("250/250")
        assert author.evaluate("() => document.querySelector('[data-compose-slot] textarea').value.endsWith('👨‍👩‍👧')")
        body.fill("")
        expect(counter).to_have_text("0/250")

        # A second reader opens the same article and is connected to the live stream.
        watcher = open_article(watcher_ctx, site)
        expect(region(watcher)).to_have_attribute("data-live", "sse")

        text = "Night buses matter for nurses 🚑 — 야간 버스 환영합니다"
        body.fill(text)
        expect(counter).to_have_text(f"{len(text)}/250")  # one code point per character here
        box.get_by_role("button", name="Post").click()
        mine = box.locator(".cr-comment.is-mine").first
        expect(mine.locator("[data-body]")).to_have_text(text)
        author.screenshot(path=artifacts / "comments-2-posted.png", full_page=True)

        # It arrives on the second reader's page without a reload.
        arrived = region(watcher).locator(".cr-comment", has_text="야간 버스 환영합니다")
        expect(arrived).to_be_visible()
        expect(arrived.locator("[data-author]")).to_have_text(OIDC_READER["name"])
        expect(region(watcher).locator("[data-count]")).to_have_text("1")
        when = arrived.locator("time[data-time]").first
        in_seoul = watcher.evaluate("""(iso) => new Date(iso).toLocaleString("en-US",
            { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Seoul" })""", when.get_attribute("datetime"))
        expect(when).to_have_text(in_seoul)
        watcher.screenshot(path=artifacts / "comments-3-arrived-live.png", full_page=True)

        # A moderator signs in and hides it under clause 1.
        moderator = moderator_ctx.new_page()
        moderator.set_default_timeout(TIMEOUT)
        moderator.goto(site.url + "/accounts/login/")
        moderator.fill("input[name=login]", MODERATOR["username"])
        moderator.fill("input[name=password]", MODERATOR["password"])
        moderator.locator("form button[type=submit]").last.click()
        moderator.wait_for_load_state()
        moderator.goto(site.url + site.info["article_url"])
        # The moderator's account has no email address: no reply-email box to tick.
        expect(region(moderator).locator("[data-compose-slot] textarea")).to_be_visible()
        expect(region(moderator).locator("[data-compose-slot] [data-notify]")).to_be_hidden()
        comment_id = mine.get_attribute("data-comment-id")
        target = region(moderator).locator(f"#comment-{comment_id}")
        target.get_by_role("button", name="Hide (moderator)").click()
        target.locator("select[name=clause]").select_option("1")
        target.get_by_role("button", name="Hide comment").click()
        expect(target.locator("[data-body]")).to_have_text(re.compile(r"hidden by a moderator \(clause 1\)"))
        moderator.screenshot(path=artifacts / "comments-4-moderator-hid.png", full_page=True)

        # The author sees why, live and after a reload; the other reader no longer sees the text.
        reason = "A moderator hid this comment under clause 1 of the Standards Board Policy: Respect."
        expect(mine.locator("[data-note]")).to_have_text(reason)
        expect(region(watcher).get_by_text("야간 버스 환영합니다")).to_have_count(0)
        author.reload()
        mine = region(author).locator(f"#comment-{comment_id}")
        expect(mine.locator("[data-note]")).to_have_text(reason)
        expect(mine.get_by_role("button", name="Appeal")).to_be_visible()
        author.screenshot(path=artifacts / "comments-5-author-sees-reason.png", full_page=True)

        # The author appeals once.
        mine.get_by_role("button", name="Appeal").click()
        mine.locator("textarea[name=text]").fill("I was talking about the bus policy, not a person.")
        mine.get_by_role("button", name="Send appeal").click()
        expect(mine.get_by_text("Appeal sent. A moderator will look again.")).to_be_visible()

        for page in (author, watcher, moderator):
            assert not getattr(page, "errors", []), page.errors
    finally:
        for ctx in (author_ctx, watcher_ctx, moderator_ctx):
            ctx.close()


def test_article_html_is_the_same_for_everyone(live_site):
    """Nothing per reader is rendered server-side, so a page cache may serve the article."""
    html = urllib.request.urlopen(live_site.url + live_site.info["article_url"]).read().decode()
    assert "data-comments-region" in html
    assert "csrfmiddlewaretoken\" value=\"\"" in html or "csrfmiddlewaretoken" not in html.replace('value="" data-csrf', "")
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
    context = browser.new_context(locale="ko-KR", extra_http_headers={"Accept-Language": "ko-KR,ko;q=0.9"})
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
        region(writer).locator("[data-compose-slot] textarea").fill("Seen through the polling fallback")
        region(writer).get_by_role("button", name="Post").click()
        expect(region(writer).get_by_text("Seen through the polling fallback")).to_be_visible()

        page.clock.run_for(16_000)  # one polling interval
        expect(region(page).get_by_text("Seen through the polling fallback")).to_be_visible()
    finally:
        context.close()
        writer_ctx.close()
