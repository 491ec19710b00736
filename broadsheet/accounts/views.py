"""The demo sign-in page (dev and test only: 404 unless settings.BROADSHEET_DEMO_LOGIN), and the sign-in buttons."""

from django.conf import settings
from django.contrib.auth import login
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .demo_login import demo_reader_get_or_create, may_enter_without_password
from .forms import DemoSignInForm
from .providers import login_providers


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or "/"
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else "/"


@require_http_methods(["GET", "POST"])
def demo_sign_in(request):
    if not getattr(settings, "BROADSHEET_DEMO_LOGIN", False):
        raise Http404("The demo sign-in is switched off.")
    form = DemoSignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = demo_reader_get_or_create(display_name=form.cleaned_data["display_name"])
        if not may_enter_without_password(user):
            return HttpResponseForbidden(_("This account cannot use the demo sign-in."))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return redirect(_safe_next(request))
    status = 400 if request.method == "POST" else 200
    context = {
        "form": form,
        "next": _safe_next(request),
        "suggestions": DemoSignInForm.suggestions(),
    }
    return render(request, "accounts/demo_login.html", context, status=status)


@require_http_methods(["GET"])
def provider_list(request):
    """The sign-in buttons as JSON for the comments region; the same for every reader, so it may be cached."""
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts=None
    ):  # a path on this site only
        next_url = ""
    # The language named in the URL, when it is one of ours: the URL alone decides the answer, so any
    # cache in between (the browser's, the page cache) can keep it.
    lang = request.GET.get("lang", "")
    if lang not in dict(settings.LANGUAGES):
        lang = translation.get_language()
    with translation.override(lang):
        response = JsonResponse({"providers": login_providers(request, next_url=next_url)})
    response["Cache-Control"] = "public, max-age=300"
    return response
