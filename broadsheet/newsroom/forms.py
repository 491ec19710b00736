"""The admin form of every newsroom page: Wagtail's, plus a refusal of a go-live time already past."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class SchedulePageForm(WagtailAdminPageForm):
    """Wagtail itself refuses an expiry before the go-live time or in the past, but would publish a page
    whose go-live time has passed at once: an embargo typed wrong must not lift it early."""

    def clean(self):
        cleaned = super().clean()
        go_live_at = cleaned.get("go_live_at")
        # The picker has minute precision: "this minute" is still the present. Only a changed value is
        # checked, so a page that went live on schedule keeps its (now past) go-live time when edited.
        if go_live_at and "go_live_at" in self.changed_data and go_live_at < timezone.now().replace(second=0, microsecond=0):
            self.add_error("go_live_at", _("The go-live time has already passed: choose a time in the future, or publish now."))
        return cleaned
