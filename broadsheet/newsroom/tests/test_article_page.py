"""The article page: every element readers, search engines and the other areas rely on."""

import datetime
import json
import re

import pytest
from taggit.models import Tag

from ..models import ArticlePage
from .factories import ArticlePageFactory, AuthorFactory, NewsImageFactory, add_bylines, add_related

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(politics):
    article = ArticlePageFactory(
        parent=politics, title="Assembly passes budget after all-night session"
    )
    add_bylines(article, [AuthorFactory(name="Min-ji Park", role="Political correspondent")])
    article.tags.add("budget", "national assembly")
    article.save()
    return article


def json_ld_blocks(html):
    return [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    ]


def test_article_page_shows_its_story(client, article):
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert article.url == "/national/politics/" + article.slug + "/"
    assert '<nav class="breadcrumb" aria-label="Breadcrumb">' in html
    assert re.search(
        r'<a href="/">Home</a>.*<a href="/national/">National</a>.*<a href="/national/politics/">Politics</a>',
        html,
        re.S,
    )
    assert '<h1 class="headline">Assembly passes budget after all-night session</h1>' in html
    assert '<p class="kicker">Transport</p>' in html
    assert "Four routes will run until 4 a.m. from March." in html
    assert "Min-ji Park" in html and "Political correspondent" in html
    assert '<span class="dateline">SEOUL</span>' in html
    assert "<picture>" in html and 'type="image/webp"' in html and "sizes=" in html
    assert 'alt="Commuters cross a wide street in central Seoul"' in html
    assert re.search(
        r'<figcaption class="figure-caption">Commuters cross Sejong-daero.*<span class="credit">\[NEWSWIRE\]</span>',
        html,
    )
    assert '<div class="article-body" data-dictionary-scope>' in html
    assert "approved four late-night bus routes" in html


def test_article_toolbar_and_regions_keep_the_agreed_hooks(client, article):
    html = client.get(article.url).content.decode()
    assert '<div class="article-toolbar" role="toolbar" aria-label="Article tools">' in html
    assert (
        f'<a class="tool tool-print" href="{article.url}print/" data-action="print">Print</a>'
        in html
    )
    assert (
        'class="tool tool-dictionary" data-action="dictionary" aria-pressed="false">Dictionary</button>'
        in html
    )
    assert (
        '<section id="comments" class="comments-region" aria-labelledby="comments-title">' in html
    )
    assert 'media="print" href="/static/css/print.css"' in html
    assert html.index("article-body") < html.index('id="comments"')


def test_times_are_korea_time_and_machine_readable(client, article):
    article.first_published_at = datetime.datetime(2026, 3, 2, 0, 30, tzinfo=datetime.UTC)
    article.updated_at = datetime.datetime(2026, 3, 2, 3, 0, tzinfo=datetime.UTC)
    article.save()
    html = client.get(article.url).content.decode()
    assert '<time datetime="2026-03-02T09:30:00+09:00">March 2, 2026, 09:30 KST</time>' in html
    assert '<time datetime="2026-03-02T12:00:00+09:00">' in html and "Updated" in html


def test_update_time_hidden_when_not_later(client, article):
    article.updated_at = article.first_published_at
    article.save()
    assert "Updated" not in client.get(article.url).content.decode()


def test_json_ld_news_article_and_breadcrumbs(client, article):
    blocks = json_ld_blocks(client.get(article.url).content.decode())
    news = next(b for b in blocks if b["@type"] == "NewsArticle")
    crumbs = next(b for b in blocks if b["@type"] == "BreadcrumbList")
    assert news["headline"] == "Assembly passes budget after all-night session"
    assert news["image"][0]["@type"] == "ImageObject" and news["image"][0]["url"].startswith(
        "http://localhost/"
    )
    assert news["datePublished"].endswith("+09:00")
    assert news["dateModified"]
    assert news["author"] == [{"@type": "Person", "name": "Min-ji Park"}]
    assert news["publisher"]["name"] == "Broadsheet"
    assert news["publisher"]["logo"]["url"].endswith(".png")
    assert news["mainEntityOfPage"]["@id"] == f"http://localhost{article.url}"
    assert news["articleSection"] == "Politics"
    assert [i["name"] for i in crumbs["itemListElement"]] == ["Home", "National", "Politics"]


