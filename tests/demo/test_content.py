"""The rules the hand-written demo newsroom (`demo.content`) keeps.

`seed_demo` and the demo pages rely on them: markup the editor could have
produced, typographic text, sensible lengths, and enough overlap between
stories (sections, bylines, topics, related links) for every page to have
something to show. Plain data checks: no database.
"""

import itertools
import re
from collections import Counter

import pytest
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

from articles.sanitise import BODY_ALLOWLIST, sanitise_html
from demo.content import ARTICLES, AUTHORS, SECTIONS
from demo.illustrations import MOTIFS
from tests.soup import parse, text

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
EXTERNAL_URL = re.compile(r"^https://example\.(org|com)/")

# Writes the body back as it was written: `&`, `<`, `>` escaped, `<br>` not `<br/>`.
AS_WRITTEN = HTMLFormatter(
    entity_substitution=EntitySubstitution.substitute_xml,
    void_element_close_prefix=None,
)

SECTION_SLUGS = [section["slug"] for section in SECTIONS]
AUTHOR_SLUGS = [author["slug"] for author in AUTHORS]
STORY_SLUGS = [story["slug"] for story in ARTICLES]
TAG_USE = Counter(tag for story in ARTICLES for tag in story["tags"])

each_section = pytest.mark.parametrize("section", SECTIONS, ids=SECTION_SLUGS)
each_author = pytest.mark.parametrize("author", AUTHORS, ids=AUTHOR_SLUGS)
each_story = pytest.mark.parametrize("story", ARTICLES, ids=STORY_SLUGS)


def words(value):
    return len(value.split())


def body(story):
    return parse(story["body"])


def paragraphs(story, *, quoted):
    """The body's paragraphs inside (`quoted`) or outside a block quote, as text."""
    return [
        p.get_text()
        for p in body(story).find_all("p")
        if (p.find_parent("blockquote") is not None) == quoted
    ]


def markup(html):
    """Every element of `html` in document order, with its attributes but `rel`.

    The sanitiser sets `rel` on links itself, so it is left out of comparisons.
    """
    return [
        (element.name, {k: v for k, v in element.attrs.items() if k != "rel"})
        for element in parse(html).find_all(True)
    ]


def reader_text():
    """Every piece of demo text a reader sees, as (where, text)."""
    for section in SECTIONS:
        yield f"section {section['slug']} description", section["description"]
    for author in AUTHORS:
        yield f"author {author['slug']} bio", author["bio"]
    for story in ARTICLES:
        slug = story["slug"]
        yield f"{slug} title", story["title"]
        yield f"{slug} standfirst", story["standfirst"]
        yield f"{slug} body", body(story).get_text()
        for key in ("alt", "caption", "credit"):
            yield f"{slug} hero {key}", story["hero"][key]
        for number, link in enumerate(story.get("external_related", []), 1):
            yield f"{slug} external link {number} title", link["title"]


READER_TEXT = list(reader_text())
each_text = pytest.mark.parametrize(
    "value", [value for _, value in READER_TEXT], ids=[w for w, _ in READER_TEXT]
)


# ------------------------------------------------------------------ sections


def test_there_are_at_least_five_sections():
    assert len(SECTIONS) >= 5


def test_section_slugs_and_names_are_unique():
    assert len(set(SECTION_SLUGS)) == len(SECTIONS)
    assert len({section["name"] for section in SECTIONS}) == len(SECTIONS)


def test_sections_are_ordered_one_to_n_without_gaps():
    assert sorted(section["order"] for section in SECTIONS) == list(
        range(1, len(SECTIONS) + 1)
    )


@each_section
def test_every_section_has_a_lowercase_hyphenated_slug(section):
    assert SLUG.match(section["slug"])


@each_section
def test_every_section_has_a_description(section):
    assert section["description"].strip()


@each_section
def test_every_section_has_at_least_two_stories(section):
    stories = [s["slug"] for s in ARTICLES if s["section"] == section["slug"]]

    assert len(stories) >= 2, stories


