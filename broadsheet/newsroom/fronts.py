"""Section fronts and the homepage: the latest published articles, paginated or grouped by section."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db import connection
from django.db.models import Prefetch
from django.db.models.functions import Left
from django.http import Http404
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from broadsheet.comments.numbers import whole_number

from .freshness import generation, remembered
from .models import ArticlePage, NewsRendition, SectionPage
from .querysets import NewsPageQuerySet
from .seo import home_schemas, listing_meta


def article_cards():
    """Published articles with what a card needs (lead photo and its renditions) fetched up front."""
    return (
        ArticlePage.objects.published()
        .latest_first()
        .select_related("lead_image")
        .prefetch_related(Prefetch("lead_image__renditions", queryset=NewsRendition.objects.all()))
    )


def page_number(raw):
    """A ?page= value as a number; anything that is not a positive whole number is a 404, never a 500."""
    if raw in (None, ""):
        return 1
    number = whole_number(raw)
    if number is None:
        raise Http404("Bad page number")
    return number


# Sections whose path is this long have an index of their own on PostgreSQL (0010_front_by_section).
FRONT_PREFIXES = (12, 16)


def front_ids(section):
    """The ids of the section's published articles, newest first, read from the page table alone: on
    PostgreSQL an index-only walk, so skipping to page 2,000 passes over index entries instead of joining
    and sorting every article before it. A top-level section or subsection walks only its own entries
    (migration 0010_front_by_section, led by the section's path); deeper ones walk every published page
    (newsroom_front_order, 0003_search_front_order) and skip the other sections'."""
    pages = NewsPageQuerySet(Page).published().type(ArticlePage)
    length = len(section.path)
    if connection.vendor == "postgresql" and length in FRONT_PREFIXES:
        pages = pages.annotate(section_path=Left("path", length)).filter(
            section_path=section.path, depth__gt=section.depth
        )
    else:
        pages = pages.descendant_of(section)
    return pages.order_by("-first_published_at", "-pk").values_list("pk", flat=True)


class CountedPaginator(Paginator):
    """A Paginator told its count instead of counting (Paginator.count is a cached property)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.count = count


def section_front(section, request, raw_page):
    """The section's articles and those of all its subsections, newest first, as cards (cards.py).
    Counting them reads every one of the section's index entries (tens of thousands at archive scale),
    so the count is kept per newsroom generation (freshness.py: any publish or unpublish starts a new
    one)."""
    from .cards import cards_for  # cards.py builds on article_cards() here

    ids = front_ids(section)
    count = remembered(("front-count", section.pk, generation()), ids.count)
    paginator = CountedPaginator(ids, settings.NEWSROOM_SECTION_PAGE_SIZE, count)
    try:
        page_obj = paginator.page(page_number(raw_page))
    except InvalidPage as exc:
        raise Http404("No such page") from exc
    articles = cards_for(request, page_obj.object_list)  # just this page's, from memory when known
    return {
        "articles": articles,
        "page_obj": page_obj,
        "subsections": remembered(  # (title, url) of each; they change only with a publish or move
            ("subsections", section.pk, site_pk(request), generation()),
            lambda: [
                (sub.title, sub.get_url(request))
                for sub in SectionPage.objects.published().child_of(section)
            ],
        ),
    }


def lead_stories(home, cards):
    """The editor's lead stories in the editor's order, dropping any that are no longer published."""
    ids = list(home.lead_stories.order_by("sort_order").values_list("article_id", flat=True))
    published = cards.in_bulk(ids)
    return [published[pk] for pk in ids if pk in published]


def home_front(home):
    per_section = settings.NEWSROOM_HOME_PER_SECTION
    cards = article_cards()  # public() costs a query: build the published set once for every block
    leads = lead_stories(home, cards)
    shown = {a.pk for a in leads}
    sections = []
    for section in SectionPage.objects.published().child_of(home):
        latest = list(cards.descendant_of(section).exclude(pk__in=shown)[:per_section])
        if latest:
            sections.append((section, latest))
    return {"lead_stories": leads, "section_blocks": sections}


def home_meta(request):
    return listing_meta(
        request,
        title=settings.WAGTAIL_SITE_NAME,
        description=_("News from Korea, in English"),
        schemas=home_schemas(request),
    )


def section_meta(section, request, page_obj):
    """The section's visible breadcrumb (Home › National › Politics) and its social and structured data."""
    from .reading import breadcrumbs

    # The crumbs change only when a page is published, moved or renamed (a new generation).
    key = ("section-crumbs", section.pk, get_language(), site_pk(request), generation())
    crumbs = remembered(
        key, lambda: [*breadcrumbs(section, request), (section.title, section.get_url(request))]
    )
    description = section.search_description or strip_tags(section.intro)[:200]
    meta = listing_meta(
        request,
        title=section.seo_title or section.title,
        description=description,
        crumbs=crumbs,
        page_number=page_obj.number,
    )
    return {**meta, "breadcrumbs": crumbs, "section_url": crumbs[-1][1]}


def site_pk(request):
    """The request's Wagtail site (kept on the request): page URLs are relative on their own site."""
    return getattr(Site.find_for_request(request), "pk", None)
