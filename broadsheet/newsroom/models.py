"""Wagtail pages of the newsroom: Home → Section (nestable) → Article. Images carry their own credit."""

from django.db import models
from wagtail.fields import RichTextField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page


class NewsImage(AbstractImage):
    """A photo that knows its own caption default, credit and agency, so every use shows the credit."""

    default_caption = models.TextField(blank=True)
    credit = models.CharField(max_length=120, blank=True, help_text="Photographer or source, e.g. NEWS1")
    agency = models.CharField(max_length=120, blank=True)
    default_alt_text = models.CharField(max_length=255, blank=True)

    admin_form_fields = Image.admin_form_fields + ("default_caption", "default_alt_text", "credit", "agency")


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class HomePage(Page):
    subpage_types = ["newsroom.SectionPage"]
    max_count = 1


class SectionPage(Page):
    intro = RichTextField(blank=True)

    parent_page_types = ["newsroom.HomePage", "newsroom.SectionPage"]
    subpage_types = ["newsroom.SectionPage", "newsroom.ArticlePage"]


class ArticlePage(Page):
    headline = models.CharField(max_length=255, blank=True)

    parent_page_types = ["newsroom.SectionPage"]
    subpage_types = []
