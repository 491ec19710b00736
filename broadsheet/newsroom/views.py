"""Author, topic and date-archive pages, search and the corrections page. (Sections and articles are Wagtail
pages; see models/pages.py.)

Each listing names its own page-cache tags (Surrogate-Key), so publishing an article retires exactly the
listings it appears on (purge.py).
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _
from taggit.models import Tag

from . import listings
from .canonical import absolute_url
from .cards import cards_for
from .freshness import generation, remembered
from .models import ArticleCorrection, ArticlePage, Author
from .seo import listing_meta


def _listing(request, template, tags, *, articles, title, description="", crumbs=None, **context):
    ids = articles.select_related(None).prefetch_related(None).values_list("pk", flat=True)
    page_obj = listings.paginate(ids, request.GET.get("page"), count_key=("listing-count", *tags))
    meta = listing_meta(
        request, title=title, description=description, crumbs=crumbs, page_number=page_obj.number
    )
    context = {
        **context,
        **meta,
        "articles": cards_for(request, page_obj.object_list),
        "page_obj": page_obj,
        "breadcrumbs": crumbs,
    }
    response = TemplateResponse(request, template, context)
    response["Surrogate-Key"] = " ".join(tags)
    return response


def author_page(request, slug):
    # The author's row, photo and links change only with a new newsroom generation (an author or a
    # link saved starts one: signal_handlers.py), so a found author is read once per generation.
    # An unknown slug raises inside remembered(), so nothing is kept for it.
    author = remembered(
        ("author-page", slug, generation()),
        lambda: get_object_or_404(
            Author.objects.select_related("photo").prefetch_related("links"), slug=slug
        ),
    )
    return _listing(
        request,
        "newsroom/author_page.html",
        [f"author-{author.pk}"],
        articles=listings.author_articles(author),
        title=author.name,
        description=author.role,
        author=author,
    )


def topic_page(request, slug):
    tag = get_object_or_404(Tag.objects.select_related("topic"), slug=slug)
    topic = getattr(tag, "topic", None)
    description = topic.description if topic else ""
    crumbs = [(_("Home"), "/"), (tag.name, request.path)]
    return _listing(
        request,
        "newsroom/topic_page.html",
        [f"topic-{tag.pk}"],
        articles=listings.topic_articles(tag),
        title=tag.name,
        description=description,
        crumbs=crumbs,
        tag=tag,
        topic_description=description,
    )


def archive_page(request, year, month=None, day=None):
    period = listings.archive_period(year, month, day)
    previous, following = listings.archive_neighbours(period)
    crumbs = [(_("Home"), "/"), *_archive_crumbs(period)]
    title = _("Archive: %(period)s") % {"period": _archive_label(period)}
    tags = [
        "archive",
        listings.archive_tags(period.start)[("year", "month", "day").index(period.kind)],
    ]
    return _listing(
        request,
        "newsroom/archive_page.html",
        tags,
        articles=listings.archive_articles(period),
        title=title,
        crumbs=crumbs,
        period=period,
        previous=_link(previous),
        following=_link(following),
    )


def _archive_label(period):
    day = period.first_day
    fmt = {"year": "Y", "month": "YEAR_MONTH_FORMAT", "day": "DATE_FORMAT"}[period.kind]
    return formats.date_format(day, fmt)


def _archive_crumbs(period):
    """Archive 2026 › December 2026 › December 2, 2026, as far down as the period goes."""
    kinds = ("year", "month", "day")[: ("year", "month", "day").index(period.kind) + 1]
    parts = [
        listings.archive_period(*_numbers(period.first_day)[: n + 1]) for n in range(len(kinds))
    ]
    return [(_archive_label(p), listings.archive_path(p)) for p in parts]


def _numbers(day):
    return (day.year, day.month, day.day)


def _link(period):
    return (_archive_label(period), listings.archive_path(period)) if period else None


def search_page(request):
    """/search/?q=…: the form alone when nothing was asked; a bad value is a 400 page that says what was wrong."""
    from .search import article_search
    from .search_input import search_input

    found = search_input(request.GET)
    context = {
        "found": found,
        "chips": search_chips(request.GET, found),
        "sections": search_sections(),
    }
    if found.errors:
        return TemplateResponse(request, "newsroom/search_page.html", context, status=400)
    if found.q:
        context.update(article_search(found=found))
        context.update(search_page_links(request.GET, context["page_obj"]))
    return TemplateResponse(request, "newsroom/search_page.html", context)


def search_page_links(params, page_obj):
    """Newer/older links that keep the query and filters."""

    def link(number):
        rest = params.copy()
        rest["page"] = str(number)
        return "?" + rest.urlencode()

    if page_obj is None:
        return {}
    return {
        "prev_url": link(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": link(page_obj.next_page_number()) if page_obj.has_next() else "",
    }


def search_sections():
    """Every published section, indented by depth, for the form's section choice: remembered in the
    process per newsroom generation (a publish, unpublish, move or privacy change starts a new one)."""
    from .freshness import generation, remembered

    return remembered(("search-sections", generation()), _published_sections)


def _published_sections():
    from .models import SectionPage

    return [(s.pk, s.title, s.depth) for s in SectionPage.objects.published().order_by("path")]


def search_chips(params, found):
    """The active filters as (label, URL without that filter) pairs: each chip removes itself."""
    from django.utils.translation import gettext as _

    labels = {
        "section": found.section and _("Section: %s") % found.section.title,
        "author": found.author and _("Author: %s") % found.author.name,
        "tag": found.tag and _("Topic: %s") % found.tag.name,
        "from": found.date_from and _("From %s") % found.date_from.isoformat(),
        "to": found.date_to and _("To %s") % found.date_to.isoformat(),
    }
    chips = []
    for name, label in labels.items():
        if label:
            rest = params.copy()
            rest.pop(name, None)
            rest.pop("page", None)
            chips.append((label, "?" + rest.urlencode()))
    return chips


def published_corrections():
    """Every correction, clarification and editor's note on a published article, newest first."""
    articles = ArticlePage.objects.published().values("pk")
    return (
        ArticleCorrection.objects.filter(page__in=articles)
        .select_related("page")
        .order_by("-published_at", "-pk")
    )


def corrections_page(request):
    page_obj = listings.paginate(
        published_corrections(), request.GET.get("page"), settings.NEWSROOM_CORRECTIONS_PAGE_SIZE
    )
    context = {
        "corrections": page_obj.object_list,
        "page_obj": page_obj,
        "canonical_url": absolute_url(request.path),
    }
    return TemplateResponse(request, "newsroom/corrections_page.html", context)
