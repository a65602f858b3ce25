"""The "Related content" block: curated links, then shared tags, then the section."""

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, Subquery

from media.models import Image

from .addresses import web_address_q
from .models import Article, RelatedLink, TaggedArticle
from .querysets import published_q

# How many of the newest stories sharing a tag are ranked by tags in common.
RELATED_CANDIDATE_WINDOW = 100


@dataclass(frozen=True)
class RelatedCard:
    title: str
    url: str
    teaser: str = ""
    image: Image | None = None
    is_external: bool = False
    story_id: int | None = None

    @classmethod
    def for_article(cls, article):
        return cls(
            title=article.title,
            url=article.get_absolute_url(),
            teaser=article.teaser,
            image=article.hero_image,
            story_id=article.pk,
        )


def recent_sharing_tags(tag_ids, exclude, *, now=None):
    """Return a subquery of the newest public stories carrying any of `tag_ids`.

    Ranking every story that shares a tag means counting tens of thousands of
    rows in a big archive; walking the newest first and stopping at a window
    keeps the block's cost the same at 1,000 stories or 1,000,000.
    """
    carries_a_tag = TaggedArticle.objects.filter(
        content_object=OuterRef("pk"), tag_id__in=tag_ids
    )
    return (
        Article.objects.published(now=now)
        .exclude(pk__in=exclude)
        .filter(Exists(carries_a_tag))
        .newest_first()
        .values("pk")[:RELATED_CANDIDATE_WINDOW]
    )


def shared_tag_count(tag_ids):
    """Return a subquery counting how many of `tag_ids` the outer story carries."""
    return Subquery(
        TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag_id__in=tag_ids)
        .order_by()
        .values("content_object")
        .annotate(shared=Count("pk"))
        .values("shared")
    )


def related_content(article, *, limit=3, now=None):
    """Return up to `limit` cards for `article`, in at most three queries."""
    cards = []
    seen = {article.pk}

    curated = (
        RelatedLink.objects.filter(article=article)
        .filter(
            # Rows written before the database refused other schemes stay unlinked.
            (Q(target__isnull=True) & web_address_q("url"))
            | published_q(prefix="target__", now=now)
        )
        .select_related("target__hero_image")
        .order_by("order", "pk")
    )
    for link in curated[:limit]:
        if link.target_id:
            seen.add(link.target_id)
            cards.append(RelatedCard.for_article(link.target))
        else:
            cards.append(RelatedCard(title=link.title, url=link.url, is_external=True))

    tag_ids = [item.tag_id for item in article.tagged_items.all()]
    if len(cards) < limit and tag_ids:
        sharing_tags = (
            Article.objects.filter(pk__in=recent_sharing_tags(tag_ids, seen, now=now))
            .annotate(shared_tags=shared_tag_count(tag_ids))
            .select_related("hero_image")
            .order_by("-shared_tags", "-publish_at", "-pk")
        )
        for other in sharing_tags[: limit - len(cards)]:
            seen.add(other.pk)
            cards.append(RelatedCard.for_article(other))

    if len(cards) < limit:
        same_section = (
            Article.objects.published(now=now)
            .filter(section_id=article.section_id)
            .exclude(pk__in=seen)
            .select_related("hero_image")
            .newest_first()
        )
        cards.extend(
            RelatedCard.for_article(other)
            for other in same_section[: limit - len(cards)]
        )
    return cards
