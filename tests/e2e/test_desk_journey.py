"""The desk in Chromium, on the demo's own content and logins: the reporter writes and submits an article,
the editor (told on the admin dashboard) requests a change, the reporter resubmits, the editor approves it
scheduled a minute ahead, the scheduler beside the server publishes it by itself and it appears on the
homepage; the comment moderator works the comments queue and is refused the page editor.
"""

import datetime
import json
import re
import subprocess
import time
import urllib.request

import pytest
from playwright.sync_api import expect

from .conftest import PYTHON, ROOT, Site, free_port

# Both journeys use the module's demo site: one worker builds it once (make test runs --dist loadgroup).
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("desk-demo-site")]
TIMEOUT = 30_000
PASSWORDS = {
    "editor": "desk-editor-pw",
    "reporter": "desk-reporter-pw",
    "moderator": "desk-moderator-pw",
}
HEADLINE = "Ferry timetable changes for the winter"

FIXTURE_SCRIPT = """
import json
from broadsheet.comments.services import comment_create
from broadsheet.newsroom.models import ArticlePage, SectionPage
from django.contrib.auth import get_user_model
section = SectionPage.objects.get(slug="national")
article = ArticlePage.objects.live().first()
writer = get_user_model().objects.create_user("desk-journey-reader", first_name="Journey Reader")
held = comment_create(thread_key=article.comments_thread_key, author=writer,
                      body="More times are listed at https://example.org/ferry")
print(json.dumps({"section_id": section.pk, "held_status": held.status, "article_id": article.pk,
                  "article_url": article.url}))
"""


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The demo itself (migrate + demo_content), served by uvicorn, with the scheduler every 2 s beside it."""
    site = Site(tmp_path_factory.mktemp("desk"), free_port())
    site.env.update({f"DEMO_{name.upper()}_PASSWORD": pw for name, pw in PASSWORDS.items()})
    site.env["COMMENTS_TRUSTED_AFTER"] = "1"
    try:
        site.migrate()
        site.manage("demo_content")
        out = subprocess.run(
            [PYTHON, "manage.py", "shell", "-c", FIXTURE_SCRIPT],
            cwd=ROOT,
            env=site.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        )
        site.info = json.loads(out.stdout.strip().splitlines()[-1])
        site.url = site.serve()
        log = open(site.tmp / "scheduler.log", "w")
        site.processes.append(
            subprocess.Popen(
                [PYTHON, "manage.py", "scheduler", "--interval", "2"],
                cwd=ROOT,
                env=site.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        yield site
    finally:
        site.stop()


def admin_page(browser, site, username):
    context = browser.new_context(
        locale="en-US", viewport={"width": 1400, "height": 1000}, timezone_id="Asia/Seoul"
    )
    page = context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.goto(site.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORDS[username])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    return page


def action_menu(page, name, *, navigates=True):
    """A button in the editor's footer, opening the 'More actions' dropdown when it is not the main one;
    waits for the page it sends the form to (a loaded machine takes seconds)."""
    footer = page.get_by_role("navigation", name="Actions (footer)")
    button = footer.get_by_role("button", name=name, exact=isinstance(name, str))
    if not button.is_visible():
        footer.get_by_role("button", name="More actions").click()
    if not navigates:
        button.click()
        return
    with page.expect_navigation(timeout=TIMEOUT):
        button.click()


def homepage_html(site):
    with urllib.request.urlopen(
        site.url + "/", timeout=90
    ) as response:  # a busy machine renders slowly
        return response.read().decode()


def test_reporter_editor_scheduler_and_moderator(browser, demo_site, artifacts):
    desk_journey(browser, demo_site, artifacts)


FIX = "An earlier version of this article gave the wrong pier for the morning sailing. It leaves from Pier 2."


def test_editor_adds_a_correction_and_readers_see_it(browser, demo_site, artifacts):
    """The editor adds a correction in the page editor and publishes; the article shows the dated box at the
    top and an "Updated" time, at once (publishing purges the cached copy)."""
    article_url = demo_site.url + demo_site.info["article_url"]
    assert (
        FIX not in urllib.request.urlopen(article_url, timeout=90).read().decode()
    )  # and now it is cached
    editor = admin_page(browser, demo_site, "editor")
    editor.goto(demo_site.url + f"/admin/pages/{demo_site.info['article_id']}/edit/")
    editor.get_by_role("button", name="Add Corrections").click()
    # The new entry is the last one (the demo article may already carry a correction).
    editor.locator("select[id^=id_corrections-][id$=-kind]").last.select_option("correction")
    editor.locator("textarea[id^=id_corrections-][id$=-text]").last.fill(FIX)
    editor.screenshot(path=str(artifacts / "desk-editor-adds-correction.png"), full_page=True)
    action_menu(editor, re.compile(r"^Publish$"))
    expect(editor.locator(".messages")).to_contain_text("published")

    reader = browser.new_page(viewport={"width": 360, "height": 900})
    reader.goto(article_url)
    top = reader.locator("aside.corrections-top")
    expect(top).to_contain_text(FIX)
    expect(reader.locator(".article-times .updated")).to_be_visible()
    assert top.locator("time").get_attribute("datetime") == reader.locator(
        ".updated time"
    ).get_attribute("datetime")
    reader.screenshot(path=str(artifacts / "desk-reader-sees-correction.png"), full_page=True)
    scripts = reader.locator('script[type="application/ld+json"]').all_text_contents()
    news = next(d for d in map(json.loads, scripts) if d.get("@type") == "NewsArticle")
    assert FIX in [c["text"] for c in news["correction"]]
    reader.goto(demo_site.url + "/corrections/")
    expect(reader.locator(".corrections-list > li").first).to_contain_text(FIX)  # the newest first
    reader.close()
    editor.context.close()


def desk_journey(browser, site, artifacts):
    reporter = admin_page(browser, site, "reporter")
    reporter.goto(site.url + f"/admin/pages/add/newsroom/articlepage/{site.info['section_id']}/")
    reporter.fill("#id_title", HEADLINE)
    reporter.fill("#id_standfirst", "Two evening sailings move earlier from next week.")
    expect(
        reporter.get_by_role("navigation", name="Actions (footer)").get_by_role(
            "button", name="Publish"
        )
    ).to_have_count(0)
    action_menu(reporter, "Submit to Desk approval")
    expect(reporter.locator(".messages")).to_contain_text("submitted")
    # Wagtail goes back to the section's listing, where the article now shows "In moderation".
    edit_url = site.url + reporter.get_by_role("link", name=HEADLINE).first.get_attribute("href")
    assert re.search(r"/admin/pages/\d+/edit/$", edit_url)
    reporter.screenshot(path=str(artifacts / "desk-reporter-submitted.png"), full_page=True)

    editor = admin_page(browser, site, "editor")
    expect(
        editor.get_by_text(HEADLINE).first
    ).to_be_visible()  # "Awaiting your review" on the dashboard
    editor.screenshot(path=str(artifacts / "desk-editor-dashboard.png"), full_page=True)
    editor.goto(edit_url)
    action_menu(editor, "Request changes", navigates=False)
    dialog = editor.get_by_role("dialog")
    dialog.locator("textarea").fill("Please add the new departure times.")
    with editor.expect_navigation(timeout=TIMEOUT):
        dialog.get_by_role("button", name=re.compile("Request changes")).click()
    expect(editor.locator(".messages")).to_contain_text("has been updated")
    expect(editor.get_by_role("row").filter(has_text=HEADLINE)).to_contain_text(
        "Draft", ignore_case=True
    )

    reporter.goto(edit_url)
    reporter.fill(
        "#id_standfirst", "Two evening sailings move earlier, to 17:40 and 19:10, from next week."
    )
    action_menu(reporter, re.compile("Resubmit to Desk review"))
    expect(reporter.locator(".messages")).to_contain_text("submitted")

    editor.goto(edit_url)
    # The form takes whole minutes: the next one at least 30 s away (the approval must still find it ahead).
    go_live = (
        datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=9)))
        + datetime.timedelta(seconds=90)
    ).replace(second=0, microsecond=0)
    editor.locator("[data-side-panel-toggle=status]").click()  # the status panel holds the schedule
    editor.get_by_role("button", name="Set schedule").click()
    schedule = editor.locator("#schedule-publishing-dialog")
    schedule.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # "Save schedule" keeps the time on the draft (closing the dialog would drop it). The open date picker
    # lies over the button, so it is pressed the way a keyboard user would.
    with editor.expect_navigation():
        schedule.get_by_role("button", name="Save schedule").evaluate("button => button.click()")
    expect(editor.locator("#id_go_live_at")).to_have_value(go_live.strftime("%Y-%m-%d %H:%M"))
    action_menu(editor, re.compile(r"^Approve and publish$", re.IGNORECASE))
    expect(editor.locator(".messages")).to_contain_text("has been updated")
    expect(editor.get_by_role("row").filter(has_text=HEADLINE)).to_contain_text("Embargoed until")
    editor.screenshot(path=str(artifacts / "desk-editor-approved-scheduled.png"), full_page=True)
    assert HEADLINE not in homepage_html(site)

    deadline = time.monotonic() + 150
    while HEADLINE not in homepage_html(site):
        assert time.monotonic() < deadline, "the scheduled article never reached the homepage"
        time.sleep(2)
    assert datetime.datetime.now(datetime.UTC) >= go_live.astimezone(datetime.UTC).replace(second=0)

    moderator = admin_page(browser, site, "moderator")
    moderator.goto(site.url + "/admin/comments/moderation/")
    held = moderator.locator("section").filter(has_text="example.org/ferry")
    expect(held).to_be_visible()
    held.get_by_role("button", name="Approve").click()
    expect(moderator.locator(".messages")).to_contain_text("Done")
    moderator.goto(edit_url)
    expect(moderator.locator(".messages")).to_contain_text("do not have permission")
    assert "/edit/" not in moderator.url
    moderator.screenshot(path=str(artifacts / "desk-moderator-refused.png"), full_page=True)
    for page in (reporter, editor, moderator):
        page.context.close()
