"""The ASGI entry point: Broadsheet's page cache in front of Django (see broadsheet/pagecache/asgi.py)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings.production")
django_application = get_asgi_application()

from broadsheet.pagecache.asgi import PageCacheMiddleware  # noqa: E402  (needs Django set up first)
from broadsheet.pagecache.worker import worker_warm_up  # noqa: E402

worker_warm_up()  # each uvicorn worker imports this module once
application = PageCacheMiddleware(django_application)
