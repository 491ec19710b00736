"""Sitemaps for search engines: an index over files of at most NEWSROOM_SITEMAP_FILE_URLS URLs, and a
Google News sitemap of the last 48 hours. The same 'published' as the pages and feeds (querysets.py).

A file holds the published pages whose id falls in its block of ids (file n: ids n×50,000 to
(n+1)×50,000 - 1), so every file stays under the limit however the archive grows, a page never moves
between files, and the index is one GROUP BY. Files are built from plain rows (`values_list` +
`iterator`), never model instances: 50,000 Wagtail pages as objects would take seconds and hundreds of MB.
"""

import datetime
from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models import F, Max
from django.http import Http404, HttpResponse
from django.utils import timezone
from wagtail.models import Site

from .canonical import absolute_url, canonical_root
from .models import ArticlePage
from .querysets import published_pages

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NEWS_WINDOW = datetime.timedelta(hours=48)
NEWS_MAX_URLS = 1000  # Google News reads at most this many from one news sitemap


def _file_size():
    return settings.NEWSROOM_SITEMAP_FILE_URLS


def _site_pages(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404("No site")
    root = site.root_page
    return root.url_path, published_pages().descendant_of(root, inclusive=True)


def _page_urls(root_path):
    """A function from a page's tree path to its public address (/home/national/ under root /home/ →
    https://…/national/), escaped; the site's root is looked up once, not once per URL."""
    root, cut = canonical_root(), len(root_path)
    return lambda url_path: escape(f"{root}/{url_path[cut:]}")


def _xml(body_parts, tags):
    response = HttpResponse(
        b"".join(part.encode() for part in body_parts),
        content_type="application/xml; charset=utf-8",
    )
    response["Surrogate-Key"] = " ".join(["sitemap", *tags])
    return response


def sitemap_file_number(page_id):
    return page_id // _file_size()


def sitemap_index(request):
    _root, pages = _site_pages(request)
    files = (
        pages.annotate(block=F("id") / _file_size())
        .order_by()
        .values("block")
        .annotate(lastmod=Max("last_published_at"))
        .order_by("block")
    )
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{SITEMAP_NS}">\n']
    for row in files:
        loc = escape(absolute_url(f"/sitemap-pages-{row['block']}.xml"))
        lastmod = f"<lastmod>{row['lastmod'].isoformat()}</lastmod>" if row["lastmod"] else ""
        parts.append(f"<sitemap><loc>{loc}</loc>{lastmod}</sitemap>\n")
    parts.append("</sitemapindex>\n")
    return _xml(parts, ["sitemap-index"])


def sitemap_pages(request, number):
    root_path, pages = _site_pages(request)
    size = _file_size()
    rows = (
        pages.filter(id__gte=number * size, id__lt=(number + 1) * size)
        .order_by("id")
        .values_list("url_path", "last_published_at")
        .iterator(chunk_size=5000)
    )
    page_url = _page_urls(root_path)
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}">\n']
    for url_path, lastmod in rows:
        stamp = f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else ""
        parts.append(f"<url><loc>{page_url(url_path)}</loc>{stamp}</url>\n")
    if len(parts) == 1:
        raise Http404("No such sitemap file")
    parts.append("</urlset>\n")
    return _xml(parts, [f"sitemap-{number}"])


def news_sitemap(request):
    """Articles first published in the last 48 hours, newest first, as Google News reads them."""
    root_path, _pages = _site_pages(request)
    since = timezone.now() - NEWS_WINDOW
    rows = (
        ArticlePage.objects.published()
        .filter(url_path__startswith=root_path, first_published_at__gte=since)
        .latest_first()
        .values_list("url_path", "first_published_at", "headline", "title")[:NEWS_MAX_URLS]
    )
    name, language, page_url = (
        escape(settings.WAGTAIL_SITE_NAME),
        settings.LANGUAGE_CODE,
        _page_urls(root_path),
    )
    parts = [
        f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">\n'
    ]
    for url_path, published, headline, title in rows:
        parts.append(
            f"<url><loc>{page_url(url_path)}</loc><news:news><news:publication>"
            f"<news:name>{name}</news:name><news:language>{language}</news:language></news:publication>"
            f"<news:publication_date>{published.isoformat()}</news:publication_date>"
            f"<news:title>{escape(headline or title)}</news:title></news:news></url>\n"
        )
    parts.append("</urlset>\n")
    return _xml(parts, ["sitemap-news"])


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /accounts/",
        "",
        f"Sitemap: {absolute_url('/sitemap.xml')}",
        f"Sitemap: {absolute_url('/sitemap-news.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
