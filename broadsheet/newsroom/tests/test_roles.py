"""Roles a newsroom recognises (made by migration, not by the demo): exactly what each may do, and the desk."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone
from wagtail.models import Page, Revision, TaskState, Workflow

from broadsheet.comments import services as comment_services
from broadsheet.comments.errors import CommentError
from broadsheet.comments.models import PolicyClause
from broadsheet.comments.tests.factories import policy_page

from ..models import ArticlePage
from .factories import ArticlePageFactory, SectionPageFactory

pytestmark = pytest.mark.django_db

ROLES = ("Reporters", "Editors", "Comment moderators", "Moderators")
ACTIONS = ("add", "edit others'", "edit own", "submit", "publish", "moderate comments", "sanction")
# The table in the README, row by row. "Moderators" is Wagtail's built-in group: it grants nothing now.
EXPECTED = {
    "Reporters": {"add", "edit own", "submit"},
    "Editors": {"add", "edit others'", "edit own", "submit", "publish"},
    "Comment moderators": {"moderate comments", "sanction"},
    "Moderators": set(),
}


@pytest.fixture
def desk(home):
    """A news section (made after the migration: new sections open to Reporters too) and a staff member per role."""
    national = SectionPageFactory(parent=home, title="National", slug="national")
    politics = SectionPageFactory(parent=national, title="Politics", slug="politics")
    people = {}
    for role in ROLES:
        user = get_user_model().objects.create_user(
            role.lower().replace(" ", "-"), password="pw", is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        people[role] = get_user_model().objects.get(pk=user.pk)
    colleague = ArticlePageFactory(
        parent=politics, title="Assembly vote delayed", slug="vote-delayed"
    )
    return {"section": politics, "people": people, "colleague": colleague}


@pytest.fixture
def clause(home):
    return PolicyClause.objects.get(page=policy_page(), number=1)


def _can_sanction(user, clause):
    reader = get_user_model().objects.create_user(f"reader-of-{user.pk}")
    try:
        comment_services.user_sanction(user=reader, kind="warning", clause=clause, moderator=user)
    except (CommentError, PermissionError):
        return False
    return True


def _abilities(user, desk, clause):
    section, colleague = desk["section"], desk["colleague"]
    own = ArticlePageFactory(
        parent=section, title=f"Draft by {user.username}", slug=f"draft-{user.username}", owner=user
    )
    own_perms = Page.objects.get(pk=own.pk).permissions_for_user(user)
    others = Page.objects.get(pk=colleague.pk).permissions_for_user(user)
    client = Client()
    client.force_login(user)
    found = {
        "add": section.permissions_for_user(user).can_add_subpage(),
        "edit others'": others.can_edit(),
        "edit own": own_perms.can_edit(),
        "submit": own_perms.can_edit() and own_perms.can_submit_for_moderation(),
        "publish": others.can_publish(),
        "moderate comments": client.get("/admin/comments/moderation/").status_code == 200,
        "sanction": _can_sanction(user, clause),
    }
    return {action for action in ACTIONS if found[action]}


def test_the_permission_matrix_is_exactly_the_table(desk, clause):
    found = {role: _abilities(user, desk, clause) for role, user in desk["people"].items()}
    assert found == EXPECTED


def test_the_desk_workflow_covers_the_news_sections_and_goes_to_editors(desk):
    workflow = desk["colleague"].get_workflow()
    assert workflow.name == "Desk approval" and workflow == Workflow.objects.get(
        name="Desk approval"
    )
    [task] = [t.specific for t in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]


def _edit_data(page, **extra):
    """The article's edit form as the admin posts it."""
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "headline": page.headline,
            "kicker": page.kicker,
            "standfirst": page.standfirst,
            "dateline": page.dateline,
            "lead_image": page.lead_image_id or "",
            "lead_caption": "",
            "lead_credit": "",
            "body": streamfield([("paragraph", rich_text("<p>A changed first paragraph.</p>"))]),
            "tags": "",
            "comments_mode": "open",
            "comments_close_at": "",
            "updated_at": "",
            "bylines": inline_formset([]),
            "related_picks": inline_formset([]),
            "comments": inline_formset([]),
            "corrections": inline_formset([]),
            "correction_removal_reason": "",
        }
    )
    data.update(extra)
    return data


def test_a_reporter_posting_publish_is_refused_and_nothing_changes(desk):
    reporter = desk["people"]["Reporters"]
    own = ArticlePageFactory(
        parent=desk["section"], title="Tram line opens", slug="tram", owner=reporter
    )
    own.unpublish()
    revisions = Revision.objects.count()
    client = Client()
    client.force_login(reporter)
    response = client.post(
        f"/admin/pages/{own.pk}/edit/",
        {"title": "Tram line opens", "action-publish": "1"},
        follow=True,
    )
    assert "You cannot publish this page" in response.content.decode()
    assert not ArticlePage.objects.get(pk=own.pk).live and Revision.objects.count() == revisions
    create = client.post(
        f"/admin/pages/add/newsroom/articlepage/{desk['section'].pk}/",
        {"title": "Straight to print", "action-publish": "1"},
        follow=True,
    )
    assert "You cannot publish this page" in create.content.decode()
    assert not ArticlePage.objects.filter(title="Straight to print").exists()


