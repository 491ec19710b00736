"""Parse legacy article pages into a LegacyArticle: plain-text dumps and saved HTML pages.

Pure functions, no database: the import command hands the result to services.article_import().
A legacy text dump looks like this (one item per paragraph, blank lines between):

    <headline>
    Home > National > Politics
    <toolbar words, e.g. "print dictionary print">
    <headline again>
    <photo caption ending with the credit in brackets, e.g. "... [NEWS1]">
    <body paragraphs>
    <comment-box furniture: social-login prompts, policy line>
"""

import json
import re
from dataclasses import dataclass, field

from .archive.decoding import Undecodable, decode_page
from .archive.meta import (
    content_key,
    date_key,
    normal_url,
    parse_date,
    split_names,
    take_dateline,
    take_meta_lines,
)

BREADCRUMB = re.compile(r"^\s*Home\s*(?:>|›|»)\s*(?P<rest>.+)$", re.IGNORECASE)
CREDIT_AT_END = re.compile(
    r"^(?P<caption>.*?)\s*\[(?P<credit>[A-Za-z0-9][\w .&/'-]{0,60})\]\s*$", re.DOTALL
)
TOOLBAR_WORDS = {
    "print",
    "dictionary",
    "share",
    "font",
    "size",
    "listen",
    "email",
    "copy",
    "link",
    "a",
    "a+",
    "a-",
}
# Lines that begin the comment box of the old site; everything from the first of them on is furniture.
FURNITURE_START = re.compile(
    r"^(log in to |to write comments|help-image|social comment|lock icon|standards board policy|\(0/\d+)",
    re.IGNORECASE,
)
FURNITURE_ANYWHERE = re.compile(
    r"(please log in|standards board policy|\(\d+/\d+자\))", re.IGNORECASE
)
# lxml refuses a str that still carries its encoding declaration; the bytes were decoded already.
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


class UnrecognisedPage(ValueError):
    """The file is not a legacy article page we know how to read; the message says why."""


@dataclass
class LegacyArticle:
    headline: str
    section_path: list[str]
    paragraphs: list[str]
    caption: str = ""
    credit: str = ""
    extra: dict = field(default_factory=dict)
    published_at: object = None  # aware datetime, from the page (never the import time)
    updated_at: object = None
    bylines: list[str] = field(default_factory=list)
    dateline: str = ""
    tags: list[str] = field(default_factory=list)
    old_url: str = ""
    photo_src: str = ""  # a photo saved beside the page, relative to it (Page_files/photo.jpg)

    @property
    def legacy_key(self):
        """The story's identity when the old URL does not settle it: publication day + section + headline,
        or, for a page without a date, its text. Recurring headlines on different days stay apart."""
        if self.published_at:
            return date_key(self.published_at, self.section_path, self.headline)
        return content_key(self.paragraphs)

    def finish(self, meta=None):
        """Date, byline and keyword lines and the dateline move out of the body into their fields."""
        self.paragraphs, found = take_meta_lines(self.paragraphs)
        meta = meta or {}
        self.published_at = meta.get("published") or found["published"]
        self.updated_at = meta.get("updated") or found["updated"]
        self.bylines = _unique(meta.get("bylines") or found["bylines"])
        self.tags = _unique([*meta.get("tags", []), *found["tags"]])
        self.dateline, self.paragraphs = take_dateline(self.paragraphs)
        if not self.paragraphs:
            raise UnrecognisedPage("no article paragraphs")
        return self


def _unique(names):
    seen, out = set(), []
    for name in names:
        name = " ".join(name.split())[:100]
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            out.append(name)
    return out


