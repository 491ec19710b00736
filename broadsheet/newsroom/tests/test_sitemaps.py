"""The sitemap index, its files and the Google News sitemap, checked against the schemas in data/."""

import datetime
import time
import tracemalloc
import uuid
from pathlib import Path

import pytest
import xmlschema
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page

from .discovery import build_archive, story

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
URLSET = xmlschema.XMLSchema(str(DATA / "sitemap.xsd"), locations=[(NEWS_NS, "sitemap-news.xsd")])
INDEX = xmlschema.XMLSchema(str(DATA / "siteindex.xsd"))


def _valid(schema, response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    schema.validate(response.content.decode())


def _locs(response):
    body = response.content.decode()
    return [part.split("</loc>")[0] for part in body.split("<loc>")[1:]]


def test_index_and_file_validate(client, politics):
    archive = build_archive(politics)
    index = client.get("/sitemap.xml")
    _valid(INDEX, index)
    assert _locs(index) == ["http://localhost/sitemap-pages-0.xml"]
    assert index.content.count(b"<lastmod>") == 1
    urlset = client.get("/sitemap-pages-0.xml")
    _valid(URLSET, urlset)
    assert f"http://localhost{archive['ferry'].url}" in _locs(urlset)


def test_files_split_at_the_configured_size(client, politics, settings):
    settings.NEWSROOM_SITEMAP_FILE_URLS = 3
    build_archive(politics)
    files = _locs(client.get("/sitemap.xml"))
    assert len(files) >= 2
    total = 0
    for url in files:
        response = client.get(url.removeprefix("http://localhost"))
        _valid(URLSET, response)
        count = response.content.count(b"<url>")
        assert 1 <= count <= 3
        total += count
    assert total == Page.objects.live().filter(depth__gt=1).count()
    assert client.get("/sitemap-pages-999.xml").status_code == 404


def test_news_sitemap_holds_the_last_48_hours_only(client, politics):
    now = timezone.now()
    fresh = story(politics, "Rates held & steady", now - datetime.timedelta(hours=5))
    story(politics, "Last week's story", now - datetime.timedelta(days=7))
    response = client.get("/sitemap-news.xml")
    _valid(URLSET, response)
    body = response.content.decode()
    assert body.count("<url>") == 1
    assert f"<loc>http://localhost{fresh.url}</loc>" in body
    assert "<news:title>Rates held &amp; steady</news:title>" in body
    assert "<news:name>Broadsheet</news:name><news:language>en</news:language>" in body


def test_robots_names_both_sitemaps(client):
    body = client.get("/robots.txt").content.decode()
    assert (
        "Sitemap: http://localhost/sitemap.xml" in body
        and "Sitemap: http://localhost/sitemap-news.xml" in body
    )


def _bulk_pages(home, count):
    """`count` live pages under the homepage written in bulk (no model logic): the archive's size, quickly."""
    page_type = ContentType.objects.get_for_model(Page)
    locale = Locale.get_default()
    now = timezone.now()
    rows = [
        Page(
            title=f"Archived story {n}",
            draft_title=f"Archived story {n}",
            slug=f"archived-{n}",
            path=Page._get_path(home.path, home.depth + 1, n + 1000),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}archived-{n}/",
            live=True,
            content_type=page_type,
            locale=locale,
            translation_key=uuid.uuid4(),
            first_published_at=now,
            last_published_at=now,
        )
        for n in range(count)
    ]
    Page.objects.bulk_create(rows, batch_size=2000)


def test_a_full_sitemap_file_of_50000_urls_is_fast_and_small(client, home):
    _bulk_pages(home, 50_000)
    first = Page.objects.filter(slug="archived-0").values_list("pk", flat=True).get()
    number = first // 50_000
    url = f"/sitemap-pages-{number}.xml"
    started, wall = time.process_time(), time.perf_counter()
    response = client.get(url)
    cpu, wall = time.process_time() - started, time.perf_counter() - wall
    count = response.content.count(b"<url>")
    tracemalloc.start()
    client.get(url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count > 0 and count <= 50_000
    assert cpu <= 2.0, f"{count} URLs took {cpu:.2f} s of CPU"
    assert peak <= 200 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    print(
        f"sitemap file: {count} URLs, {cpu:.2f} s CPU, {wall:.2f} s wall, {len(response.content) / 1e6:.1f} MB,"
        f" peak {peak / 1e6:.1f} MB traced"
    )
