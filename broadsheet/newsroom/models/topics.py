"""Topics: a tag with a description editors write, shown at the top of its /tags/<slug>/ page."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet


@register_snippet
class Topic(models.Model):
    tag = models.OneToOneField(
        Tag, on_delete=models.CASCADE, related_name="topic", verbose_name=_("tag")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("Shown at the top of the topic's page")
    )

    panels = [FieldPanel("tag"), FieldPanel("description")]

    class Meta:
        ordering = ["tag__name"]
        verbose_name = _("topic")

    def __str__(self):
        return self.tag.name

    def get_absolute_url(self):
        return reverse("newsroom:tag", args=[self.tag.slug])
