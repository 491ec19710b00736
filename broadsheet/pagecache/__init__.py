"""Broadsheet's page cache: whole anonymous pages served at the ASGI door, purged by dependency tags.

See README "Page cache" and asgi.py for the design in one place; app_settings.py for its settings. A
site's own purge rules call `purge_tags()` (the public API) from the functions PAGECACHE_PURGE_RULES names.
"""

from .purge import purge_tags

__all__ = ["purge_tags"]
