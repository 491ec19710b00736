"""Keep the cached section navigation and the article pages' memory (freshness.py) in step with the page
tree. What the page cache retires on each change is the site's purge rules: broadsheet/purges.py."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .freshness import newsroom_changed
from .models import SectionPage
from .navigation import section_nav_clear
from .roles import section_created


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(
            section_nav_clear, sender=SectionPage, dispatch_uid=f"newsroom-nav-{id(signal)}"
        )
    post_page_move.connect(section_nav_clear, dispatch_uid="newsroom-nav-move")
    post_delete.connect(section_nav_clear, sender=SectionPage, dispatch_uid="newsroom-nav-delete")
    post_save.connect(
        section_created, sender=SectionPage, dispatch_uid="newsroom-reporters-section"
    )
    _connect_generation()


def _connect_generation():
    """What article pages remember between requests (freshness.py) is dropped when any of it may change."""
    from django.apps import apps
    from wagtail.images import get_image_model

    for signal in (page_published, page_unpublished):
        signal.connect(newsroom_changed, dispatch_uid=f"newsroom-gen-{id(signal)}")
    post_page_move.connect(newsroom_changed, dispatch_uid="newsroom-gen-move")
    image_model = get_image_model()
    senders = (
        PageViewRestriction,
        Site,
        apps.get_model("newsroom", "Author"),
        apps.get_model("newsroom", "AuthorLink"),
        image_model,
        apps.get_model("taggit", "Tag"),
        apps.get_model("dictionary", "DictionarySettings"),
    )
    # A rendition removed (a photo's renditions purged or regenerated) takes its file, and the URL a
    # remembered page names, with it; a new one changes nothing already shown.
    post_delete.connect(
        newsroom_changed,
        sender=image_model.get_rendition_model(),
        dispatch_uid="newsroom-gen-rendition",
    )
    post_save.connect(_page_saved, dispatch_uid="newsroom-gen-page-save")
    post_delete.connect(_page_saved, dispatch_uid="newsroom-gen-page-delete")
    for sender in senders:
        label = sender._meta.label_lower
        post_save.connect(_saved, sender=sender, dispatch_uid=f"newsroom-gen-save-{label}")
        post_delete.connect(
            newsroom_changed, sender=sender, dispatch_uid=f"newsroom-gen-delete-{label}"
        )


def _page_saved(sender, instance, **kwargs):
    """Any page of any type (a live page saved in place, a slug changed, a page deleted)."""
    if isinstance(instance, Page):
        newsroom_changed()


# Wagtail records a photo's file size and hash the first time it renders it: nothing a page shows.
_BOOKKEEPING_FIELDS = {"file_size", "file_hash"}


def _saved(sender, instance, update_fields=None, created=False, **kwargs):
    if update_fields and set(update_fields) <= _BOOKKEEPING_FIELDS:
        return
    if (
        created
        and sender._meta.label_lower == "dictionary.dictionarysettings"
        and _has_defaults(instance)
    ):
        return  # the first read of a site's settings stores the defaults every process already used
    newsroom_changed()


def _has_defaults(settings_row):
    field = settings_row._meta.get_field("hard_word_level")
    return settings_row.hard_word_level == field.get_default()
