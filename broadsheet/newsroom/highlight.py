"""A result's snippet with the matched words marked: the words are compared by their English stem
(Snowball, as PostgreSQL's and FTS5's Porter stemmers do), so 'withdraws' marks 'withdrawing'.

A snippet is a list of (text, matched) parts; templates escape each part and wrap matches in <mark>."""

import html
import re
from functools import lru_cache

from nltk.stem.snowball import SnowballStemmer

WORD = re.compile(r"\w+(?:'\w+)?")
SNIPPET_CHARS = 240
_stemmer = SnowballStemmer("english")


@lru_cache(maxsize=20000)
def stem(word):
    return _stemmer.stem(word.lower())


def query_stems(q):
    return {stem(w) for w in WORD.findall(q.replace("\u2019", "'"))}


def article_text(article):
    """The standfirst, then the body's paragraphs as plain text (what the index holds)."""
    parts = [article.standfirst]
    for block in article.body:
        if block.block_type == "paragraph":
            parts.append(html.unescape(re.sub(r"<[^>]+>", " ", block.value.source)))
    return " ".join(" ".join(parts).split())


def window(text, stems):
    """About SNIPPET_CHARS of text around the first matched word (the start when none matches)."""
    first = next((m.start() for m in WORD.finditer(text) if stem(m.group()) in stems), 0)
    start = max(0, text.rfind(" ", 0, max(0, first - 60)) + 1) if first > 60 else 0
    end = (
        len(text)
        if len(text) - start <= SNIPPET_CHARS
        else text.rfind(" ", start, start + SNIPPET_CHARS)
    )
    return ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")


def mark(text, stems):
    parts, at = [], 0
    for m in WORD.finditer(text):
        if stem(m.group()) in stems:
            parts += [(text[at : m.start()], False), (m.group(), True)]
            at = m.end()
    parts.append((text[at:], False))
    return [p for p in parts if p[0]]


def marked(article, q):
    """(headline parts, snippet parts) of an article for the query."""
    stems = query_stems(q)
    return mark(article.display_headline, stems), mark(window(article_text(article), stems), stems)
