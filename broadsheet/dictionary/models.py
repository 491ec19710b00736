"""The newsroom glossary, Korean equivalents imported from the Basic Korean Dictionary, readers' saved words."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.search import index

from .levels import LEVELS


def term_key(text):
    """The one spelling a term is found by: lower case, single spaces, straight apostrophes."""
    from .lemmas import normalise

    return normalise(text).lower()


class PartOfSpeech(models.TextChoices):
    NOUN = "noun", _("noun")
    PROPER_NOUN = "proper noun", _("proper noun")
    VERB = "verb", _("verb")
    ADJECTIVE = "adjective", _("adjective")
    ADVERB = "adverb", _("adverb")
    PHRASE = "phrase", _("phrase")
    ABBREVIATION = "abbreviation", _("abbreviation")


class GlossaryTerm(index.Indexed, models.Model):
    """A name or news term the editors explain: Kaesong, Blue House, liaison office."""

    term = models.CharField(
        _("term"), max_length=120, help_text=_("As readers meet it, e.g. Blue House")
    )
    key = models.CharField(max_length=120, unique=True, editable=False)
    part_of_speech = models.CharField(
        _("part of speech"), max_length=20, choices=PartOfSpeech.choices
    )
    korean_gloss = models.CharField(
        _("Korean gloss"), max_length=200, blank=True, help_text=_("e.g. 청와대")
    )
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("One or two plain English sentences")
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("term"),
        FieldPanel("part_of_speech"),
        FieldPanel("korean_gloss"),
        FieldPanel("explanation"),
    ]
    search_fields = [
        index.SearchField("term"),
        index.AutocompleteField("term"),
        index.SearchField("korean_gloss"),
    ]

    class Meta:
        ordering = ["key"]
        verbose_name = _("glossary term")

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.key = term_key(self.term)
        super().save(*args, **kwargs)

    def clean(self):
        from django.core.exceptions import ValidationError

        self.key = term_key(self.term)
        if not self.key:
            raise ValidationError({"term": _("Write the term.")})
        if GlossaryTerm.objects.filter(key=self.key).exclude(pk=self.pk).exists():
            raise ValidationError({"term": _("The glossary already explains this term.")})


class KoreanEquivalent(models.Model):
    """One sense of a Basic Korean Dictionary (한국어기초사전) entry, found by its English equivalent."""

    english = models.CharField(
        max_length=120, db_index=True, help_text="term_key of the English equivalent"
    )
    korean = models.CharField(max_length=120)
    korean_definition = models.TextField(blank=True)
    english_definition = models.TextField(blank=True)
    vocabulary_level = models.CharField(max_length=10, blank=True, help_text="초급, 중급 or 고급")
    source_entry = models.CharField(max_length=32, help_text="the entry's id in the export")
    sense_number = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["english", "source_entry", "sense_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_entry", "sense_number", "english"],
                name="dictionary_equivalent_once",
            ),
        ]

    def __str__(self):
        return f"{self.english} → {self.korean}"


class SavedWord(models.Model):
    """A word a signed-in reader saved to their vocabulary list (anonymous readers keep theirs in the browser)."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_words"
    )
    lemma = models.CharField(max_length=120)
    seen_as = models.CharField(
        max_length=120, blank=True, help_text="the form in the article, e.g. withdrawing"
    )
    gloss = models.CharField(
        max_length=300, blank=True, help_text="the short definition when saved, for the export"
    )
    saved_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-saved_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["reader", "lemma"], name="dictionary_saved_word_once")
        ]

    def __str__(self):
        return self.lemma


def default_hard_word_level():
    from .app_settings import app_settings

    return app_settings.HARD_WORD_LEVEL


@register_setting(icon="doc-full")
class DictionarySettings(BaseSiteSetting):
    hard_word_level = models.CharField(
        _("hard words start above"),
        max_length=2,
        choices=[(level, level) for level in LEVELS[:-1]],
        default=default_hard_word_level,
        help_text=_("The 'Words in this article' box lists words above this learner level."),
    )

    class Meta:
        verbose_name = _("dictionary")
