"""One reader's journey on the stand-alone site, in Debian's Chromium: log in with Django's own login
page, open a story, post a comment under it through the comments region, and find it again after a
reload. Nothing of Broadsheet's site is installed (settings.py)."""

import pytest
from playwright.sync_api import expect

from broadsheet.comments.models import Comment
from broadsheet.comments.tests.factories import ThreadFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
TIMEOUT = 15_000


@pytest.fixture
def reader_page(browser, live_server):
    UserFactory(username="ferry-reader", password="a long pass phrase", first_name="Mina")
    ThreadFactory(key="standalone-story", title="The harbour ferry runs again", url="/story/")
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{live_server.url}/login/?next=/story/")
    page.get_by_label("Username").fill("ferry-reader")
    page.get_by_label("Password").fill("a long pass phrase")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/story/")
    yield page
    context.close()
    assert errors == []


def test_a_reader_posts_a_comment_and_finds_it_after_a_reload(reader_page, live_server):
    region = reader_page.locator("[data-comments-region]")
    # The site's settings reach the script as data attributes, nothing of Broadsheet's.
    expect(region).to_have_attribute("data-api", "/api/comments")
    expect(region).to_have_attribute("data-language-url", "/i18n/setlang/")
    expect(region.locator("[data-me-name]")).to_have_text("Signed in as Mina")
    expect(region.locator("[data-lang-switch] button")).to_have_text(["English", "Korean"])

    compose = region.locator("[data-compose-slot]")
    compose.locator("textarea").fill("The early boat was full of cyclists.")
    compose.get_by_role("button", name="Post").click()
    posted = region.locator(".cr-comment", has_text="The early boat was full of cyclists.")
    expect(posted).to_be_visible()
    # A new commenter waits for a moderator (COMMENTS_TRUSTED_AFTER's default): only they see it, marked.
    expect(posted.locator("[data-note]")).to_contain_text("Awaiting review by a moderator")
    assert Comment.objects.get().body == "The early boat was full of cyclists."

    reader_page.reload()
    expect(
        region.locator(".cr-comment", has_text="The early boat was full of cyclists.")
    ).to_be_visible()
