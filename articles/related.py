"""The "Related content" block: curated links, then shared topics (or shared words),
then the section."""

from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Coalesce, Ln

from media.models import Image

from .addresses import web_address_q
from .models import Article, RelatedLink, TaggedArticle
from .querysets import published_q
from .search import more_like_this

# How many of the newest stories sharing a tag are ranked by tags in common.
RELATED_CANDIDATE_WINDOW = 100
# A story with fewer topics is matched by its words instead.
MIN_TAGS_TO_RANK = 2
# Ranking looks at a story's first topics only, so the query stays one size.
MAX_RANKED_TAGS = 8


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


def carries(tag_id):
    """1 when the outer story carries topic `tag_id`, else 0.

    A correlated subquery with LIMIT 1, not EXISTS: PostgreSQL may turn an
    EXISTS into a hash of every story carrying the topic (thousands of rows
    for a broad one); this is one index probe per candidate.
    """
    return Coalesce(
        Subquery(
            TaggedArticle.objects.filter(content_object=OuterRef("pk"), tag_id=tag_id)
            .annotate(one=Value(1.0, output_field=FloatField()))
            .values("one")[:1]
        ),
        Value(0.0),
        output_field=FloatField(),
    )


def tag_weight(tag_ids):
    """Return the IDF-weighted sum of the topics in `tag_ids` the outer story carries.

    Each shared topic counts ln((N + 1) / (n + 1)), where N is the number of
    candidates and n the number carrying that topic: a broad topic on most of
    them ("Pakistan") adds little, a narrow one on few ("TTP") adds much. The
    counts are taken over the bounded candidate window (window functions over
    the rows of this one query), so rarity costs no query and no scan of the
    archive; the window holds the newest stories sharing any of the topics,
    so it measures how rare a topic is among the story's likely neighbours.
    """
    candidates = Window(Count("pk"))
    total = Value(0.0, output_field=FloatField())
    for tag_id in tag_ids:
        carrying = Window(Sum(carries(tag_id)))
        total = total + carries(tag_id) * Ln(
            (candidates + Value(1.0)) / (carrying + Value(1.0))
        )
    return total


def sharing_rare_topics(tag_ids, *, exclude, now=None):
    """Return the window's stories sharing `tag_ids`, rarest shared topics first."""
    return (
        Article.objects.filter(pk__in=recent_sharing_tags(tag_ids, exclude, now=now))
        .annotate(weight=tag_weight(tag_ids))
        .order_by("-weight", "-publish_at", "-pk")
    )


def similar_stories(article, *, exclude, now=None):
    """Return public stories like `article`, best first: by topics, or by words.

    Uses the topics prefetched by `with_detail_data()`.
    """
    tag_ids = [item.tag_id for item in article.tagged_items.all()][:MAX_RANKED_TAGS]
    if len(tag_ids) >= MIN_TAGS_TO_RANK:
        similar = sharing_rare_topics(tag_ids, exclude=exclude, now=now)
    else:
        # Too few topics to say what the story is about: its words say it.
        similar = more_like_this(article, exclude=exclude, now=now)
    return similar.select_related("hero_image")


def related_content(article, *, limit=3, now=None):
    """Return up to `limit` cards for `article`, in at most three queries.

    Curated links first; then, for a story with two topics or more, the
    stories sharing the rarest of them (`tag_weight`); for a story with fewer,
    the stories whose words are most like its headline and standfirst; then
    the newest in its section.
    """
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

    if len(cards) < limit:
        for other in similar_stories(article, exclude=seen, now=now)[
            : limit - len(cards)
        ]:
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
