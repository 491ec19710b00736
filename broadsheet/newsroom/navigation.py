"""The header's section navigation, built from the page tree and cached until a page is published or moved."""

from django.conf import settings
from django.core.cache import cache

from .models import HomePage, SectionPage

NAV_CACHE_KEY = "newsroom:section-nav"


def build_section_nav():
    """[{title, url, children: [{title, url}]}] for the top-level sections of the homepage."""
    home = HomePage.objects.first()
    if home is None:
        return []
    sections = SectionPage.objects.published().descendant_of(home).filter(depth__lte=home.depth + 2)
    top, children = [], {}
    for section in sections.order_by("path"):
        item = {"title": section.title, "url": section.url, "children": []}
        if section.depth == home.depth + 1:
            top.append(item)
            children[section.path] = item["children"]
        else:
            children.get(section.path[: -section.steplen], []).append(item)
    return top


def section_nav():
    """Remembered in the process per newsroom generation: no cache read per request."""
    from .freshness import generation, remembered

    return remembered(("section-nav", generation()), shared_section_nav)


def shared_section_nav():
    nav = cache.get(NAV_CACHE_KEY)
    if nav is None:
        nav = build_section_nav()
        cache.set(NAV_CACHE_KEY, nav, settings.NEWSROOM_NAV_CACHE_SECONDS)
    return nav


def section_nav_clear(**kwargs):
    cache.delete(NAV_CACHE_KEY)
