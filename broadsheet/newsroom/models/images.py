"""A photo that knows its default caption, credit and agency, so every use of it can show the credit."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsImage(AbstractImage):
    default_caption = models.TextField(_("default caption"), blank=True)
    credit = models.CharField(
        _("credit"), max_length=120, blank=True, help_text=_("Photographer or source, e.g. NEWS1")
    )
    agency = models.CharField(_("agency"), max_length=120, blank=True)
    # Required (blank=False) so the admin form refuses a photo without alt text. The field shadows Wagtail's
    # default_alt_text property on purpose: Wagtail's own <img> tags then use the editor's alt text.
    default_alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("Describe the photo for readers who cannot see it."),
    )

    admin_form_fields = Image.admin_form_fields + (
        "default_caption",
        "default_alt_text",
        "credit",
        "agency",
    )

    @property
    def credit_line(self):
        """What goes between the brackets: the credit, with the agency after a slash when it differs
        ("Kim Min-su/Yonhap"); an agency alone ("NEWS1") when there is no credit."""
        credit, agency = self.credit.strip(), self.agency.strip()
        if not agency or agency.casefold() in credit.casefold():
            return credit
        return f"{credit}/{agency}" if credit else agency


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
