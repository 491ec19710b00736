"""Section fronts and the homepage: the latest published articles, paginated or grouped by section."""

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import Http404

from broadsheet.comments.numbers import whole_number

from .models import ArticlePage, NewsRendition, SectionPage


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


def section_front(section, raw_page):
    """The section's articles and those of all its subsections, newest first."""
    paginator = Paginator(article_cards().descendant_of(section), settings.NEWSROOM_SECTION_PAGE_SIZE)
    try:
        page_obj = paginator.page(page_number(raw_page))
    except InvalidPage as exc:
        raise Http404("No such page") from exc
    return {
        "articles": page_obj.object_list,
        "page_obj": page_obj,
        "subsections": SectionPage.objects.published().child_of(section),
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
