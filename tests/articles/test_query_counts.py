"""Reader pages, feeds and sitemaps run the same number of queries whatever the
size of the archive."""

import pytest
from django.utils import timezone

from articles import frontpages
from articles.models import Article, Correction, FrontPage, Section, Tag
from articles.views import HOME_PAGE_SIZE, HOME_SECTION_SIZE
from tests.factories import (
    link,
    make_article,
    make_articles_in_bulk,
    make_author,
    make_image,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db

# 10 and 200 for the foundation issue, 1,000 for the benchmark budget.
ARCHIVE_SIZES = [10, 200, 1000]

# Every count includes one query for the sections in the site navigation.
EXPECTED_QUERIES = {
    # The editor's line-up, the newest of the rest, the section blocks' stories
    # (one query, whatever the number of sections), the bylines of all three
    # at once, and the navigation's sections.
    "home": 5,
    # One page of stories and their bylines.
    "home_page_2": 3,
    # The story with its byline and topics (and whether it has corrections or
    # curated links); curated links, its kept similar stories, stories in the
    # same section.
    "story": 5,
    # A story with no topics, a curated link and a correction: the story with
    # its byline and topics, its corrections; curated links, stories like it
    # in words (which fill the block).
    "corrected_story": 5,
    # The same story with no curated link and no correction: neither is asked for.
    "plain_story": 3,
    # The section (with the story pinned as its lead, if any), one page of its
    # stories, their bylines.
    "section": 4,
    # The same, then the pinned lead (its byline comes with the page's).
    "section_with_pinned_lead": 5,
    # The tag, one page of its stories, their bylines.
    "tag": 4,
    # The author, one page of their stories, their bylines.
    "author": 4,
    # One page of ranked results, their bylines, their snippets.
    "search": 4,
    # The same and the topic narrowing it.
    "search_in_topic": 5,
    # The form alone: only the navigation.
    "search_form": 1,
    # Twenty stories, their bylines, their topics.
    "feed": 3,
    "feed_atom": 3,
    # The owner, then as the site's feed.
    "section_feed": 4,
    "tag_feed": 4,
    "author_feed_atom": 4,
    # For each of four sitemaps: how many pages it has, and its newest lastmod.
    "sitemap_index": 8,
    # How many stories, and one page of them.
    "sitemap_stories": 2,
    "sitemap_topics": 2,
    "sitemap_authors": 2,
    "news_sitemap": 1,
    "robots": 0,
    # The years with stories.
    "archive_index": 2,
    # One page of the year's stories, their bylines, the months with stories.
    "archive_year": 4,
    "archive_month": 3,
}


def build_archive(size, *, section_count=3):
    """Build a newsroom of `size` stories in bulk, plus one fully linked story."""
    sections = [make_section(slug=f"s{n}") for n in range(section_count)]
    authors = [make_author(slug=f"a{n}") for n in range(2)]
    image = make_image()
    story = make_article(
        slug="the-story",
        section=sections[0],
        hero_image=image,
        authors=authors,
        tags=["Shared", "Only here"],
    )
    count = size - 5
    stories = make_articles_in_bulk(
        count,
        sections=sections,
        authors=authors,
        tags=[Tag.objects.create(name="Common", slug="common")],
        image=image,
    )
    # One of each kind of related card, so every related query runs.
    link(story, to=stories[-1])
    make_article(
        section=sections[1], hero_image=image, tags=["Shared"], authors=authors
    )
    make_article(section=sections[2], hero_image=image, authors=authors)
    corrected = make_article(slug="corrected", section=sections[0], authors=authors)
    link(corrected, to=stories[-2])
    Correction.objects.create(
        article=corrected, kind=Correction.Kind.CORRECTION, text="A name was wrong."
    )
    plain = make_article(slug="plain", section=sections[0], authors=authors)
    # An editor's line-up: a lead and two top stories, and a pinned section lead.
    editor = make_user("Editor")
    frontpages.set_line_up(
        frontpages.home_front_page(), [stories[4], stories[1], story], by=editor
    )
    pinned_in = sections[1]
    frontpages.set_line_up(
        FrontPage.objects.create(section=pinned_in),
        [next(s for s in stories if s.section_id == pinned_in.pk)],
        by=editor,
    )
    month = timezone.localtime(story.publish_at)
    return {
        "home": "/",
        "home_page_2": "/?page=2",
        "story": story.get_absolute_url(),
        "corrected_story": corrected.get_absolute_url(),
        "plain_story": plain.get_absolute_url(),
        "section": sections[0].get_absolute_url(),
        "section_with_pinned_lead": pinned_in.get_absolute_url(),
        "tag": "/tags/common/",
        "author": authors[0].get_absolute_url(),
        "search": "/search/?q=archive+story",
        "search_in_topic": "/search/?q=archive+story&tag=common",
        "search_form": "/search/",
        "feed": "/feed/",
        "feed_atom": "/feed/atom/",
        "section_feed": f"{sections[0].get_absolute_url()}feed/",
        "tag_feed": "/tags/common/feed/",
        "author_feed_atom": f"{authors[0].get_absolute_url()}feed/atom/",
        "sitemap_index": "/sitemap.xml",
        "sitemap_stories": "/sitemap-stories.xml",
        "sitemap_topics": "/sitemap-topics.xml",
        "sitemap_authors": "/sitemap-authors.xml",
        "news_sitemap": "/news-sitemap.xml",
        "robots": "/robots.txt",
        "archive_index": "/archive/",
        "archive_year": f"/archive/{month.year}/",
        "archive_month": f"/archive/{month.year}/{month.month}/",
    }


@pytest.fixture(params=ARCHIVE_SIZES, ids=lambda n: f"{n}-stories")
def archive(request, clock):
    return build_archive(request.param)


@pytest.mark.parametrize("page", EXPECTED_QUERIES)
def test_reader_page_query_count_does_not_grow_with_the_archive(
    client, archive, page, django_assert_num_queries
):
    with django_assert_num_queries(EXPECTED_QUERIES[page]):
        response = client.get(archive[page])

    assert response.status_code == 200


def test_archive_holds_the_number_of_public_stories_it_is_named_for(archive, request):
    size = request.node.callspec.params["archive"]

    assert Article.objects.published().count() == size


@pytest.mark.parametrize("size", [10, 1000])
@pytest.mark.parametrize("section_count", [3, 12])
def test_home_page_query_count_does_not_grow_with_the_number_of_sections(
    client, clock, size, section_count, django_assert_num_queries
):
    build_archive(size, section_count=section_count)

    with django_assert_num_queries(EXPECTED_QUERIES["home"]):
        response = client.get("/")

    # The same blocks as asking each section in turn, a query per section.
    front = [story.pk for story in response.context["front_stories"]]
    expected = [
        (section, list(stories))
        for section in Section.objects.all()
        if (
            stories := Article.objects.published()
            .filter(section=section)
            .exclude(pk__in=front)
            .newest_first()[:HOME_SECTION_SIZE]
        )
    ]
    assert response.context["section_blocks"] == expected
    # The line-up's three stories come on top of a full page of the newest.
    assert len(front) == min(size, HOME_PAGE_SIZE + 3)
    assert len(expected) == min(section_count, size - len(front))
