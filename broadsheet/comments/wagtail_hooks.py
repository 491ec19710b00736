"""The comments area of the Wagtail admin: the queue, threads, word lists, sanctions, the moderation log."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views
from .adapter import get_adapter
from .admin_permissions import (
    ModeratorChangeOnlyPolicy,
    ModeratorNoDeletePolicy,
    ModeratorPolicy,
    ModeratorReadOnlyPolicy,
)
from .models import BannedWord, ModerationAction, Sanction, Thread

# Moderators (comments.moderate) manage these; the log is read-only, sanctions can only be revoked here.
register_permission_policy(Thread, ModeratorNoDeletePolicy(Thread))
register_permission_policy(BannedWord, ModeratorPolicy(BannedWord))
register_permission_policy(Sanction, ModeratorChangeOnlyPolicy(Sanction))
register_permission_policy(ModerationAction, ModeratorReadOnlyPolicy(ModerationAction))


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return get_adapter().can_moderate(request.user)


class QueueViewSet(ViewSet):
    name = "comments_moderation"
    url_prefix = "comments/moderation"
    menu_label = _("Moderation queue")
    icon = "comment"
    menu_item_class = ModeratorMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.QueueView.as_view(), name="queue"),
            path("<int:comment_id>/", admin_views.queue_action, name="action"),
        ]


class ThreadViewSet(ModelViewSet):
    name = "comments_threads"
    url_prefix = "comments/threads"
    model = Thread
    icon = "list-ul"
    menu_label = _("Threads")
    form_fields = ["key", "title", "url", "mode", "closes_at"]
    list_display = ["key", "title", "mode", "closes_at", "comment_count", "pending_count"]
    list_filter = ["mode"]
    search_fields = ["key", "title"]
    copy_view_enabled = False


class BannedWordViewSet(ModelViewSet):
    name = "comments_words"
    url_prefix = "comments/words"
    model = BannedWord
    icon = "warning"
    menu_label = _("Word lists")
    form_fields = ["word", "language", "kind"]
    list_display = ["word", "language", "kind"]
    list_filter = ["language", "kind"]
    search_fields = ["word"]
    copy_view_enabled = False


class SanctionViewSet(ModelViewSet):
    name = "comments_sanctions"
    url_prefix = "comments/sanctions"
    model = Sanction
    icon = "lock"
    menu_label = _("Sanctions")
    form_fields = ["until", "revoked_at", "note"]
    list_display = ["user", "kind", "until", "clause", "moderator", "created_at", "revoked_at"]
    list_filter = ["kind"]
    copy_view_enabled = False


class ModerationLogIndexView(IndexView):
    # Each row names its comment's thread (Comment.__str__) and two users: fetched with the page.
    queryset = ModerationAction.objects.select_related(
        "comment__thread", "moderator", "target_user"
    )


class ModerationLogViewSet(ModelViewSet):
    name = "comments_log"
    index_view_class = ModerationLogIndexView
    url_prefix = "comments/log"
    model = ModerationAction
    icon = "history"
    menu_label = _("Moderation log")
    list_display = [
        "created_at",
        "moderator",
        "verb",
        "comment",
        "target_user",
        "clause_number",
        "note",
    ]
    list_filter = ["verb"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["note"]  # required by ModelViewSet; the read-only policy never shows the form


class CommentsGroup(ViewSetGroup):
    menu_label = _("Comments")
    menu_icon = "comment"
    menu_order = 250
    items = (QueueViewSet, ThreadViewSet, BannedWordViewSet, SanctionViewSet, ModerationLogViewSet)


@hooks.register("register_admin_viewset")
def register_comments_admin():
    return CommentsGroup()
