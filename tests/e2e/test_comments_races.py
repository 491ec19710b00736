"""The comments region when a reader acts before an answer is in. Each test holds requests on the wire
(page.route: a real delay, then the server's real answer) and lets them go in a chosen order; whatever
the order, the region shows each comment once, no reply beyond the pages it loaded but a new one, and
new comments still arrive live."""

import re
import time

import pytest
from playwright.sync_api import expect

from .test_comments_actions import TIMEOUT, comment, demo_reader_page, region

pytestmark = [
    pytest.mark.stack_dependent,
    pytest.mark.e2e,
    pytest.mark.xdist_group("comments-busy-thread"),
]
FIRST = "Seed comment number 1 about the parks."  # the oldest comment: five replies, three shown at first
LIST = r"/api/comments/threads/[^/]+/comments\?sort="


class Held:
    """The first `count` requests matching url wait on the wire until released; later ones go through."""

    def __init__(self, page, url, count=1):
        self.page, self.count, self.routes = page, count, []
        page.route(url, self._hold)

    def _hold(self, route):
        if self.count:
            self.count -= 1
            self.routes.append(route)
        else:
            route.continue_()

    def wait(self):
        """Until the page has made the request (the page keeps running meanwhile)."""
        deadline = time.monotonic() + TIMEOUT / 1000
        while not self.routes:
            assert time.monotonic() < deadline, "the page never made the request"
            self.page.wait_for_timeout(20)

    def release(self):
        """Let the request go on to the server; its answer comes when it comes."""
        self.wait()
        route = self.routes.pop(0)
        route.continue_()
        return route.request

    def answer(self):
        """Let the request go, and wait until its whole answer is in the page."""
        self.release().response().finished()


@pytest.fixture
def anonymous(browser):
    """A new, anonymous reader's page (not opened yet); no page errors."""
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert not errors, errors


@pytest.fixture
def writer(browser, live_site):
    """Another reader on the busy thread, writing through the API as the region does: write(body) or
    write(body, parent_id) -> the new comment's id; write(body, to_first=True) replies to the oldest."""
    context = browser.new_context(locale="en-US")
    page = demo_reader_page(context, live_site, live_site.info["busy_url"], "Race Writer")

    def write(body, parent_id=None, to_first=False):
        return page.evaluate(
            """async ([key, body, parent_id, toFirst]) => {
                const api = `/api/comments/threads/${key}/comments`;
                if (toFirst) parent_id = (await (await fetch(`${api}?sort=oldest`)).json()).comments[0].id;
                const session = await (await fetch('/api/comments/session')).json();
                const response = await fetch(api, {
                    method: 'POST', body: JSON.stringify({body, parent_id}),
                    headers: {'Content-Type': 'application/json', 'X-CSRFToken': session.csrf_token},
                });
                if (response.status !== 201) throw new Error(await response.text());
                return (await response.json()).id;
            }""",
            [live_site.info["busy_key"], body, parent_id, to_first],
        )

    yield write
    context.close()


@pytest.fixture
def reply_to_first(writer):
    """Replies to the oldest comment. One is written at once: behind "More replies", and newer than every
    comment on the first pages."""
    writer(f"An earlier reply, {time.monotonic_ns()}.", to_first=True)
    return lambda body: writer(body, to_first=True)


def replies_under(page, text):
    return comment(page, text).locator("[data-replies] > .cr-comment > article [data-body]")


def expect_a_new_reply_live_then_the_rest(page, reply_to_first, name):
    """Three replies under the oldest comment, then a reply written now arrives live after them (the
    stream sends in order: anything it resent is on screen by then); "More replies" brings the rest,
    each stored reply once."""
    expect(replies_under(page, FIRST)).to_have_count(3)
    expect(region(page)).to_have_attribute("data-live", "sse")
    fresh = f"A new reply, {name}."
    reply_to_first(fresh)
    replies = replies_under(page, FIRST)
    expect(replies).to_have_text(["Seed reply 1", "Seed reply 2", "Seed reply 3", fresh])
    comment(page, FIRST).get_by_role("button", name="More replies").click()
    expect(replies.filter(has_text="Seed reply 5")).to_have_count(1)
    stored = page.evaluate(
        """async (id) => (await (await fetch(`/api/comments/comments/${id}/replies`)).json())
            .comments.map((c) => c.body)""",
        comment(page, FIRST).get_attribute("data-comment-id"),
    )
    expect(replies).to_have_count(len(stored))
    assert sorted(replies.all_text_contents()) == sorted(stored)


