"""RSS and Atom feeds: the latest published articles site-wide and per section (subsections included)."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .canonical import absolute_url
from .models import ArticlePage, HomePage, SectionPage


class LatestArticlesFeed(Feed):
    title = _("Broadsheet: latest news")
    description = _("The latest articles from Broadsheet")
    def get_feed(self, obj, request):
        # Django would build the feed's own address from the request's Host: use the canonical root.
        feed = super().get_feed(obj, request)
        feed.feed["feed_url"] = absolute_url(request.path)
        return feed

    def link(self):
        return absolute_url("/")

    def articles(self):
        return ArticlePage.objects.published().latest_first().prefetch_related("tags")

    def items(self):
        return self.articles()[: settings.NEWSROOM_FEED_ITEMS]

    def item_title(self, item):
        return item.display_headline

    def item_description(self, item):
        return item.standfirst or item.caption

    def item_link(self, item):
        return absolute_url(item.url)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.updated_at if item.shows_updated else item.first_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
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

    def title(self, section):
        return _("Broadsheet: %(section)s") % {"section": section.title}

    def link(self, section):
        return absolute_url(section.url)

    def description(self, section):
        return _("The latest articles in %(section)s") % {"section": section.title}

    def items(self, section):
        return self.articles().descendant_of(section)[: settings.NEWSROOM_FEED_ITEMS]


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed

    def subtitle(self, section):
        return self.description(section)
