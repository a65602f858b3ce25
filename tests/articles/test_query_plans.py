"""The database's own plans for the home page, related content and search (EXPLAIN).

Query counts cannot see a query that reads the whole archive; a plan can.
These pin the bounded shapes on both databases: the home page's section
blocks start from the sections and read stories by key, and its line-up starts
from the slots; kept related stories are read by key; related content walks
the newest public stories by index and stops at its window; search starts from
the full-text index. The archive is large enough (20,000 stories, analysed)
that PostgreSQL's planner weighs it as it would a real one: on a few hundred
rows it rightly prefers reading the whole table.
"""

import re

import pytest
from django.db import connection

from articles.frontpages import home_front_page, replace_slots
from articles.models import Article, Tag
from articles.related import (
    MAX_RANKED_TAGS,
    first_public_stories,
    recent_public_stories,
    sharing_rare_topics,
)
from articles.search import parse, search
from articles.views import HOME_SECTION_SIZE
from tests.factories import make_article, make_articles_in_bulk, make_section

pytestmark = pytest.mark.django_db

ARCHIVE_SIZE = 20_000
POSTGRES = connection.vendor == "postgresql"


def build_archive():
    sections = [make_section() for _ in range(5)]
    tags = [Tag.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(40)]
    make_articles_in_bulk(ARCHIVE_SIZE, sections=sections, tags=tags)
    story = make_article(
        title="Harbour cranes stand idle",
        standfirst="Archive story summary.",
        section=sections[0],
        tags=["Topic 1", "Topic 2"],
    )
    if POSTGRES:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Article.objects.with_detail_data().get(pk=story.pk)


def full_scans(text):
    """Return the plan's lines that read a whole table of the archive.

    Stories and their topics grow with the archive; a scan of the sections or
    the image library (small joins the planner may hash) does not.
    """
    if POSTGRES:
        return re.findall(r"Seq Scan on articles_(?:article|taggedarticle)\b", text)
    return [
        line
        for line in text.splitlines()
        if " SCAN " in f" {line}"
        and "VIRTUAL TABLE" not in line
        and "USING" not in line
        and "(subquery" not in line
        and "media_image" not in line
        and "articles_section" not in line
    ]


def related_by_topics(story):
    tag_ids = [item.tag_id for item in story.tagged_items.all()]
    assert len(tag_ids) <= MAX_RANKED_TAGS
    text = sharing_rare_topics(tag_ids, exclude={story.pk}).explain()
    if POSTGRES:
        expected = [
            "Index Scan using article_public_idx",
            "Limit",
            "Index Scan using articles_article_pkey",
        ]
        # A hashed subplan would read every story carrying a topic.
        refused = ["hashed SubPlan"]
    else:
        expected, refused = ["USING INDEX article_public_idx"], []
    return text, expected, refused


def more_like_that(story):
    # "More like this" reads the window of newest stories and compares words in
    # Python; the window must come off the index, never off the whole table.
    text = recent_public_stories(exclude={story.pk}).explain()
    if POSTGRES:
        expected = ["Index Scan using article_public_idx", "Limit"]
    else:
        expected = ["USING INDEX article_public_idx"]
    return text, expected, ["articles_search", "article_search_idx"]


def middle_of_archive(count):
    """Keys of public stories from the middle of the archive, as a ranking keeps them.

    The first keys of a table let a planner off lightly: on a 100,000-story
    SQLite database, ids 1 to 8 were read by key while ids further in were
    looked for along the public index (bench/analysis.md, finding 16).
    """
    public = Article.objects.published().order_by("pk").values_list("pk", flat=True)
    middle = public.count() // 2
    return list(public[middle : middle + count])


def kept_similar(story):
    # A kept ranking is read by primary key: a few lookups, whatever the archive.
    text = first_public_stories(middle_of_archive(8), limit=3).explain()
    expected = ["articles_article_pkey" if POSTGRES else "USING INTEGER PRIMARY KEY"]
    # Walking the public index would visit every public story to find eight.
    return text, expected, ["article_public_idx"]


def front_line_up(story):
    # The slots pick the home page's stories; each is then read by key. The
    # public index, walked with a probe into the slots for every public story,
    # took 113 ms at 100,000 stories on SQLite (finding 15).
    replace_slots(
        home_front_page(), Article.objects.filter(pk__in=middle_of_archive(5))
    )
    text = Article.objects.published().placed_on(None).explain()
    if POSTGRES:
        expected = ["articles_frontpageslot", "articles_article_pkey"]
    else:
        expected = ["SEARCH articles_frontpageslot", "USING INTEGER PRIMARY KEY"]
    return text, expected, ["article_public_idx"]


def newest_in_section(story):
    text = (
        Article.objects.published()
        .filter(section_id=story.section_id)
        .exclude(pk__in=[story.pk])
        .newest_first()[:3]
        .explain()
    )
    # Either index on publish order will do; the planner picks by selectivity.
    index = (
        "article_section_idx" if "article_section_idx" in text else "article_public_idx"
    )
    expected = [f"Index Scan using {index}", "Limit"] if POSTGRES else [index]
    return text, expected, []


def section_blocks(story):
    # The home page's query. Each section's newest stories come off its index,
    # then are read by primary key: an OR of IN-subqueries made PostgreSQL
    # scan every story instead (352 ms at 100,000 stories).
    text = (
        Article.objects.published()
        .exclude(pk__in=[story.pk])
        .newest_per_section(HOME_SECTION_SIZE)
        .with_listing_data()
        .explain()
    )
    # Either index on publish order will do; the planner picks by selectivity.
    index = (
        "article_section_idx" if "article_section_idx" in text else "article_public_idx"
    )
    if POSTGRES:
        expected = [
            f"Index Scan using {index}",
            "Index Scan using articles_article_pkey on articles_article",
        ]
    else:
        expected = [
            f"USING INDEX {index}",
            "SEARCH articles_article USING INTEGER PRIMARY KEY",
        ]
    return text, expected, []


def site_search(story):
    # The search page's own query: matches found from the full-text index,
    # never by asking it about each story in turn ("=M", a rowid lookup).
    text = search(parse("harbour cranes")).with_listing_data()[:13].explain()
    if POSTGRES:
        expected = ["Bitmap Index Scan on article_search_idx"]
        refused = []
    else:
        expected = [
            "SCAN articles_search VIRTUAL TABLE INDEX 0:M",
            "SEARCH articles_article USING INTEGER PRIMARY KEY",
        ]
        refused = ["VIRTUAL TABLE INDEX 0:=M"]
    return text, expected, refused


def test_home_related_content_and_search_read_indexes_never_the_whole_archive(
    clock,
):
    # One archive for every plan: building it is most of this test's time.
    story = build_archive()

    problems = {}
    checks = (
        section_blocks,
        related_by_topics,
        more_like_that,
        kept_similar,
        front_line_up,
        newest_in_section,
        site_search,
    )
    for check in checks:
        text, expected, refused = check(story)
        missing = [part for part in expected if part not in text]
        found = [part for part in refused if part in text]
        if full_scans(text) or missing or found:
            problems[check.__name__] = {
                "full scans": full_scans(text),
                "missing": missing,
                "refused but present": found,
                "plan": text,
            }
    assert not problems, problems
