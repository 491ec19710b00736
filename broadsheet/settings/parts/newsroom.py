"""Settings for newsroom: plain values (base.py imports them; this module imports nothing of settings)."""

import os

NEWSROOM_SECTION_PAGE_SIZE = 12  # articles per page of a section front
NEWSROOM_SEARCH_PAGE_SIZE = 10  # results per page of /search/ and /api/search
NEWSROOM_SEARCH_MAX_RESULTS = (
    1000  # PostgreSQL: results counted and ranked at most (newest matches); more shows "1,000+"
)
NEWSROOM_HOME_PER_SECTION = 4  # latest articles per top-level section on the homepage
NEWSROOM_RELATED_LIMIT = 4  # related articles under an article
NEWSROOM_NAV_CACHE_SECONDS = 600  # header navigation; cleared on publish/move anyway
NEWSROOM_FEED_ITEMS = 20
NEWSROOM_SITEMAP_FILE_URLS = 50_000  # URLs per sitemap file (the sitemaps.org limit)
NEWSROOM_SHARE_IMAGE_FILTER = "fill-1200x675|format-jpeg"  # Open Graph / JSON-LD image
NEWSROOM_LOGO = "img/logo.png"  # publisher logo in JSON-LD (static path)
NEWSROOM_CORRECTIONS_PAGE_SIZE = 20  # entries per page of /corrections/

# The root of every absolute URL the site prints (canonical, og:url, JSON-LD, feeds, sitemap), e.g.
# https://news.example.org; empty: the default Wagtail Site's root_url. Never the request's Host.
BROADSHEET_CANONICAL_URL = os.environ.get("BROADSHEET_CANONICAL_URL", "").strip()

# The admin would load avatars from gravatar.com, which the closed network and the CSP both refuse.
WAGTAIL_GRAVATAR_PROVIDER_URL = None


# Reader search (newsroom/search.py) goes through Wagtail's search backend. The default is the database
# backend: PostgreSQL full-text search with English stemming, or SQLite FTS5 (Porter stemming, see
# migration 0002_search_stemming). A larger newsroom switches to Elasticsearch or OpenSearch with
# configuration only: SEARCH_BACKEND=elasticsearch8 (7, 9; opensearch2, opensearch3), SEARCH_URL of the
# cluster, optional SEARCH_INDEX, then `manage.py update_index` (needs that backend's client package).
def search_backends(env):
    backend = env.get("SEARCH_BACKEND", "database")
    if backend == "database":
        # 'english' named outright: PostgreSQL's default_text_search_config follows the server's locale.
        return {
            "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
        }
    return {
        "default": {
            "BACKEND": f"wagtail.search.backends.{backend}",
            "URLS": [env["SEARCH_URL"]],
            "INDEX": env.get("SEARCH_INDEX", "broadsheet"),
            "TIMEOUT": 5,
        }
    }


WAGTAILSEARCH_BACKENDS = search_backends(os.environ)
