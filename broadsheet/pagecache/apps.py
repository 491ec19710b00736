from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "broadsheet.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        from django.utils.module_loading import import_string

        from . import signal_handlers
        from .app_settings import app_settings

        # Purges follow the page tree: publish, unpublish, delete, move, image changes.
        signal_handlers.connect()
        # Then the site's own rules (what else its pages and API replies show).
        for dotted in app_settings.PURGE_RULES:
            import_string(dotted)()
