"""Every absolute URL the site prints (canonical, og:url, JSON-LD, share links, feeds, sitemap) starts
from one configured root, never from the request's Host header: pages are cached and shared by every
reader, so one request with `Host: allowed-host:6666` must not put port 6666 in everyone's links.

The root is BROADSHEET_CANONICAL_URL when set, else the default Wagtail Site's root_url
(Settings → Sites in the admin).
"""

from django.conf import settings


def canonical_root():
    configured = getattr(settings, "BROADSHEET_CANONICAL_URL", "")
    if configured:
        return configured.rstrip("/")
    from .freshness import generation, remembered

    # A Site's address changes as rarely as the tree; the generation retires it with everything else.
    return remembered(("canonical-root", generation()), _site_root)


def _site_root():
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url.rstrip("/") if site else ""


def absolute_url(path):
    """The address of a path on this site as readers everywhere should see it."""
    if path.startswith(("http://", "https://")):
        return path
    return f"{canonical_root()}{path}"
