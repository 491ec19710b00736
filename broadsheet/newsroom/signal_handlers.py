"""Keep the cached section navigation in step with the page tree."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import SectionPage
from .navigation import section_nav_clear


def connect():
    for signal in (page_published, page_unpublished):
        signal.connect(section_nav_clear, sender=SectionPage, dispatch_uid=f"newsroom-nav-{id(signal)}")
    post_page_move.connect(section_nav_clear, dispatch_uid="newsroom-nav-move")
    post_delete.connect(section_nav_clear, sender=SectionPage, dispatch_uid="newsroom-nav-delete")
