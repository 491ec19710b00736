"""Editors work in the Wagtail admin: the article editor renders with every panel; photos need alt text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ..models import NewsImage
from .factories import ArticlePageFactory, AuthorFactory, add_bylines

pytestmark = pytest.mark.django_db


def test_article_editor_shows_all_panels(editor_client, politics):
    article = ArticlePageFactory(parent=politics)
    add_bylines(article, [AuthorFactory()])
    html = editor_client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    for field in (
        "kicker",
        "headline",
        "standfirst",
        "dateline",
        "lead_image",
        "lead_caption",
        "lead_credit",
        "tags",
        "comments_mode",
        "comments_close_at",
        "updated_at",
        "bylines-TOTAL_FORMS",
        "related_picks-TOTAL_FORMS",
    ):
        assert f'name="{field}' in html, field
    assert (
        'id="body-' in html or "data-w-block-data-value" in html
    )  # the StreamField is drawn by its JS


def test_new_article_form_under_a_section(editor_client, politics):
    response = editor_client.get(f"/admin/pages/add/newsroom/articlepage/{politics.pk}/")
    assert response.status_code == 200


def test_photo_upload_without_alt_text_is_refused(editor_client, tmp_path):
    from PIL import Image

    path = tmp_path / "p.png"
    Image.new("RGB", (40, 30), "red").save(path)
    upload = SimpleUploadedFile("p.png", path.read_bytes(), content_type="image/png")
    response = editor_client.post(
        "/admin/images/add/", {"title": "Market", "file": upload, "credit": "NEWS1"}
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not NewsImage.objects.exists()
    upload.seek(0)
    data = {
        "title": "Market",
        "file": upload,
        "credit": "NEWS1",
        "default_alt_text": "Stalls at a market",
    }
    assert editor_client.post("/admin/images/add/", data).status_code == 302
    assert NewsImage.objects.get().credit == "NEWS1"


def test_editor_gives_a_topic_a_description(editor_client):
    from taggit.models import Tag

    from ..models import Topic

    tag = Tag.objects.create(name="Budget", slug="budget")
    response = editor_client.post(
        "/admin/snippets/newsroom/topic/add/", {"tag": tag.pk, "description": "Public money."}
    )
    assert response.status_code == 302
    assert Topic.objects.get(tag=tag).description == "Public money."


def test_editor_gives_an_author_a_bio_and_links_to_the_web_only(editor_client):
    from ..models import Author

    form = editor_client.get("/admin/snippets/newsroom/author/add/").content.decode()
    assert 'name="bio"' in form and 'name="links-TOTAL_FORMS"' in form
    data = {
        "name": "Ha-eun Kang",
        "slug": "",
        "role": "Reporter",
        "kind": "staff",
        "bio": "Covers courts.",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "links-0-label": "Website",
        "links-0-url": "javascript:alert(1)",
        "links-0-ORDER": "1",
        "links-0-DELETE": "",
    }
    assert (
        editor_client.post("/admin/snippets/newsroom/author/add/", data).status_code == 200
    )  # refused: not a web address
    assert not Author.objects.filter(name="Ha-eun Kang").exists()
    data["links-0-url"] = "https://example.org/haeun"
    assert editor_client.post("/admin/snippets/newsroom/author/add/", data).status_code == 302
    assert Author.objects.get(name="Ha-eun Kang").links.get().url == "https://example.org/haeun"
