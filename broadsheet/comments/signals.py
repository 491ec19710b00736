"""Signals other parts of the site (live fan-out, caches) connect to.

Both are sent after the transaction that caused them has committed, with sender=Comment:

- ``comment_published(comment=...)``: a comment has just become visible to every reader
  (posted by a trusted reader, or approved by a moderator).
- ``comment_changed(comment=..., change=...)``: a visible comment changed; ``change`` is one of
  ``"edited"``, ``"hidden"``, ``"deleted"``, ``"removed"``, ``"voted"``.
"""

from django.dispatch import Signal

comment_published = Signal()
comment_changed = Signal()