def test_a_comment_moderator_cannot_open_the_page_editor(desk):
    client = Client()
    client.force_login(desk["people"]["Comment moderators"])
    assert client.get(f"/admin/pages/{desk['colleague'].pk}/edit/").status_code in (302, 403)
    assert client.get(f"/admin/pages/{desk['section'].pk}/").status_code in (302, 403)
    assert client.get("/admin/comments/moderation/").status_code == 200


@pytest.fixture
def submitted(desk):
    """A reporter's unpublished story, submitted to the desk's review: (story, its current task state)."""
    reporter = desk["people"]["Reporters"]
    story = ArticlePageFactory(
        parent=desk["section"], title="Harbour dredging starts", slug="dredging", owner=reporter
    )
    story.unpublish()
    story = ArticlePage.objects.get(pk=story.pk)
    story.save_revision(user=reporter)
    story.get_workflow().start(story, reporter)
    return story, story.current_workflow_state.current_task_state


def test_a_submission_goes_to_editors_not_to_its_reporter_or_comment_moderators(desk, submitted):
    story, task_state = submitted
    reporter, editor = desk["people"]["Reporters"], desk["people"]["Editors"]
    assert task_state.task.specific.user_can_access_editor(story, editor)
    assert not task_state.task.specific.user_can_access_editor(
        story, desk["people"]["Comment moderators"]
    )
    assert [a[0] for a in task_state.task.specific.get_actions(story, editor)][:2] == [
        "reject",
        "approve",
    ]
    assert task_state.task.specific.get_actions(story, reporter) == []


def _request_changes(editor, task_state):
    task_state.task.specific.on_action(
        task_state, editor, "reject", comment="Add the council's reply."
    )
    task_state.refresh_from_db()


def test_an_editor_requests_changes_and_the_story_stays_offline(desk, submitted):
    story, task_state = submitted
    _request_changes(desk["people"]["Editors"], task_state)
    assert (
        task_state.status == TaskState.STATUS_REJECTED
        and task_state.comment == "Add the council's reply."
    )
    assert not ArticlePage.objects.get(pk=story.pk).live


def test_the_resubmitted_story_goes_live_when_an_editor_approves(desk, submitted):
    story, task_state = submitted
    reporter, editor = desk["people"]["Reporters"], desk["people"]["Editors"]
    _request_changes(editor, task_state)
    story = ArticlePage.objects.get(pk=story.pk)
    story.save_revision(user=reporter)
    story.current_workflow_state.resume(reporter)  # "Resubmit to Desk review" after the change
    task_state = ArticlePage.objects.get(pk=story.pk).current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve", comment="")
    assert ArticlePage.objects.get(pk=story.pk).live


FMT = "%Y-%m-%d %H:%M"


def _hours(n):
    return (timezone.localtime() + datetime.timedelta(hours=n)).strftime(FMT)


@pytest.fixture
def desk_editor(desk):
    """A client signed in as the desk's member of Editors."""
    client = Client()
    client.force_login(desk["people"]["Editors"])
    return client


@pytest.mark.parametrize(
    "times,message",
    [
        ({"go_live_at": -2}, "The go-live time has already passed"),
        ({"go_live_at": 2, "expire_at": 1}, "Go live date/time must be before expiry date/time"),
    ],
    ids=["go-live in the past", "expiry before go-live"],
)
def test_a_go_live_in_the_past_or_an_expiry_before_it_is_refused_in_the_admin(
    desk, desk_editor, times, message
):
    story = desk["colleague"]
    before = (ArticlePage.objects.get(pk=story.pk).latest_revision_id, Revision.objects.count())
    extra = {name: _hours(n) for name, n in times.items()}
    response = desk_editor.post(
        f"/admin/pages/{story.pk}/edit/", _edit_data(story, **extra, **{"action-publish": "1"})
    )
    assert response.status_code == 200 and message in response.content.decode(), extra
    assert (
        ArticlePage.objects.get(pk=story.pk).latest_revision_id,
        Revision.objects.count(),
    ) == before


def test_a_go_live_in_the_future_schedules_the_story_and_the_section_shows_its_embargo(
    desk, desk_editor
):
    story = desk["colleague"]
    soon = timezone.localtime() + datetime.timedelta(hours=2)
    response = desk_editor.post(
        f"/admin/pages/{story.pk}/edit/",
        _edit_data(story, go_live_at=soon.strftime(FMT), **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    scheduled = ArticlePage.objects.get(pk=story.pk).scheduled_revision
    assert scheduled is not None and abs(scheduled.approved_go_live_at - soon) < datetime.timedelta(
        minutes=1
    )
    listing = desk_editor.get(f"/admin/pages/{desk['section'].pk}/").content.decode()
    assert "Embargoed until" in listing