def paragraphs_of(text):
    """Paragraphs of a dump: blank-line separated blocks, inner line breaks folded into spaces."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in blocks
        if block.strip()
    ]


def section_path_of(line):
    match = BREADCRUMB.match(line)
    if not match:
        return None
    parts = [p.strip() for p in re.split(r"\s*(?:>|›|»)\s*", match["rest"]) if p.strip()]
    return parts or None


def is_toolbar(paragraph):
    words = paragraph.lower().split()
    return 0 < len(words) <= 8 and all(w in TOOLBAR_WORDS for w in words)


def is_furniture(paragraph):
    return bool(FURNITURE_START.match(paragraph) or FURNITURE_ANYWHERE.search(paragraph))


def split_credit(paragraph):
    """('caption text', 'NEWS1') when the paragraph ends with a bracketed credit, else None."""
    match = CREDIT_AT_END.match(paragraph)
    return (match["caption"].strip(), match["credit"].strip()) if match else None


def article_paragraphs(paragraphs, headline):
    """Caption, credit and body paragraphs from what follows the breadcrumb; furniture dropped."""
    caption, credit, body = "", "", []
    for paragraph in paragraphs:
        if FURNITURE_START.match(paragraph):
            break  # the old site's comment box: nothing of the story follows it
        if paragraph == headline or is_toolbar(paragraph) or is_furniture(paragraph):
            continue
        captioned = split_credit(paragraph) if not body and not credit else None
        if captioned:
            caption, credit = captioned
            continue
        body.append(paragraph)
    return caption, credit, body


def parse_text_dump(text):
    paragraphs = paragraphs_of(text)
    if not paragraphs:
        raise UnrecognisedPage("the file is empty")
    headline = paragraphs[0]
    crumb_at = next((i for i, p in enumerate(paragraphs[:4]) if section_path_of(p)), None)
    if crumb_at is None:
        raise UnrecognisedPage("no 'Home > Section' breadcrumb line near the top")
    if len(headline) > 255 or section_path_of(headline):
        raise UnrecognisedPage("the first line is not a headline")
    rest, found = take_meta_lines(paragraphs[crumb_at + 1 :])
    caption, credit, body = article_paragraphs(rest, headline)
    if not body:
        raise UnrecognisedPage("no article paragraphs after the breadcrumb")
    legacy = LegacyArticle(
        headline=headline,
        section_path=section_path_of(paragraphs[crumb_at]),
        paragraphs=body,
        caption=caption,
        credit=credit,
    )
    return legacy.finish(found)


def looks_like_html(text):
    return bool(
        re.match(r"\s*(<!doctype html|<html|<\?xml|<head|<body|<article)", text, re.IGNORECASE)
    )


def html_breadcrumb(tree):
    """Section path from a breadcrumb element (aria-label or class naming it, or a <nav> that starts at
    Home), without its 'Home'."""
    marked = tree.xpath(
        '//*[contains(translate(@aria-label,"BREADCUMB","breadcumb"),"breadcrumb")'
        ' or contains(translate(@class,"BREADCUMB","breadcumb"),"breadcrumb")]'
    )
    for node in [*marked, *tree.xpath("//nav")]:
        labels = [
            t.strip(" >›»\n\t")
            for t in node.xpath(".//a//text() | .//li//text() | .//span//text()")
        ]
        labels = [label for label in labels if label]
        if labels and labels[0].lower() == "home":
            labels = labels[1:]
            if labels:
                return labels
        elif labels and node in marked:
            return labels
    return None


def html_caption(tree):
    """(caption, credit, photo_src) from the first <figure> whose caption ends with a credit."""
    for figure in tree.xpath("//figcaption"):
        split = split_credit(" ".join(figure.text_content().split()))
        if split:
            sources = figure.xpath("ancestor::figure[1]//img/@src")
            src = sources[0].strip() if sources else ""
            local = src and not re.match(r"^(?:[a-z][a-z0-9+.-]*:|//)", src, re.IGNORECASE)
            return (*split, src if local else "")
    return "", "", ""


def json_ld_article(tree):
    """The NewsArticle (or Article) object of the page's JSON-LD, and its BreadcrumbList, when present."""
    article, crumbs = {}, []
    for block in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        items = (
            data.get("@graph", [data])
            if isinstance(data, dict)
            else data
            if isinstance(data, list)
            else []
        )
        for item in items:
            kind = item.get("@type") if isinstance(item, dict) else None
            kind = " ".join(kind) if isinstance(kind, list) else str(kind or "")
            if kind.endswith("Article") and not article:
                article = item
            elif kind == "BreadcrumbList":
                crumbs = [
                    e.get("name", "")
                    for e in item.get("itemListElement", [])
                    if isinstance(e, dict)
                ]
    if crumbs and crumbs[0].lower() == "home":
        crumbs = crumbs[1:]
    return article, [c for c in crumbs if isinstance(c, str) and c.strip()]


def html_meta(tree):
    found = {}
    for node in tree.xpath("//meta[@content]"):
        key = (node.get("property") or node.get("name") or "").lower()
        if key:
            found.setdefault(key, []).append(node.get("content").strip())
    for href in tree.xpath('//link[translate(@rel,"CANONICAL","canonical")="canonical"]/@href'):
        found.setdefault("canonical", []).append(href.strip())
    return found


