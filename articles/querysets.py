"""What readers may see, and how lists of stories are loaded: one place for both."""

from collections import defaultdict
from functools import cache

from django.db import models
from django.db.models import (
    Aggregate,
    Case,
    Exists,
    F,
    JSONField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr
from django.db.models.query import ModelIterable
from django.utils import timezone

from .prepared import prepared
from .publishing import State, Status, publication_values

# What a card reads of a story (`for_cards()`): its picture is decorative (it
# repeats the headline beside it), so of the image only its renditions.
CARD_FIELDS = (
    "title",
    "slug",
    "standfirst",
    "publish_at",
    "section",
    "hero_image__file",
    "hero_image__renditions",
)
# And of its section, what a link to it needs.
CARD_SECTION_FIELDS = ("section__name", "section__slug")
# Enough of a body for a teaser when a story has no standfirst.
TEASER_SOURCE_LENGTH = 2000


def teaser_source(prefix=""):
    """The start of a story's body, for a teaser, when it has no standfirst.

    A story with a standfirst (most of them) brings nothing: its teaser is that.
    """
    return Case(
        When(
            **{f"{prefix}standfirst": ""},
            then=Substr(f"{prefix}body", 1, TEASER_SOURCE_LENGTH),
        ),
        default=Value(""),
    )


def published_q(*, prefix: str = "", now=None) -> Q:
    """Return the condition for a public story, optionally across a relation.

    Published, its publish time has come, and its expiry (if any) has not: a
    scheduled story goes live and an expired one leaves with no job to run.
    """
    now = now or timezone.now()
    return Q(
        Q(**{f"{prefix}expires_at__isnull": True})
        | Q(**{f"{prefix}expires_at__gt": now}),
        **{f"{prefix}status": Status.PUBLISHED, f"{prefix}publish_at__lte": now},
    )


@prepared(shape=("links",))
def byline_links(*, links, story_ids):
    """The byline `links` of stories `story_ids`, with their authors, in byline order."""
    return (
        links.objects.filter(article__in=story_ids)
        .select_related("author")
        .order_by("order", "pk")
    )


@prepared(shape=("links",))
def topic_links(*, links, story_ids):
    """The topic `links` of stories `story_ids`, with their topics, in the editor's order."""
    return (
        links.objects.filter(content_object__in=story_ids)
        .select_related("tag")
        .order_by("pk")
    )


def _hand_out(stories, query, relation, story_key, item, attribute):
    """Read the `relation` links of all `stories` with `query`, in one query, and
    give each story the `item` of its own links, in order, as `attribute`.

    Not a `Prefetch`: that builds a filtered queryset for every story, which
    cost 1.4 ms of a 30-story home page (bench/analysis.md, finding 18).
    """
    if stories:
        links = type(stories[0])._meta.get_field(relation).related_model
        found = defaultdict(list)
        for link in query(links=links, story_ids=[story.pk for story in stories]):
            found[getattr(link, story_key)].append(getattr(link, item))
        for story in stories:
            setattr(story, attribute, found[story.pk])
    return stories


def load_bylines(stories):
    """Give each of `stories` its byline (`Article.byline_authors`) from one query."""
    return _hand_out(
        stories,
        byline_links,
        "article_authors",
        "article_id",
        "author",
        "loaded_byline",
    )


def load_topics(stories):
    """Give each of `stories` its topics (`Article.topics`) from one query."""
    return _hand_out(
        stories,
        topic_links,
        "tagged_items",
        "content_object_id",
        "tag",
        "loaded_topics",
    )


class JSONRows(Aggregate):
    """A group's rows as a JSON list, one array of `expressions` per row, in no
    set order: SQLite before 3.44 takes no ORDER BY inside an aggregate, so the
    arrays carry what orders them."""

    function = "JSON_GROUP_ARRAY"
    template = "%(function)s(JSON_ARRAY(%(expressions)s))"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        # jsonb, which Django reads as text for JSONField to decode, as on SQLite.
        return self.as_sql(
            compiler,
            connection,
            function="JSONB_AGG",
            template="%(function)s(JSONB_BUILD_ARRAY(%(expressions)s))",
            **extra_context,
        )


# What a story page shows of a byline's author and of a topic.
SHOWN_FIELDS = ("id", "name", "slug")


def _link_rows(links, story_field, *ordering):
    """A subquery: the outer story's `links` as JSON rows of `ordering` (what
    orders them), then the linked item's `SHOWN_FIELDS`."""
    item = links._meta.get_field(story_field)
    item_field = next(
        field.name
        for field in links._meta.get_fields()
        if field.many_to_one and field is not item
    )
    return Subquery(
        links.objects.filter(**{story_field: OuterRef("pk")})
        .order_by()
        .values(story_field)
        .annotate(
            rows=JSONRows(
                *ordering, *(f"{item_field}__{name}" for name in SHOWN_FIELDS)
            )
        )
        .values("rows")
    )


def _items_from_rows(model, rows, *, db, ordering):
    """The `model` items of JSON `rows` (`_link_rows`), in order."""
    return [
        model.from_db(db, SHOWN_FIELDS, row[ordering:]) for row in sorted(rows or ())
    ]


def hand_out_rows(stories):
    """Give each of `stories` its byline and topics from the rows it was read with
    (`with_detail_data()`): no query."""
    if not stories:
        return stories
    fields = type(stories[0])._meta
    authors = fields.get_field("article_authors").related_model
    authors = authors._meta.get_field("author").related_model
    topics = fields.get_field("tagged_items").related_model
    topics = topics._meta.get_field("tag").related_model
    for story in stories:
        db = story._state.db
        story.loaded_byline = _items_from_rows(
            authors, story.__dict__.pop("byline_rows"), db=db, ordering=2
        )
        story.loaded_topics = _items_from_rows(
            topics, story.__dict__.pop("topic_rows"), db=db, ordering=1
        )
    return stories


class StoriesLoading(ModelIterable):
    """Stories, each given what `loaders` load for a list of them (one query each)."""

    loaders = ()

    def __iter__(self):
        stories = list(super().__iter__())
        for load in self.loaders:
            load(stories)
        yield from stories


@cache
def stories_loading(loaders):
    return type("StoriesLoading", (StoriesLoading,), {"loaders": loaders})


class ArticleQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """Stories readers may see: published, and their publish time has come."""
        return self.filter(published_q(now=now))

    def newest_first(self):
        return self.order_by("-publish_at", "-pk")

    def _slots_on(self, section):
        slots = self.model._meta.get_field("front_page_slots").related_model
        return slots.objects.filter(front_page__section=section)

    def placed_on(self, section=None):
        """Stories an editor placed on the home page (or `section`'s page), in slot order.

        Chain it after `published()`: a story placed ahead of its publish time
        stays off the page until then, and the next slot moves up meanwhile.
        """
        front_pages = (
            self.model._meta.get_field("front_page_slots")
            .related_model._meta.get_field("front_page")
            .related_model
        )
        # Through `__in`, not `front_page__section=None`: that would become a
        # LEFT JOIN matching every story with no slot at all. The slots pick
        # the stories, and this set's rule is a probe on each one's key: in
        # one WHERE with it, SQLite walks every public story to find the five
        # (113 ms at 100,000 stories; bench/analysis.md, finding 15).
        placed = (
            self.model._default_manager.filter(
                front_page_slots__front_page__in=front_pages.objects.filter(
                    section=section
                )
            )
            .filter(Exists(self.filter(pk=OuterRef("pk"))))
            .order_by("front_page_slots__position")
        )
        # A story moved to another section loses its pin rather than leaking in.
        return placed if section is None else placed.filter(section=section)

    def not_placed_on(self, section=None):
        """The stories that are not in the line-up of the home page (or `section`'s)."""
        return self.exclude(pk__in=self._slots_on(section).values("article"))

    def also_loading(self, loader):
        """Run `loader` (`load_bylines`, `load_topics`) on the stories once read."""
        stories = self._chain()
        loaders = getattr(stories._iterable_class, "loaders", ())
        if not issubclass(stories._iterable_class, ModelIterable):
            raise TypeError("Only stories read as models can have more loaded.")
        if loader not in loaders:
            stories._iterable_class = stories_loading((*loaders, loader))
        return stories

    def with_listing_data(self):
        """Load what a card or list row shows, in a fixed number of queries."""
        return self.with_card_relations().also_loading(load_bylines)

    def for_cards(self, *, with_section=True):
        """Load only what a card shows of each story, with its picture and, unless
        `with_section` is off (related cards name none), its section.

        A story's body is most of its row, and a card shows at most its start:
        that comes as `teaser_source`, for `Article.teaser`.
        """
        relations = ("section", "hero_image") if with_section else ("hero_image",)
        fields = (*CARD_FIELDS, *CARD_SECTION_FIELDS) if with_section else CARD_FIELDS
        return (
            self.select_related(*relations)
            .only(*fields)
            .annotate(teaser_source=teaser_source())
        )

    def with_card_relations(self):
        """Join what a card shows besides its byline; see `load_bylines()`."""
        return self.select_related("section", "hero_image")

    def with_topics(self):
        """Load each story's topics in the editor's order (`Article.topics`)."""
        return self.also_loading(load_topics)

    def with_detail_data(self):
        """Load what the story page shows besides related content, in one query.

        The byline and topics come as JSON rows of the story's own row
        (`hand_out_rows`): two queries fewer than `load_bylines()` and
        `load_topics()`. Most stories have no corrections and no curated links:
        `has_corrections` and `has_related_links` say so with the story itself,
        so the page asks for them only when there are some.
        """
        corrections = self.model._meta.get_field("corrections").related_model
        links = self.model._meta.get_field("related_links").related_model
        bylines = self.model._meta.get_field("article_authors").related_model
        topics = self.model._meta.get_field("tagged_items").related_model
        return (
            self.with_card_relations()
            .annotate(
                byline_rows=_link_rows(bylines, "article", "order", "pk"),
                topic_rows=_link_rows(topics, "content_object", "pk"),
                has_corrections=Exists(
                    corrections.objects.filter(article=OuterRef("pk"))
                ),
                has_related_links=Exists(links.objects.filter(article=OuterRef("pk"))),
            )
            .also_loading(hand_out_rows)
        )

    def newest_per_section(self, per_section):
        """Return the newest `per_section` stories of each section in this set.

        One query, whatever the number of sections: for each section, scalar
        subqueries pick its 1st, 2nd, … newest story by walking the section's
        index, so the cost stays the same at 1,000 stories or 100,000. (A
        ROW_NUMBER() window numbers every story in the set first: 800 ms at
        100,000 stories on SQLite.) The picks are one UNION ALL under a single
        `IN`, which both planners drive from the sections; an OR of one `IN` per
        rank made PostgreSQL test every story against each list (352 ms at
        100,000). The stories are then read by primary key, and only while they
        still match this set (`Exists`), so nothing outside `published()` is
        ever read; a plain `published()` filter here would make SQLite walk the
        whole public index instead of looking up the keys.
        """
        sections = self.model._meta.get_field("section").related_model
        newest_in_section = (
            self.filter(section=OuterRef("pk")).newest_first().values("pk")
        )
        picks = [
            sections.objects.order_by()
            .annotate(pick=Subquery(newest_in_section[rank : rank + 1]))
            .values("pick")
            for rank in range(per_section)
        ]
        picked = picks[0].union(*picks[1:], all=True)
        return (
            self.model._default_manager.filter(pk__in=picked)
            .filter(Exists(self.filter(pk=OuterRef("pk"))))
            .order_by("section__order", "section__name", "-publish_at", "-pk")
        )

    def with_pending_flag(self):
        """Annotate `has_pending_change`, so lists show it without a query per row."""
        pending = self.model._meta.get_field("pending_change").related_model
        return self.annotate(
            has_pending_change=Exists(pending.objects.filter(article=OuterRef("pk")))
        )

    def in_state(self, state, *, now=None):
        """Stories in one of the states editors see (`State`), at `now`."""
        now = now or timezone.now()
        pending = self.model._meta.get_field("pending_change").related_model
        has_pending = Exists(pending.objects.filter(article=OuterRef("pk")))
        conditions = {
            State.DRAFT: Q(status=Status.DRAFT),
            State.IN_REVIEW: Q(status=Status.IN_REVIEW),
            State.SCHEDULED: Q(status=Status.PUBLISHED, publish_at__gt=now),
            State.LIVE: published_q(now=now) & ~Q(has_pending),
            State.LIVE_WITH_CHANGES: published_q(now=now) & Q(has_pending),
            State.EXPIRED: Q(status=Status.PUBLISHED, expires_at__lte=now),
            State.UNPUBLISHED: Q(status=Status.UNPUBLISHED),
            State.TAKEN_DOWN: Q(status=Status.TAKEN_DOWN),
        }
        return self.filter(conditions[state])

    def publish(self, *, now=None):
        """Publish every story in the set; a story keeps a publish time it already has."""
        now = now or timezone.now()
        return self.update(
            **publication_values(
                publish_at=F("publish_at"),
                first_published_at=F("first_published_at"),
                now=Value(now),
                coalesce=Coalesce,
            ),
            # A bulk change is a save too: a form opened before it is now stale.
            lock_version=F("lock_version") + 1,
            updated_at=now,
        )

    def unpublish(self):
        """Take every story in the set off the site; each keeps its times."""
        return self.update(
            status=Status.UNPUBLISHED,
            lock_version=F("lock_version") + 1,
            updated_at=timezone.now(),
        )


class ArticleManager(models.Manager.from_queryset(ArticleQuerySet)):
    def get_queryset(self):
        # Only the database reads the search document; it is the widest column.
        return super().get_queryset().defer("search_vector")
