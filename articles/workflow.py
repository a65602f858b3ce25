"""The story workflow: every state change is a named function that checks who may
make it, records a revision and an audit entry, and says plainly what went wrong.

draft ──submit──▶ in review ──publish/schedule──▶ published (scheduled until its
time; expired after its expiry) ──unpublish──▶ unpublished; any state ──take
down──▶ taken down. Edits to a live story wait as pending changes until someone
who may publish publishes them. Admin buttons, list actions and commands all
call these functions, so a crafted request cannot skip a check.
"""

import secrets
from datetime import timedelta

import reversion
from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    ValidationError,
)
from django.db import transaction
from django.utils import timezone

from pagecache import content_changed

from . import related, revisions
from .models import (
    Article,
    AuditEntry,
    Correction,
    PendingChange,
    PreviewLink,
    hash_token,
)
from .publishing import Status
from .search import index_stories
from .snapshots import diff, take_snapshot, write_snapshot

PUBLISH_PERMISSION = "articles.publish_article"
PREVIEW_TOKEN_BYTES = 32
Action = AuditEntry.Action
# What a story is about, or whether readers see it, may have changed: its
# related stories are ranked again (`related.rank_similar_around`).
RANKED_AFTER = {
    Action.CREATED,
    Action.EDITED,
    Action.PUBLISHED,
    Action.SCHEDULED,
    Action.PUBLISHED_CHANGES,
    Action.REINSTATED,
    Action.RESTORED,
    Action.RECOVERED,
}


class NotAllowed(PermissionDenied):
    """The user's role does not allow this action on this story."""


