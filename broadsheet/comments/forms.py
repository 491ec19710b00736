"""Plain HTML forms for readers without JavaScript; the same services check everything."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import policy


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Your comment"), widget=forms.Textarea(attrs={"rows": 4}), strip=False
    )
    parent_id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    idempotency_key = forms.CharField(required=False, max_length=64, widget=forms.HiddenInput)
    notify_replies = forms.BooleanField(label=_("Email me when someone replies"), required=False)


class ReportForm(forms.Form):
    clause = forms.TypedChoiceField(label=_("Which clause does it break?"), coerce=int, choices=())
    note = forms.CharField(label=_("Note (optional)"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clause"].choices = [
            (c.number, f"{c.number}. {c.title}") for c in policy.clauses()
        ]


class AppealForm(forms.Form):
    text = forms.CharField(
        label=_("Why should it be reinstated?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class VoteForm(forms.Form):
    value = forms.TypedChoiceField(
        coerce=int, choices=[(1, _("Like")), (-1, _("Dislike")), (0, _("Take back"))]
    )


class DeleteForm(forms.Form):
    """Deleting needs nothing but the CSRF token."""
