"""The admin forms of newsroom pages: Wagtail's, plus a refusal of a go-live time already past; the
article's also keeps a correction on the record unless a reason for its removal is given (the page's
log keeps it)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .models.corrections import ArticleCorrection


class SchedulePageForm(WagtailAdminPageForm):
    """Wagtail itself refuses an expiry before the go-live time or in the past, but would publish a page
    whose go-live time has passed at once: an embargo typed wrong must not lift it early."""

    def clean(self):
        cleaned = super().clean()
        go_live_at = cleaned.get("go_live_at")
        # The picker has minute precision: "this minute" is still the present. Only a changed value is
        # checked, so a page that went live on schedule keeps its (now past) go-live time when edited.
        if (
            go_live_at
            and "go_live_at" in self.changed_data
            and go_live_at < timezone.now().replace(second=0, microsecond=0)
        ):
            self.add_error(
                "go_live_at",
                _(
                    "The go-live time has already passed: choose a time in the future, or publish now."
                ),
            )
        return cleaned


class ArticlePageForm(SchedulePageForm):
    correction_removal_reason = forms.CharField(
        label=_("Reason for removing a correction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when you delete a correction. It is kept in the page's history."),
    )

    def clean(self):
        cleaned_data = super().clean()
        removed = self.removed_corrections()
        if removed and not cleaned_data.get("correction_removal_reason", "").strip():
            self.add_error(
                "correction_removal_reason",
                _(
                    "A correction cannot be removed without a reason. Give the reason, or keep the correction."
                ),
            )
        return cleaned_data

    def removed_corrections(self):
        """Saved corrections this submission would drop: deleted in the form, or absent from it (as when an
        older revision without them is restored)."""
        if not self.instance.pk or "corrections" not in self.formsets:
            return []
        formset = self.formsets["corrections"]
        formset.is_valid()  # the page form is cleaned before its formsets; their DELETE marks come from this
        kept = {
            form.instance.pk
            for form in formset.forms
            if form.instance.pk and not (formset.can_delete and formset._should_delete_form(form))
        }
        saved = ArticleCorrection.objects.filter(page_id=self.instance.pk).exclude(pk__in=kept)
        return list(saved.order_by("published_at"))

    def save(self, commit=True):
        reason = self.cleaned_data["correction_removal_reason"].strip()
        removals = [
            (correction, reason) for correction in self.removed_corrections()
        ]  # before the rows go
        page = super().save(commit=commit)
        # Logged with the revision this submission creates (ArticlePage.save_revision), so a refused or
        # failed save logs nothing.
        page.pending_correction_removals = removals
        return page
