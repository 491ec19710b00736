"""503, not 500, while PostgreSQL or Redis cannot be reached (a restart, a failover).

Django turns every uncaught exception into its 500 view, inside whichever middleware or view raised it;
this is that view (urls.handler500). It runs inside the `except` block, so it can see what failed: a
database that cannot be reached (psycopg's OperationalError/InterfaceError, the pool's timeout) or
Redis (when the comment rate limits cannot count) is a 503 with Retry-After, JSON under /api/ like
every other API error, a short page elsewhere. Any other exception stays a 500. Workers need no restart:
the pool replaces broken connections by itself.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 5


def _unavailable_errors():
    errors = [OperationalError, InterfaceError]
    try:
        from psycopg_pool import PoolTimeout

        errors.append(PoolTimeout)
    except ImportError:
        pass
    try:
        import redis

        errors += [redis.exceptions.ConnectionError, redis.exceptions.TimeoutError]
    except ImportError:
        pass
    return tuple(errors)


UNAVAILABLE = _unavailable_errors()


def is_unavailable(error):
    """The error, or one it was raised from, says a service is down rather than the code being wrong."""
    while error is not None:
        if isinstance(error, UNAVAILABLE):
            return True
        error = error.__cause__ or error.__context__
    return False


def server_error_view(request, *args, **kwargs):
    if not is_unavailable(sys.exc_info()[1]):
        return server_error(request, *args, **kwargs)
    message = _("The service is briefly unavailable. Please try again in a moment.")
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS), "Cache-Control": "no-store"}
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": message, "code": "unavailable"}, status=503, headers=headers)
    return HttpResponse(
        message, status=503, content_type="text/plain; charset=utf-8", headers=headers
    )
