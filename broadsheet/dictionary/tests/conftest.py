import pytest

from .helpers import clear_own_cache


@pytest.fixture(autouse=True)
def fresh_cache():
    """Entries are cached by glossary version; each test starts from an empty cache."""
    clear_own_cache()
    yield
    clear_own_cache()


@pytest.fixture
def glossary(db):
    from broadsheet.demo.glossary_content import load

    load(home=None)


@pytest.fixture
def article(db):
    from broadsheet.newsroom.tests.factories import ArticlePageFactory, SectionPageFactory, home_site, paragraphs

    home = home_site()
    national = SectionPageFactory(parent=home, title="National", slug="national")
    politics = SectionPageFactory(parent=national, title="Politics", slug="politics")
    page = ArticlePageFactory(
        parent=politics,
        title="Border office staff come back after a brief walkout",
        slug="border-office",
        body=paragraphs(
            "Officials from the North returned to the liaison office in Kaesong on Monday, days after withdrawing.",
            "The Unification Ministry called the move a sign of goodwill amid a protracted deadlock over denuclearization.",
            "A ministry spokesperson said the two sides would keep the channel open.",
        ),
    )
    page.save_revision().publish()
    return page
