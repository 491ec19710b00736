"""The ASGI entry point: Broadsheet's page cache in front of Django (see broadsheet/pagecache/asgi.py)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.production")
django.setup(set_prefix=False)

from django.conf import settings  # noqa: E402

from broadsheet.handler import SyncChainASGIHandler, bound_malloc_arenas  # noqa: E402
from broadsheet.pagecache.asgi import PageCacheMiddleware  # noqa: E402
from broadsheet.pagecache.worker import worker_warm_up  # noqa: E402

bound_malloc_arenas(settings.BROADSHEET_MALLOC_ARENAS)  # before the worker's threads start
django_application = SyncChainASGIHandler()
worker_warm_up()  # each uvicorn worker imports this module once
application = PageCacheMiddleware(django_application)
