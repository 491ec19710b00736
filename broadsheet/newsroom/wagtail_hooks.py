"""The newsroom's admin hooks: entries in Wagtail's page history, and guards the page editor does not give
by itself."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.log_actions import LogFormatter


def _publish_refused(request, *, may_publish, back):
    """Wagtail quietly saves a draft when someone without publish rights posts "publish"; a reporter (or a
    hand-made request) is told instead, and nothing is saved."""
    if request.method == "POST" and request.POST.get("action-publish") and not may_publish:
        messages.error(
            request, _("You cannot publish this page. Submit it to the desk for approval instead.")
        )
        return redirect(back)
    return None


@hooks.register("before_edit_page")
def refuse_publish_on_edit(request, page):
    return _publish_refused(
        request,
        may_publish=page.permissions_for_user(request.user).can_publish(),
        back=request.path,
    )


@hooks.register("before_create_page")
def refuse_publish_on_create(request, parent_page, page_class):
    may_publish = parent_page.permissions_for_user(request.user).can_publish_subpage()
    return _publish_refused(request, may_publish=may_publish, back=request.path)


@hooks.register("register_log_actions")
def register_correction_log_actions(actions):
    @actions.register_action("newsroom.correction_removed")
    class CorrectionRemovedFormatter(LogFormatter):
        label = gettext_lazy("Remove correction")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Removed a correction (“%(text)s”). Reason: %(reason)s") % {
                "text": data.get("text", ""),
                "reason": data.get("reason", ""),
            }
