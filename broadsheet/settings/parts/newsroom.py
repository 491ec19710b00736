"""Settings for newsroom (owned by that area; base.py imports it last)."""

NEWSROOM_SECTION_PAGE_SIZE = 12  # articles per page of a section front
NEWSROOM_HOME_PER_SECTION = 4  # latest articles per top-level section on the homepage
NEWSROOM_RELATED_LIMIT = 4  # related articles under an article
NEWSROOM_NAV_CACHE_SECONDS = 600  # header navigation; cleared on publish/move anyway
NEWSROOM_FEED_CACHE_SECONDS = 300
NEWSROOM_FEED_ITEMS = 20
NEWSROOM_SITEMAP_CACHE_SECONDS = 900
NEWSROOM_SHARE_IMAGE_FILTER = "fill-1200x675|format-jpeg"  # Open Graph / JSON-LD image
NEWSROOM_LOGO = "img/logo.png"  # publisher logo in JSON-LD (static path)

import os  # noqa: E402

# The root of every absolute URL the site prints (canonical, og:url, JSON-LD, feeds, sitemap), e.g.
# https://news.example.org; empty: the default Wagtail Site's root_url. Never the request's Host.
BROADSHEET_CANONICAL_URL = os.environ.get("BROADSHEET_CANONICAL_URL", "").strip()

# The admin would load avatars from gravatar.com, which the closed network and the CSP both refuse.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# The request's Wagtail site and its homepage, remembered per newsroom generation (newsroom/middleware.py).
from ..base import MIDDLEWARE  # noqa: E402

if "broadsheet.newsroom.middleware.RememberedSiteMiddleware" not in MIDDLEWARE:
    MIDDLEWARE.append("broadsheet.newsroom.middleware.RememberedSiteMiddleware")
