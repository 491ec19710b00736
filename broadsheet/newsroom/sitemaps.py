"""The sitemap lists every published page of the site (the same 'published' as the pages and feeds)."""

from wagtail.contrib.sitemaps import Sitemap

from .querysets import published_pages


class NewsSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        return published_pages().descendant_of(root, inclusive=True).order_by("path").defer_streamfields().specific()
