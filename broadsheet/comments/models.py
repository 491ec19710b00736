"""Threads, comments, votes, reports, the Standards Board Policy, and the moderation record.

Replies go one level deep: a reply to a reply is filed under the top-level comment (its ``parent`` is
always a top-level comment), which keeps threads readable on a phone and lets a page of comments load
with a fixed number of queries.
"""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from .querysets import CommentQuerySet, SanctionQuerySet


class ThreadMode(models.TextChoices):
    OPEN = "open", _("Open")
    PREMODERATED = "premoderated", _("Pre-moderated")
    CLOSED = "closed", _("Closed")


class Thread(models.Model):
    key = models.CharField(_("key"), max_length=200, unique=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    url = models.CharField(_("URL"), max_length=500, blank=True)
    mode = models.CharField(
        _("mode"), max_length=16, choices=ThreadMode.choices, default=ThreadMode.OPEN
    )
    closes_at = models.DateTimeField(_("closes at"), null=True, blank=True)
    # Denormalised so a count on a cached page or a front costs one indexed read.
    comment_count = models.PositiveIntegerField(_("visible comments"), default=0)
    pending_count = models.PositiveIntegerField(_("comments awaiting review"), default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("comment thread")
        verbose_name_plural = _("comment threads")

    def __str__(self):
        return self.title or self.key

    def clean(self):
        # The URL becomes a link in the admin queue, which runs without the public CSP: a path on this
        # site or an http(s) address only, never javascript: or data:.
        url = self.url.strip()
        if url and not (
            url.startswith(("https://", "http://"))
            or (url.startswith("/") and not url.startswith("//"))
        ):
            raise ValidationError(
                {"url": _("Give a path on this site (/news/…) or an http(s) address.")}
            )

    def is_open(self, now=None):
        if self.mode == ThreadMode.CLOSED:
            return False
        return not (self.closes_at and self.closes_at <= (now or timezone.now()))


class PolicyClause(Orderable):
    """A numbered clause of the Standards Board Policy; reports and removals cite one."""

    page = ParentalKey(
        "comments.StandardsPolicyPage", related_name="clauses", on_delete=models.CASCADE
    )
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"))

    panels = [FieldPanel("number"), FieldPanel("title"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("policy clause")
        verbose_name_plural = _("policy clauses")

    def __str__(self):
        return f"{self.number}. {self.title}"


class StandardsPolicyPage(Page):
    """The Standards Board Policy readers agree to; editors keep its clauses in Wagtail."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("clauses", label=_("Clauses")),
    ]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Standards Board Policy page")


class CommentStatus(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    PENDING = "pending", _("Awaiting review")
    HIDDEN = "hidden", _("Hidden by a moderator")
    DELETED = "deleted", _("Deleted")


class Comment(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="comments")
    # Nullable so an account can go while the conversation under its comments stays readable.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    body = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=10, choices=CommentStatus.choices, default=CommentStatus.VISIBLE
    )
    hidden_clause = models.ForeignKey(
        PolicyClause, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("posted"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    like_count = models.PositiveIntegerField(default=0)
    dislike_count = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)  # visible replies
    notify_replies = models.BooleanField(_("email me replies"), default=False)
    # NULL, not "": the unique constraint must let every comment without a key through.
    idempotency_key = models.CharField(max_length=64, null=True, blank=True)  # noqa: DJ001
    ip_hash = models.CharField(max_length=64, blank=True)
    # A digest of the text, so "the same words again" is one index probe however much a reader wrote.
    body_digest = models.CharField(max_length=32, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        permissions = [("moderate", "Can moderate comments")]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="comment_idempotency_per_author",
            ),
        ]
        indexes = [
            # The listing filters status with an OR (visible, or a placeholder with replies), so status stays
            # out of these: the index then walks rows already in page order and stops after one page.
            models.Index(
                fields=["thread", "parent", "-created_at", "-id"], name="comment_thread_newest"
            ),
            models.Index(
                fields=["thread", "parent", "-like_count", "-id"], name="comment_thread_liked"
            ),
            models.Index(fields=["parent", "created_at", "id"], name="comment_replies"),
            models.Index(fields=["author", "thread", "created_at"], name="comment_author_thread"),
            models.Index(fields=["author", "body_digest"], name="comment_author_digest"),
            models.Index(fields=["status", "created_at"], name="comment_queue"),
        ]

    def __str__(self):
        return f"#{self.pk} · {self.thread}"

    def save(self, *args, **kwargs):
        self.body_digest = body_digest(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_digest"}
        super().save(*args, **kwargs)


def body_digest(body):
    return hashlib.blake2b(body.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Vote(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="votes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="comment_votes"
    )
    value = models.SmallIntegerField(choices=[(1, _("Like")), (-1, _("Dislike"))])

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "user"], name="vote_once_per_reader")
        ]


class Report(models.Model):
    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="comment_reports",
    )
    clause = models.ForeignKey(PolicyClause, null=True, on_delete=models.SET_NULL, related_name="+")
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="report_once_per_reader")
        ]
        indexes = [models.Index(fields=["resolved_at", "created_at"], name="report_open")]


class AppealStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Removal upheld")
    REINSTATED = "reinstated", _("Comment reinstated")


class Appeal(models.Model):
    """One per hidden comment: its author asks for a second look."""

    comment = models.OneToOneField(Comment, on_delete=models.CASCADE, related_name="appeal")
    text = models.TextField(_("appeal"), blank=True)
    status = models.CharField(
        max_length=12, choices=AppealStatus.choices, default=AppealStatus.OPEN
    )
    created_at = models.DateTimeField(default=timezone.now)
    decided_at = models.DateTimeField(null=True, blank=True)


class SanctionKind(models.TextChoices):
    WARNING = "warning", _("Warning")
    SUSPENSION = "suspension", _("Suspension")
    BAN = "ban", _("Ban")


class Sanction(models.Model):
    # SET_NULL: a sanction outlives the account it was given to, and follows the person to a new account
    # through its identities (SanctionIdentity below; re-attached at sign-in, see sanctions.py).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="comment_sanctions",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=SanctionKind.choices)
    until = models.DateTimeField(
        _("until"), null=True, blank=True, help_text=_("End of a suspension")
    )
    clause = models.ForeignKey(
        PolicyClause,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("clause"),
    )
    note = models.TextField(_("note"), blank=True)
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = SanctionQuerySet.as_manager()

    class Meta:
        verbose_name = _("sanction")
        verbose_name_plural = _("sanctions")
        indexes = [models.Index(fields=["user", "kind"], name="sanction_user")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.user or _('a deleted account')}"

    def in_force(self, now=None):
        if self.revoked_at or self.kind == SanctionKind.WARNING:
            return False
        return self.kind == SanctionKind.BAN or (
            self.until is not None and self.until > (now or timezone.now())
        )


class SanctionIdentity(models.Model):
    """One of the sanctioned person's identities beyond the account row (the adapter's
    sanction_identities: a social login's provider + uid, a verified email), as a keyed hash only, so a
    new account signing in with the same one gets the sanction back."""

    sanction = models.ForeignKey(Sanction, on_delete=models.CASCADE, related_name="identities")
    digest = models.CharField(max_length=64, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sanction", "digest"], name="sanction_identity_once")
        ]


class ModerationVerb(models.TextChoices):
    APPROVE = "approve", _("Approved")
    HIDE = "hide", _("Hidden")
    REMOVE = "remove", _("Deleted by a moderator")
    REINSTATE = "reinstate", _("Reinstated on appeal")
    UPHOLD = "uphold", _("Appeal refused")
    SANCTION = "sanction", _("Sanctioned")


class ModerationAction(models.Model):
    """The audit log: every moderator decision, who took it and under which clause."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    verb = models.CharField(_("action"), max_length=12, choices=ModerationVerb.choices)
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.SET_NULL, related_name="moderation_actions"
    )
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    clause = models.ForeignKey(
        PolicyClause, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept as a number too, so the transparency page survives a clause being edited away.
    clause_number = models.PositiveSmallIntegerField(null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["verb", "created_at"], name="moderation_verb_time")]


class WordLanguage(models.TextChoices):
    EN = "en", _("English")
    KO = "ko", _("Korean")


class WordKind(models.TextChoices):
    BLOCK = "block", _("Hold for review")
    ALLOW = "allow", _("Always allow")


class BannedWord(models.Model):
    """English words match whole words; Korean ones match inside words, unless an allowed word covers them."""

    word = models.CharField(_("word"), max_length=60)
    language = models.CharField(_("language"), max_length=2, choices=WordLanguage.choices)
    kind = models.CharField(
        _("kind"), max_length=5, choices=WordKind.choices, default=WordKind.BLOCK
    )

    class Meta:
        verbose_name = _("word list entry")
        verbose_name_plural = _("word lists")
        constraints = [
            models.UniqueConstraint(fields=["word", "language", "kind"], name="banned_word_unique")
        ]

    def __str__(self):
        return f"{self.word} ({self.language}, {self.kind})"
