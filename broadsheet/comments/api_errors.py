"""The comments app's errors in the API's shape: ``{"detail": "<sentence>", "code": "<code>"}`` with the
status of errors.py.

The site calls ``install(api)`` on its NinjaAPI. It answers only the app's own CommentError: ninja's and
Django's request errors (validation, CSRF, unparsable bodies...) belong to the whole API, so the site's
API gives them its own handlers (Broadsheet's: ``broadsheet/api_errors.py``, in the same shape).
"""

from .errors import CommentError


def install(api):
    @api.exception_handler(CommentError)
    def comment_error(request, exc):
        body = {"detail": exc.message, "code": exc.code}
        return api.create_response(request, body, status=exc.status)