# ------------------------------------------------------------------- authors


def test_there_are_at_least_five_authors():
    assert len(AUTHORS) >= 5


def test_author_slugs_are_unique():
    assert len(set(AUTHOR_SLUGS)) == len(AUTHORS)


@each_author
def test_every_author_has_a_lowercase_hyphenated_slug(author):
    assert SLUG.match(author["slug"])


@each_author
def test_every_author_has_a_name_and_a_bio(author):
    assert author["name"].strip()
    assert author["bio"].strip()


@each_author
def test_every_author_bylines_at_least_one_story(author):
    assert any(author["slug"] in story["authors"] for story in ARTICLES)


def test_at_least_two_authors_byline_several_stories():
    use = Counter(slug for story in ARTICLES for slug in story["authors"])

    assert sum(1 for n in use.values() if n >= 2) >= 2, use


# ------------------------------------------------------------------- stories


def test_there_are_at_least_fourteen_stories():
    assert len(ARTICLES) >= 14


def test_story_slugs_and_titles_are_unique():
    assert len(set(STORY_SLUGS)) == len(ARTICLES)
    assert len({story["title"] for story in ARTICLES}) == len(ARTICLES)


def test_no_two_stories_are_published_at_the_same_time():
    times = Counter((story["days_ago"], story["hours_ago"]) for story in ARTICLES)

    assert [time for time, n in times.items() if n > 1] == []


@each_story
def test_every_story_has_a_lowercase_hyphenated_slug(story):
    assert SLUG.match(story["slug"])


@each_story
def test_every_story_title_has_six_to_fourteen_words(story):
    assert 6 <= words(story["title"]) <= 14, story["title"]


@each_story
def test_every_standfirst_has_twenty_five_to_forty_five_words(story):
    assert 25 <= words(story["standfirst"]) <= 45, words(story["standfirst"])


@each_story
def test_every_story_is_in_a_known_section(story):
    assert story["section"] in SECTION_SLUGS


@each_story
def test_every_story_has_one_or_two_distinct_known_authors(story):
    authors = story["authors"]

    assert 1 <= len(authors) <= 2
    assert len(set(authors)) == len(authors), "repeated author"
    assert set(authors) <= set(AUTHOR_SLUGS), set(authors) - set(AUTHOR_SLUGS)


def test_at_least_one_story_has_two_authors():
    assert any(len(story["authors"]) == 2 for story in ARTICLES)


@each_story
def test_every_story_has_three_to_six_distinct_tags(story):
    tags = story["tags"]

    assert 3 <= len(tags) <= 6, tags
    assert len(set(tags)) == len(tags), "repeated tag"


@each_story
def test_every_story_was_published_within_the_last_month(story):
    days, hours = story["days_ago"], story["hours_ago"]

    assert isinstance(days, int) and 0 <= days <= 30, days
    assert isinstance(hours, int) and 0 <= hours <= 23, hours


# ------------------------------------------------------------- related links


@each_story
def test_related_stories_are_at_most_three_distinct_other_demo_stories(story):
    related = story.get("related", [])

    assert len(related) <= 3, related
    assert len(set(related)) == len(related), "repeated related story"
    assert story["slug"] not in related, "links to itself"
    assert set(related) <= set(STORY_SLUGS), set(related) - set(STORY_SLUGS)


@each_story
def test_external_related_links_have_a_title_and_an_example_address(story):
    for link in story.get("external_related", []):
        assert link["title"].strip(), link
        assert EXTERNAL_URL.match(link["url"]), link["url"]


def test_at_least_five_stories_have_related_stories():
    assert sum(1 for story in ARTICLES if story.get("related")) >= 5


def test_at_least_two_stories_have_external_related_links():
    assert sum(1 for story in ARTICLES if story.get("external_related")) >= 2


# ---------------------------------------------------------------------- tags


def test_the_demo_uses_ten_to_twenty_distinct_tags():
    assert 10 <= len(TAG_USE) <= 20, sorted(TAG_USE)


