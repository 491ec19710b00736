"""Corrections, clarifications and editor's notes: typed, dated records on an article.

They are Orderables of the article (an InlinePanel in its editor), so every revision carries them: a
published revision is what readers see, and the page's history keeps each earlier list. Removing one
needs a reason, which goes into the page's log (forms.py).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class CorrectionKind(models.TextChoices):
    CORRECTION = "correction", _("Correction")
    CLARIFICATION = "clarification", _("Clarification")
    EDITORS_NOTE = "editors_note", _("Editor's note")


class ArticleCorrection(Orderable):
    page = ParentalKey("newsroom.ArticlePage", on_delete=models.CASCADE, related_name="corrections")
    kind = models.CharField(
        _("kind"), max_length=16, choices=CorrectionKind.choices, default=CorrectionKind.CORRECTION
    )
    text = models.TextField(
        _("text"), help_text=_("What was wrong and what is right, in full sentences.")
    )
    # blank: a time the editor clears (or never sends) becomes the time of saving, not a refusal.
    published_at = models.DateTimeField(
        _("time"),
        default=timezone.now,
        blank=True,
        help_text=_("Leave as it is (or empty) for now."),
    )

    panels = [FieldPanel("kind"), FieldPanel("text"), FieldPanel("published_at")]

    class Meta(Orderable.Meta):
        verbose_name = _("correction")
        indexes = [models.Index(fields=["-published_at"], name="newsroom_correction_recent")]

    def clean(self):
        super().clean()
        if self.published_at is None:
            self.published_at = timezone.now()

    def save(self, *args, **kwargs):
        if self.published_at is None:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def __str__(self):
        return f"{self.get_kind_display()}: {self.text[:60]}"

    @property
    def at_top(self):
        """Corrections stand above the story; clarifications and editor's notes follow it."""
        return self.kind == CorrectionKind.CORRECTION
