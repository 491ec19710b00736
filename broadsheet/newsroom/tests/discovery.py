"""A small archive for the discovery tests: stories over several days, two reporters and an agency, topics."""

import datetime

from django.utils import timezone

from .factories import ArticlePageFactory, AuthorFactory, add_bylines


def seoul(*args):
    return timezone.make_aware(datetime.datetime(*args), timezone.get_default_timezone())


def story(parent, title, published, *, authors=(), tags=(), **fields):
    article = ArticlePageFactory(parent=parent, title=title, first_published_at=published, **fields)
    add_bylines(article, authors)
    if tags:
        article.tags.add(*tags)
    article.save_revision().publish()
    # publish() stamps first_published_at only when empty; keep the story's own date as the record
    type(article).objects.filter(pk=article.pk).update(first_published_at=published)
    article.refresh_from_db()
    return article


def build_archive(politics):
    reporter = AuthorFactory(
        name="Min-ji Park", role="Political correspondent", bio="Covers the National Assembly."
    )
    agency = AuthorFactory(name="Harbour Wire", kind="agency", role="")
    stories = {
        "budget": story(
            politics,
            "Assembly passes a leaner budget",
            seoul(2026, 3, 2, 9),
            authors=[reporter],
            tags=["budget", "assembly"],
        ),
        "vote": story(
            politics,
            "Opposition delays a vote on pensions",
            seoul(2026, 3, 2, 18),
            authors=[reporter, agency],
            tags=["pensions"],
        ),
        "ferry": story(
            politics,
            "Ferry strike ends after two days",
            seoul(2026, 3, 5, 7),
            authors=[agency],
            tags=["budget"],
        ),
        "late": story(
            politics,
            "Night session runs past midnight",
            seoul(2026, 4, 1, 23, 30),
            authors=[reporter],
        ),
    }
    return {"reporter": reporter, "agency": agency, **stories}