@pytest.mark.parametrize("answers", [("oldest", "newest"), ("newest", "oldest")])
def test_oldest_chosen_before_the_first_list_shows_three_replies(
    anonymous, reply_to_first, live_site, answers
):
    """Both lists are asked for before either is in, and come back in either order; the live stream
    waits until the oldest-first list is on screen."""
    held = {sort: Held(anonymous, re.compile(LIST + sort)) for sort in ("newest", "oldest")}
    stream = Held(anonymous, "**/comments/live/**")
    anonymous.goto(live_site.url + live_site.info["busy_url"])
    held["newest"].wait()
    region(anonymous).get_by_label("Sort").select_option("oldest")
    for sort in answers:
        held[sort].answer()
    top_level = region(anonymous).locator("[data-list] > .cr-comment")
    expect(top_level.first.locator(":scope > article [data-body]")).to_have_text(FIRST)
    expect(replies_under(anonymous, FIRST)).to_have_count(3)
    stream.release()
    expect_a_new_reply_live_then_the_rest(anonymous, reply_to_first, " then ".join(answers))


def test_a_sort_chosen_before_the_script_listens_is_the_one_shown(anonymous, live_site):
    session = Held(anonymous, "**/api/comments/session*")
    anonymous.goto(live_site.url + live_site.info["busy_url"])
    sort = region(anonymous).get_by_label("Sort")
    sort.select_option("oldest")  # the box is on screen while the script asks who is reading
    session.answer()
    top_level = region(anonymous).locator("[data-list] > .cr-comment")
    expect(top_level.first.locator(":scope > article [data-body]")).to_have_text(FIRST)
    expect(sort).to_have_value("oldest")


def test_load_more_before_the_stream_is_up_shows_three_replies(
    anonymous, reply_to_first, live_site, artifacts
):
    stream = Held(anonymous, "**/comments/live/**")
    anonymous.goto(live_site.url + live_site.info["busy_url"])
    top_level = region(anonymous).locator("[data-list] > .cr-comment")
    expect(top_level).to_have_count(20)
    while not comment(anonymous, FIRST).count():  # the oldest comment is on the last page
        shown = top_level.count()
        region(anonymous).get_by_role("button", name="Load more comments").click()
        expect(top_level).not_to_have_count(shown)
    stream.release()
    expect_a_new_reply_live_then_the_rest(anonymous, reply_to_first, "after load more")
    for width in (360, 1280):
        anonymous.set_viewport_size({"width": width, "height": 900})
        comment(anonymous, FIRST).screenshot(path=artifacts / f"comments-replies-{width}.png")


def test_a_new_sort_drops_the_old_lists_next_page(anonymous, live_site):
    """Load more, then a new sort before that page is in: the page is dropped, and "Load more" (whose
    cursor belongs to the old list) waits for the new list."""
    anonymous.goto(live_site.url + live_site.info["busy_url"])
    box = region(anonymous)
    top_level = box.locator("[data-list] > .cr-comment")
    expect(top_level).to_have_count(20)
    page_two = Held(anonymous, re.compile(LIST + "newest&cursor="))
    oldest = Held(anonymous, re.compile(LIST + "oldest$"))
    more = box.get_by_role("button", name="Load more comments")
    more.click()
    page_two.wait()
    box.get_by_label("Sort").select_option("oldest")
    expect(more).to_be_hidden()
    page_two.answer()
    oldest.answer()
    expect(top_level.first.locator(":scope > article [data-body]")).to_have_text(FIRST)
    expect(top_level).to_have_count(20)
    more.click()
    expect(top_level).not_to_have_count(20)
    expect(box.locator("p[data-status]")).to_have_text("")


def held_answer(page, url):
    """The answer to the next request matching url, held (the request reaches the server at once)."""
    answers = []

    def hold(route):
        if answers:
            return route.continue_()
        answers.append((route, route.fetch()))

    page.route(url, hold)
    return answers


