"""Structured data and social cards: NewsArticle and BreadcrumbList JSON-LD, Open Graph, Twitter; and the same
for listing pages (home, sections, topics, authors, archives: listing_meta)."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .canonical import absolute_url
from .models import AuthorKind, CorrectionKind

# Editor's notes add context; corrections and clarifications change what the article said.
_CORRECTING_KINDS = (CorrectionKind.CORRECTION, CorrectionKind.CLARIFICATION)

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


def image_schema(page, image_url):
    """The lead photo as an ImageObject with its credit (as shown) and its rights holder: the agency, else
    whoever is credited."""
    image = {"@type": "ImageObject", "url": image_url}
    if page.caption:
        image["caption"] = page.caption
    holder = page.lead_image.agency.strip() or page.credit
    if page.credit:
        image["creditText"] = page.credit
    if holder:
        image["copyrightHolder"] = {"@type": "Organization", "name": holder}
    return image


def corrections_schema(corrections):
    return [
        {"@type": "CorrectionComment", "text": c.text, "datePublished": _iso(c.published_at)}
        for c in corrections
        if c.kind in _CORRECTING_KINDS
    ]


def agency_schema(page, authors):
    """The agency credited with the story (an agency byline) or, failing that, with its lead photo."""
    names = [a.name for a in authors if a.kind == AuthorKind.AGENCY]
    if not names and page.lead_image and page.lead_image.agency:
        names = [page.lead_image.agency]
    return [{"@type": "Organization", "name": name} for name in names]


def article_schema(page, request, *, crumbs, authors, tags, canonical, image_url, corrections=()):
    schema = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.display_headline[:110],
        "description": page.standfirst or page.search_description,
        "image": [image_schema(page, image_url)] if image_url else [],
        "datePublished": _iso(page.first_published_at),
        "dateModified": _iso(page.modified_at),
        "author": [author_schema(a) for a in authors] or [publisher_schema(request)],
        "publisher": publisher_schema(request),
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "articleSection": crumbs[-1][0] if len(crumbs) > 1 else "",
        "keywords": [tag.name for tag in tags],
        **({"sourceOrganization": agencies} if (agencies := agency_schema(page, authors)) else {}),
    }
    if correcting := corrections_schema(corrections):
        schema["correction"] = correcting
    return schema


def article_meta(page, request, *, crumbs, authors, tags, canonical, corrections=()):
    image_url = share_image_url(page, request)
    schemas = [
        article_schema(
            page,
            request,
            crumbs=crumbs,
            authors=authors,
            tags=tags,
            canonical=canonical,
            image_url=image_url,
            corrections=corrections,
        ),
        breadcrumb_schema(crumbs, request),
    ]
    return {
        "json_ld": mark_safe("\n".join(json_ld(s) for s in schemas)),
        "share_image_url": image_url,
        "meta_description": page.standfirst or page.search_description or page.caption,
    }


def home_schemas(request):
    """The homepage says who publishes the site and how to search it (Google's sitelinks search box)."""
    home = absolute_url("/")
    search = absolute_url("/search/") + "?q={search_term_string}"
    organization = {"@context": "https://schema.org", **publisher_schema(request), "url": home}
    website = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": home,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search},
            "query-input": "required name=search_term_string",
        },
    }
    return [organization, website]


def listing_meta(request, *, title, description="", crumbs=None, schemas=(), page_number=1):
    """Canonical URL, Open Graph/Twitter fields and JSON-LD for a page that lists articles.

    The canonical URL keeps ?page=N past the first page: each page of a listing is its own document.
    """
    canonical = absolute_url(request.path)
    if page_number > 1:
        canonical += f"?page={page_number}"
    blocks = [*schemas, *([breadcrumb_schema(crumbs, request)] if crumbs else [])]
    return {
        "canonical_url": canonical,
        "meta_title": title,
        "meta_description": description,
        "json_ld": mark_safe("\n".join(json_ld(s) for s in blocks)),
    }
