from django import forms
from django.utils.translation import gettext_lazy as _

from .demo_login import DEMO_READERS


class DemoSignInForm(forms.Form):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=60,
        help_text=_(
            "Pick one of the demo readers or type any name; a local demo account is made for it."
        ),
    )

    def clean_display_name(self):
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Type a display name."))
        return name

    @staticmethod
    def suggestions():
        return DEMO_READERS
