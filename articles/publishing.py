"""The publishing rule, written once: a story's status and its two publication times.

The model's `save()` and `clean()`, `Article.publish()`, and the QuerySet's bulk
`publish()` (behind the admin's action) all apply `publication_values()`, so a
published story always has a publish time and its first publication time is set
once and never moved.
"""

from django.db import models


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


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
