"""What the page cache needs to know about stories: when pages must change by
themselves (scheduled go-lives and expiries), and which objects a page shows."""

from django.db.models import Min, Q

from .models import Article
from .publishing import Status


def next_visibility_change(now):
    """Return the next moment a story goes live or expires after `now`, or None.

    No cached page may outlive it: a story scheduled for 10:00 is on the cached
    home page at 10:00, with nothing else happening.
    """
    moments = Article.objects.filter(status=Status.PUBLISHED).aggregate(
        go_live=Min("publish_at", filter=Q(publish_at__gt=now)),
        expiry=Min("expires_at", filter=Q(expires_at__gt=now)),
    )
    upcoming = [moment for moment in moments.values() if moment is not None]
    return min(upcoming) if upcoming else None


def story_keys(article):
    return [f"story-{article.pk}"]


def listing_keys(articles):
    """Return the surrogate keys of a list of stories and what their cards show."""
    keys = set()
    for article in articles:
        keys.add(f"story-{article.pk}")
        keys.add(f"section-{article.section_id}")
        if article.hero_image_id:
            keys.add(f"image-{article.hero_image_id}")
        keys.update(f"author-{author.pk}" for author in article.byline_authors)
    return keys
