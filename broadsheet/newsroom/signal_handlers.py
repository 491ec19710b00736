"""Keep the cached section navigation and the article pages' memory (freshness.py) in step with the page tree."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SectionPage
from .freshness import newsroom_changed
from .navigation import section_nav_clear


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(section_nav_clear, sender=SectionPage, dispatch_uid=f"newsroom-nav-{id(signal)}")
    post_page_move.connect(section_nav_clear, dispatch_uid="newsroom-nav-move")
    post_delete.connect(section_nav_clear, sender=SectionPage, dispatch_uid="newsroom-nav-delete")
    _connect_generation()


def _connect_generation():
    """What article pages remember between requests (freshness.py) is dropped when any of it may change."""
    from django.apps import apps
    from wagtail.images import get_image_model

    for signal in (page_published, page_unpublished):
        signal.connect(newsroom_changed, dispatch_uid=f"newsroom-gen-{id(signal)}")
    post_page_move.connect(newsroom_changed, dispatch_uid="newsroom-gen-move")
    image_model = get_image_model()
    senders = (PageViewRestriction, Site, apps.get_model("newsroom", "Author"), image_model, apps.get_model("taggit", "Tag"))
    post_save.connect(_page_saved, dispatch_uid="newsroom-gen-page-save")
    post_delete.connect(_page_saved, dispatch_uid="newsroom-gen-page-delete")
    for sender in senders:
        label = sender._meta.label_lower
        post_save.connect(newsroom_changed, sender=sender, dispatch_uid=f"newsroom-gen-save-{label}")
        post_delete.connect(newsroom_changed, sender=sender, dispatch_uid=f"newsroom-gen-delete-{label}")


def _page_saved(sender, instance, **kwargs):
    """Any page of any type (a live page saved in place, a slug changed, a page deleted)."""
    if isinstance(instance, Page):
        newsroom_changed()
