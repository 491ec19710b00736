"""The newsroom's side of the dictionary seam (DICTIONARY_ADAPTER): what an article's text is, and the
process memory of freshness.py, so the words box costs no query on a warm page."""

from broadsheet.dictionary.adapter import DictionaryAdapter


class NewsroomDictionaryAdapter(DictionaryAdapter):
    def article_text_parts(self, page):
        """Headline (the display headline when set), standfirst, then every body block's searchable text."""
        parts = [
            getattr(page, "display_headline", "") or page.title,
            getattr(page, "standfirst", ""),
        ]
        body = getattr(page, "body", None)
        if body is not None:
            parts += body.stream_block.get_searchable_content(body)
        return parts

    def generation(self):
        from .freshness import generation

        return generation()

    def remember(self, key, build):
        from .freshness import remembered

        return remembered(key, build)
