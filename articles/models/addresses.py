"""Where a story used to live: old addresses that answer with a permanent redirect."""

from django.db import models

from .content import Article


class FormerSlug(models.Model):
    """A slug a public story had before an editor changed it.

    The story page answers 301 from it to the story's address now, for ever.
    Each old slug points at the story itself, not at the next slug, so a chain
    of renames is one redirect and can never loop.
    """

    slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="former_slugs"
    )
    retired_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-retired_at", "-pk"]
        verbose_name = "former address"
        verbose_name_plural = "former addresses"

    def __str__(self):
        return self.slug
