"""Topic, author and date-archive pages: the published articles that share a tag, a byline or a day.

Each listing is a fixed number of queries however many articles it shows (pinned in
tests/test_listings.py): the page count (kept per newsroom generation), one page of cards with their
photos, and for archives the neighbouring days that have stories, each an indexed query on the
publication date.
"""

import datetime
from typing import NamedTuple

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.utils import timezone

from .freshness import generation, remembered
from .fronts import CountedPaginator, article_cards, page_number
from .models import ArticleByline, ArticlePage


def paginate(articles, raw_page, size=None, count_key=None):
    """One page of `articles`; with a count_key the count is kept per newsroom generation (freshness.py:
    any publish or unpublish starts a new one) instead of counted on every request."""
    size = size or settings.NEWSROOM_SECTION_PAGE_SIZE
    if count_key is None:
        paginator = Paginator(articles, size)
    else:
        paginator = CountedPaginator(
            articles, size, remembered((*count_key, generation()), articles.count)
        )
    try:
        return paginator.page(page_number(raw_page))
    except InvalidPage as exc:
        raise Http404("No such page") from exc


def topic_articles(tag):
    return article_cards().filter(tagged_items__tag=tag)


def author_articles(author):
    return article_cards().filter(
        pk__in=ArticleByline.objects.filter(author=author).values("page_id")
    )


class Period(NamedTuple):
    """A day, month or year of the archive in the newsroom's time zone: [start, end)."""

    start: datetime.datetime
    end: datetime.datetime
    kind: str  # "day", "month" or "year"

    @property
    def first_day(self):
        return timezone.localtime(self.start).date()


def archive_period(year, month=None, day=None):
    """The period named by the URL's numbers; a date that does not exist (2019-02-30) is a 404."""
    if not 1 < int(year) < 9999:  # the first and last years cannot be turned into UTC for the query
        raise Http404("No such date")
    try:
        first = datetime.date(int(year), int(month or 1), int(day or 1))
        if day:
            after, kind = first + datetime.timedelta(days=1), "day"
        elif month:
            after, kind = (
                (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1),
                "month",
            )
        else:
            after, kind = first.replace(year=first.year + 1), "year"
    except (ValueError, OverflowError) as exc:
        raise Http404("No such date") from exc
    return Period(_local_midnight(first), _local_midnight(after), kind)


def _local_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def archive_articles(period):
    return article_cards().filter(
        first_published_at__gte=period.start, first_published_at__lt=period.end
    )


def archive_neighbours(period):
    """The nearest earlier and later period of the same kind that has stories (or None): one indexed query
    each, once per newsroom generation (only a publish, an unpublish or a privacy change moves them)."""
    key = ("archive-neighbours", period.start, period.kind, generation())
    return remembered(key, lambda: _neighbours(period))


def _neighbours(period):
    published = ArticlePage.objects.published()
    before = published.filter(first_published_at__lt=period.start).order_by("-first_published_at")
    after = published.filter(first_published_at__gte=period.end).order_by("first_published_at")
    found = [qs.values_list("first_published_at", flat=True).first() for qs in (before, after)]
    return [archive_period(*_parts(moment, period.kind)) if moment else None for moment in found]


def _parts(moment, kind):
    day = timezone.localtime(moment).date()
    return {
        "year": (day.year,),
        "month": (day.year, day.month),
        "day": (day.year, day.month, day.day),
    }[kind]


def archive_path(period):
    day = period.first_day
    if period.kind == "year":
        return f"/archive/{day:%Y}/"
    if period.kind == "month":
        return f"/archive/{day:%Y/%m}/"
    return f"/archive/{day:%Y/%m/%d}/"


def archive_tags(moment):
    """The archive pages an article published at `moment` appears on (its day, month and year)."""
    day = timezone.localtime(moment).date()
    return [f"archive-{day:%Y}", f"archive-{day:%Y-%m}", f"archive-{day:%Y-%m-%d}"]
