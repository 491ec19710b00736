"""Every page type says what it is: canonical URL, Open Graph and Twitter tags, JSON-LD parsed back."""

import json

import lxml.html
import pytest

from .discovery import build_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(politics):
    return build_archive(politics)


def _page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    doc = lxml.html.fromstring(response.content)
    blocks = [json.loads(s.text) for s in doc.xpath('//script[@type="application/ld+json"]')]
    return doc, {block["@type"]: block for block in blocks}


def _meta(doc, name):
    found = doc.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')
    return found[0] if found else None


@pytest.mark.parametrize(
    "url", ["/", "/national/politics/", "/tags/budget/", "/authors/{slug}/", "/archive/2026/03/02/"]
)
def test_listing_pages_have_canonical_open_graph_and_twitter(client, archive, url):
    url = url.format(slug=archive["reporter"].slug)
    doc, _blocks = _page(client, url)
    assert doc.xpath('//link[@rel="canonical"]/@href') == [f"http://localhost{url}"]
    assert _meta(doc, "og:url") == f"http://localhost{url}"
    assert (
        _meta(doc, "og:title")
        and _meta(doc, "og:type") == "website"
        and _meta(doc, "og:site_name") == "Broadsheet"
    )
    assert _meta(doc, "twitter:card") == "summary" and _meta(doc, "twitter:title") == _meta(
        doc, "og:title"
    )


def test_a_later_page_of_a_listing_is_its_own_canonical(client, archive, settings):
    settings.NEWSROOM_SECTION_PAGE_SIZE = 1
    doc, _blocks = _page(client, "/tags/budget/?page=2")
    assert doc.xpath('//link[@rel="canonical"]/@href') == ["http://localhost/tags/budget/?page=2"]


def test_homepage_says_who_publishes_and_how_to_search(client, archive):
    _doc, blocks = _page(client, "/")
    assert (
        blocks["Organization"]["name"] == "Broadsheet"
        and blocks["Organization"]["url"] == "http://localhost/"
    )
    action = blocks["WebSite"]["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"] == "http://localhost/search/?q={search_term_string}"
    assert action["query-input"] == "required name=search_term_string"


@pytest.mark.parametrize(
    "url, trail",
    [
        (
            "/national/politics/",
            [("Home", "/"), ("National", "/national/"), ("Politics", "/national/politics/")],
        ),
        ("/tags/budget/", [("Home", "/"), ("budget", "/tags/budget/")]),
    ],
)
def test_section_and_topic_pages_show_a_breadcrumb_and_say_it_in_json_ld(
    client, archive, url, trail
):
    doc, blocks = _page(client, url)
    visible = [
        (a.text_content(), a.get("href")) for a in doc.xpath('//nav[@class="breadcrumb"]//a')
    ]
    assert visible == trail
    items = blocks["BreadcrumbList"]["itemListElement"]
    assert [(i["position"], i["name"], i["item"]) for i in items] == [
        (n, name, f"http://localhost{href}") for n, (name, href) in enumerate(trail, start=1)
    ]


def test_news_article_has_date_modified_keywords_and_the_agency(client, archive):
    vote = archive["vote"]
    _doc, blocks = _page(client, vote.url)
    article = blocks["NewsArticle"]
    assert article["datePublished"].startswith("2026-03-02T18:00:00+09:00")
    assert article["dateModified"]
    assert article["keywords"] == ["pensions"]
    assert article["sourceOrganization"] == [{"@type": "Organization", "name": "Harbour Wire"}]
    assert {"@type": "Organization", "name": "Harbour Wire"} in article["author"]


def test_the_photo_agency_is_credited_when_no_agency_byline_is(client, archive):
    budget = archive["budget"]
    budget.lead_image.agency = "Lens Pool"
    budget.lead_image.save()
    _doc, blocks = _page(client, budget.url)
    assert blocks["NewsArticle"]["sourceOrganization"] == [
        {"@type": "Organization", "name": "Lens Pool"}
    ]
