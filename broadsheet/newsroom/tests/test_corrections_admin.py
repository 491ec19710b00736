"""Editors add and remove corrections in the article's admin; bad input gets a clear message and changes nothing."""

import pytest
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from ..models import ArticleCorrection, ArticlePage
from ..services import article_publish, correction_add
from .factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

FIX = "The council meets on Thursday, not Tuesday as first reported."
REASON_REFUSED = "A correction cannot be removed without a reason."


@pytest.fixture
def article(politics):
    article = ArticlePageFactory(parent=politics, title="Council to vote on new library hours")
    article_publish(article=article)
    return ArticlePage.objects.get(pk=article.pk)


def edit_form(client, article):
    """The edit form as the browser would post it, read from the page the editor sees."""
    url = f"/admin/pages/{article.pk}/edit/"
    data = querydict_from_html(client.get(url).content.decode(), form_id="page-edit-form")
    # The body's blocks are drawn by the editor's JS, not as inputs: post them as that JS does.
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>The library opens late.</p>"))])}
        )
    )
    return url, data


def publish(client, url, data):
    return client.post(
        url, {**{k: data.getlist(k)[-1] for k in data}, "action-publish": "action-publish"}
    )


def form_errors(response):
    form = response.context["form"]
    return form.errors, {name: formset.errors for name, formset in form.formsets.items()}


def with_new_correction(data, text, kind="correction"):
    n = int(data["corrections-TOTAL_FORMS"])
    data.update(
        {
            f"corrections-{n}-kind": kind,
            f"corrections-{n}-text": text,
            f"corrections-{n}-published_at": "",
            f"corrections-{n}-ORDER": str(n),
            f"corrections-{n}-DELETE": "",
            f"corrections-{n}-id": "",
        }
    )
    data["corrections-TOTAL_FORMS"] = str(n + 1)
    return data


def test_the_editor_shows_the_corrections_panel(editor_client, article):
    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert 'name="corrections-TOTAL_FORMS"' in html and 'name="correction_removal_reason"' in html


def test_an_editor_adds_a_correction_time_defaults_to_now(editor_client, article):
    url, data = edit_form(editor_client, article)
    data = with_new_correction(data, FIX)
    n = int(data["corrections-TOTAL_FORMS"]) - 1
    del data[f"corrections-{n}-published_at"]  # not sent at all: the default applies
    response = publish(editor_client, url, data)
    assert response.status_code == 302, form_errors(response)
    correction = ArticleCorrection.objects.get(page=article)
    assert correction.text == FIX and correction.kind == "correction" and correction.published_at
    assert (
        ArticlePage.objects.get(pk=article.pk).live_revision.content["corrections"][0]["text"]
        == FIX
    )


@pytest.mark.parametrize("text", ["", "   "])
def test_empty_text_is_refused_clearly(editor_client, article, text):
    revisions = article.revisions.count()
    url, data = edit_form(editor_client, article)
    response = publish(editor_client, url, with_new_correction(data, text))
    html = response.content.decode()
    assert (
        response.status_code == 200
        and "The page could not be saved due to validation errors" in html
    )
    assert "This field is required." in html
    assert not ArticleCorrection.objects.exists() and article.revisions.count() == revisions


def _deleting_first(data):
    data["corrections-0-DELETE"] = "1"
    return data


def test_removing_without_a_reason_is_refused(editor_client, article):
    correction = correction_add(article=article, text=FIX)
    revisions = article.revisions.count()
    url, data = edit_form(editor_client, article)
    assert data["corrections-0-id"] == str(correction.pk)
    response = publish(editor_client, url, _deleting_first(data))
    html = response.content.decode()
    assert response.status_code == 200 and REASON_REFUSED in html
    assert (
        ArticleCorrection.objects.filter(pk=correction.pk).exists()
        and article.revisions.count() == revisions
    )
    assert not PageLogEntry.objects.filter(action="newsroom.correction_removed").exists()


def test_removing_with_a_reason_is_logged_in_the_history(editor_client, article):
    correction = correction_add(article=article, text=FIX)
    url, data = edit_form(editor_client, article)
    data = _deleting_first(data)
    data["correction_removal_reason"] = "Duplicate of the correction on the follow-up story."
    response = publish(editor_client, url, data)
    assert response.status_code == 302
    assert not ArticleCorrection.objects.filter(pk=correction.pk).exists()
    entry = PageLogEntry.objects.get(action="newsroom.correction_removed", page=article)
    assert entry.user.username == "desk" and entry.data["text"] == FIX
    history = editor_client.get(f"/admin/pages/{article.pk}/history/").content.decode()
    assert "Duplicate of the correction on the follow-up story." in history
    # The revision before the removal still holds the correction.
    earlier = article.revisions.order_by("-created_at", "-pk")[1]
    assert earlier.content["corrections"][0]["text"] == FIX


def test_restoring_an_older_revision_cannot_drop_a_correction_silently(editor_client, article):
    """An older revision has no corrections: submitting its form would remove them, so the reason is asked."""
    first = article.live_revision
    correction_add(article=article, text=FIX)
    html = editor_client.get(
        f"/admin/pages/{article.pk}/revisions/{first.pk}/revert/"
    ).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    data.update(
        nested_form_data(
            {"body": streamfield([("paragraph", rich_text("<p>The library opens late.</p>"))])}
        )
    )
    response = publish(editor_client, f"/admin/pages/{article.pk}/edit/", data)
    assert response.status_code == 200 and REASON_REFUSED in response.content.decode()
    assert ArticleCorrection.objects.filter(text=FIX).exists()
