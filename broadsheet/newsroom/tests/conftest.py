import pytest
from wagtail.models import Site

from ..navigation import section_nav_clear
from .factories import SectionPageFactory, home_site


@pytest.fixture(autouse=True)
def fresh_tree_caches():
    """Each test builds its own page tree: forget the cached navigation and Wagtail's site root paths.

    Only these keys, never cache.clear(): with REDIS_URL that would flush a Redis other runs share.
    """
    section_nav_clear()
    Site.clear_site_root_paths_cache()


@pytest.fixture
def home(db):
    return home_site()


@pytest.fixture
def politics(home):
    national = SectionPageFactory(parent=home, title="National", slug="national")
    return SectionPageFactory(parent=national, title="Politics", slug="politics")


@pytest.fixture
def editor_client(client, django_user_model):
    """The test client signed in as a superuser of the Wagtail admin."""
    client.force_login(django_user_model.objects.create_superuser("desk", "desk@example.com", "pw"))
    return client
