"""Connected in CommentsConfig.ready(): comment events fan out to live readers (see live.py)."""

from .signals import comment_changed, comment_published


def on_published(sender, comment, **kwargs):
    from .live import publish

    publish("comment", comment)


def on_changed(sender, comment, change, **kwargs):
    from .live import publish

    publish("change", comment, change)


def connect():
    comment_published.connect(on_published, dispatch_uid="comments-live-published")
    comment_changed.connect(on_changed, dispatch_uid="comments-live-changed")
