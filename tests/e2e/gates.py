"""The page gates every reader page passes: served HTML that an HTML5 parser reads without a single error
(html5lib, strict), and JSON-LD blocks that parse and carry the fields their type needs."""

import json

import html5lib

# What each schema.org type must carry for search engines to use it (Google's required properties).
JSON_LD_REQUIRED = {
    "NewsArticle": (
        "headline",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "mainEntityOfPage",
    ),
    "BreadcrumbList": ("itemListElement",),
    "ListItem": ("position", "name", "item"),
    "Organization": ("name",),
    "Person": ("name",),
}


def html_errors(html):
    """Every parse error html5lib reports, as 'line:col code' (empty: the page is valid)."""
    try:
        html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(html)
        return []
    except html5lib.html5parser.ParseError:
        parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
        parser.parse(html)
        return [f"{line}:{col} {code} {data or ''}" for (line, col), code, data in parser.errors]


def json_ld_blocks(html):
    document = html5lib.parse(html, namespaceHTMLElements=False)
    return [
        json.loads(s.text or "")
        for s in document.iter("script")
        if s.get("type") == "application/ld+json"
    ]


def json_ld_problems(block, path="$"):
    """Missing required fields, for the block and every typed object inside it."""
    problems = []
    if isinstance(block, list):
        for n, item in enumerate(block):
            problems += json_ld_problems(item, f"{path}[{n}]")
        return problems
    if not isinstance(block, dict):
        return problems
    for field in JSON_LD_REQUIRED.get(block.get("@type"), ()):
        if block.get(field) in (None, "", []):
            problems.append(f"{path} ({block['@type']}) lacks {field}")
    for key, value in block.items():
        problems += json_ld_problems(value, f"{path}.{key}")
    return problems
