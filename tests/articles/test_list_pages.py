"""Home, section, tag and author pages render their lists, cards and paging."""

from datetime import timedelta

import pytest

from articles.views import HOME_PAGE_SIZE
from tests.articles.markup import parse
from tests.factories import make_article, make_author, make_image, make_section

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

    lead = page.find("section", class_="lead")
    assert lead.find("h2").text == "n1"
    assert lead.find("h2").find("a").attrs["href"] == "/stories/" + (
        two_sections_of_stories[0].slug + "/"
    )
    assert lead.find("img").attrs["src"].startswith("/media/images/")
    assert lead.find("time").attrs["datetime"] == "2026-03-16T08:30:00+00:00"


def test_home_page_lists_latest_stories_after_the_lead(client, two_sections_of_stories):
    page = parse(client.get("/"))

    latest = page.find("section", class_="latest")
    assert latest.find("h2").text == "Latest"
    assert [h.text for h in latest.find_all("h3")] == [
        f"n{i}" for i in range(2, HOME_PAGE_SIZE + 1)
    ]
    assert latest.find("a", rel="next").attrs["href"] == "?page=2"


def test_home_page_groups_older_stories_by_section(client, two_sections_of_stories):
    page = parse(client.get("/"))
    older = [f"n{i}" for i in range(HOME_PAGE_SIZE + 1, HOME_PAGE_SIZE + 4)]

    blocks = page.find_all("section", class_="section-block")
    assert [block.find("h2").text for block in blocks] == ["World", "Europe"]
    assert blocks[0].find("h2").find("a").attrs["href"] == "/sections/world/"
    listed = [h.text for block in blocks for h in block.find_all("h3")]
    assert sorted(listed) == sorted(older)
    for block, section in zip(blocks, ["world", "europe"], strict=True):
        for card in block.find_all("article", class_="card"):
            section_link = card.find("p", class_="card__section").find("a")
            assert section_link.attrs["href"] == f"/sections/{section}/"


def test_home_page_two_lists_the_next_stories(client, two_sections_of_stories):
    page = parse(client.get("/?page=2"))

    assert page.find("h1").text == "Latest stories"
    assert [h.text for h in page.find("main").find_all("h3")] == [
        f"n{i}" for i in range(HOME_PAGE_SIZE + 1, HOME_PAGE_SIZE + 4)
    ]
    assert page.find("a", rel="prev").attrs["href"] == "?page=1"
    assert page.find_all("a", rel="next") == []


def test_home_page_with_no_stories_says_so(client, db):
    page = parse(client.get("/"))

    assert "No stories have been published yet." in page.find("main").text


def test_every_page_navigation_lists_sections_in_order(client, two_sections_of_stories):
    nav = parse(client.get("/sections/europe/")).find("nav", class_="site-nav")

    items = [(a.text, a.attrs["href"]) for a in nav.find_all("a")]
    assert items == [
        ("Home", "/"),
        ("World", "/sections/world/"),
        ("Europe", "/sections/europe/"),
    ]
    assert nav.find("a", aria_current="page").text == "Europe"


# ------------------------------------------------- section, tag and author


def test_section_page_lists_only_that_sections_stories(client, two_sections_of_stories):
    response = client.get("/sections/world/")
    page = parse(response)

    assert page.find("h1").text == "World"
    listed = [h.text for h in page.find("main").find_all("h3")]
    assert listed == [f"n{i}" for i in range(1, HOME_PAGE_SIZE + 4, 2)]


def test_section_page_shows_its_description(client, clock):
    make_section(slug="analysis", name="Analysis", description="Longer reads.")

    page = parse(client.get("/sections/analysis/"))

    assert page.find("p", class_="page-intro").text == "Longer reads."
    assert "No stories in this section yet." in page.find("main").text


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

    assert [h.text for h in first.find("main").find_all("h3")] == ["s0", "s1"]
    assert [h.text for h in second.find("main").find_all("h3")] == ["s2", "s3"]
    assert second.find("a", rel="prev").attrs["href"] == "?page=1"
    assert second.find("a", rel="next").attrs["href"] == "?page=3"
    assert second.find("title").text.startswith(f"{section.name}, page 2")


def test_tag_page_lists_only_stories_with_that_tag(client, clock):
    make_article(title="Tagged", tags=["Drones"])
    make_article(title="Untagged", tags=["Ports"])

    page = parse(client.get("/tags/drones/"))

    assert page.find("h1").text == "Drones"
    assert page.find("p", class_="page-kicker").text == "Topic"
    assert [h.text for h in page.find("main").find_all("h3")] == ["Tagged"]


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

    assert page.find("h1").text == "Samira Nassif"
    assert page.find("p", class_="page-intro").text == "Covers shipping."
    assert [h.text for h in page.find("main").find_all("h3")] == ["Joint", "Solo"]
    cards = page.find("main").find_all("article", class_="card")
    assert cards[0].find("span", class_="card__byline").text == (
        "By Rafiq Anwar and Samira Nassif"
    )


def test_author_page_without_stories_says_so(client, clock):
    make_author(slug="new-hire", name="New Hire")

    page = parse(client.get("/authors/new-hire/"))

    assert "No published stories yet." in page.find("main").text


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
    )

    card = parse(client.get("/sections/europe/")).find("article", class_="card")

    assert (
        card.find("p", class_="card__section").find("a").attrs["href"]
        == "/sections/europe/"
    )
    assert card.find("h3").find("a").attrs["href"] == story.get_absolute_url()
    assert card.find("p", class_="card__teaser").text.endswith("…")
    assert card.find("span", class_="card__byline").text == "By Priya Venkatraman"
    assert card.find("time").attrs["datetime"] == "2026-03-16T09:30:00+00:00"
    assert card.find("img").attrs["src"].startswith("/media/images/thumbnails/")