@pytest.mark.parametrize("tag", sorted(TAG_USE))
def test_every_tag_is_on_at_least_two_stories(tag):
    assert TAG_USE[tag] >= 2


def test_at_least_three_pairs_of_stories_share_two_or_more_tags():
    sharing = [
        (a["slug"], b["slug"])
        for a, b in itertools.combinations(ARTICLES, 2)
        if len(set(a["tags"]) & set(b["tags"])) >= 2
    ]

    assert len(sharing) >= 3, sharing


# ---------------------------------------------------------------- hero image


@each_story
def test_every_hero_image_has_alt_text_a_caption_and_a_credit(story):
    hero = story["hero"]

    assert hero["alt"].strip()
    assert hero["caption"].strip()
    assert hero["credit"].strip()


@each_story
def test_every_hero_image_is_drawn_in_three_hex_colours_with_a_known_motif(story):
    hero = story["hero"]

    assert len(hero["palette"]) == 3, hero["palette"]
    assert all(HEX_COLOUR.match(colour) for colour in hero["palette"]), hero["palette"]
    assert hero["motif"] in MOTIFS


# ---------------------------------------------------------------------- body


@each_story
def test_every_story_body_uses_only_the_editors_allowed_markup(story):
    html = story["body"]
    tags = {element.name for element in parse(html).find_all(True)}

    assert tags <= BODY_ALLOWLIST["tags"], tags - BODY_ALLOWLIST["tags"]
    # The sanitiser every save goes through keeps the body as written.
    assert markup(sanitise_html(html)) == markup(html)
    assert text(parse(sanitise_html(html))) == text(parse(html))


@each_story
def test_every_story_body_is_well_formed(story):
    html = story["body"]
    tree = parse(html)

    # Unclosed, stray or mismatched tags do not survive a round trip unchanged.
    assert tree.decode(formatter=AS_WRITTEN) == html, "unclosed or mismatched tag"
    assert not tree.select("p p"), "nested paragraph"
    loose = [s for s in tree.find_all(string=True, recursive=False) if s.strip()]
    assert loose == [], "text outside any element"


@each_story
def test_story_links_carry_only_an_example_org_address(story):
    for link in body(story).find_all("a"):
        assert set(link.attrs) == {"href"}, link.attrs
        assert link["href"].startswith("https://example.org/"), link["href"]


@each_story
def test_story_body_elements_other_than_links_carry_no_attributes(story):
    for element in body(story).find_all(True):
        if element.name != "a":
            assert not element.attrs, f"<{element.name}> has {element.attrs}"


@each_story
def test_every_story_has_five_to_eight_paragraphs(story):
    prose = paragraphs(story, quoted=False)
    everything = body(story).find_all("p")

    assert 5 <= len(prose) <= 8, f"{len(prose)} paragraphs outside quotes"
    assert len(everything) <= 8, f"{len(everything)} <p> in all"


@each_story
def test_every_paragraph_has_fifty_to_a_hundred_and_ten_words(story):
    for number, paragraph in enumerate(paragraphs(story, quoted=False), 1):
        assert 50 <= words(paragraph) <= 110, (
            f"paragraph {number} has {words(paragraph)} words"
        )


@each_story
def test_every_story_has_a_pull_quote_in_typographic_quotation_marks(story):
    quotes = [q.strip() for q in paragraphs(story, quoted=True)]

    assert body(story).find("blockquote") and quotes, "no pull quote"
    for quote in quotes:
        assert quote.startswith("“") and quote.endswith("”"), quote


@each_story
def test_every_story_has_at_most_one_subheading_and_one_list(story):
    tree = body(story)

    assert len(tree.find_all("h2")) <= 1
    assert len(tree.find_all(["ul", "ol"])) <= 1


# ---------------------------------------------------------------- typography


@each_text
def test_demo_text_uses_typographic_quotes(value):
    assert "'" not in value and '"' not in value, "straight quote"


@each_text
def test_demo_text_uses_dashes_not_double_hyphens(value):
    assert "--" not in value
