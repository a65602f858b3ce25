"""The newsroom's records around a story: audit trail, pending changes, preview
links, corrections and internal notes. Readers never see any of them except
published corrections."""

import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from .content import Article


def now():
    """Return the time now, looked up on each call (so a pinned clock applies)."""
    return timezone.now()


def written_by():
    """Return the field for who wrote a record; kept if their account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


class AuditEntry(models.Model):
    """Who did what to a story, when and why: written by every transition."""

    class Action(models.TextChoices):
        CREATED = "created", "Created"
        EDITED = "edited", "Edited"
        SAVED_PENDING = "saved_pending", "Saved changes for later"
        SUBMITTED = "submitted", "Submitted for review"
        PUBLISHED = "published", "Published"
        SCHEDULED = "scheduled", "Scheduled"
        PUBLISHED_CHANGES = "published_changes", "Published pending changes"
        DISCARDED_CHANGES = "discarded_changes", "Discarded pending changes"
        UNPUBLISHED = "unpublished", "Unpublished"
        TAKEN_DOWN = "taken_down", "Taken down"
        REINSTATED = "reinstated", "Reinstated after a takedown"
        RESTORED = "restored", "Restored a revision"
        RECOVERED = "recovered", "Recovered after deletion"
        CORRECTED = "corrected", "Added a correction"
        PREVIEW_CREATED = "preview_created", "Created a preview link"
        PREVIEW_REVOKED = "preview_revoked", "Revoked a preview link"
        DELETED = "deleted", "Deleted"
        FRONT_PAGE_CHANGED = "front_page", "Changed a front page"

    article = models.ForeignKey(
        Article,
        null=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    # Kept when the story itself is deleted, so the trail still reads.
    article_title = models.CharField(max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, choices=Action.choices)
    at = models.DateTimeField(default=now, db_index=True)
    reason = models.TextField(blank=True)
    changes = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = "audit entry"
        verbose_name_plural = "audit trail"

    def __str__(self):
        return f"{self.get_action_display()}: {self.article_title}"


class PendingChange(models.Model):
    """Edits to a live story, kept aside until someone publishes them."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="pending_change"
    )
    data = models.JSONField()
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    saved_at = models.DateTimeField(default=now)

    class Meta:
        verbose_name = "pending change"

    def __str__(self):
        return f"Pending changes to {self.article}"


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self, *, now=None):
        """Links that still open their story: not revoked and not expired."""
        now = now or timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class PreviewLink(models.Model):
    """A secret address that shows a story's next version to someone without an account.

    Only the token's hash is stored: a copy of the database cannot open previews.
    """

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="preview_links"
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    label = models.CharField(
        max_length=120, blank=True, help_text="Who it is for, e.g. “Legal desk”."
    )
    created_by = written_by()
    created_at = models.DateTimeField(default=now, editable=False)
    expires_at = models.DateTimeField(help_text="The link stops working at this time.")
    revoked_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.label or f"Preview of {self.article}"

    @property
    def is_usable(self):
        return self.revoked_at is None and self.expires_at > timezone.now()


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses bulk edits and deletes: these records are only ever added to."""

    def update(self, **kwargs):
        raise ValidationError("Corrections cannot be changed once published.")

    def delete(self):
        raise ValidationError("Corrections cannot be deleted once published.")


class Correction(models.Model):
    """A dated note on a story: corrections, clarifications and updates, append-only."""

    class Kind(models.TextChoices):
        CORRECTION = "correction", "Correction"
        CLARIFICATION = "clarification", "Clarification"
        UPDATE = "update", "Update"

    # These change what the story says, so readers see a new "Updated" time.
    REVISES_STORY = {Kind.CORRECTION, Kind.UPDATE}

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField(
        help_text="What was wrong and what is right now, in a sentence or two. "
        "Once saved it cannot be changed: add a further note instead."
    )
    created_by = written_by()
    created_at = models.DateTimeField(default=now, editable=False)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.created_at:%d %b %Y}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValidationError("Corrections cannot be changed once published.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError("Corrections cannot be deleted once published.")


class InternalNote(models.Model):
    """A note between colleagues on a story; never shown to readers."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="internal_notes"
    )
    text = models.TextField()
    author = written_by()
    created_at = models.DateTimeField(default=now, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note on {self.article}"
