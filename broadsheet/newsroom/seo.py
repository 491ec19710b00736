"""Structured data and social cards: NewsArticle and BreadcrumbList JSON-LD, Open Graph, Twitter."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .canonical import absolute_url
from .models import AuthorKind

# The same escaping as django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data):
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def _iso(moment):
    return timezone.localtime(moment).isoformat() if moment else None


def share_image_url(page, request):
    if not page.lead_image:
        return None
    rendition = page.lead_image.get_rendition(settings.NEWSROOM_SHARE_IMAGE_FILTER)
    return absolute_url(rendition.url)


def breadcrumb_schema(crumbs, request):
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": label, "item": absolute_url(url)}
            for n, (label, url) in enumerate(crumbs, start=1)
        ],
    }


def publisher_schema(request):
    return {
        "@type": "Organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "logo": {"@type": "ImageObject", "url": absolute_url(static(settings.NEWSROOM_LOGO))},
    }


def author_schema(author):
    kind = "Organization" if author.kind == AuthorKind.AGENCY else "Person"
    return {"@type": kind, "name": author.name}


def article_schema(page, request, *, crumbs, authors, tags, canonical, image_url):
    modified = page.updated_at if page.shows_updated else page.last_published_at or page.first_published_at
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.display_headline[:110],
        "description": page.standfirst or page.search_description,
        "image": [image_url] if image_url else [],
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(modified),
        "author": [author_schema(a) for a in authors] or [publisher_schema(request)],
        "publisher": publisher_schema(request),
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "articleSection": crumbs[-1][0] if len(crumbs) > 1 else "",
        "keywords": [tag.name for tag in tags],
    }


def article_meta(page, request, *, crumbs, authors, tags, canonical):
    image_url = share_image_url(page, request)
    schemas = [
        article_schema(
            page, request, crumbs=crumbs, authors=authors, tags=tags, canonical=canonical, image_url=image_url
        ),
        breadcrumb_schema(crumbs, request),
    ]
    return {
        "json_ld": mark_safe("\n".join(json_ld(s) for s in schemas)),
        "share_image_url": image_url,
        "meta_description": page.standfirst or page.search_description or page.caption,
    }
