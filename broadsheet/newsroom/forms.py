"""The article editor's form: a correction leaves the record only with a reason, which the page's log keeps."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .models.corrections import ArticleCorrection


class ArticlePageForm(WagtailAdminPageForm):
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
                _("A correction cannot be removed without a reason. Give the reason, or keep the correction."),
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
        removals = [(correction, reason) for correction in self.removed_corrections()]  # before the rows go
        page = super().save(commit=commit)
        # Logged with the revision this submission creates (ArticlePage.save_revision), so a refused or
        # failed save logs nothing.
        page.pending_correction_removals = removals
        return page
