"""Old addresses keep working: a story's retired slugs answer 301 to where it is now."""

from .models import Article, FormerSlug


def remember_old_slug(article, old_slug):
    """Record that `article` used to live at `old_slug`, after its slug changed.

    Called explicitly where a slug is saved (the admin's story form and
    `snapshots.write_snapshot()`, behind publishing changes, restores and
    recoveries). A story that was never published has no address anyone
    could have kept, so nothing is recorded for it. Each old slug points at
    the story, not at the slug that followed it, so chains of renames are one
    hop; renaming back to an old slug ends that redirect, so none can loop.
    """
    if not old_slug or old_slug == article.slug or article.first_published_at is None:
        return
    FormerSlug.objects.update_or_create(slug=old_slug, defaults={"article": article})
    FormerSlug.objects.filter(slug=article.slug).delete()


def moved_story(slug):
    """Return the public story that used to live at `slug`, or None."""
    return (
        Article.objects.published()
        .filter(former_slugs__slug=slug)
        .exclude(slug=slug)
        .only("slug")
        .first()
    )


def was_taken_down(slug):
    """True when `slug` was an old address of a story since taken down."""
    return Article.objects.filter(
        former_slugs__slug=slug, status=Article.Status.TAKEN_DOWN
    ).exists()
