"""RSS and Atom feeds: the latest published articles site-wide, per section (subsections included), per
author and per topic. Every item carries its authors, publication and update times, categories and lead
photo (media:content with caption and credit). Each reply names its page-cache tags (Surrogate-Key), so a
publish retires only the feeds the article is in (purge.py).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, rfc3339_date
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from .canonical import absolute_url
from .fronts import article_cards
from .listings import author_articles, topic_articles
from .models import ArticleByline, Author, HomePage, SectionPage
from .views import published_corrections

MEDIA_NS = "http://search.yahoo.com/mrss/"
DCTERMS_NS = "http://purl.org/dc/terms/"


class _MediaElements:
    """The lead photo as media:content (Media RSS), in RSS and Atom alike."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("lead_image")
        if image:
            handler.startElement("media:content", image["attrs"])
            if image["caption"]:
                handler.addQuickElement("media:description", image["caption"])
            if image["credit"]:
                handler.addQuickElement("media:credit", image["credit"])
            handler.endElement("media:content")


class MediaRssFeed(_MediaElements, Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NS, "xmlns:dcterms": DCTERMS_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get(
            "updateddate"
        ):  # RSS 2.0 has no element for it; feed readers know Dublin Core's
            handler.addQuickElement("dcterms:modified", rfc3339_date(item["updateddate"]))


class MediaAtomFeed(_MediaElements, Atom1Feed):
    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NS}


class LatestArticlesFeed(Feed):
    feed_type = MediaRssFeed
    title = _("Broadsheet: latest news")
    description = _("The latest articles from Broadsheet")

    def link(self):
        return absolute_url("/")

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        response["Surrogate-Key"] = " ".join(["feeds", *request.feed_cache_tags])
        return response

    def cache_tags(self, obj):
        return ["feed-latest"]

    def get_feed(self, obj, request):
        request.feed_cache_tags = self.cache_tags(obj)
        feed = super().get_feed(obj, request)
        # Django would build the feed's own address from the request's Host: use the canonical root.
        feed.feed["feed_url"] = absolute_url(request.path)
        for item in feed.items:  # media URLs are site-relative: give them the canonical root
            if item.get("lead_image"):
                attrs = item["lead_image"]["attrs"]
                attrs["url"] = absolute_url(attrs["url"])
        return feed

    def articles(self):
        bylines = ArticleByline.objects.select_related("author").order_by("sort_order")
        return article_cards().prefetch_related(
            "tags", "corrections", Prefetch("bylines", queryset=bylines)
        )

    def items(self):
        return self.articles()[: settings.NEWSROOM_FEED_ITEMS]

    def item_title(self, item):
        return item.display_headline

    def item_description(self, item):
        return item.standfirst or item.caption

    def item_link(self, item):
        return absolute_url(item.url)

    def item_author_name(self, item):
        return ", ".join(byline.author.name for byline in item.bylines.all()) or None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        """The editor's "Updated" time or a later correction's; else first publication."""
        return item.shown_updated_at or item.first_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]

    def item_extra_kwargs(self, item):
        if not item.lead_image:
            return {}
        rendition = item.lead_image.get_rendition(settings.NEWSROOM_SHARE_IMAGE_FILTER)
        attrs = {
            "url": rendition.url,
            "medium": "image",
            "type": "image/jpeg",
            "width": str(rendition.width),
            "height": str(rendition.height),
        }
        return {"lead_image": {"attrs": attrs, "caption": item.caption, "credit": item.credit}}


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = MediaAtomFeed
    subtitle = LatestArticlesFeed.description


class SectionFeed(LatestArticlesFeed):
    """/feeds/sections/national/politics/ → the Politics section, found by its path under the homepage."""

    def get_object(self, request, section_path):
        home = HomePage.objects.first()
        url_path = f"{home.url_path}{section_path.strip('/')}/" if home else None
        section = SectionPage.objects.published().filter(url_path=url_path).first()
        if section is None:
            raise Http404("No such section")
        return section

    def cache_tags(self, section):
        return [f"page-{section.pk}"]  # retired with the section's front, by every publish below it

    def title(self, section):
        return _("Broadsheet: %(section)s") % {"section": section.title}

    def link(self, section):
        return absolute_url(section.url)

    def description(self, section):
        return _("The latest articles in %(section)s") % {"section": section.title}

    def items(self, section):
        return self.articles().descendant_of(section)[: settings.NEWSROOM_FEED_ITEMS]


class SectionAtomFeed(SectionFeed):
    feed_type = MediaAtomFeed

    def subtitle(self, section):
        return self.description(section)


class AuthorFeed(LatestArticlesFeed):
    """/feeds/authors/<slug>/: everything the author (or agency) is credited with, newest first."""

    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def cache_tags(self, author):
        return [f"author-{author.pk}"]

    def title(self, author):
        return _("Broadsheet: %(author)s") % {"author": author.name}

    def link(self, author):
        return absolute_url(author.get_absolute_url())

    def description(self, author):
        return _("The latest articles by %(author)s") % {"author": author.name}

    def items(self, author):
        return self.articles().filter(pk__in=author_articles(author).values("pk"))[
            : settings.NEWSROOM_FEED_ITEMS
        ]


class AuthorAtomFeed(AuthorFeed):
    feed_type = MediaAtomFeed

    def subtitle(self, author):
        return self.description(author)


class TopicFeed(LatestArticlesFeed):
    """/feeds/tags/<slug>/: the topic's articles, newest first."""

    def get_object(self, request, slug):
        return get_object_or_404(Tag, slug=slug)

    def cache_tags(self, tag):
        return [f"topic-{tag.pk}"]

    def title(self, tag):
        return _("Broadsheet: %(topic)s") % {"topic": tag.name}

    def link(self, tag):
        return absolute_url(f"/tags/{tag.slug}/")

    def description(self, tag):
        return _("The latest articles on %(topic)s") % {"topic": tag.name}

    def items(self, tag):
        return self.articles().filter(pk__in=topic_articles(tag).values("pk"))[
            : settings.NEWSROOM_FEED_ITEMS
        ]


class TopicAtomFeed(TopicFeed):
    feed_type = MediaAtomFeed

    def subtitle(self, tag):
        return self.description(tag)


class CorrectionsFeed(Feed):
    """/corrections/feed/: the latest corrections, each linking to its place on the article."""

    title = _("Broadsheet: corrections and clarifications")
    description = _(
        "Corrections, clarifications and editor's notes on Broadsheet articles, newest first"
    )

    def link(self):
        return absolute_url("/corrections/")

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute_url(request.path)
        return feed

    def items(self):
        return published_corrections()[: settings.NEWSROOM_FEED_ITEMS]

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.page.display_headline}"

    def item_description(self, item):
        return escape(
            item.text
        )  # RSS readers take a description as HTML; a correction is plain text

    def item_link(self, item):
        return absolute_url(f"{item.page.url}#correction-{item.pk}")

    def item_pubdate(self, item):
        return item.published_at
