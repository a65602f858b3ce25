"""Home, section, tag and author pages render their lists, cards and paging."""

from datetime import timedelta

import pytest

from articles.views import HOME_PAGE_SIZE, TOP_STORIES
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_future,
    make_image,
    make_section,
)
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db

LONG_STANDFIRST = (
    "Coastguard crews along the eastern seaboard now share one picture of "
    "every vessel that enters their waters, and commanders say the change "
    "has already shortened the time it takes to respond to a distress call."
)


# -------------------------------------------------------------- home page


@pytest.fixture
def two_sections_of_stories(clock):
    """A front page and three more stories, newest first, alternating sections."""
    world, europe = (
        make_section(name="World", slug="world", order=1),
        make_section(name="Europe", slug="europe", order=2),
    )
    return [
        make_article(
            title=f"n{i}",
            section=world if i % 2 else europe,
            publish_at=clock.now - timedelta(hours=i),
            hero_image=make_image() if i == 1 else None,
        )
        for i in range(1, HOME_PAGE_SIZE + 4)
    ]


def test_home_page_leads_with_the_newest_story(client, two_sections_of_stories):
    page = parse(client.get("/"))

    lead = one(page, "section.lead")
    assert text(one(lead, "h2")) == "n1"
    assert one(one(lead, "h2"), "a")["href"] == "/stories/" + (
        two_sections_of_stories[0].slug + "/"
    )
    hero = two_sections_of_stories[0].hero_image
    assert one(lead, "img")["src"] == f"/media/{hero.renditions['hero'][0]['jpeg']}"
    assert one(lead, "time")["datetime"] == "2026-03-16T08:30:00+00:00"


def test_home_page_puts_top_stories_beside_the_lead_then_the_latest(
    client, two_sections_of_stories
):
    page = parse(client.get("/"))

    top = one(page, "section.top-stories")
    assert [text(h) for h in top.select("h3")] == [
        f"n{i}" for i in range(2, TOP_STORIES + 2)
    ]
    latest = one(page, "section.latest")
    assert text(one(latest, "h2")) == "Latest"
    assert [text(h) for h in latest.select("h3")] == [
        f"n{i}" for i in range(TOP_STORIES + 2, HOME_PAGE_SIZE + 1)
    ]
    assert one(page, 'a[rel="next"]')["href"] == "?page=2"


def test_home_page_groups_older_stories_by_section(client, two_sections_of_stories):
    page = parse(client.get("/"))
    older = [f"n{i}" for i in range(HOME_PAGE_SIZE + 1, HOME_PAGE_SIZE + 4)]

    blocks = page.select("section.section-block")
    assert [text(one(block, "h2")) for block in blocks] == ["World", "Europe"]
    assert one(one(blocks[0], "h2"), "a")["href"] == "/sections/world/"
    listed = [text(h) for block in blocks for h in block.select("h3")]
    assert sorted(listed) == sorted(older)
    for block, (name, slug) in zip(
        blocks, [("World", "world"), ("Europe", "europe")], strict=True
    ):
        # The block's heading names the section; its cards do not repeat it.
        assert block.select("p.card__section") == []
        more = one(block, "p.more-link a")
        assert (text(more), more["href"]) == (f"More from {name}", f"/sections/{slug}/")


def test_home_section_block_is_a_lead_with_a_list_of_headlines(
    client, two_sections_of_stories
):
    world, europe = parse(client.get("/")).select("section.section-block")

    lead = one(europe, "div.section-block__lead")
    assert [text(h) for h in lead.select("h3")] == [f"n{HOME_PAGE_SIZE + 1}"]
    assert lead.select("p.card__teaser")
    headlines = one(europe, "ul.headline-list")
    assert [text(h) for h in headlines.select("h3")] == [f"n{HOME_PAGE_SIZE + 3}"]
    # No teasers or pictures in the list: headlines only.
    assert headlines.select("p.card__teaser, img") == []
    # A block with one story is its lead alone, with no empty list beside it.
    assert [text(h) for h in world.select("h3")] == [f"n{HOME_PAGE_SIZE + 2}"]
    assert world.select("ul.headline-list") == []
    assert (
        "section-block__body--single" in one(world, "div.section-block__body")["class"]
    )


def test_home_page_two_lists_the_next_stories(client, two_sections_of_stories):
    page = parse(client.get("/?page=2"))

    assert text(one(page, "h1")) == "Latest stories"
    assert [text(h) for h in one(page, "main").select("h3")] == [
        f"n{i}" for i in range(HOME_PAGE_SIZE + 1, HOME_PAGE_SIZE + 4)
    ]
    assert one(page, 'a[rel="prev"]')["href"] == "?page=1"
    assert page.select('a[rel="next"]') == []


def test_home_page_with_no_stories_says_so(client, db):
    page = parse(client.get("/"))

    assert "No stories have been published yet." in text(one(page, "main"))


def test_every_page_navigation_lists_sections_in_order(client, two_sections_of_stories):
    nav = one(parse(client.get("/sections/europe/")), "nav.site-nav")

    items = [(text(a), a["href"]) for a in nav.select("a")]
    assert items == [
        ("Home", "/"),
        ("World", "/sections/world/"),
        ("Europe", "/sections/europe/"),
    ]
    assert text(one(nav, 'a[aria-current="page"]')) == "Europe"


# ------------------------------------------------- section, tag and author


