"""Credits follow the photo: its agency beside the credit where it differs, creditText and copyrightHolder in
JSON-LD, and a body image block's own caption and credit for that one use (page and print view)."""

import json
import re

import pytest

from ..models import NewsImage
from .factories import ArticlePageFactory, NewsImageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("credit", "agency", "line"),
    [
        ("Kim Min-su", "Yonhap", "Kim Min-su/Yonhap"),
        ("NEWS1", "NEWS1", "NEWS1"),
        ("NEWS1", "news1", "NEWS1"),
        ("Lee Da-eun/Yonhap", "Yonhap", "Lee Da-eun/Yonhap"),
        ("Lee Da-eun", "", "Lee Da-eun"),
        ("", "Yonhap", "Yonhap"),
        ("", "", ""),
    ],
)
def test_credit_line(credit, agency, line):
    assert NewsImage(credit=credit, agency=agency).credit_line == line


def json_ld_image(html):
    blocks = [
        json.loads(m)
        for m in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    return next(b for b in blocks if b["@type"] == "NewsArticle")["image"]


def test_lead_photo_shows_agency_and_json_ld_carries_credit_and_holder(client, politics):
    photo = NewsImageFactory(credit="Kim Min-su", agency="Yonhap")
    article = ArticlePageFactory(parent=politics, lead_image=photo)
    html = client.get(article.url).content.decode()
    assert '<span class="credit">[Kim Min-su/Yonhap]</span>' in html
    [image] = json_ld_image(html)
    assert image["@type"] == "ImageObject" and image["url"].startswith("http://localhost/")
    assert image["creditText"] == "Kim Min-su/Yonhap"
    assert image["copyrightHolder"] == {"@type": "Organization", "name": "Yonhap"}
    assert image["caption"] == photo.default_caption


def test_without_agency_the_credited_source_holds_the_copyright(client, politics):
    article = ArticlePageFactory(parent=politics)  # the factory's photo: credit NEWSWIRE, no agency
    html = client.get(article.url).content.decode()
    assert '<span class="credit">[NEWSWIRE]</span>' in html
    [image] = json_ld_image(html)
    assert image["creditText"] == "NEWSWIRE" and image["copyrightHolder"]["name"] == "NEWSWIRE"


def test_the_articles_lead_credit_overrides_for_this_use(client, politics):
    photo = NewsImageFactory(credit="Kim Min-su", agency="Yonhap")
    article = ArticlePageFactory(parent=politics, lead_image=photo, lead_credit="Pool photo")
    html = client.get(article.url).content.decode()
    assert '<span class="credit">[Pool photo]</span>' in html and "Kim Min-su/Yonhap" not in html
    [image] = json_ld_image(html)
    assert image["creditText"] == "Pool photo" and image["copyrightHolder"]["name"] == "Yonhap"


@pytest.fixture
def body_photos(politics):
    photo = NewsImageFactory(
        credit="Kim Min-su", agency="Yonhap", default_caption="Stalls line the market street."
    )
    article = ArticlePageFactory(parent=politics)
    article.body = [  # the stored (JSON) shape, as the admin saves it
        {"type": "image", "value": {"image": photo.pk, "caption": "", "credit": ""}},
        {"type": "paragraph", "value": "<p>Traders said sales rose.</p>"},
        {
            "type": "image",
            "value": {
                "image": photo.pk,
                "caption": "The same street at dawn.",
                "credit": "Reader photo",
            },
        },
    ]
    article.save()
    return article


@pytest.mark.parametrize("suffix", ["", "print/"])
def test_body_image_block_overrides_caption_and_credit_once(client, body_photos, suffix):
    html = client.get(body_photos.url + suffix).content.decode()
    assert 'Stalls line the market street. <span class="credit">[Kim Min-su/Yonhap]</span>' in html
    assert 'The same street at dawn. <span class="credit">[Reader photo]</span>' in html


def test_body_image_block_without_credit_field_still_renders(client, politics):
    """Blocks saved before the credit field existed have no "credit" key: the photo's own credit shows."""
    photo = NewsImageFactory(credit="NEWS1", agency="NEWS1")
    article = ArticlePageFactory(parent=politics)
    article.body = [{"type": "image", "value": {"image": photo.pk, "caption": "Old block."}}]
    article.save()
    assert (
        'Old block. <span class="credit">[NEWS1]</span>' in client.get(article.url).content.decode()
    )
