"""Author, topic and date-archive pages. (Sections and articles are Wagtail pages; see models/pages.py.)

Each reply names its own page-cache tags (Surrogate-Key), so publishing an article retires exactly the
listings it appears on (purge.py).
"""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.translation import gettext as _
from taggit.models import Tag

from . import listings
from .models import Author
from .seo import listing_meta


def _listing(request, template, tags, *, articles, title, description="", crumbs=None, **context):
    page_obj = listings.paginate(articles, request.GET.get("page"))
    meta = listing_meta(request, title=title, description=description, crumbs=crumbs, page_number=page_obj.number)
    context = {**context, **meta, "articles": page_obj.object_list, "page_obj": page_obj, "breadcrumbs": crumbs}
    response = TemplateResponse(request, template, context)
    response["Surrogate-Key"] = " ".join(tags)
    return response


def author_page(request, slug):
    author = get_object_or_404(Author.objects.select_related("photo").prefetch_related("links"), slug=slug)
    return _listing(
        request, "newsroom/author_page.html", [f"author-{author.pk}"],
        articles=listings.author_articles(author), title=author.name, description=author.role, author=author,
    )


def topic_page(request, slug):
    tag = get_object_or_404(Tag.objects.select_related("topic"), slug=slug)
    topic = getattr(tag, "topic", None)
    description = topic.description if topic else ""
    crumbs = [(_("Home"), "/"), (tag.name, request.path)]
    return _listing(
        request, "newsroom/topic_page.html", [f"topic-{tag.pk}"],
        articles=listings.topic_articles(tag), title=tag.name, description=description, crumbs=crumbs,
        tag=tag, topic_description=description,
    )


def archive_page(request, year, month=None, day=None):
    period = listings.archive_period(year, month, day)
    previous, following = listings.archive_neighbours(period)
    crumbs = [(_("Home"), "/"), *_archive_crumbs(period)]
    title = _("Archive: %(period)s") % {"period": _archive_label(period)}
    tags = ["archive", listings.archive_tags(period.start)[("year", "month", "day").index(period.kind)]]
    return _listing(
        request, "newsroom/archive_page.html", tags,
        articles=listings.archive_articles(period), title=title, crumbs=crumbs, period=period,
        previous=_link(previous), following=_link(following),
    )


def _archive_label(period):
    day = period.first_day
    fmt = {"year": "Y", "month": "YEAR_MONTH_FORMAT", "day": "DATE_FORMAT"}[period.kind]
    return formats.date_format(day, fmt)


def _archive_crumbs(period):
    """Archive 2026 › December 2026 › December 2, 2026, as far down as the period goes."""
    kinds = ("year", "month", "day")[: ("year", "month", "day").index(period.kind) + 1]
    parts = [listings.archive_period(*_numbers(period.first_day)[: n + 1]) for n in range(len(kinds))]
    return [(_archive_label(p), listings.archive_path(p)) for p in parts]


def _numbers(day):
    return (day.year, day.month, day.day)


def _link(period):
    return (_archive_label(period), listings.archive_path(period)) if period else None
