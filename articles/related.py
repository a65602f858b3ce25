"""The "Related content" block: curated links, then shared topics (or shared words),
then the section."""

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Ln, Substr

from media.models import Image

from .addresses import web_address_q
from .models import Article, RelatedLink, TaggedArticle
from .querysets import published_q
from .search.terms import significant_words
from .text import teaser

# How many of the newest stories sharing a tag are ranked by tags in common.
RELATED_CANDIDATE_WINDOW = 100
# A story with fewer topics is matched by its words instead.
MIN_TAGS_TO_RANK = 2
# Ranking looks at a story's first topics only, so the query stays one size.
MAX_RANKED_TAGS = 8
# "More like this" compares the newest public stories, this many of them.
MORE_LIKE_THIS_WINDOW = 100
# A word shared in the headline counts fully; in the standfirst, as PostgreSQL's
# search weighs a standfirst (B) against a headline (A).
HEADLINE_WEIGHT, STANDFIRST_WEIGHT = 1.0, 0.4
# Enough of a body for a teaser when a story has no standfirst.
TEASER_SOURCE_LENGTH = 2000


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
            # Loaded without its body (`recent_public_stories`), a story brings
            # the start of it for the teaser.
            teaser=teaser(
                article.standfirst or getattr(article, "teaser_source", None) or ""
            )
            if "body" in article.get_deferred_fields()
            else article.teaser,
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


def tag_weight(flags):
    """Return the IDF-weighted sum of the topics the outer story carries.

    `flags` names annotations, one per topic, that are 1 when the story carries
    it. Each shared topic counts ln((N + 1) / (n + 1)), where N is the number
    of candidates and n the number carrying that topic: a broad topic on most
    of them ("Pakistan") adds little, a narrow one on few ("TTP") adds much.
    The counts are taken over the bounded candidate window (window functions
    over the rows of this one query), so rarity costs no query and no scan of
    the archive; the window holds the newest stories sharing any of the
    topics, so it measures how rare a topic is among the story's neighbours.
    """
    candidates = Cast(Window(Count("pk")), FloatField()) + Value(1.0)
    total = Value(0.0, output_field=FloatField())
    for flag in flags:
        carrying = Window(Sum(F(flag))) + Value(1.0)
        total = total + F(flag) * Ln(candidates / carrying)
    return total


def sharing_rare_topics(tag_ids, *, exclude, now=None):
    """Return the window's stories sharing `tag_ids`, rarest shared topics first."""
    flags = {
        f"carries_{number}": carries(tag_id) for number, tag_id in enumerate(tag_ids)
    }
    return (
        Article.objects.filter(pk__in=recent_sharing_tags(tag_ids, exclude, now=now))
        .alias(**flags)
        .annotate(weight=tag_weight(flags))
        .order_by("-weight", "-publish_at", "-pk")
    )


def recent_public_stories(*, exclude, now=None):
    """Return the newest public stories outside `exclude`, as cards need them.

    Only what a card and the comparison read: a hundred whole stories (bodies
    above all) cost more to load than everything else in the block.
    """
    return (
        Article.objects.published(now=now)
        .exclude(pk__in=exclude)
        .select_related("hero_image")
        .only("title", "slug", "standfirst", "publish_at", "section_id", "hero_image")
        .annotate(teaser_source=Substr("body", 1, TEASER_SOURCE_LENGTH))
        .newest_first()[:MORE_LIKE_THIS_WINDOW]
    )


def more_like_this(article, *, exclude, limit, now=None):
    """Return up to `limit` public stories whose headline and standfirst share
    the most telling words with `article`'s, best first, ties newest first.

    Compared among the newest `MORE_LIKE_THIS_WINDOW` public stories, in
    Python: each shared word counts ln((N + 1) / (n + 1)), N the stories in
    the window and n those using the word, as shared topics do; in full when
    it is in the other story's headline, at `STANDFIRST_WEIGHT` in its
    standfirst. Not the full-text index: asking
    FTS5 whether each of a hundred stories matches twelve common words reads
    those words' whole doclists every time (seconds at 100,000 stories), and
    the other way round lists every story holding any of them.
    """
    wanted = significant_words(f"{article.title} {article.standfirst}")
    if not wanted:
        return []
    window = list(recent_public_stories(exclude=exclude, now=now))
    candidates = []
    for other in window:
        headline = significant_words(other.title) & wanted
        standfirst = (significant_words(other.standfirst) & wanted) - headline
        if headline or standfirst:
            candidates.append((other, headline, standfirst))
    carrying = Counter(
        word for _, headline, standfirst in candidates for word in headline | standfirst
    )

    def rarity(word):
        return math.log((len(window) + 1) / (carrying[word] + 1))

    ranked = sorted(
        candidates,
        key=lambda found: (
            -(
                HEADLINE_WEIGHT * sum(map(rarity, found[1]))
                + STANDFIRST_WEIGHT * sum(map(rarity, found[2]))
            ),
            -found[0].publish_at.timestamp(),
            -found[0].pk,
        ),
    )
    return [other for other, _, _ in ranked[:limit]]


def similar_stories(article, *, exclude, limit, now=None):
    """Return up to `limit` public stories like `article`, best first: by topics, or
    by words. Uses the topics prefetched by `with_detail_data()`."""
    tag_ids = [item.tag_id for item in article.tagged_items.all()][:MAX_RANKED_TAGS]
    if len(tag_ids) >= MIN_TAGS_TO_RANK:
        return list(
            sharing_rare_topics(tag_ids, exclude=exclude, now=now).select_related(
                "hero_image"
            )[:limit]
        )
    # Too few topics to say what the story is about: its words say it.
    return more_like_this(article, exclude=exclude, limit=limit, now=now)


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
        for other in similar_stories(
            article, exclude=seen, limit=limit - len(cards), now=now
        ):
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
