"""{% words_in_article page %}: the article's hard words with a short gloss, on the page and in print."""

from django import template

from ..article_words import hard_words
from ..models import DictionarySettings

register = template.Library()


@register.inclusion_tag("dictionary/elements/words_in_article.html", takes_context=True)
def words_in_article(context, page):
    request = context.get("request")
    above = DictionarySettings.for_request(request).hard_word_level if request else DictionarySettings.hard_word_level.field.get_default()
    return {"words": hard_words(page, above), "above": above, "page": page}
