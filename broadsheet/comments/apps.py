from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "broadsheet.comments"
    label = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from . import wordlists

        wordlists.connect()
        from . import signal_handlers  # live comments (live.py)

        signal_handlers.connect()
