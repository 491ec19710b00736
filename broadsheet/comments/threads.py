"""From a thread key to a Thread row, with the site's current word on title, URL and mode."""

from django.utils.translation import gettext as _

from . import sql
from .adapter import get_adapter
from .errors import CommentError
from .models import Thread

SYNCED = ("title", "url", "mode", "closes_at")


def thread_cache_tag(key):
    """The tag (Surrogate-Key) of a thread's lists as anonymous readers see them; purge it on comment events."""
    return f"comments-{key}"


def _sync(thread, info):
    changed = [f for f in SYNCED if getattr(thread, f) != getattr(info, f)]
    for field in changed:
        setattr(thread, field, getattr(info, field))
    if changed and thread.pk:
        thread.save(update_fields=changed)


_READ = object()


def thread_lookup(key, *, create=False, request=None, stored=_READ):
    """The thread for key, or None. The site's page (via the adapter) wins over the stored copy.

    With create=True a thread the site knows about is stored on first use (first comment). With a
    request, a thread that reader may not see (the adapter says so: a private page) is None too.
    ``stored``: the caller's fresh read of key's row (None: not stored), to save reading it again.
    """
    adapter = get_adapter()
    if request is not None and not adapter.can_read_thread(request, key):
        return None
    thread = sql.thread_by_key(key) if stored is _READ else stored
    info = adapter.resolve_thread(key)
    if info is None:
        return None if adapter.owns_key(key) else thread
    if thread is None:
        fields = {f: getattr(info, f) for f in SYNCED}
        if not create:
            return Thread(key=key, **fields)
        # get_or_create: two first comments on a new article may race to make the thread.
        thread, _created = Thread.objects.get_or_create(key=key, defaults=fields)
    _sync(thread, info)
    return thread


def thread_for_key(key, *, create=False, request=None, stored=_READ):
    thread = thread_lookup(key, create=create, request=request, stored=stored)
    if thread is None:
        raise CommentError("not_found", _("There is no comment thread here."))
    return thread
