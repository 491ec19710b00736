from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "broadsheet.pagecache"
    label = "pagecache"
    verbose_name = "Page cache"

    def ready(self):
        # Purges follow the page tree: publish, unpublish, delete, move, image changes.
        from . import signal_handlers

        signal_handlers.connect()
