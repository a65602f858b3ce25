"""Prepared queries: compiled once, run with each call's values, never staler than
the queryset they stand for, and refused when their SQL depends on anything else."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import signals
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import page_queries
from articles.models import Article, Section
from articles.prepared import MAX_PLANS, PreparedQuery, UnpreparableQuery, prepared
from tests.factories import (
    link,
    make_article,
    make_author,
    make_future,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db


class CountingBuild:
    """A queryset builder that counts how often it is asked to build."""

    def __init__(self, build):
        self.build = build
        self.__name__ = self.__qualname__ = build.__name__
        self.__doc__ = build.__doc__
        self.calls = 0

    def __call__(self, **kwargs):
        self.calls += 1
        return self.build(**kwargs)


def public_by_slugs(*, now, slugs):
    return Article.objects.published(now=now).filter(slug__in=slugs).order_by("slug")


def slugs(stories):
    return [story.slug for story in stories]


def test_prepared_query_runs_each_call_with_its_own_values():
    make_article(slug="first")
    make_article(slug="second")
    query = prepared(public_by_slugs)
    now = timezone.now()

    assert slugs(query(now=now, slugs=["first"])) == ["first"]
    assert slugs(query(now=now, slugs=["second"])) == ["second"]
    assert slugs(query(now=now, slugs=["second", "first"])) == ["first", "second"]


def test_prepared_query_compiles_once_per_shape_and_never_again():
    make_article(slug="first")
    build = CountingBuild(public_by_slugs)
    query = PreparedQuery(build)
    now = timezone.now()

    query(now=now, slugs=["first"])
    # Twice on first use: the stand-ins are checked against a second set.
    assert build.calls == 2
    query(now=now + timedelta(seconds=1), slugs=["other"])
    assert build.calls == 2
    # Two slugs are two parameters: another shape, compiled once more.
    query(now=now, slugs=["first", "other"])
    assert build.calls == 4


def test_prepared_query_reads_the_database_on_every_call():
    """Only SQL is kept: a story published after the first call is found by the next."""
    query = prepared(public_by_slugs)
    now = timezone.now()
    assert query(now=now, slugs=["late"]) == []

    make_article(slug="late", publish_at=now - timedelta(minutes=1))

    assert slugs(query(now=now, slugs=["late"])) == ["late"]


def test_prepared_query_takes_the_time_it_is_given():
    scheduled = make_future(slug="scheduled")
    query = prepared(public_by_slugs)

    assert (
        query(now=scheduled.publish_at - timedelta(seconds=1), slugs=["scheduled"])
        == []
    )
    assert slugs(query(now=scheduled.publish_at, slugs=["scheduled"])) == ["scheduled"]


def test_prepared_query_drops_repeated_and_missing_ids_as_the_queryset_would():
    story = make_article()
    query = prepared(lambda *, ids: Article.objects.filter(pk__in=ids).order_by("pk"))

    assert query(ids=[story.pk, story.pk, None]) == [story]


def test_prepared_query_refuses_a_query_that_reads_the_clock_by_itself():
    """`published()` without `now=` reads the clock when built: a kept plan would
    show readers the site as it was when the plan was made."""
    make_article(slug="first")
    query = prepared(lambda *, slug: Article.objects.published().filter(slug=slug))

    with pytest.raises(UnpreparableQuery, match="changes by itself"):
        query(slug="first")


def test_prepared_query_refuses_a_value_that_would_change_its_sql():
    query = prepared(lambda *, image: Article.objects.filter(hero_image=image))

    with pytest.raises(UnpreparableQuery, match="None"):
        query(image=None)


def test_prepared_query_refuses_a_value_it_cannot_stand_in_for():
    query = prepared(lambda *, title: Article.objects.filter(title__icontains=title))

    # The value reaches the SQL as a LIKE pattern, not as itself.
    with pytest.raises(UnpreparableQuery, match="changes by itself"):
        query(title="radar")


def what_a_story_page_reads(story):
    return (
        story.section.name,
        story.hero_image.pk,
        [author.name for author in story.byline_authors],
        [tag.name for tag in story.topics],
        story.has_corrections,
        story.has_related_links,
    )


def test_prepared_story_loads_what_the_queryset_loads(clock):
    """Joins, annotations, bylines and topics come out as `with_detail_data()` gives them."""
    section = make_section(name="Analysis")
    image = make_image()
    first, second = make_author(name="A. First"), make_author(name="B. Second")
    story = make_article(
        slug="full",
        section=section,
        hero_image=image,
        authors=[second, first],
        tags=["Radar", "Coastal defence"],
    )
    link(story, url="https://example.org/", title="Elsewhere")
    expected = Article.objects.published().with_detail_data().get(slug="full")

    with CaptureQueriesContext(connection) as queries:
        (found,) = page_queries.public_story(now=clock.now, slug="full")
        shown = what_a_story_page_reads(found)
    assert shown == what_a_story_page_reads(expected)
    assert shown[2] == ["B. Second", "A. First"]
    assert shown[5] is True
    # The story with its joins, its byline and its topics; nothing read later.
    assert len(queries) == 1


def test_prepared_list_page_queries_follow_the_page_bounds(clock):
    section = make_section()
    for number in range(5):
        make_article(
            slug=f"s{number}",
            section=section,
            publish_at=clock.now - timedelta(hours=number + 1),
        )

    def page(start, stop):
        return slugs(
            page_queries.owner_stories(
                lookup="section",
                pins_lead=True,
                owner=section,
                now=clock.now,
                start=start,
                stop=stop,
            )
        )

    assert page(0, 2) == ["s0", "s1"]
    assert page(2, 4) == ["s2", "s3"]
    assert page(4, 6) == ["s4"]


def test_prepared_query_keeps_a_bounded_number_of_shapes():
    """A plan per page of a long list would grow a worker's memory for good."""
    stories = [make_article() for _ in range(3)]
    query = prepared(
        lambda *, now, start, stop: Article.objects.published(now=now).order_by("pk")[
            start:stop
        ],
        shape=("start", "stop"),
    )
    now = timezone.now()

    for start in range(MAX_PLANS + 8):
        query(now=now, start=start, stop=start + 1)

    assert len(query._plans) == MAX_PLANS
    # The oldest shapes were dropped, and are compiled again when asked for.
    assert query(now=now, start=0, stop=3) == stories