def test_json_ld_cannot_be_broken_out_of(client, article):
    article.headline = "Quote </script><script>alert(1)</script> & more"
    article.save()
    html = client.get(article.url).content.decode()
    assert "<script>alert(1)" not in html
    news = next(b for b in json_ld_blocks(html) if b["@type"] == "NewsArticle")
    assert news["headline"].startswith("Quote </script>")


def test_social_cards_canonical_and_share_links(client, article):
    html = client.get(article.url).content.decode()
    assert f'<link rel="canonical" href="http://localhost{article.url}">' in html
    assert (
        '<meta property="og:title" content="Assembly passes budget after all-night session">'
        in html
    )
    assert '<meta property="og:image" content="http://localhost/' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert "https://twitter.com/intent/tweet?url=http%3A%2F%2Flocalhost" in html
    assert "https://www.facebook.com/sharer/sharer.php?u=" in html
    assert "https://story.kakao.com/share?url=" in html
    assert 'href="mailto:?subject=' in html
    assert 'data-action="copy-link"' in html


def test_no_inline_script_style_or_user_bits(client, article, django_user_model):
    html = client.get(article.url).content.decode()
    scripts = re.findall(r"<script\b([^>]*)>(.*?)</script>", html, re.S)
    for attrs, body in scripts:
        is_data = re.search(r'type="application/(ld\+)?json"', attrs)
        assert is_data or (" src=" in attrs and not body.strip())
    assert "<style" not in html and " style=" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert not re.search(
        r'name="csrfmiddlewaretoken" value="[^"]', html
    )  # tokens are fetched by JS
    editor = django_user_model.objects.create_superuser("ed", "ed@example.com", "pw")
    client.force_login(editor)
    assert (
        client.get(article.url).content.decode() == html
    )  # same bytes for every visitor: cacheable


def test_caption_and_credit_show_without_a_photo(client, politics):
    article = ArticlePageFactory(
        parent=politics, lead_image=None, lead_caption="Lawmakers vote.", lead_credit="NEWS1"
    )
    html = client.get(article.url).content.decode()
    assert "figure-no-photo" in html and "<picture>" not in html
    assert 'Lawmakers vote. <span class="credit">[NEWS1]</span>' in html


def test_related_articles_picks_then_shared_tags(politics):
    from ..reading import related_articles

    article = ArticlePageFactory(parent=politics)
    pick, tagged, untagged, draft = (ArticlePageFactory(parent=politics) for _ in range(4))
    draft.unpublish()
    article.tags.add("budget")
    article.save()
    for other in (tagged, draft, article):
        other.tags.add("budget")
        other.save()
    add_related(article, [pick, draft])
    assert related_articles(ArticlePage.objects.get(pk=article.pk)) == [pick, tagged]


def test_print_route_renders_print_template(client, article):
    response = client.get(article.url + "print/")
    assert response.status_code == 200
    assert "newsroom/article_print.html" in [t.name for t in response.templates]


def test_alt_text_is_required_for_a_lead_photo(politics):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="alt text"):
        ArticlePageFactory(parent=politics, lead_image=NewsImageFactory(default_alt_text=" "))


def test_image_admin_form_requires_alt_text():
    from wagtail.images.forms import get_image_form

    from ..models import NewsImage

    form_class = get_image_form(NewsImage)
    assert form_class.base_fields["default_alt_text"].required


def test_comments_fields_and_thread_key(article):
    assert article.comments_mode == "open"
    assert article.comments_close_at is None
    assert article.comments_thread_key == f"article-{article.pk}"


def article_with(politics, n):
    """An article with n authors, n tags, n picked related articles and n more sharing a tag."""
    article = ArticlePageFactory(parent=politics)
    add_bylines(article, AuthorFactory.create_batch(n))
    add_related(article, ArticlePageFactory.create_batch(n, parent=politics))
    article.tags.add(*[f"topic {article.pk} {i}" for i in range(n)])
    article.save()
    for other in ArticlePageFactory.create_batch(n, parent=politics):
        other.tags.add(f"topic {article.pk} 0")
        other.save()
    return article


