"""A comment's text as HTML: everything escaped, newlines kept, links marked as user content."""

from django.utils.html import urlize
from django.utils.safestring import mark_safe

REL = 'rel="nofollow ugc noopener"'


def body_html(text):
    # urlize escapes everything that is not a link; the text itself can never contain a raw quote,
    # so the only rel="nofollow" left to rewrite is the one urlize wrote.
    html = urlize(text, nofollow=True, autoescape=True).replace('rel="nofollow"', REL)
    return mark_safe(html.replace("\n", "<br>"))


def has_links(text):
    return "<a " in urlize(text, autoescape=True)
