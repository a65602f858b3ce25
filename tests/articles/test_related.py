"""The "Related content" block: curated, then shared tags, then the section."""

import sys
from datetime import timedelta

import pytest

from articles.models import Article
from articles.related import rank_similar, related_content
from tests.factories import (
    link,
    make_article,
    make_articles_in_bulk,
    make_draft,
    make_future,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db


def titles(cards):
    return [card.title for card in cards]


def loaded(story):
    """Reload `story` as the story page does, tags prefetched."""
    return Article.objects.with_detail_data().get(pk=story.pk)


@pytest.fixture(autouse=True, params=["ranked-when-read", "ranking-kept"])
def ranking(request, monkeypatch):
    """Run every test twice: on a story never ranked, whose page ranks its similar
    stories itself, and on one whose ranking `rank_similar()` kept just before."""
    if request.param == "ranking-kept":

        def loaded_after_ranking(story):
            rank_similar(story)
            return Article.objects.with_detail_data().get(pk=story.pk)

        monkeypatch.setattr(sys.modules[__name__], "loaded", loaded_after_ranking)
    return request.param


@pytest.fixture
def story(clock):
    return make_article(
        title="The story",
        section=make_section(slug="home-section"),
        tags=["A", "B", "C"],
    )


def older(clock, hours):
    return clock.now - timedelta(hours=hours)


# ------------------------------------------------------------------ order


def test_curated_links_come_first_in_the_editors_order(story, clock):
    first = make_article(title="Curated first", section=make_section())
    second = make_article(title="Curated second", section=make_section())
    # Created in the other order, so only `order` can explain the result.
    link(story, to=second, order=2)
    link(story, to=first, order=1)
    make_article(title="Shares tags", tags=["A", "B", "C"], publish_at=clock.now)

    cards = related_content(loaded(story))

    assert titles(cards) == ["Curated first", "Curated second", "Shares tags"]


def test_curated_external_link_becomes_a_card_with_its_own_title(story, clock):
    other = make_article(title="Curated story", section=make_section())
    link(story, url="https://example.org/report", title="The full report", order=0)
    link(story, to=other, order=1)

    cards = related_content(loaded(story))

    external = cards[0]
    assert (external.title, external.url) == (
        "The full report",
        "https://example.org/report",
    )
    assert external.is_external
    assert external.image is None
    assert titles(cards)[1] == "Curated story"
    assert not cards[1].is_external
    assert cards[1].url == other.get_absolute_url()


def test_external_card_renders_with_an_external_marker(client, story):
    link(story, url="https://example.org/report", title="The full report")

    html = client.get(story.get_absolute_url()).content.decode()

    assert 'href="https://example.org/report" rel="noopener noreferrer"' in html
    assert "(external site)" in html


def test_stories_sharing_more_tags_come_before_those_sharing_fewer(story, clock):
    make_article(
        title="One tag, newest",
        tags=["A"],
        section=make_section(),
        publish_at=older(clock, 1),
    )
    make_article(
        title="Three tags, oldest",
        tags=["A", "B", "C"],
        section=make_section(),
        publish_at=older(clock, 9),
    )
    make_article(
        title="Two tags",
        tags=["B", "C", "Z"],
        section=make_section(),
        publish_at=older(clock, 5),
    )

    cards = related_content(loaded(story))

    assert titles(cards) == ["Three tags, oldest", "Two tags", "One tag, newest"]


def test_stories_sharing_as_many_tags_come_newest_first(story, clock):
    make_article(
        title="Older",
        tags=["A", "B"],
        section=make_section(),
        publish_at=older(clock, 3),
    )
    make_article(
        title="Newer",
        tags=["B", "C"],
        section=make_section(),
        publish_at=older(clock, 2),
    )

    cards = related_content(loaded(story))

    assert titles(cards) == ["Newer", "Older"]


def test_newest_in_the_same_section_fill_the_remaining_places(story, clock):
    make_article(
        title="Shares a tag",
        tags=["A"],
        section=make_section(),
        publish_at=older(clock, 30),
    )
    make_article(
        title="Section, older", section=story.section, publish_at=older(clock, 3)
    )
    make_article(
        title="Section, newer", section=story.section, publish_at=older(clock, 2)
    )
    make_article(
        title="Section, oldest", section=story.section, publish_at=older(clock, 4)
    )
    make_article(
        title="Other section, no tags", section=make_section(), publish_at=clock.now
    )

    cards = related_content(loaded(story))

    assert titles(cards) == ["Shares a tag", "Section, newer", "Section, older"]


def test_story_without_tags_or_words_in_common_is_filled_from_its_section(clock):
    section = make_section()
    # No topics, and no word of its headline or standfirst in any other story.
    story = make_article(
        section=section,
        title="Harbour cranes idle",
        standfirst="Dockers strike at dawn.",
    )
    make_article(title="Neighbour", section=section)
    make_article(title="Stranger", section=make_section())

    assert titles(related_content(loaded(story))) == ["Neighbour"]


def test_cards_carry_headline_url_teaser_and_hero_image(story, clock):
    hero = make_image()
    other = make_article(
        title="Pictured",
        standfirst="word " * 60,
        tags=["A"],
        hero_image=hero,
        section=make_section(),
    )

    (card,) = related_content(loaded(story))

    assert card.title == "Pictured"
    assert card.url == other.get_absolute_url()
    assert card.image == hero
    assert card.teaser.endswith("…")
    assert len(card.teaser) <= 141


def test_a_card_of_a_story_with_no_standfirst_starts_its_body(story, clock):
    """Curated, similar or from the section: the body's start stands in, tags gone."""
    body = "<p>Harbour <em>cranes</em> stood idle " + "for weeks " * 30 + "</p>"
    curated = make_article(title="Curated", standfirst="", body=body)
    make_article(title="Similar", standfirst="", body=body, tags=["A", "B"])
    make_article(title="Same section", standfirst="", body=body, section=story.section)
    link(story, to=curated)

    cards = related_content(loaded(story))

    assert titles(cards) == ["Curated", "Similar", "Same section"]
    for card in cards:
        assert card.teaser.startswith("Harbour cranes stood idle for weeks")
        assert card.teaser.endswith("…") and len(card.teaser) <= 141


# -------------------------------------------------------------- exclusion


def test_story_never_lists_itself(story, clock):
    make_article(title="Neighbour", section=story.section, tags=["A"])

    cards = related_content(loaded(story))

    assert titles(cards) == ["Neighbour"]
    assert story.get_absolute_url() not in [card.url for card in cards]


def test_curated_links_to_drafts_and_future_stories_are_skipped(story, clock):
    link(story, to=make_draft(title="Curated draft", section=make_section()), order=0)
    link(story, to=make_future(title="Curated future", section=make_section()), order=1)
    link(
        story, to=make_article(title="Curated public", section=make_section()), order=2
    )

    assert titles(related_content(loaded(story))) == ["Curated public"]


def test_drafts_and_future_stories_sharing_tags_or_section_are_skipped(story, clock):
    for make in (make_draft, make_future):
        make(
            title=f"Hidden by tags {make.__name__}",
            tags=["A", "B", "C"],
            section=make_section(),
        )
        make(title=f"Hidden in section {make.__name__}", section=story.section)
    make_draft(
        title="Pulled",
        tags=["A", "B", "C"],
        section=story.section,
        publish_at=older(clock, 1),
    )

    assert related_content(loaded(story)) == []


def test_curated_story_is_not_repeated_by_tags_or_section(story, clock):
    twin = make_article(title="Twin", tags=["A", "B", "C"], section=story.section)
    link(story, to=twin)

    assert titles(related_content(loaded(story))) == ["Twin"]


def test_story_sharing_tags_is_not_repeated_from_the_section(story, clock):
    make_article(title="Tagged neighbour", tags=["A"], section=story.section)

    assert titles(related_content(loaded(story))) == ["Tagged neighbour"]


# ----------------------------------------------------------------- limits


def test_at_most_three_cards(story, clock):
    for order in range(4):
        link(story, to=make_article(section=make_section()), order=order)
    for _ in range(4):
        make_article(tags=["A"], section=story.section)

    assert len(related_content(loaded(story))) == 3


def test_a_smaller_limit_is_honoured(story, clock):
    link(story, to=make_article(title="Curated", section=make_section()))
    make_article(title="Tagged", tags=["A"], section=make_section())

    assert titles(related_content(loaded(story), limit=1)) == ["Curated"]


def test_related_content_uses_a_bounded_number_of_queries(
    story, clock, django_assert_num_queries
):
    other_sections = [make_section() for _ in range(3)]
    archive = make_articles_in_bulk(
        200, sections=[story.section, *other_sections], image=make_image()
    )
    link(story, to=archive[-1])
    make_article(title="Tagged", tags=["A"], section=other_sections[0])
    story = loaded(story)

    # One query each for curated links, stories sharing tags, and the section.
    with django_assert_num_queries(3):
        cards = related_content(story)

    assert len(cards) == 3
    assert [card.image is not None for card in cards] == [True, False, True]


def test_tag_ranking_looks_only_at_the_newest_stories_sharing_a_tag(
    story, clock, monkeypatch
):
    monkeypatch.setattr("articles.related.RELATED_CANDIDATE_WINDOW", 2)
    make_article(
        title="Old, shares three", tags=["A", "B", "C"], publish_at=older(clock, 9)
    )
    make_article(title="New, shares one", tags=["A"], publish_at=older(clock, 2))
    make_article(title="Newer, shares one", tags=["B"], publish_at=older(clock, 1))

    cards = related_content(loaded(story))

    assert titles(cards)[:2] == ["Newer, shares one", "New, shares one"]
    assert "Old, shares three" not in titles(cards)[:2]


def test_tag_ranking_prefers_more_shared_tags_inside_the_window(
    story, clock, monkeypatch
):
    monkeypatch.setattr("articles.related.RELATED_CANDIDATE_WINDOW", 3)
    make_article(
        title="Old, shares three", tags=["A", "B", "C"], publish_at=older(clock, 9)
    )
    make_article(title="New, shares one", tags=["A"], publish_at=older(clock, 2))
    make_article(title="Newer, shares one", tags=["B"], publish_at=older(clock, 1))

    cards = related_content(loaded(story))

    assert titles(cards) == [
        "Old, shares three",
        "Newer, shares one",
        "New, shares one",
    ]


# ------------------------------------------------------------ rarity and words


def test_a_rare_shared_topic_beats_a_common_one(clock):
    story = make_article(title="The story", tags=["Pakistan", "TTP"])
    for hours in range(1, 9):
        make_article(
            title=f"Pakistan {hours}",
            tags=["Pakistan", f"Other {hours}"],
            section=make_section(),
            publish_at=older(clock, hours),
        )
    make_article(
        title="Shares the rare topic",
        tags=["TTP"],
        section=make_section(),
        publish_at=older(clock, 30),
    )

    cards = related_content(loaded(story))

    # Older than every story sharing the common topic, and still first.
    assert titles(cards) == ["Shares the rare topic", "Pakistan 1", "Pakistan 2"]


def test_sharing_both_topics_beats_sharing_only_the_rare_one(clock):
    story = make_article(title="The story", tags=["Pakistan", "TTP"])
    for hours in range(1, 6):
        make_article(tags=["Pakistan"], publish_at=older(clock, hours))
    make_article(title="Rare only", tags=["TTP"], publish_at=older(clock, 10))
    make_article(title="Both", tags=["TTP", "Pakistan"], publish_at=older(clock, 20))

    assert titles(related_content(loaded(story)))[:2] == ["Both", "Rare only"]


def test_a_story_with_one_topic_is_matched_by_its_words_then_its_section(clock):
    section = make_section()
    story = make_article(
        title="Harbour cranes stand idle",
        standfirst="Dockers walk out at the container port.",
        section=section,
        tags=["Maritime"],
    )
    make_article(
        title="Cranes return to the harbour",
        standfirst="Work resumes.",
        section=make_section(),
        publish_at=older(clock, 20),
    )
    make_article(
        title="Budget passes",
        standfirst="Parliament approves spending.",
        section=section,
        publish_at=older(clock, 1),
    )
    make_article(
        title="Shares the topic, no words",
        standfirst="Parliament approves spending.",
        tags=["Maritime"],
        section=make_section(),
        publish_at=older(clock, 2),
    )

    cards = related_content(loaded(story))

    assert titles(cards) == ["Cranes return to the harbour", "Budget passes"]


def test_more_like_this_prefers_headline_words_to_standfirst_words_and_skips_hidden_stories(
    clock,
):
    story = make_article(
        title="Harbour cranes stand idle",
        standfirst="Dockers walk out.",
        section=make_section(),
    )
    make_article(
        title="Port update",
        standfirst="The harbour cranes were idle.",
        section=make_section(),
        publish_at=older(clock, 1),
    )
    make_article(
        title="Words in the body only",
        standfirst="Quiet day.",
        body="<p>The harbour cranes were idle.</p>",
        section=make_section(),
        publish_at=older(clock, 1),
    )
    make_article(
        title="Harbour cranes idle again",
        standfirst="Second day.",
        section=make_section(),
        publish_at=older(clock, 5),
    )
    make_draft(title="Harbour cranes stand idle: draft", section=make_section())
    make_future(title="Harbour cranes stand idle: future", section=make_section())

    assert titles(related_content(loaded(story))) == [
        "Harbour cranes idle again",
        "Port update",
    ]


def test_more_like_this_uses_a_bounded_number_of_queries(
    clock, django_assert_num_queries
):
    section = make_section()
    story = make_article(
        title="Harbour cranes stand idle",
        standfirst="Dockers walk out.",
        section=section,
    )
    archive = make_articles_in_bulk(200, sections=[section], image=make_image())
    link(story, to=archive[-1])
    make_article(title="Cranes again", section=make_section())
    story = loaded(story)

    # Curated links, stories sharing words, stories in the same section.
    with django_assert_num_queries(3):
        cards = related_content(story)

    assert titles(cards)[:2] == [archive[-1].title, "Cranes again"]
    assert len(cards) == 3