def test_section_page_lists_only_that_sections_stories(client, two_sections_of_stories):
    response = client.get("/sections/world/")
    page = parse(response)

    assert text(one(page, "h1")) == "World"
    listed = [text(h) for h in one(page, "main").select("h3")]
    assert listed == [f"n{i}" for i in range(1, HOME_PAGE_SIZE + 4, 2)]


def test_section_page_shows_its_description(client, clock):
    make_section(slug="analysis", name="Analysis", description="Longer reads.")

    page = parse(client.get("/sections/analysis/"))

    assert text(one(page, "p.page-intro")) == "Longer reads."
    assert "No stories in this section yet." in text(one(page, "main"))


def test_section_page_paginates_with_newer_and_older_links(client, clock, settings):
    settings.ARTICLES_PER_PAGE = 2
    section = make_section(slug="busy")
    for i in range(5):
        make_article(
            title=f"s{i}", section=section, publish_at=clock.now - timedelta(hours=i)
        )

    first, second = (
        parse(client.get("/sections/busy/")),
        parse(client.get("/sections/busy/?page=2")),
    )

    assert [text(h) for h in one(first, "main").select("h3")] == ["s0", "s1"]
    assert [text(h) for h in one(second, "main").select("h3")] == ["s2", "s3"]
    assert one(second, 'a[rel="prev"]')["href"] == "?page=1"
    assert one(second, 'a[rel="next"]')["href"] == "?page=3"
    assert text(one(second, "title")).startswith(f"{section.name}, page 2")


def test_section_page_cards_do_not_repeat_the_section_name(client, clock):
    section = make_section(name="Europe", slug="europe")
    make_article(title="Card story", section=section, hero_image=make_image())

    page = parse(client.get("/sections/europe/"))

    assert text(one(page, "p.page-kicker")) == "Section"
    assert [text(h) for h in one(page, "main").select("h3")] == ["Card story"]
    assert one(page, "main").select("p.card__section") == []


def test_tag_page_lists_only_stories_with_that_tag(client, clock):
    make_article(title="Tagged", tags=["Drones"])
    make_article(title="Untagged", tags=["Ports"])

    page = parse(client.get("/tags/drones/"))

    assert text(one(page, "h1")) == "Drones"
    assert text(one(page, "p.page-kicker")) == "Topic"
    assert [text(h) for h in one(page, "main").select("h3")] == ["Tagged"]


def test_author_page_shows_bio_and_only_their_stories(client, clock):
    samira = make_author(name="Samira Nassif", slug="samira", bio="Covers shipping.")
    rafiq = make_author(name="Rafiq Anwar", slug="rafiq")
    make_article(
        title="Solo", authors=[samira], publish_at=clock.now - timedelta(hours=2)
    )
    make_article(
        title="Joint",
        authors=[rafiq, samira],
        publish_at=clock.now - timedelta(hours=1),
    )
    make_article(title="Other", authors=[rafiq])

    page = parse(client.get("/authors/samira/"))

    assert text(one(page, "h1")) == "Samira Nassif"
    assert text(one(page, "p.page-intro")) == "Covers shipping."
    assert [text(h) for h in one(page, "main").select("h3")] == ["Joint", "Solo"]
    cards = one(page, "main").select("article.card")
    assert text(one(cards[0], "span.card__byline")) == (
        "By Rafiq Anwar and Samira Nassif"
    )


def test_author_without_a_public_story_has_no_public_page(client, clock):
    new_hire = make_author(slug="new-hire", name="New Hire")
    make_draft(authors=[new_hire])
    make_future(authors=[new_hire])

    response = client.get("/authors/new-hire/")

    assert response.status_code == 404
    assert "New Hire" not in response.content.decode()


def test_list_card_shows_section_headline_teaser_byline_and_time(client, clock):
    author = make_author(name="Priya Venkatraman")
    section = make_section(name="Europe", slug="europe")
    story = make_article(
        title="Card story",
        standfirst=LONG_STANDFIRST,
        authors=[author],
        section=section,
        hero_image=make_image(),
        publish_at=clock.now,
        tags=["Ports"],
    )

    card = one(parse(client.get("/tags/ports/")), "article.card")

    assert one(one(card, "p.card__section"), "a")["href"] == "/sections/europe/"
    assert one(one(card, "h3"), "a")["href"] == story.get_absolute_url()
    assert text(one(card, "p.card__teaser")).endswith("…")
    assert text(one(card, "span.card__byline")) == "By Priya Venkatraman"
    assert one(card, "time")["datetime"] == "2026-03-16T09:30:00+00:00"
    card_image = story.hero_image.renditions["card"][0]
    assert one(card, "img")["src"] == f"/media/{card_image['jpeg']}"


def test_card_of_a_story_without_standfirst_shows_the_start_of_its_body(
    client, clock, django_assert_num_queries
):
    """Cards are loaded without whole bodies (`for_cards()`), yet show the start of
    one, with no query per card."""
    body = "".join(
        f"<p>Paragraph {n} of the harbour patrol report.</p>" for n in range(400)
    )
    make_article(title="Plain story", standfirst="", body=body, tags=["Harbours"])
    make_article(title="Other story", standfirst="", body=body, tags=["Harbours"])

    with django_assert_num_queries(4):
        page = parse(client.get("/tags/harbours/"))

    teasers = [text(teaser) for teaser in page.select("article.card p.card__teaser")]
    assert len(teasers) == 2
    assert all(
        t.startswith("Paragraph 0 of the harbour patrol report.") for t in teasers
    )
    assert all(t.endswith("…") and len(t) <= 141 for t in teasers)
