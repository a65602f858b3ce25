"""The publishing rule, written once: a story's status and its two publication times.

The model's `save()` and `clean()`, `Article.publish()`, and the QuerySet's bulk
`publish()` (behind the admin's action) all apply `publication_values()`, so a
published story always has a publish time and its first publication time is set
once and never moved.
"""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    PUBLISHED = "published", "Published"
    UNPUBLISHED = "unpublished", "Unpublished"
    TAKEN_DOWN = "taken_down", "Taken down"


class State(models.TextChoices):
    """What editors see: the status and the clock together."""

    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    SCHEDULED = "scheduled", "Scheduled"
    LIVE = "live", "Live"
    LIVE_WITH_CHANGES = "live_with_changes", "Live, with pending changes"
    EXPIRED = "expired", "Expired"
    UNPUBLISHED = "unpublished", "Unpublished"
    TAKEN_DOWN = "taken_down", "Taken down"


def state_of(*, status, publish_at, expires_at, has_pending_change, now):
    """Return the `State` of a story with these values at `now`."""
    if status != Status.PUBLISHED:
        return State(status)
    if publish_at and publish_at > now:
        return State.SCHEDULED
    if expires_at and expires_at <= now:
        return State.EXPIRED
    return State.LIVE_WITH_CHANGES if has_pending_change else State.LIVE


def first_set(*values):
    """Return the first value that is not None (Python's twin of SQL's COALESCE)."""
    return next((value for value in values if value is not None), None)


def publication_values(*, publish_at, first_published_at, now, coalesce=first_set):
    """Return the fields of a story going public: status and both times.

    A publish time already set is kept (a future one schedules the story);
    otherwise it goes out `now`. The first publication time is set once.
    Pass `coalesce=Coalesce` with expressions to build the same rule for
    `QuerySet.update()`.
    """
    publish_at = coalesce(publish_at, now)
    return {
        "status": Status.PUBLISHED,
        "publish_at": publish_at,
        "first_published_at": coalesce(first_published_at, publish_at),
    }
