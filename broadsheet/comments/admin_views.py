"""The moderation queue inside the Wagtail admin: approve, hide, delete, decide appeals, sanction authors."""

from datetime import timedelta

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import moderation, policy, services
from .adapter import get_adapter
from .errors import CommentError
from .models import Appeal, Comment, SanctionKind

ACTIONS = ("approve", "hide", "remove", "reinstate", "uphold", "sanction")


class ModerationForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ACTIONS])
    clause = forms.TypedChoiceField(
        label=gettext_lazy("Clause"), coerce=int, required=False, empty_value=None, choices=()
    )
    note = forms.CharField(label=gettext_lazy("Note"), required=False, max_length=500)
    kind = forms.ChoiceField(
        label=gettext_lazy("Sanction"), choices=SanctionKind.choices, required=False
    )
    days = forms.IntegerField(
        label=gettext_lazy("Suspension (days)"), min_value=1, max_value=3650, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = [("", "—")] + [
            (c.number, f"{c.number}. {c.title}") for c in policy.clauses()
        ]


def _require_moderator(request):
    if not get_adapter().can_moderate(request.user):
        raise PermissionDenied


class QueueView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "comments/admin/queue.html"
    page_title = gettext_lazy("Comment moderation")
    header_icon = "comment"

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        _require_moderator(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = list(moderation.queue())
        approved = moderation.approved_counts(items)
        adapter = get_adapter()
        for comment in items:
            # What readers see under the comment, and the account behind it.
            comment.author_label = _author_label(adapter, comment.author)
            if comment.status == "pending":
                comment.held_reasons = moderation.held_reasons(
                    comment, approved.get(comment.author_id, 0)
                )
        context.update(
            items=items,
            form=ModerationForm(),
            clauses=policy.clauses(),
            kinds=SanctionKind.choices,
            adapter=adapter,
        )
        return context


def _apply(action, comment, data, moderator):
    clause = policy.clause_by_number(data["clause"])
    note = data["note"]
    if action == "approve":
        services.comment_approve(comment=comment, moderator=moderator, note=note)
    elif action == "hide":
        services.comment_hide(comment=comment, moderator=moderator, reason_clause=clause, note=note)
    elif action == "remove":
        services.comment_remove(
            comment=comment, moderator=moderator, reason_clause=clause, note=note
        )
    elif action in ("reinstate", "uphold"):
        appeal = get_object_or_404(Appeal, comment=comment)
        services.appeal_decide(
            appeal=appeal, moderator=moderator, reinstate=action == "reinstate", note=note
        )
    elif action == "sanction":
        if comment.author is None:
            raise CommentError("not_found", _("There is no such reader."))
        days = data["days"] or 0
        until = timezone.now() + timedelta(days=days) if days else None
        services.user_sanction(
            user=comment.author,
            kind=data["kind"] or "",
            until=until,
            clause=clause,
            moderator=moderator,
            note=note,
        )


@require_POST
def queue_action(request, comment_id):
    _require_moderator(request)
    comment = get_object_or_404(Comment.objects.select_related("author", "thread"), pk=comment_id)
    form = ModerationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please check the form and try again."))
        return redirect("comments_moderation:queue")
    try:
        _apply(form.cleaned_data["action"], comment, form.cleaned_data, request.user)
    except CommentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Done: comment #%(id)s.") % {"id": comment.pk})
    return redirect(reverse("comments_moderation:queue"))


def _author_label(adapter, user):
    """The name readers see above the comment, and the account behind it when that differs."""
    if user is None:
        return "—"
    name, account = adapter.author_name(user), user.get_username()
    return name if name == account else f"{name} ({account})"
