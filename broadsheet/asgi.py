"""The ASGI entry point: Broadsheet's page cache in front of Django (see broadsheet/pagecache/asgi.py)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.production")
django.setup(set_prefix=False)

from broadsheet.handler import SyncChainASGIHandler  # noqa: E402  (needs Django set up first)
from broadsheet.pagecache.asgi import PageCacheMiddleware  # noqa: E402
from broadsheet.pagecache.worker import worker_warm_up  # noqa: E402

django_application = SyncChainASGIHandler()
worker_warm_up()  # each uvicorn worker imports this module once
application = PageCacheMiddleware(django_application)