def test_prepared_query_refuses_a_query_that_returns_no_models():
    query = prepared(lambda *, now: Article.objects.published(now=now).values("pk"))

    with pytest.raises(UnpreparableQuery, match="returns models"):
        query(now=timezone.now())


def model_state(obj):
    """What a model instance holds: its fields, cached relations and state."""
    fields = {
        name: value for name, value in vars(obj).items() if not name.startswith("_")
    }
    joined = {
        name: model_state(other) if other is not None else None
        for name, other in obj._state.fields_cache.items()
    }
    return (
        type(obj),
        fields,
        joined,
        obj.get_deferred_fields(),
        obj._state.adding,
        obj._state.db,
    )


def test_prepared_query_builds_models_as_the_queryset_does(clock):
    """Deferred fields, joins (a missing picture too) and annotations, field for field."""
    pictured = make_article(slug="pictured", hero_image=make_image(), standfirst="")
    plain = make_article(slug="plain", hero_image=None)

    def cards(*, now, slugs):
        return public_by_slugs(now=now, slugs=slugs).for_cards()

    found = prepared(cards)(now=clock.now, slugs=["pictured", "plain"])
    expected = list(cards(now=clock.now, slugs=["pictured", "plain"]))

    assert [model_state(story) for story in found] == [
        model_state(story) for story in expected
    ]
    assert found[1].hero_image is None
    assert found[0].teaser_source == pictured.body
    # Built as read from the database: saving one updates its row.
    found[1].title = "Renamed"
    found[1].save(update_fields=["title"])
    assert Article.objects.get(pk=plain.pk).title == "Renamed"
    assert Article.objects.count() == 2


def test_prepared_query_sends_init_signals_to_whoever_listens():
    """A model is only built without `__init__` when nobody would notice."""
    make_section(name="Analysis")
    built = []

    def note(sender, instance, **kwargs):
        built.append(instance.name)

    signals.post_init.connect(note, sender=Section)
    try:
        sections = page_queries.nav_sections()
    finally:
        signals.post_init.disconnect(note, sender=Section)

    assert built == [section.name for section in sections]
    assert "Analysis" in built
