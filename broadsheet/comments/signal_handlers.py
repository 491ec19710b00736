"""Connected in CommentsConfig.ready(): comment events fan out to live readers (see live.py); a sign-in
picks up a sanction kept from a deleted account (see sanctions.py)."""

from .signals import comment_changed, comment_published


def on_published(sender, comment, **kwargs):
    from .live import publish

    publish("comment", comment)


def on_changed(sender, comment, change, **kwargs):
    from .live import publish

    publish("change", comment, change)


def connect():
    from django.conf import settings
    from django.contrib.auth.signals import user_logged_in
    from django.db.models.signals import pre_delete

    from .sanctions import on_user_deleting, on_user_logged_in

    user_logged_in.connect(on_user_logged_in, dispatch_uid="comments-sanctions-follow-identity")
    # pre_delete: the account's logins and emails are still there to hash.
    pre_delete.connect(
        on_user_deleting, sender=settings.AUTH_USER_MODEL, dispatch_uid="comments-sanctions-keep"
    )
    comment_published.connect(on_published, dispatch_uid="comments-live-published")
    comment_changed.connect(on_changed, dispatch_uid="comments-live-changed")
