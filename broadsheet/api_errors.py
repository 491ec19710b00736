"""The site API's one error shape, for every app's router: {"detail": "<sentence>", "code": "<code>"} with
a 4xx status, never an HTML error page.

``broadsheet/api.py`` calls ``install(api)``; each app adds the handler of its own errors (the comments
app's ``comments.api_errors.install(api)`` answers its CommentError in the same shape). Covered here:
ninja's validation errors (422 ``invalid``, with ``errors``), unparsable bodies (400 ``malformed_json``),
failed CSRF (403 ``csrf_failed``), a missing session login (401 ``login_required``), 404s, bodies over
DATA_UPLOAD_MAX_MEMORY_SIZE (413 ``too_large``) and bodies Django cannot parse (400 ``malformed_body`` /
``bad_request``). It knows no app: the stand-alone comments site (tests/standalone_comments) uses it too.
"""

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError

HTTP_CODES = {
    400: "bad_request",
    401: "login_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    429: "rate_limited",
}


def _error(api, request, status, code, detail, **extra):
    return api.create_response(request, {"detail": detail, "code": code, **extra}, status=status)


def _describe_http_error(exc):
    message = str(exc)
    if message.startswith("CSRF"):
        return "csrf_failed", _(
            "Your session has expired or the page is out of date. Reload the page and try again."
        )
    if message.startswith("Cannot parse request body"):
        return "malformed_json", _("The request body is not valid JSON.")
    if isinstance(exc, AuthenticationError):
        return "login_required", _("Sign in to take part in the conversation.")
    return HTTP_CODES.get(exc.status_code, "error"), message


def _field_list(errors):
    fields = [".".join(str(part) for part in e.get("loc", ())[1:]) for e in errors]
    return ", ".join(f for f in fields if f) or "-"


def install(api):
    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        detail = _("Some fields are missing or have the wrong type: %(fields)s.") % {
            "fields": _field_list(exc.errors)
        }
        return _error(api, request, 422, "invalid", detail, errors=exc.errors)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        code, detail = _describe_http_error(exc)
        return _error(api, request, exc.status_code, code, detail)

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return _error(api, request, 404, "not_found", _("Not found."))

    @api.exception_handler(RequestDataTooBig)
    def too_large(request, exc):
        return _error(api, request, 413, "too_large", _("The request is too large."))

    # A body Django cannot parse (a multipart body without its boundary, too many fields...) is the
    # client's mistake: 400, never a 500 or an HTML page.
    @api.exception_handler(MultiPartParserError)
    def unreadable(request, exc):
        return _error(api, request, 400, "malformed_body", _("The request body could not be read."))

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        return _error(api, request, 400, "bad_request", _("The request could not be read."))
