"""The one seam between the comments app and the site (allauth-style).

The site subclasses ``CommentsAdapter`` and names its subclass in ``COMMENTS_ADAPTER``.
The app never imports the site; everything it needs to know about pages, people and URLs comes from here.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils.module_loading import import_string

from .app_settings import app_settings


@dataclass(frozen=True)
class ThreadInfo:
    """What the site knows about the thing a thread hangs under (an article, a page)."""

    title: str
    url: str
    mode: str = "open"  # "open", "premoderated" or "closed"
    closes_at: datetime | None = None


class CommentsAdapter:
    def resolve_thread(self, key):
        """Return ThreadInfo for a thread key the site knows, else None.

        None means only a Thread row created by a moderator (in the admin) makes the key valid.
        """
        return None

    def owns_key(self, key):
        """True for keys the site alone answers for: when resolve_thread() says None, the thread is gone
        (an unpublished article), whatever rows remain."""
        return False

    def can_read_thread(self, request, key):
        """Whether this reader may see (and so write in) the thread: False for a thread under a page they
        cannot see (a private article). Asked on every read and write by key; the answer is a 404."""
        return True

    def author_name(self, user):
        """The public name printed above a comment. Must not query the database."""
        return user.get_full_name() or user.get_username()

    def login_url(self, request, next_url=""):
        """Where the page script sends a reader who wants to comment."""
        url = settings.LOGIN_URL
        return f"{url}?next={next_url}" if next_url else url

    def client_ip(self, request):
        """The reader's address; behind a trusted proxy the site overrides this."""
        return request.META.get("REMOTE_ADDR", "")

    def hash_ip(self, ip):
        """Keep no raw addresses: an HMAC is enough to count and compare."""
        if not ip:
            return ""
        return hmac.new(settings.SECRET_KEY.encode(), ip.encode(), hashlib.sha256).hexdigest()

    def identity_digest(self, key):
        """A sanction identity as stored: an HMAC, so the table holds no email or social id in the clear.
        (Rotating SECRET_KEY makes kept sanctions unmatchable; the rows themselves stay.)"""
        return hmac.new(
            settings.SECRET_KEY.encode(), f"sanction-identity:{key}".encode(), hashlib.sha256
        ).hexdigest()

    def sanction_identities(self, user):
        """The hashed identities of the person behind an account: a sanction is kept under them and comes
        back to a new account that has one of them. Here, the account's email, normalised; a site with
        social logins adds provider + uid, and should offer only emails it has verified."""
        email = (getattr(user, "email", "") or "").strip().lower()
        return {self.identity_digest(f"email:{email}")} if email else set()

    def policy_url(self):
        """The live Standards Board Policy page's URL, or "" when none is published (footer, region, no-JS
        pages). Here a query each time; a site that renders it on every page remembers it."""
        from .policy import policy_page

        page = policy_page()
        return page.url if page else ""

    def can_moderate(self, user):
        return bool(user and user.is_authenticated and user.has_perm("comments.moderate"))

    def absolute_url(self, path):
        """A full address for links in emails; the site knows its own host."""
        return path

    def reply_notification(self, *, reply, parent):
        """Subject and body of the email telling a parent's author about a reply."""
        from django.utils.translation import gettext as _

        subject = _("New reply to your comment")
        body = _("%(name)s replied to your comment on “%(title)s”:\n\n%(body)s\n\n%(url)s") % {
            "name": self.author_name(reply.author) if reply.author else "",
            "title": reply.thread.title,
            "body": reply.body,
            "url": self.absolute_url(reply.thread.url),
        }
        return subject, body


def get_adapter():
    return import_string(app_settings.ADAPTER)()
