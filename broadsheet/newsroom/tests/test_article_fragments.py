"""An article page's remembered fragments ({% remembered %}: its head, its column, the site's chrome) never
outlive what they show: a publish, a correction, an unpublish, a photo's renditions, a privacy change, a
preview, the reader's language."""

import re
import secrets
import time
from collections import OrderedDict

import pytest
from django.template import Context, Template
from wagtail.models import PageViewRestriction

from .. import freshness
from ..models import ArticlePage, CorrectionKind
from ..services import correction_add
from .factories import ArticlePageFactory, NewsImageFactory, SectionPageFactory, paragraphs

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(politics):
    article = ArticlePageFactory(parent=politics, title="Ferry talks resume after a week")
    article.save_revision().publish()
    return ArticlePage.objects.get(pk=article.pk)


def html_of(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return response.content.decode()


def republish(article, **fields):
    page = ArticlePage.objects.get(pk=article.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_a_publish_changes_head_column_and_json_ld(client, article):
    assert "Ferry talks resume after a week" in html_of(client, article.url)
    republish(
        article,
        headline="Ferry talks collapse",
        body=paragraphs("Both delegations left the table on Friday."),
    )
    html = html_of(client, article.url)
    assert '<h1 class="headline">Ferry talks collapse</h1>' in html
    assert '<meta property="og:title" content="Ferry talks collapse">' in html
    assert '"headline": "Ferry talks collapse"' in html
    assert "Both delegations left the table on Friday." in html
    assert "Ferry talks resume after a week" not in html.split("<body")[1].split('id="comments"')[0]


def test_another_process_shows_a_publish_before_it_reads_the_new_generation(client, article):
    """A worker trusts the generation it read for a second (freshness.RECHECK_SECONDS); the live revision,
    read with the page on every request, is in every key, so a publish elsewhere shows at once."""
    html_of(client, article.url)
    memo, generation = OrderedDict(freshness._memo), freshness.generation()
    republish(article, headline="Ferry talks collapse")
    # This process as another one would be: the old generation still trusted, its memory kept.
    freshness._memo.update(memo)
    freshness._known.update(gen=generation, at=time.monotonic())
    assert freshness.generation() == generation
    html = html_of(client, article.url)
    assert '<h1 class="headline">Ferry talks collapse</h1>' in html
    assert '"headline": "Ferry talks collapse"' in html


def test_a_correction_shows_at_once(client, article):
    html_of(client, article.url)
    correction_add(
        article=article,
        text="An earlier version misnamed the port.",
        kind=CorrectionKind.CORRECTION,
    )
    html = html_of(client, article.url)
    assert "An earlier version misnamed the port." in html
    assert html.count("CorrectionComment") == 1


def test_an_unpublished_article_is_gone_and_comes_back_as_published(client, article):
    html_of(client, article.url)
    ArticlePage.objects.get(pk=article.pk).unpublish()
    assert client.get(article.url).status_code == 404
    republish(article, headline="Ferry talks back on")
    assert '<h1 class="headline">Ferry talks back on</h1>' in html_of(client, article.url)


def rendition_urls(image):
    return {rendition.url for rendition in image.renditions.all()}


def unique_color():
    return tuple(secrets.randbelow(256) for _ in range(3))


def test_removed_renditions_are_made_again_not_named_from_memory(client, politics, settings):
    """Renditions purged (as `wagtail_update_image_renditions --purge-only` does) take their files with
    them: the next render makes them again and names those, for the lead photo and a body photo."""
    # Wagtail's rendition cache is keyed by image id and file hash, which earlier tests reuse (SQLite).
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    body_photo, lead_photo = (NewsImageFactory(file__color=unique_color()) for _ in range(2))
    article = ArticlePageFactory(parent=politics, lead_image=lead_photo)
    article.body = [  # the stored (JSON) shape, as the admin saves it
        {"type": "paragraph", "value": "<p>The meeting opened.</p>"},
        {"type": "image", "value": {"image": body_photo.pk, "caption": "Delegates arrive."}},
    ]
    article.save_revision().publish()
    html_of(client, article.url)
    photos = (article.lead_image, body_photo)
    for image in photos:
        assert image.renditions.exists()
        image.renditions.all().delete()
    html = html_of(client, article.url)
    for image in photos:
        assert image.renditions.exists(), "served from memory: no rendition was made again"
    made = {rendition.url for image in photos for rendition in image.renditions.all()}
    named = set(re.findall(r"(/media/images/[^\s,\"]+)", html))
    assert named and named <= made


def test_a_photo_edited_shows_its_new_caption(client, article):
    html_of(client, article.url)
    image = article.lead_image
    image.default_caption = "Passengers wait at the pier in the rain."
    image.save()
    assert "Passengers wait at the pier in the rain." in html_of(client, article.url)


def test_a_private_article_is_not_served_from_memory(client, article):
    assert "late-night bus routes" in html_of(client, article.url)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(article.url)
    assert "late-night bus routes" not in response.content.decode()


def test_a_preview_shows_the_draft_and_leaves_the_live_page_alone(client, article):
    html_of(client, article.url)
    draft = ArticlePage.objects.get(pk=article.pk)
    draft.headline = "Draft: ferry talks collapse"
    draft.save_revision()
    preview = draft.get_latest_revision_as_object().make_preview_request()
    assert '<h1 class="headline">Draft: ferry talks collapse</h1>' in preview.content.decode()
    html = html_of(client, article.url)
    assert '<h1 class="headline">Ferry talks resume after a week</h1>' in html
    assert "Draft: ferry talks collapse" not in html


def test_each_language_gets_its_own_fragments(client, article):
    english = html_of(client, article.url)
    korean = html_of(client, article.url, HTTP_ACCEPT_LANGUAGE="ko")
    for text in ('aria-label="Article tools"', '<a href="/">Home</a>', "Skip to content"):
        assert text in english and text not in korean
    for text in ('aria-label="기사 도구"', '<a href="/">홈</a>', "본문으로 건너뛰기"):
        assert text in korean and text not in english
    assert english == html_of(client, article.url)


def test_the_masthead_follows_a_new_section(client, home, article):
    assert ">Culture</a>" not in html_of(client, article.url)
    SectionPageFactory(parent=home, title="Culture", slug="culture").save_revision().publish()
    html = html_of(client, article.url)
    assert '<a href="/culture/">Culture</a>' in html.split('<main id="main">')[0]


def render(source, **context):
    return Template("{% load newsroom_tags %}" + source).render(Context(context))


def test_remembered_keys_on_its_variables_and_the_generation():
    source = '{% remembered "t" key %}{{ n }}{% endremembered %}'
    freshness.newsroom_changed()
    assert render(source, key=("a", 1), n=1) == "1"
    assert render(source, key=("a", 1), n=2) == "1"
    assert render(source, key=("a", 2), n=3) == "3"
    freshness.newsroom_changed()
    assert render(source, key=("a", 1), n=4) == "4"


def test_remembered_without_its_key_renders_every_time():
    """A preview (key None) or a template whose context lacks the key must never share one fragment."""
    for context in ({"key": None}, {}):
        assert render('{% remembered "t" key %}{{ n }}{% endremembered %}', n=1, **context) == "1"
        assert render('{% remembered "t" key %}{{ n }}{% endremembered %}', n=2, **context) == "2"
