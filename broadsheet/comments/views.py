"""The no-JavaScript comments page (/comments/<key>/) and the public transparency page.

These pages carry per-reader data, so they are never cached; the article page itself stays cacheable
and gets everything per-reader from the API.
"""

import uuid

from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import listing, moderation, policy, services
from .adapter import get_adapter
from .app_settings import app_settings
from .errors import CommentError
from .forms import AppealForm, CommentForm, DeleteForm, ReportForm, VoteForm
from .models import Comment
from .numbers import whole_number
from .threads import thread_lookup

KEY_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-")


def _thread_or_404(request, key):
    thread = (
        thread_lookup(key, request=request)
        if key and set(key) <= KEY_CHARS and len(key) <= 200
        else None
    )
    if thread is None:
        raise Http404
    return thread


def _back(key, request=None, anchor=""):
    url = reverse("comments:thread", args=[key])
    sort = request.GET.get("sort") if request else None
    return HttpResponseRedirect(url + (f"?sort={sort}" if sort in listing.SORTS else "") + anchor)


@never_cache
def thread_page(request, key, form=None, status=200):
    thread = _thread_or_404(request, key)
    sort = request.GET.get("sort", "newest")
    sort = sort if sort in listing.SORTS else "newest"
    focus = _focus(request, thread)
    try:
        page = listing.thread_page(
            thread=thread, viewer=request.user, sort=sort, cursor=request.GET.get("cursor")
        )
    except CommentError:
        page = listing.thread_page(thread=thread, viewer=request.user, sort=sort)
    if focus is not None:
        page = focus
    user = request.user if request.user.is_authenticated else None
    context = {
        "thread": thread,
        "page": page,
        "sort": sort,
        "sorts": [("newest", _("Newest")), ("oldest", _("Oldest")), ("liked", _("Most liked"))],
        "form": form or CommentForm(initial={"idempotency_key": uuid.uuid4().hex}),
        "report_form": ReportForm(),
        "appeal_form": AppealForm(),
        "sanction": services.active_sanction(user) if user else None,
        "login_url": get_adapter().login_url(request, request.path),
        "clauses": policy.clauses(),
        "policy_page": policy.policy_page(),
        "max_length": app_settings.MAX_LENGTH,
        "api_base": app_settings.API_BASE,
    }
    return render(request, "comments/thread_page.html", context, status=status)


def _focus(request, thread):
    """?parent=<id>: one comment with all its replies, a page at a time (the no-JS "more replies")."""
    parent_id = whole_number(request.GET.get("parent", ""))
    if parent_id is None:
        return None
    parent = (
        Comment.objects.shown_to(request.user)
        .filter(pk=parent_id, thread=thread, parent__isnull=True)
        .first()
    )
    if parent is None:
        raise Http404
    try:
        replies = listing.replies_page(
            parent=parent, viewer=request.user, cursor=request.GET.get("rcursor")
        )
    except CommentError:
        replies = listing.replies_page(parent=parent, viewer=request.user)
    item = listing.Serializer(request.user, {}).comment(parent)
    item.update(replies=replies["comments"], replies_cursor=replies["next_cursor"], focus=True)
    return {"comments": [item], "next_cursor": None}


def _refusal(request, error):
    messages.error(request, error.message)


@require_POST
def comment_post(request, key):
    _thread_or_404(request, key)
    form = CommentForm(request.POST)
    if not form.is_valid():
        return thread_page(request, key, form=form, status=400)
    try:
        comment = services.comment_create(
            thread_key=key,
            author=request.user,
            body=form.cleaned_data["body"],
            parent_id=form.cleaned_data["parent_id"],
            idempotency_key=form.cleaned_data["idempotency_key"] or None,
            ip=get_adapter().client_ip(request),
            notify_replies=form.cleaned_data["notify_replies"],
        )
    except CommentError as error:
        form.add_error("body", error.message)
        return thread_page(request, key, form=form, status=error.status)
    if comment.status == "pending":
        messages.info(
            request, _("Thank you. Your comment will appear after a moderator has read it.")
        )
    else:
        messages.success(request, _("Your comment is published."))
    return _back(key, anchor=f"#c{comment.pk}")


def _comment_action(request, key, comment_id, form_class, act, done):
    _thread_or_404(request, key)
    comment = (
        Comment.objects.filter(pk=comment_id, thread__key=key).select_related("thread").first()
    )
    if comment is None:
        raise Http404
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check the form and try again."))
        return _back(key, request)
    try:
        act(comment, form.cleaned_data)
    except CommentError as error:
        _refusal(request, error)
    else:
        messages.success(request, done)
    return _back(key, request, anchor=f"#c{comment_id}")


@require_POST
def comment_report(request, key, comment_id):
    def act(comment, data):
        services.comment_report(
            comment=comment,
            reporter=request.user,
            clause=policy.clause_by_number(data["clause"]),
            note=data["note"],
        )

    return _comment_action(
        request,
        key,
        comment_id,
        ReportForm,
        act,
        _("Thank you. A moderator will look at your report."),
    )


@require_POST
def comment_vote(request, key, comment_id):
    def act(comment, data):
        services.comment_vote(comment=comment, user=request.user, value=data["value"])

    return _comment_action(request, key, comment_id, VoteForm, act, _("Your vote is counted."))


@require_POST
def comment_appeal(request, key, comment_id):
    def act(comment, data):
        services.comment_appeal(comment=comment, author=request.user, text=data["text"])

    return _comment_action(
        request, key, comment_id, AppealForm, act, _("Your appeal has been sent to the moderators.")
    )


@require_POST
def comment_delete(request, key, comment_id):
    def act(comment, data):
        services.comment_delete(comment=comment, user=request.user)

    return _comment_action(request, key, comment_id, DeleteForm, act, _("Your comment is deleted."))


def transparency(request):
    titles = {c.number: c.title for c in policy.clauses()}
    rows = moderation.removals_by_clause_and_month()
    months = {}
    for row in rows:
        months.setdefault(row["month"], []).append({**row, "title": titles.get(row["clause"], "")})
    return render(
        request,
        "comments/transparency.html",
        {
            "months": months.items(),
            "clauses": policy.clauses(),
            "policy_page": policy.policy_page(),
        },
    )


@never_cache
def unsubscribe(request, token):
    """The link in a reply email: a page with the choice (GET never changes anything), then a POST."""
    comment = services.comment_for_unsubscribe(token) if len(token) <= 300 else None
    if comment is None:
        return render(request, "comments/unsubscribe.html", {"invalid": True}, status=404)
    if request.method == "POST":
        everywhere = request.POST.get("scope") == "all"
        services.replies_unsubscribe(comment=comment, everywhere=everywhere)
        return render(
            request,
            "comments/unsubscribe.html",
            {"done": True, "everywhere": everywhere, "comment": comment},
        )
    return render(request, "comments/unsubscribe.html", {"comment": comment})