def _names(value):
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    return split_names(value) if isinstance(value, str) else []


def _words(value):
    if isinstance(value, list):
        return [w for v in value for w in _words(v)]
    return [w.strip() for w in re.split(r"[,;]", value)] if isinstance(value, str) else []


def page_metadata(tree):
    """Dates, bylines, tags and the old URL from JSON-LD first, then Open Graph / article: meta tags."""
    ld, crumbs = json_ld_article(tree)
    meta = html_meta(tree)
    first = lambda key: (meta.get(key) or [""])[0]  # noqa: E731
    entity = ld.get("mainEntityOfPage")
    ld_url = ld.get("url") or (entity.get("@id") if isinstance(entity, dict) else entity) or ""
    return {
        "published": parse_date(ld.get("datePublished") or first("article:published_time")),
        "updated": parse_date(ld.get("dateModified") or first("article:modified_time")),
        "bylines": _names(ld.get("author")) or _names(first("author")),
        "tags": [
            t
            for t in [
                *_words(ld.get("keywords")),
                *_words(first("keywords")),
                *meta.get("article:tag", []),
            ]
            if t
        ],
        "url": normal_url(first("canonical")) or normal_url(first("og:url")) or normal_url(ld_url),
        "headline": " ".join(str(ld.get("headline") or first("og:title")).split()),
        "section": crumbs
        or _words(ld.get("articleSection"))[:1]
        or meta.get("article:section", [])[:1],
    }


def html_paragraphs(tree, html):
    """The story's paragraphs: an <article> element's own <p>s when the page has one (fast and exact),
    else what trafilatura extracts."""
    nodes = tree.xpath(
        "//article//p[not(ancestor::figure or ancestor::nav or ancestor::aside or ancestor::footer"
        " or ancestor::header or ancestor::*[contains(@class,'comment')])]"
    )
    lines = [" ".join(node.text_content().split()) for node in nodes]
    if any(lines):
        return lines
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(
        logging.ERROR
    )  # its notes on odd pages; the reason is ours
    document = trafilatura.bare_extraction(
        html, with_metadata=False, include_comments=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        raise UnrecognisedPage("no article text found in the HTML")
    return [" ".join(line.split()) for line in document.text.splitlines()]


def parse_html_page(html):
    """A saved HTML article page: the story text from <article> or trafilatura, the rest from the markup."""
    import lxml.etree
    import lxml.html

    html = XML_DECLARATION.sub("", html, count=1)
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise UnrecognisedPage(f"unreadable HTML ({exc})") from exc
    meta = page_metadata(tree)
    lines = html_paragraphs(tree, html)
    heading = tree.xpath("//h1")
    title = tree.xpath("//title/text()")
    headline = (" ".join(heading[0].text_content().split()) if heading else "") or meta["headline"]
    headline = headline or (" ".join(title[0].split()) if title else "")
    if not headline:
        raise UnrecognisedPage("the HTML page has no headline (no <h1> or <title>)")
    section_path = html_breadcrumb(tree) or meta["section"]
    if not section_path:
        raise UnrecognisedPage("the HTML page has no breadcrumb naming its section")
    caption, credit, photo_src = html_caption(tree)
    skip = {headline, caption, f"{caption} [{credit}]"}
    body = [
        line
        for line in lines
        if line and line not in skip and not is_furniture(line) and not is_toolbar(line)
    ]
    if not body:
        raise UnrecognisedPage("no article paragraphs in the HTML")
    legacy = LegacyArticle(
        headline=headline[:255],
        section_path=section_path,
        paragraphs=body,
        caption=caption,
        credit=credit,
        old_url=meta["url"],
        photo_src=photo_src,
    )
    return legacy.finish(meta)


def parse_legacy_page(raw: bytes):
    """Read either kind of legacy page from the file's bytes, in whatever encoding it was saved."""
    if not raw.strip():
        raise UnrecognisedPage("the file is empty")
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnrecognisedPage("binary file, not a text or HTML page")
    try:
        text = decode_page(raw)
    except Undecodable as exc:
        raise UnrecognisedPage(str(exc)) from exc
    return parse_html_page(text) if looks_like_html(text) else parse_text_dump(text)
