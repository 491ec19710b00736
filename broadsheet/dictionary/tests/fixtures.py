"""Fixtures of the dictionary tests that the site's tests of the dictionary on its pages reuse."""

import pytest

from .factories import glossary_terms
from .helpers import clear_own_cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Entries are cached by glossary version; each test starts from an empty cache."""
    clear_own_cache()
    yield
    clear_own_cache()


@pytest.fixture
def glossary(db):
    glossary_terms()
