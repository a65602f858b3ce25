"""Kept rankings: a story's similar stories are ranked when it changes and read,
not ranked, by its page (`related.rank_similar`)."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import workflow
from articles.models import Article
from articles.related import rank_similar, related_content
from articles.roles import EDITOR
from articles.snapshots import take_snapshot
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_image,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db


def titles(cards):
    return [card.title for card in cards]


def loaded(story):
    return Article.objects.with_detail_data().get(pk=story.pk)


@pytest.fixture
def story(clock):
    return make_article(
        title="The story",
        section=make_section(slug="home-section"),
        tags=["A", "B", "C"],
    )


def similar_titles(story):
    return titles(related_content(loaded(story)))


@pytest.fixture
def editor(db):
    return make_user(EDITOR)


def test_a_kept_ranking_is_read_without_ranking_again(
    story, clock, django_assert_num_queries
):
    make_article(title="Shares two", tags=["A", "B"], section=make_section())
    make_article(title="Shares one", tags=["C"], section=make_section())
    rank_similar(story)
    story = Article.objects.with_detail_data().get(pk=story.pk)

    with CaptureQueriesContext(connection) as queries:
        cards = related_content(story)

    assert titles(cards) == ["Shares two", "Shares one"]
    # The kept stories and the section's newest: no ranking window, and no
    # curated links asked for, since the story has none.
    assert len(queries) == 2
    assert not any(" OVER " in query["sql"] for query in queries)


def test_a_kept_pick_taken_off_the_site_leaves_the_block_at_once(story, clock, editor):
    pick = make_article(title="Pick", tags=["A", "B"], section=make_section())
    rank_similar(story)
    assert similar_titles(story) == ["Pick"]

    workflow.take_down(pick, by=editor, reason="Legal")

    assert similar_titles(story) == []
    assert Article.objects.get(pk=story.pk).similar_story_ids == [pick.pk]


def make_follow_up():
    """A draft on the story's topics, ready to pass the publish checks."""
    return make_draft(
        title="Follow-up",
        tags=["A", "B"],
        section=make_section(),
        authors=[make_author()],
        hero_image=make_image(credit="Byline picture desk"),
    )


def test_a_published_follow_up_joins_the_block_of_the_story_it_follows_at_once(
    story, clock, editor
):
    rank_similar(story)
    follow_up = make_follow_up()

    workflow.publish(follow_up, by=editor)

    assert similar_titles(story) == ["Follow-up"]
    assert similar_titles(follow_up) == ["The story"]


def test_a_scheduled_follow_up_joins_its_neighbours_block_at_its_go_live_time(
    story, clock, editor
):
    rank_similar(story)
    follow_up = make_follow_up()

    workflow.schedule(follow_up, by=editor, at=clock.now + timedelta(hours=2))

    assert similar_titles(story) == []
    clock.advance(hours=2)
    assert similar_titles(story) == ["Follow-up"]


def test_an_edit_of_a_storys_topics_ranks_it_again(story, clock, editor):
    make_article(title="About A", tags=["A", "X"], section=make_section())
    make_article(title="About Y", tags=["Y", "Z"], section=make_section())
    rank_similar(story)
    assert similar_titles(story) == ["About A"]
    before = take_snapshot(story)

    story.tags.set(["Y", "Z"])
    workflow.record_edit(story, by=editor, before=before, after=take_snapshot(story))

    assert similar_titles(story) == ["About Y"]


def test_saving_a_copy_loaded_before_the_ranking_keeps_the_ranking(story, clock):
    stale_copy = Article.objects.get(pk=story.pk)
    make_article(title="Pick", tags=["A", "B"], section=make_section())
    rank_similar(story)

    stale_copy.title = "The story, retitled"
    stale_copy.save()

    kept = Article.objects.get(pk=story.pk)
    assert kept.title == "The story, retitled"
    assert kept.similar_story_ids is not None
    assert similar_titles(story) == ["Pick"]


def test_refresh_related_ranks_every_public_story_again(story, clock):
    pick = make_article(title="Pick", tags=["A", "B"], section=make_section())
    draft = make_draft(title="Draft", tags=["A", "B"])
    out = StringIO()

    call_command("refresh_related", stdout=out)

    assert Article.objects.get(pk=story.pk).similar_story_ids == [pick.pk]
    assert Article.objects.get(pk=pick.pk).similar_story_ids == [story.pk]
    assert Article.objects.get(pk=draft.pk).similar_story_ids is None
    assert "Ranked the related stories of 2 stories" in out.getvalue()


def test_refresh_related_can_rank_only_the_stories_never_ranked(story, clock):
    make_article(title="Pick", tags=["A", "B"], section=make_section())
    rank_similar(story)
    Article.objects.filter(pk=story.pk).update(similar_story_ids=[])

    call_command("refresh_related", "--unranked", stdout=StringIO())

    assert Article.objects.get(pk=story.pk).similar_story_ids == []
    assert similar_titles(story) == []


def test_the_story_page_shows_the_kept_ranking_without_ranking(story, clock, client):
    make_article(title="Shares two", tags=["A", "B"], section=make_section())
    rank_similar(story)
    make_article(
        title="Published since, shares three",
        tags=["A", "B", "C"],
        section=make_section(),
    )

    with CaptureQueriesContext(connection) as queries:
        response = client.get(story.get_absolute_url())

    # The kept ranking: the newer story joins it when the story is ranked again.
    assert titles(response.context["related_cards"]) == ["Shares two"]
    assert not any(" OVER " in query["sql"] for query in queries)
