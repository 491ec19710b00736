"""What an article page shows besides its own fields: breadcrumb, bylines, tags, related articles, share links.

Every list here is one query however long it is, so the page's query count does not grow with its
number of authors, tags or related articles (pinned in tests/test_article_page.py).
"""

from typing import NamedTuple
from urllib.parse import urlencode

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from broadsheet.dictionary.glossary import glossary_version

from .canonical import absolute_url
from .freshness import generation, remembered
from .models import ArticlePage, ArticleTag
from .seo import article_meta


def breadcrumbs(page, request=None):
    """(label, url) from the homepage down to the page's section; the site root's label is 'Home'. With
    the request, the site's root paths are read once for the request instead of once per crumb."""
    ancestors = page.get_ancestors().filter(depth__gt=1)
    return [
        (_("Home") if crumb.depth == 2 else crumb.title, crumb.get_url(request))
        for crumb in ancestors
    ]


def bylines(page):
    return [
        byline.author for byline in page.bylines.select_related("author").order_by("sort_order")
    ]


def related_articles(page, limit=None):
    """Editor picks first, then the latest articles sharing a tag; never the page itself, only published ones."""
    limit = limit or settings.NEWSROOM_RELATED_LIMIT
    published = ArticlePage.objects.published().exclude(
        pk=page.pk
    )  # public() costs a query: build it once
    picks = list(
        published.filter(picked_as_related__page=page).order_by("picked_as_related__sort_order")[
            :limit
        ]
    )
    # Always run the tag query (even when the picks are enough) so the page's query count stays fixed.
    page_tags = ArticleTag.objects.filter(content_object_id=page.pk).values("tag_id")
    by_tags = (
        published.filter(tagged_items__tag_id__in=page_tags)
        .exclude(pk__in=[p.pk for p in picks])
        .distinct()
        .latest_first()[:limit]
    )
    return (picks + list(by_tags))[:limit]


class RelatedLink(NamedTuple):
    """What the related list shows of an article, its URL worked out once (page.url reads the cache each time)."""

    kicker: str
    display_headline: str
    url: str


def share_links(page, url):
    title = page.display_headline
    return [
        (
            "x",
            _("Share on X"),
            "https://twitter.com/intent/tweet?" + urlencode({"url": url, "text": title}),
        ),
        (
            "facebook",
            _("Share on Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        (
            "kakao",
            _("Share on KakaoStory"),
            "https://story.kakao.com/share?" + urlencode({"url": url}),
        ),
        ("email", _("Email"), "mailto:?" + urlencode({"subject": title, "body": url})),
    ]


def article_context(page, request):
    """Built once per process, generation (freshness.py) and live revision for each page and language;
    previews never. fragment_key names the page's remembered fragments ({% remembered %})."""
    if getattr(request, "is_preview", False):
        return {**build_article_context(page, request), "fragment_key": None}
    # The live revision is read with the page on every request: another process's publish shows at
    # once, before this one reads the new generation. Absolute URLs never come from the Host.
    revision = (page.pk, page.live_revision_id, page.last_published_at)
    key = ("article", *revision, get_language(), generation())
    context, lead_image = remembered(
        key, lambda: (build_article_context(page, request), page.lead_image)
    )
    if lead_image is not None and lead_image.pk == page.lead_image_id:
        page.lead_image = (
            lead_image  # with its renditions: the {% picture %} needs no query nor cache read
        )
    # The words box also follows the glossary (its version is read per request, as the box's own memo does).
    return {**context, "fragment_key": revision, "glossary_version": glossary_version()}


def with_renditions(page):
    """The page's lead photo loaded once with all its renditions, so every width and format is at hand."""
    if page.lead_image_id:
        from wagtail.images import get_image_model

        page.lead_image = (
            get_image_model()
            .objects.prefetch_related("renditions")
            .filter(pk=page.lead_image_id)
            .first()
        )
    return page


def build_article_context(page, request):
    with_renditions(page)
    crumbs = breadcrumbs(page)
    authors = bylines(page)
    tags = list(page.tags.all())
    page_url = page.get_url(request)
    canonical = absolute_url(page_url)
    corrections = sorted(
        page.correction_list, key=lambda c: (c.published_at is None, c.published_at or 0)
    )
    return {
        "page_url": page_url,
        "breadcrumbs": crumbs,
        "authors": authors,
        "article_tags": tags,
        "related_articles": [
            RelatedLink(a.kicker, a.display_headline, a.url) for a in related_articles(page)
        ],
        "canonical_url": canonical,
        "share_links": share_links(page, canonical),
        "corrections_above": [c for c in corrections if c.at_top],
        "corrections_below": [c for c in corrections if not c.at_top],
        "updated_shown": page.shown_updated_at,  # the byline's "Updated": the editor's or a correction's
        **article_meta(
            page,
            request,
            crumbs=crumbs,
            authors=authors,
            tags=tags,
            canonical=canonical,
            corrections=corrections,
        ),
    }
