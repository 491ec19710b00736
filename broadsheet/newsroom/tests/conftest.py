import pytest

from .factories import SectionPageFactory, home_site


@pytest.fixture
def home(db):
    return home_site()


@pytest.fixture
def politics(home):
    national = SectionPageFactory(parent=home, title="National", slug="national")
    return SectionPageFactory(parent=national, title="Politics", slug="politics")
