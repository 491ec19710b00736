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

import hashlib
import re
from dataclasses import dataclass, field

BREADCRUMB = re.compile(r"^\s*Home\s*(?:>|›|»)\s*(?P<rest>.+)$", re.IGNORECASE)
CREDIT_AT_END = re.compile(r"^(?P<caption>.*?)\s*\[(?P<credit>[A-Za-z0-9][\w .&/'-]{0,60})\]\s*$", re.DOTALL)
TOOLBAR_WORDS = {"print", "dictionary", "share", "font", "size", "listen", "email", "copy", "link", "a", "a+", "a-"}
# Lines that begin the comment box of the old site; everything from the first of them on is furniture.
FURNITURE_START = re.compile(
    r"^(log in to |to write comments|help-image|social comment|lock icon|standards board policy|\(0/\d+)",
    re.IGNORECASE,
)
FURNITURE_ANYWHERE = re.compile(r"(please log in|standards board policy|\(\d+/\d+자\))", re.IGNORECASE)


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

    @property
    def legacy_key(self):
        """Stable across re-imports of the same story: its section path and headline."""
        basis = "/".join(s.lower() for s in self.section_path) + "|" + self.headline.strip().lower()
        return hashlib.sha256(basis.encode()).hexdigest()[:32]


def paragraphs_of(text):
    """Paragraphs of a dump: blank-line separated blocks, inner line breaks folded into spaces."""
    blocks = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [" ".join(line.strip() for line in block.splitlines() if line.strip()) for block in blocks if block.strip()]


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
    caption, credit, body = article_paragraphs(paragraphs[crumb_at + 1 :], headline)
    if not body:
        raise UnrecognisedPage("no article paragraphs after the breadcrumb")
    return LegacyArticle(
        headline=headline,
        section_path=section_path_of(paragraphs[crumb_at]),
        paragraphs=body,
        caption=caption,
        credit=credit,
    )


def looks_like_html(text):
    return bool(re.match(r"\s*(<!doctype html|<html|<\?xml|<head|<body|<article)", text, re.IGNORECASE))


def html_breadcrumb(tree):
    """Section path from a breadcrumb element (aria-label or class naming it), without its 'Home'."""
    for node in tree.xpath(
        '//*[contains(translate(@aria-label,"BREADCUMB","breadcumb"),"breadcrumb")'
        ' or contains(translate(@class,"BREADCUMB","breadcumb"),"breadcrumb")]'
    ):
        labels = [t.strip() for t in node.xpath(".//a//text() | .//li//text() | .//span//text()") if t.strip(" >›»\n\t")]
        labels = [label.strip(" >›»") for label in labels]
        if labels and labels[0].lower() == "home":
            labels = labels[1:]
        if labels:
            return labels
    return None


def html_caption(tree):
    for text in tree.xpath("//figcaption"):
        split = split_credit(" ".join(text.text_content().split()))
        if split:
            return split
    return "", ""


def parse_html_page(html):
    """A saved HTML article page: trafilatura finds the story text; the breadcrumb and caption come from the markup."""
    import lxml.html
    import trafilatura

    tree = lxml.html.fromstring(html)
    document = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, favor_precision=True)
    if document is None or not (document.text or "").strip():
        raise UnrecognisedPage("no article text found in the HTML")
    headline = " ".join((document.title or "").split())
    heading = tree.xpath("//h1")
    if heading:
        headline = " ".join(heading[0].text_content().split()) or headline
    if not headline:
        raise UnrecognisedPage("the HTML page has no headline (no <h1> or <title>)")
    section_path = html_breadcrumb(tree)
    if not section_path:
        raise UnrecognisedPage("the HTML page has no breadcrumb naming its section")
    caption, credit = html_caption(tree)
    lines = [" ".join(line.split()) for line in document.text.splitlines()]
    skip = {headline, caption, f"{caption} [{credit}]"}
    body = [line for line in lines if line and line not in skip and not is_furniture(line) and not is_toolbar(line)]
    if not body:
        raise UnrecognisedPage("no article paragraphs in the HTML")
    return LegacyArticle(headline=headline, section_path=section_path, paragraphs=body, caption=caption, credit=credit)


def parse_legacy_page(raw: bytes):
    """Read either kind of legacy page from the file's bytes."""
    if b"\x00" in raw[:4096]:
        raise UnrecognisedPage("binary file, not a text or HTML page")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnrecognisedPage(f"not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return parse_html_page(text) if looks_like_html(text) else parse_text_dump(text)
