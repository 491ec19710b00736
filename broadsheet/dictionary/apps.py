from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DictionaryConfig(AppConfig):
    name = "broadsheet.dictionary"
    label = "dictionary"
    verbose_name = _("Reader dictionary")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from . import signal_handlers
        from .models import GlossaryTerm, KoreanEquivalent

        for model in (GlossaryTerm, KoreanEquivalent):
            post_save.connect(
                signal_handlers.on_glossary_change,
                sender=model,
                dispatch_uid=f"dict-{model.__name__}-save",
            )
            post_delete.connect(
                signal_handlers.on_glossary_change,
                sender=model,
                dispatch_uid=f"dict-{model.__name__}-del",
            )
        from wagtail.signals import page_published

        page_published.connect(
            signal_handlers.on_page_published, dispatch_uid="dict-warm-article-words"
        )