def queries_of(client, url):
    """Queries one request makes, counted at the cursor (independent of Django's capped debug query log)."""
    from django.db import connection

    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        client.get(url)
    return executed


def test_query_count_does_not_grow_with_authors_tags_related(
    client, politics, django_assert_num_queries, settings
):
    settings.NEWSROOM_RELATED_LIMIT = 8
    one, eight = article_with(politics, 1), article_with(politics, 8)
    assert Tag.objects.count() == 9
    # Each page is warmed just before it is measured (navigation cache, renditions, other areas' short caches).
    client.get(one.url)
    with_one = queries_of(client, one.url)
    assert 0 < len(with_one) <= ARTICLE_PAGE_QUERY_BUDGET, "\n".join(sql[:150] for sql in with_one)
    client.get(eight.url)
    with django_assert_num_queries(len(with_one)):
        response = client.get(eight.url)
    assert response.content.decode().count('class="byline-author"') == 8
    assert response.content.decode().count('<li><span class="kicker">') == 8  # related articles


# Warm: one routing query (an article by its URL path), the
# live comment count, the page cache's ancestry tags. The site, lists, privacy, navigation and the dictionary box are
# remembered per newsroom generation (freshness.py).
ARTICLE_PAGE_QUERY_BUDGET = 3


def test_korean_browser_gets_korean_page_furniture(client, article):
    html = client.get(article.url, HTTP_ACCEPT_LANGUAGE="ko").content.decode()
    assert 'aria-label="기사 도구"' in html and ">인쇄</a>" in html
    assert '<html lang="ko">' in html


def test_bylines_link_to_author_pages_listing_their_articles(client, article):
    author = article.bylines.get().author
    assert author.slug == "min-ji-park"
    html = client.get(article.url).content.decode()
    assert '<a href="/authors/min-ji-park/">Min-ji Park</a>' in html
    page = client.get("/authors/min-ji-park/").content.decode()
    assert "<h1" in page and "Min-ji Park" in page and article.title in page
    assert client.get("/authors/nobody/").status_code == 404
    assert client.get("/authors/min-ji-park/?page=x").status_code == 404


def test_body_photo_and_pull_quote_keep_credit_and_attribution(client, politics):
    photo = NewsImageFactory(credit="PHOTOLINE", default_caption="Delegates arrive at the hall.")
    article = ArticlePageFactory(parent=politics)
    article.body = [  # the stored (JSON) shape, as the admin saves it
        {"type": "paragraph", "value": "<p>The meeting opened on time.</p>"},
        {
            "type": "image",
            "value": {"image": photo.pk, "caption": "Delegates arrive at the hall on Monday."},
        },
        {
            "type": "pull_quote",
            "value": {"quote": "We came to listen.", "attribution": "A delegate"},
        },
    ]
    article.save()
    html = client.get(article.url).content.decode()
    assert 'Delegates arrive at the hall on Monday. <span class="credit">[PHOTOLINE]</span>' in html
    assert (
        '<blockquote class="pull-quote"><p>We came to listen.</p><footer>A delegate</footer></blockquote>'
        in html
    )
    assert html.count("<picture>") == 2  # the lead photo and the body photo


def test_remembered_article_page_follows_publishing_and_privacy(client, article, politics):
    """The lists an article page remembers between requests (freshness.py) change as soon as the newsroom does."""
    from wagtail.models import PageViewRestriction

    assert "Ferry fares frozen for islanders" not in client.get(article.url).content.decode()
    newer = ArticlePageFactory(parent=politics, title="Ferry fares frozen for islanders")
    newer.tags.add("budget")
    newer.save_revision().publish()
    assert "Ferry fares frozen for islanders" in client.get(article.url).content.decode()

    PageViewRestriction.objects.create(page=politics, restriction_type=PageViewRestriction.LOGIN)
    response = client.get(article.url)
    assert response.status_code == 302 and "login" in response["Location"]
