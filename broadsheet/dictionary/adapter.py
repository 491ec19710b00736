"""The one seam between the dictionary and the site (allauth-style): the site subclasses
``DictionaryAdapter`` and names it in ``DICTIONARY_ADAPTER``. The app never imports the site; an article's
text and the site's memory between requests reach it only through here."""

from django.utils.html import strip_tags
from django.utils.module_loading import import_string

from .app_settings import app_settings


class DictionaryAdapter:
    def article_text_parts(self, page):
        """The pieces of an article's text, in reading order (HTML is stripped afterwards). Here the page's
        title and, when it has a StreamField ``body``, each block's searchable text; a site whose articles
        carry a headline or a standfirst says so by overriding this."""
        parts = [page.title]
        body = getattr(page, "body", None)
        if body is not None:
            parts += body.stream_block.get_searchable_content(body)
        return parts

    def is_article(self, page):
        """Whether a published page gets a words box and highlighting levels (warmed at publish)."""
        return getattr(page, "body", None) is not None

    def generation(self):
        """A value that changes whenever the site's settings or pages change (part of memory keys).
        Here always the same: nothing is remembered between requests (remember() builds each time)."""
        return ""

    def remember(self, key, build):
        """build(), or what it returned before for the same key in this process. Here: build() each time;
        a site with a process memory keyed by its generation returns the kept value."""
        return build()


def article_text(page):
    """The article as plain text: the adapter's parts, HTML stripped. The dictionary reads an article only
    through this function."""
    parts = get_adapter().article_text_parts(page)
    return strip_tags("\n".join(str(p) for p in parts if p))


def get_adapter():
    return import_string(app_settings.ADAPTER)()