def test_a_reply_the_stream_brings_before_its_answer_shows_once_as_the_authors(browser, live_site):
    context = browser.new_context(locale="en-US")
    try:
        page = demo_reader_page(context, live_site, live_site.info["busy_url"], "Quick Replier")
        expect(region(page)).to_have_attribute("data-live", "sse")
        top_level = region(page).locator("[data-list] > .cr-comment")
        newest = top_level.filter(has=page.get_by_role("button", name="Reply")).first
        target = region(page).locator(f"#{newest.get_attribute('id')}")
        answers = held_answer(page, re.compile(r"/api/comments/threads/[^/]+/comments$"))
        target.locator(":scope > article").get_by_role("button", name="Reply").click()
        target.locator("[data-panel] textarea").fill("Faster than my own answer.")
        target.locator("[data-panel]").get_by_role("button", name="Reply").click()
        mine = target.locator("[data-replies] .cr-comment", has_text="Faster than my own answer.")
        expect(mine).to_have_count(1)  # from the live stream; the author's own answer is still held
        expect(mine.get_by_role("button", name="Edit")).to_be_hidden()
        route, response = answers[0]
        route.fulfill(response=response)
        expect(mine.get_by_role("button", name="Edit")).to_be_visible()
        expect(mine).to_have_count(1)
    finally:
        context.close()


def test_own_comment_the_stream_brings_first_is_not_announced_as_new(browser, live_site):
    """Oldest first, a comment arriving live waits behind "Show N new comments"; the author's own, once
    its answer is in, is on screen and waits for nothing."""
    context = browser.new_context(locale="en-US")
    try:
        page = demo_reader_page(context, live_site, live_site.info["busy_url"], "Quick Poster")
        box = region(page)
        expect(box).to_have_attribute("data-live", "sse")
        box.get_by_label("Sort").select_option("oldest")
        expect(box.locator("[data-list] > .cr-comment").first).to_contain_text(FIRST)
        answers = held_answer(page, re.compile(r"/api/comments/threads/[^/]+/comments$"))
        box.locator("[data-compose-slot] textarea").fill("Mine arrives before my answer.")
        box.locator("[data-compose-slot]").get_by_role("button", name="Post").click()
        fresh = box.locator("[data-fresh]")
        expect(fresh).to_have_text("Show 1 new comments")
        route, response = answers[0]
        route.fulfill(response=response)
        expect(comment(page, "Mine arrives before my answer.")).to_have_count(1)
        expect(fresh).to_be_hidden()
    finally:
        context.close()


def test_a_language_switch_before_the_first_list_shows_the_list_once(anonymous, live_site):
    Held(anonymous, re.compile(LIST + "newest"))
    anonymous.goto(live_site.url + live_site.info["busy_url"])
    region(anonymous).get_by_role("button", name="한국어").click()
    expect(anonymous.locator("html")).to_have_attribute("lang", "ko")
    top_level = region(anonymous).locator("[data-list] > .cr-comment")
    expect(top_level).to_have_count(20)
    ids = top_level.evaluate_all("(items) => items.map((li) => li.dataset.commentId)")
    assert len(set(ids)) == 20


def test_polling_shows_every_comment_written_between_two_polls(anonymous, writer, live_site):
    """Without a stream the region polls the newest page. Between two polls a new comment, then a reply
    to an older one (a higher id, earlier in the page's order): both are new."""
    older = writer(f"An older comment, {time.monotonic_ns()}.")
    anonymous.clock.install()
    anonymous.route("**/comments/live/**", lambda route: route.abort())
    anonymous.goto(live_site.url + live_site.info["busy_url"])
    box = region(anonymous)
    expect(box).to_have_attribute("data-live", "polling")
    expect(box.locator(f"#comment-{older}")).to_be_visible()
    newer = writer(f"A newer comment, {time.monotonic_ns()}.")
    reply = writer(f"A reply to the older one, {time.monotonic_ns()}.", older)
    anonymous.clock.run_for(16_000)  # one polling interval
    expect(box.locator(f"#comment-{reply}")).to_be_visible()
    expect(box.locator(f"#comment-{newer}")).to_have_count(1)
