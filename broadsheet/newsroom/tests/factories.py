"""Factories that build real pages in the real page tree (wagtail-factories adds them with add_child)."""

import datetime

import factory
import wagtail_factories
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from ..models import (
    ArticleByline,
    ArticlePage,
    Author,
    AuthorKind,
    HomePage,
    NewsImage,
    RelatedArticle,
    SectionPage,
)
from ..navigation import section_nav_clear
from ..services import homepage_install


class NewsImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = NewsImage

    title = factory.Sequence(lambda n: f"Photo {n}")
    default_alt_text = "Commuters cross a wide street in central Seoul"
    default_caption = "Commuters cross Sejong-daero in central Seoul on a cold morning."
    credit = "NEWSWIRE"
    file = factory.django.ImageField(width=1600, height=900, color="steelblue")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Reporter {n}")
    role = "Staff reporter"
    kind = AuthorKind.STAFF


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Broadsheet"
    slug = "home"


class SectionPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    slug = factory.LazyAttribute(lambda o: o.title.lower().replace(" ", "-"))


def paragraphs(*texts):
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"City council approves new night bus routes {n}")
    slug = factory.Sequence(lambda n: f"article-{n}")
    headline = factory.LazyAttribute(lambda o: o.title)
    kicker = "Transport"
    standfirst = "Four routes will run until 4 a.m. from March."
    dateline = "SEOUL"
    first_published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=3))
    lead_image = factory.SubFactory(NewsImageFactory)
    body = factory.LazyFunction(
        lambda: paragraphs(
            "The Seoul city council on Tuesday approved four late-night bus routes.",
            "Officials said the routes would serve districts with many shift workers.",
        )
    )


def tree_root():
    """Wagtail's migrations make the locale and the tree's root; a flushed database (transactional tests) lacks them."""
    if Page.get_first_root_node() is None:
        ContentType.objects.clear_cache()  # a flush re-creates content types under new ids (PostgreSQL)
        Locale.objects.get_or_create(language_code="en")
        Page.add_root(
            instance=Page(
                title="Root", slug="root", content_type=ContentType.objects.get_for_model(Page)
            )
        )


def home_site():
    """The real install path: a HomePage as the default site's root, replacing Wagtail's welcome page."""
    tree_root()
    section_nav_clear()  # the header navigation may be cached from another test's tree
    return homepage_install()


def add_bylines(article, authors):
    for author in authors:
        ArticleByline.objects.create(page=article, author=author)


def add_related(article, others):
    for other in others:
        RelatedArticle.objects.create(page=article, article=other)
