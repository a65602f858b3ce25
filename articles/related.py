"""The "Related content" block: curated links, then shared topics (or shared words),
then the section."""

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Cast, Coalesce, Ln
from django.utils import timezone

from media.models import Image

from .addresses import web_address_q
from .models import Article, RelatedLink, TaggedArticle
from .prepared import prepared
from .querysets import CARD_FIELDS, published_q, teaser_source
from .search.terms import significant_words

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
# How many similar stories a story keeps (`rank_similar`): more than a block
# shows, so that picks taken off the site or curated as well leave others.
STORED_SIMILAR = 8


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
    """Return the newest public stories outside `exclude`, as cards need them."""
    return (
        Article.objects.published(now=now)
        .exclude(pk__in=exclude)
        .newest_first()
        .for_cards(with_section=False)
    )[:MORE_LIKE_THIS_WINDOW]


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
    by words. Uses the topics loaded by `with_detail_data()`."""
    tag_ids = [tag.pk for tag in article.topics][:MAX_RANKED_TAGS]
    if len(tag_ids) >= MIN_TAGS_TO_RANK:
        return list(
            sharing_rare_topics(tag_ids, exclude=exclude, now=now).select_related(
                "hero_image"
            )[:limit]
        )
    # Too few topics to say what the story is about: its words say it.
    return more_like_this(article, exclude=exclude, limit=limit, now=now)


def rank_similar(article, *, now=None):
    """Rank the stories most like `article` as of `now` and keep their ids on it;
    return them.

    Readers' requests read the kept ranking instead of working it out: ranking
    builds and runs the block's largest query, which costs more than the rest
    of the story page. A story taken off the site leaves every kept ranking at
    once, because `related_content()` reads the ids through `published()`.
    """
    now = now or timezone.now()
    # The stored topics, not a prefetched copy that may predate the edit.
    article = Article.objects.with_topics().get(pk=article.pk)
    ranked = [
        story.pk
        for story in similar_stories(
            article, exclude={article.pk}, limit=STORED_SIMILAR, now=now
        )
    ]
    Article.objects.filter(pk=article.pk).update(
        similar_story_ids=ranked, similar_ranked_at=now
    )
    return ranked


def rank_similar_around(article):
    """Rank `article` and, when it is published, the stories it is most like.

    Called whenever a story changes (`workflow.record()`). Likeness goes both
    ways, so a follow-up joins the blocks of the stories it follows at once;
    the rest of the archive meets it when `manage.py refresh_related` runs. A
    scheduled story is ranked, with its neighbours, as of its go-live time:
    they show it from then, and not before, since reads go through
    `published()`.
    """
    now = timezone.now()
    if article.status == Article.Status.PUBLISHED and article.publish_at:
        now = max(now, article.publish_at)
    neighbours = rank_similar(article, now=now)
    if article.status == Article.Status.PUBLISHED:
        for neighbour in Article.objects.filter(pk__in=neighbours).only("pk"):
            rank_similar(neighbour, now=now)


def rank_similar_of_each(ids, *, progress=None):
    """Rank the stories `ids` one by one, each as of now or its go-live time.

    `progress(1)` is called after each.
    """
    now = timezone.now()
    for story in Article.objects.filter(pk__in=ids).only("pk", "publish_at"):
        rank_similar(story, now=max(now, story.publish_at or now))
        if progress:
            progress(1)


def kept_similar_stories(article, *, exclude, limit, now=None):
    """Return up to `limit` of the similar stories kept on `article`, in their order,
    leaving out those in `exclude` and any no longer public."""
    wanted = [pk for pk in article.similar_story_ids if pk not in exclude]
    if not wanted:
        return []
    return first_public_cards(ids=wanted, now=now or timezone.now(), limit=limit)


def public_stories_by_id(ids, *, now=None):
    """The stories `ids` that are public, as cards need them: looked up by key.

    `published()` is a probe on each story's key: in one WHERE with the ids,
    SQLite walks the public index instead (16.8 ms at 100,000 stories;
    bench/analysis.md, finding 16).
    """
    public = Article.objects.published(now=now).filter(pk=OuterRef("pk"))
    return (
        Article.objects.filter(pk__in=ids)
        .filter(Exists(public))
        .for_cards(with_section=False)
    )


def first_public_stories(ids, *, limit, now=None):
    """The first `limit` of stories `ids` that are public, in the order of `ids`.

    Only those are read: a block of three cards needs three of the eight kept.
    """
    in_given_order = Case(
        *(When(pk=pk, then=Value(position)) for position, pk in enumerate(ids))
    )
    return public_stories_by_id(ids, now=now).order_by(in_given_order)[:limit]


@prepared(shape=("limit",))
def first_public_cards(*, ids, now, limit):
    """`first_public_stories()`, compiled once (`prepared`)."""
    return first_public_stories(ids, limit=limit, now=now)


@prepared(shape=("limit",))
def curated_cards(*, story, now, limit):
    """Up to `limit` of `story`'s curated links that a reader may follow, in order:
    to web addresses, and to public stories (as cards need them)."""
    return (
        RelatedLink.objects.filter(article=story)
        .filter(
            # Rows written before the database refused other schemes stay unlinked.
            (Q(target__isnull=True) & web_address_q("url"))
            | published_q(prefix="target__", now=now)
        )
        .select_related("target__hero_image")
        # What a card reads of the story linked to, as `for_cards()`.
        .only(
            "target_id",
            "url",
            "title",
            *(f"target__{name}" for name in CARD_FIELDS),
        )
        .annotate(target_teaser_source=teaser_source(prefix="target__"))
        .order_by("order", "pk")[:limit]
    )


@prepared(shape=("limit",))
def newest_in_section(*, section, exclude, now, limit):
    """Up to `limit` of the newest public stories in `section` outside `exclude`."""
    return (
        Article.objects.published(now=now)
        .filter(section_id=section)
        .exclude(pk__in=exclude)
        .newest_first()
        .for_cards(with_section=False)
    )[:limit]


def related_content(article, *, limit=3, now=None):
    """Return up to `limit` cards for `article`, in at most three queries.

    Curated links first; then the stories most like it: for a story with two
    topics or more, the stories sharing the rarest of them (`tag_weight`);
    for a story with fewer, the stories whose words are most like its
    headline and standfirst; then the newest in its section. The similar
    stories are those kept on the story by `rank_similar()`, or, for a story
    never ranked, ranked here.
    """
    now = now or timezone.now()
    cards = []
    seen = {article.pk}
    # `with_detail_data()` says whether there are any to read.
    if getattr(article, "has_related_links", True):
        for link in curated_cards(story=article, now=now, limit=limit):
            if link.target_id:
                seen.add(link.target_id)
                link.target.teaser_source = link.target_teaser_source
                cards.append(RelatedCard.for_article(link.target))
            else:
                cards.append(
                    RelatedCard(title=link.title, url=link.url, is_external=True)
                )

    if len(cards) < limit:
        similar = (
            similar_stories
            if article.similar_story_ids is None
            else kept_similar_stories
        )
        for other in similar(article, exclude=seen, limit=limit - len(cards), now=now):
            seen.add(other.pk)
            cards.append(RelatedCard.for_article(other))

    if len(cards) < limit:
        same_section = newest_in_section(
            section=article.section_id, exclude=seen, now=now, limit=limit - len(cards)
        )
        cards.extend(RelatedCard.for_article(other) for other in same_section)
    return cards
