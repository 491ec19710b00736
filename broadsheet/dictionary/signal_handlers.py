"""An editor's change to the glossary shows in the next lookup (the cached entries' version moves on); a
published article's words are worked out at publish."""

from .glossary import glossary_changed


def on_glossary_change(sender, **kwargs):
    from django.db import transaction

    glossary_changed()
    # Saved inside a transaction, the change is not visible yet: a lookup in between would read the old
    # glossary under the new version. Moving on once more at commit retires that copy too.
    transaction.on_commit(glossary_changed)


def on_page_published(sender, instance, **kwargs):
    """An article's words box and highlighting levels are built when it is published (after commit),
    so its first reader does not wait for them."""
    from .adapter import get_adapter

    if not get_adapter().is_article(instance):
        return
    from django.db import transaction

    transaction.on_commit(lambda: warm_article_words(instance), robust=True)


def warm_article_words(page):
    from .article_words import article_levels, hard_words
    from .models import DictionarySettings, default_hard_word_level

    site = page.get_site()
    level = DictionarySettings.for_site(site).hard_word_level if site else default_hard_word_level()
    article_levels(page)
    hard_words(page, level)
