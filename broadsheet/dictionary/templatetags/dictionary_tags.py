"""{% words_in_article page %}: the article's hard words with a short gloss, on the page and in print."""

from django import template

from ..adapter import get_adapter
from ..app_settings import app_settings
from ..article_words import hard_words, revision_of
from ..models import DictionarySettings

register = template.Library()


@register.inclusion_tag("dictionary/elements/words_in_article.html", takes_context=True)
def words_in_article(context, page):
    request = context.get("request")
    above = (
        _hard_word_level(request)
        if request
        else DictionarySettings.hard_word_level.field.get_default()
    )
    return {"words": _remembered_hard_words(page, above), "above": above, "page": page}


def _hard_word_level(request):
    """The site's setting, remembered per site generation (a settings save starts a new one; adapter.py)."""
    from wagtail.models import Site

    adapter = get_adapter()
    site = Site.find_for_request(request)
    return adapter.remember(
        ("dictionary-level", site.pk if site else None, adapter.generation()),
        lambda: DictionarySettings.for_request(request).hard_word_level,
    )


def _remembered_hard_words(page, above):
    """hard_words is cached in the shared cache per revision and glossary version; the site's adapter may
    keep it in this process too."""
    from ..glossary import glossary_version

    key = ("dictionary-box", page.pk, revision_of(page), glossary_version(), above)
    return get_adapter().remember(key, lambda: hard_words(page, above))


@register.simple_tag
def dictionary_config():
    """What the scripts learn from the page (DICTIONARY_* settings), as a JSON data block (CSP-safe)."""
    from django.utils.html import json_script

    return json_script(
        {"api": app_settings.API_BASE, "hintAfter": app_settings.HINT_AFTER}, "dictionary-config"
    )


@register.simple_tag
def dictionary_strings():
    """The popup's words in the reader's language, as a JSON data block the page script reads (CSP-safe)."""
    from django.utils.html import json_script
    from django.utils.translation import gettext as _

    strings = {
        "loading": _("Looking up…"),
        "save": _("Save word"),
        "saved": _("Saved to your vocabulary"),
        "close": _("Close"),
        "missing": _("No definition yet."),
        "missingHelp": _("This word is not in our dictionary yet."),
        "addToGlossary": _("Add it to the glossary"),
        "level": _("Level"),
        "korean": _("Korean"),
        "synonyms": _("Also"),
        "note": _("Newsroom note"),
        "error": _("Could not look this up. Try again."),
        "on": _(
            "Dictionary on: double-click a word, or select words and press D or Enter. Long-press on a touch screen."
        ),
        "off": _("Dictionary off."),
        "notWord": _("Select a word or a short phrase."),
        "remove": _("Remove"),
        "vocabularyLink": _("My vocabulary"),
        "grammarWord": _("Grammar word: it shapes the sentence more than it names a thing."),
        "alsoFormOf": _("Also a form of"),
        "alsoOwnWord": _("Also a word of its own:"),
        "alsoSpelled": _("Also spelled"),
    }
    return json_script(strings, "dictionary-strings")
