"""The newsroom's entries in Wagtail's page history."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter


@hooks.register("register_log_actions")
def register_correction_log_actions(actions):
    @actions.register_action("newsroom.correction_removed")
    class CorrectionRemovedFormatter(LogFormatter):
        label = _("Remove correction")

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return _("Removed a correction (“%(text)s”). Reason: %(reason)s") % {
                "text": data.get("text", ""),
                "reason": data.get("reason", ""),
            }
