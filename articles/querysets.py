"""What readers may see, and how lists of stories are loaded: one place for both."""

from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone


def published_q(*, prefix: str = "", now=None) -> Q:
    """Return the condition for a public story, optionally across a relation."""
    now = now or timezone.now()
    return Q(**{f"{prefix}status": "published", f"{prefix}publish_at__lte": now})


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Stories readers may see: published, and their publish time has come."""
        return self.filter(published_q(now=now))

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def with_listing_data(self):
        """Load what a card or list row shows, in a fixed number of queries."""
        from .models import ArticleAuthor

        return self.select_related("section", "hero_image").prefetch_related(
            Prefetch(
                "article_authors",
                queryset=ArticleAuthor.objects.select_related("author").order_by(
                    "order", "pk"
                ),
            )
        )

    def with_detail_data(self):
        """Load what the story page shows besides related content."""
        return self.with_listing_data().prefetch_related("tags")

    def publish(self, *, now=None):
        """Publish every story in the set; a story keeps a publish time it already has."""
        from django.db.models.functions import Coalesce

        now = now or timezone.now()
        return self.update(
            status="published",
            publish_at=Coalesce("publish_at", models.Value(now)),
            first_published_at=Coalesce(
                "first_published_at", "publish_at", models.Value(now)
            ),
            updated_at=now,
        )

    def unpublish(self):
        """Return every story in the set to draft."""
        return self.update(status="draft", updated_at=timezone.now())