class PublishChecksFailed(ValidationError):
    """The story is missing something readers need; an editor may override."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(
            "This story cannot go out yet: " + "; ".join(problems) + ".",
            code="publish_checks",
        )


# ------------------------------------------------------------ who may do what


def can_publish(user):
    return user.has_perm(PUBLISH_PERMISSION)


def can_edit(user, article):
    """Editors edit any story; contributors only their own drafts."""
    if not user.has_perm("articles.change_article"):
        return False
    if article is None or can_publish(user):
        return True
    return article.created_by_id == user.pk and article.status == Status.DRAFT


def can_delete(user, article):
    """Editors delete any story; contributors only their own unpublished drafts."""
    if not user.has_perm("articles.delete_article"):
        return False
    if article is None or can_publish(user):
        return True
    return can_edit(user, article) and article.first_published_at is None


def require(allowed, message):
    if not allowed:
        raise NotAllowed(message)


def require_publisher(user, doing):
    require(can_publish(user), f"Only editors may {doing}. Ask an editor to do it.")


# ------------------------------------------------------------ the record


def record(article, user, action, *, reason="", changes=None):
    """Write who did what to `article`, when and why, and refresh reader pages.

    Every change to a story passes through here, so this is also where cached
    pages that could show it are marked stale (and a CDN told which keys), and
    where the stories it is most like are ranked again.
    """
    content_changed("home", f"story-{article.pk}")
    if action in RANKED_AFTER:
        related.rank_similar_around(article)
    return AuditEntry.objects.create(
        article=article,
        article_title=article.title,
        user=user if user and user.is_authenticated else None,
        action=action,
        reason=reason,
        changes=changes or {},
    )


def changes_between(before, after):
    """Return a {label: [before, after]} summary of two snapshots for the audit."""
    return {d.label: [d.before[:500], d.after[:500]] for d in diff(before, after)}


def _revision(user, comment):
    reversion.set_user(user if user and user.is_authenticated else None)
    reversion.set_comment(comment)


# ------------------------------------------------------------ checks


def publish_problems(article):
    """Return what a story lacks before it may go out, in words for editors."""
    problems = []
    if not article.standfirst.strip():
        problems.append("it has no standfirst")
    if not article.article_authors.exists():
        problems.append("it has no byline")
    # Alt text (or "decorative") the image library guarantees itself, in the
    # database; a credit it leaves to the story's editor.
    image = article.hero_image
    if image is not None and not image.credit.strip():
        problems.append("its hero image has no credit")
    return problems


def _check_before_going_out(article, user, override_reason):
    problems = publish_problems(article)
    if problems and not override_reason.strip():
        raise PublishChecksFailed(problems)
    if problems:
        return f"Checks overridden ({'; '.join(problems)}): {override_reason.strip()}"
    return ""


# ------------------------------------------------------------ transitions


@transaction.atomic
def create(article, *, by):
    """Save a new story, owned by its creator."""
    require(by.has_perm("articles.add_article"), "You may not create stories.")
    article.created_by = by
    article.status = Status.DRAFT
    with reversion.create_revision():
        _revision(by, "Created")
        article.save()
    index_stories([article])
    record(article, by, Action.CREATED)
    return article


@transaction.atomic
def submit_for_review(article, *, by):
    require(can_edit(by, article), "You may only submit your own drafts.")
    require(
        article.status in {Status.DRAFT, Status.UNPUBLISHED},
        f"A story that is {article.get_status_display().lower()} cannot be "
        "submitted for review.",
    )
    article.status = Status.IN_REVIEW
    with reversion.create_revision():
        _revision(by, "Submitted for review")
        article.save()
    record(article, by, Action.SUBMITTED)
    return article


@transaction.atomic
def publish(article, *, by, at=None, override_reason=""):
    """Publish now, or at `at` (a future time schedules the story)."""
    require_publisher(by, "publish or schedule stories")
    require(
        article.status != Status.TAKEN_DOWN,
        "A story that was taken down must be restored before it can go out again.",
    )
    note = _check_before_going_out(article, by, override_reason)
    if hasattr(article, "pending_change"):
        raise ValidationError(
            "This story has pending changes: publish or discard them first."
        )
    if at is not None:
        article.publish_at = at
    article.status = Status.PUBLISHED
    scheduled = bool(article.publish_at and article.publish_at > timezone.now())
    with reversion.create_revision():
        _revision(by, "Scheduled" if scheduled else "Published")
        article.save()
    record(
        article, by, Action.SCHEDULED if scheduled else Action.PUBLISHED, reason=note
    )
    return article


def schedule(article, *, by, at, override_reason=""):
    """Publish at a future time `at`; readers see it from then, with no job to run."""
    if at is None or at <= timezone.now():
        raise ValidationError("Choose a time in the future to schedule the story.")
    return publish(article, by=by, at=at, override_reason=override_reason)


@transaction.atomic
def unpublish(article, *, by, reason=""):
    """Take a story off the site, or send a story in review back to its writer."""
    require_publisher(by, "unpublish stories")
    require(
        article.status in {Status.IN_REVIEW, Status.PUBLISHED},
        f"A story that is {article.get_status_display().lower()} is not on the "
        "site or in review, so there is nothing to unpublish.",
    )
    article.status = (
        Status.DRAFT if article.status == Status.IN_REVIEW else Status.UNPUBLISHED
    )
    with reversion.create_revision():
        _revision(by, "Unpublished")
        _fold_pending_changes(article)
        article.save()
    record(article, by, Action.UNPUBLISHED, reason=reason)
    return article


def _fold_pending_changes(article):
    """Make a story's pending changes its own content, once it is off the site.

    Pending changes wait only while readers see a live version; a story that
    leaves the site keeps the newer text as its draft, so no work is lost.
    """
    pending = PendingChange.objects.filter(article=article).first()
    if pending is not None:
        write_snapshot(article, pending.data)
        pending.delete()


@transaction.atomic
def reinstate(article, *, by, reason=""):
    """Bring a taken-down story back to the newsroom, unpublished, to fix or publish."""
    require_publisher(by, "reinstate stories that were taken down")
    require(
        article.status == Status.TAKEN_DOWN,
        "Only a story that was taken down can be reinstated.",
    )
    article.status = Status.UNPUBLISHED
    with reversion.create_revision():
        _revision(by, "Reinstated after a takedown")
        article.save()
    record(article, by, Action.REINSTATED, reason=reason)
    return article


@transaction.atomic
def take_down(article, *, by, reason):
    """Remove a story from every reader surface for legal or safety reasons."""
    require_publisher(by, "take stories down")
    if not (reason or "").strip():
        raise ValidationError("Give the reason for the takedown; it is kept on record.")
    require(article.status != Status.TAKEN_DOWN, "This story is already taken down.")
    article.status = Status.TAKEN_DOWN
    article.takedown_reason = reason.strip()
    PreviewLink.objects.filter(article=article, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    with reversion.create_revision():
        _revision(by, "Taken down")
        _fold_pending_changes(article)
        article.save()
    record(article, by, Action.TAKEN_DOWN, reason=reason.strip())
    return article


# ------------------------------------------------------------ edits


def is_live(article):
    return article.pk is not None and article.is_public


def record_edit(article, *, by, before, after):
    """Record a direct edit just saved (the caller's revision block holds its content)."""
    record(article, by, Action.EDITED, changes=changes_between(before, after))


@transaction.atomic
def save_pending(article, *, by, snapshot):
    """Keep edits to a live story aside; readers go on seeing the live version."""
    require(can_edit(by, article), "You may not edit this story.")
    before = pending_or_live(article)
    PendingChange.objects.update_or_create(
        article=article,
        defaults={"data": snapshot, "saved_by": by, "saved_at": timezone.now()},
    )
    # A save is a save: forms opened before it must not overwrite it.
    Article.objects.filter(pk=article.pk).update(lock_version=article.lock_version + 1)
    article.lock_version += 1
    record(article, by, Action.SAVED_PENDING, changes=changes_between(before, snapshot))


def pending_or_live(article):
    """Return the snapshot an editor is working on: pending changes, or the story."""
    pending = PendingChange.objects.filter(article=article).first()
    return pending.data if pending else take_snapshot(article)


@transaction.atomic
def publish_pending(article, *, by, override_reason=""):
    """Make a live story's pending changes what readers see."""
    require_publisher(by, "publish changes to a live story")
    pending = PendingChange.objects.filter(article=article).first()
    if pending is None:
        raise ValidationError("This story has no pending changes to publish.")
    if article.status != Status.PUBLISHED:
        raise ValidationError(
            "This story is not published, so its changes cannot go live; "
            "publish the story instead."
        )
    before = take_snapshot(article)
    with reversion.create_revision():
        _revision(by, "Published pending changes")
        write_snapshot(article, pending.data)
        note = _check_before_going_out(article, by, override_reason)
    pending.delete()
    record(
        article,
        by,
        Action.PUBLISHED_CHANGES,
        reason=note,
        changes=changes_between(before, take_snapshot(article)),
    )
    return article


@transaction.atomic
def discard_pending(article, *, by):
    require(can_edit(by, article), "You may not edit this story.")
    deleted, _ = PendingChange.objects.filter(article=article).delete()
    if deleted:
        Article.objects.filter(pk=article.pk).update(
            lock_version=article.lock_version + 1
        )
        record(article, by, Action.DISCARDED_CHANGES)


# ------------------------------------------------------------ corrections


@transaction.atomic
def add_correction(article, *, by, kind, text):
    """Append a dated note; corrections and updates move the "Updated" time."""
    require_publisher(by, "add corrections")
    if not (text or "").strip():
        raise ValidationError("Write what was wrong and what is right now.")
    note = Correction.objects.create(
        article=article, kind=kind, text=text.strip(), created_by=by
    )
    if kind in Correction.REVISES_STORY:
        Article.objects.filter(pk=article.pk).update(revised_at=note.created_at)
        article.revised_at = note.created_at
    record(article, by, Action.CORRECTED, reason=f"{note.get_kind_display()}: {text}")
    return note


# ------------------------------------------------------------ preview links


@transaction.atomic
def create_preview_link(article, *, by, expires_at=None, label=""):
    """Return a new preview link and its token, shown once and stored only hashed."""
    require(
        can_publish(by) or can_edit(by, article),
        "You may not share this story.",
    )
    require(
        article.status != Status.TAKEN_DOWN,
        "A story that was taken down cannot be previewed.",
    )
    expires_at = expires_at or timezone.now() + timedelta(days=2)
    if expires_at <= timezone.now():
        raise ValidationError("Choose an expiry time in the future.")
    token = secrets.token_urlsafe(PREVIEW_TOKEN_BYTES)
    link = PreviewLink.objects.create(
        article=article,
        token_hash=hash_token(token),
        label=label,
        created_by=by,
        expires_at=expires_at,
    )
    record(article, by, Action.PREVIEW_CREATED, reason=label)
    return link, token


@transaction.atomic
def revoke_preview_link(link, *, by):
    require(
        can_publish(by) or can_edit(by, link.article),
        "You may not revoke this link.",
    )
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.save(update_fields=["revoked_at"])
        record(link.article, by, Action.PREVIEW_REVOKED, reason=link.label)
    return link


def preview_link_for(token):
    """Return the usable preview link for `token`, or None."""
    if not token or len(token) > 200:
        return None
    return (
        PreviewLink.objects.usable()
        .select_related("article")
        .filter(token_hash=hash_token(token))
        .first()
    )


# ------------------------------------------------------------ revisions: restore and recover
# (`articles/revisions.py` reads stored versions back; these write them.)


def can_restore(user, article):
    """Whoever may edit the story; on a live story, only someone who may publish."""
    return can_edit(user, article) and (not article.is_public or can_publish(user))


@transaction.atomic
def restore_revision(article, *, by, version):
    """Bring back a past version's content; the story's state and times stay as they are.

    Return the story and notes on what could not come back (a deleted author…).
    """
    # Checked and written from the stored row, so nothing stale in memory counts.
    article.refresh_from_db()
    require(
        can_edit(by, article),
        "You may only restore earlier versions of stories you may edit.",
    )
    if article.is_public:
        require_publisher(by, "restore an earlier version of a live story")
    if not revisions.is_version_of(version, article):
        raise ValidationError("That version belongs to another story.")
    if PendingChange.objects.filter(article=article).exists():
        raise ValidationError(
            "This story has pending changes: publish or discard them first, then "
            "restore the earlier version."
        )
    before = take_snapshot(article)
    snapshot, notes = revisions.restorable(
        revisions.snapshot_from_version(version), article
    )
    done = f"Restored the version of {revisions.version_date(version)}"
    with reversion.create_revision():
        _revision(by, done)
        write_snapshot(article, snapshot)
    record(
        article,
        by,
        Action.RESTORED,
        reason="; ".join([done, *notes]),
        changes=changes_between(before, take_snapshot(article)),
    )
    return article, notes


@transaction.atomic
def recover_deleted(version, *, by):
    """Bring a deleted story back from its last version, off the site until published.

    Return the story and notes on what could not come back.
    """
    require_publisher(by, "recover deleted stories")
    if not revisions.deleted_stories().filter(pk=version.pk).exists():
        raise ValidationError(
            "That is not the last version of a deleted story; it may have been "
            "recovered already."
        )
    try:
        snapshot, notes = revisions.restorable(revisions.snapshot_from_version(version))
    except ObjectDoesNotExist as missing:
        raise ValidationError(str(missing)) from missing
    record_fields = revisions.workflow_fields(version)
    # Never straight back on the site; a story taken down stays taken down.
    if record_fields["status"] != Status.TAKEN_DOWN:
        record_fields["status"] = Status.UNPUBLISHED
    # The same primary key, so its history of revisions reads on.
    article = Article(pk=int(version.object_id), **record_fields)
    with reversion.create_revision():
        _revision(by, "Recovered after deletion")
        write_snapshot(article, snapshot)
    record(article, by, Action.RECOVERED, reason="; ".join(notes))
    return article, notes
