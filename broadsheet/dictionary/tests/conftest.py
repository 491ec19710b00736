import pytest

from .factories import ADAPTER, STORY, Article
from .fixtures import fresh_cache, glossary  # noqa: F401  (fixtures)


@pytest.fixture
def article(settings):
    """The tests' own article (factories.Article), read through the tests' adapter."""
    settings.DICTIONARY_ADAPTER = ADAPTER
    title, paragraphs = STORY
    return Article(pk=424242, title=title, paragraphs=list(paragraphs))
