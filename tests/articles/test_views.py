"""The story page renders every part readers expect (lists: test_list_pages.py)."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.articles.markup import parse
from tests.factories import (
    link,
    make_article,
    make_author,
    make_image,
    make_section,
)

pytestmark = pytest.mark.django_db

TITLE = "Ports & patrols: what’s next?"
LONG_STANDFIRST = (
    "Coastguard crews along the eastern seaboard now share one picture of "
    "every vessel that enters their waters, and commanders say the change "
    "has already shortened the time it takes to respond to a distress call."
)


def story_titles_linked_in(element):
    return [
        a.text
        for a in element.find_all("a")
        if a.attrs.get("href", "").startswith("/stories/")
    ]


@pytest.fixture
def story(clock):
    """A fully dressed story with three related stories, published just now."""
    section = make_section(name="Maritime", slug="maritime")
    samira = make_author(name="Samira Nassif", slug="samira-nassif")
    rafiq = make_author(name="Rafiq Anwar", slug="rafiq-anwar")
    hero = make_image(
        alt_text="A patrol boat leaving harbour",
        caption="A patrol leaves port at dawn.",
        credit="Photo: Byline",
    )
    story = make_article(
        title=TITLE,
        slug="ports-and-patrols",
        standfirst="Harbour patrols change shape as drones join the watch.",
        body=(
            "<p>The first paragraph.</p>"
            "<blockquote><p>We watch every ship, said the commander.</p></blockquote>"
            "<p>The last paragraph.</p>"
        ),
        section=section,
        hero_image=hero,
        tags=["Drones", "Maritime security"],
        authors=[samira, rafiq],
        publish_at=clock.now,
    )
    curated = make_article(
        title="Coastal radar network expands",
        standfirst=LONG_STANDFIRST,
        hero_image=make_image(),
        section=make_section(),
        publish_at=clock.now - timedelta(days=3),
    )
    link(story, to=curated)
    make_article(
        title="Drone rules tighten",
        standfirst="New limits on flights near ports.",
        hero_image=make_image(),
        section=make_section(),
        tags=["Drones"],
        publish_at=clock.now - timedelta(days=2),
    )
    make_article(
        title="Harbour fees rise",
        standfirst="Shipping lines pay more to dock.",
        hero_image=make_image(),
        section=section,
        publish_at=clock.now - timedelta(days=1),
    )
    return story


def get_story_page(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    return parse(response)


# ------------------------------------------------------------- story page


def test_story_page_shows_headline_section_and_standfirst(client, story):
    page = get_story_page(client, story)

    assert page.find("h1").text == TITLE
    assert page.find("title").text.startswith(TITLE)
    assert page.find("p", class_="story__standfirst").text == story.standfirst
    section_link = page.find("p", class_="story__section").find("a")
    assert section_link.attrs["href"] == "/sections/maritime/"


def test_story_page_byline_links_each_author_in_order(client, story):
    page = get_story_page(client, story)

    byline = page.find("p", class_="story__byline")
    assert byline.text == "By Samira Nassif and Rafiq Anwar"
    assert [a.attrs["href"] for a in byline.find_all("a", rel="author")] == [
        "/authors/samira-nassif/",
        "/authors/rafiq-anwar/",
    ]


def test_author_link_from_byline_leads_to_the_author_page(client, story):
    response = client.get("/authors/samira-nassif/")

    assert response.status_code == 200
    assert TITLE in story_titles_linked_in(parse(response).find("main"))


def test_story_page_shows_published_time_in_a_time_element(client, story):
    page = get_story_page(client, story)

    dates = page.find("p", class_="story__dates")
    times = dates.find_all("time")
    assert [t.attrs["datetime"] for t in times] == ["2026-03-16T09:30:00+00:00"]
    assert "16 March 2026, 09:30" in times[0].text


def test_story_page_has_no_updated_time_when_not_edited_after_publication(
    client, story
):
    page = get_story_page(client, story)

    assert page.find_all(class_="story__updated") == []
    assert "Updated" not in page.find("p", class_="story__dates").text


def test_story_page_shows_updated_time_when_edited_after_publication(
    client, story, clock
):
    clock.advance(hours=2)
    story.standfirst = "A corrected standfirst."
    story.save()

    page = get_story_page(client, story)

    updated = page.find("span", class_="story__updated")
    assert updated.text.startswith("Updated")
    assert updated.find("time").attrs["datetime"] == "2026-03-16T11:30:00+00:00"


def test_story_page_shows_hero_image_with_alt_caption_and_credit(client, story):
    page = get_story_page(client, story)

    figure = page.find("figure", class_="story__hero")
    img = figure.find("img")
    assert img.attrs["src"] == story.hero_image.file.url
    assert img.attrs["alt"] == "A patrol boat leaving harbour"
    assert (img.attrs["width"], img.attrs["height"]) == ("64", "36")
    caption = figure.find("figcaption")
    assert caption.text == "A patrol leaves port at dawn. Photo: Byline"
    assert caption.find("span", class_="credit").text == "Photo: Byline"


def test_story_page_without_hero_image_has_no_figure(client, clock):
    story = make_article(hero_image=None)

    page = get_story_page(client, story)

    assert page.find_all("figure") == []


def test_story_page_renders_body_with_pull_quote_as_blockquote(client, story):
    page = get_story_page(client, story)

    body = page.find("div", class_="story__body")
    assert [p.text for p in body.find_all("p")][0] == "The first paragraph."
    quote = body.find("blockquote")
    assert quote.text == "We watch every ship, said the commander."


def test_story_page_links_each_tag_to_its_tag_page(client, story):
    page = get_story_page(client, story)

    tags = page.find("section", class_="story__tags")
    links = {a.text: a.attrs["href"] for a in tags.find_all("a", rel="tag")}
    assert links == {
        "Drones": "/tags/drones/",
        "Maritime security": "/tags/maritime-security/",
    }
    for href in links.values():
        assert client.get(href).status_code == 200


def test_story_page_without_tags_has_no_topics_block(client, clock):
    page = get_story_page(client, make_article())

    assert page.find_all("section", class_="story__tags") == []


def share_links_on(page):
    share = page.find("section", class_="share")
    assert share.find("h2").text == "Share this page"
    return {a.attrs["data-network"]: a.attrs["href"] for a in share.find_all("a")}


def test_story_page_share_links_cover_every_network(client, story):
    links = share_links_on(get_story_page(client, story))

    assert set(links) == {"x", "facebook", "linkedin", "whatsapp", "telegram", "email"}
    assert links["x"].startswith("https://x.com/intent/post?")
    assert links["facebook"].startswith("https://www.facebook.com/sharer/sharer.php?")
    assert links["linkedin"].startswith(
        "https://www.linkedin.com/sharing/share-offsite/?"
    )
    assert links["whatsapp"].startswith("https://wa.me/?")
    assert links["telegram"].startswith("https://t.me/share/url?")
    assert links["email"].startswith("mailto:?")


def test_story_page_share_links_carry_the_encoded_url_and_title(client, story):
    links = share_links_on(get_story_page(client, story))
    url = "http://testserver/stories/ports-and-patrols/"

    def params(network):
        return {k: v[0] for k, v in parse_qs(urlsplit(links[network]).query).items()}

    assert params("x") == {"url": url, "text": TITLE}
    assert params("facebook") == {"u": url}
    assert params("linkedin") == {"url": url}
    assert params("whatsapp") == {"text": f"{TITLE} {url}"}
    assert params("telegram") == {"url": url, "text": TITLE}
    assert params("email") == {"subject": TITLE, "body": url}
    for network, href in links.items():
        assert " " not in href
        assert "http%3A%2F%2Ftestserver%2Fstories%2Fports-and-patrols%2F" in href
        if network in {"x", "whatsapp", "telegram", "email"}:
            # Encoded, so the "&" in the title cannot start a new parameter.
            assert "Ports%20%26%20patrols%3A%20what%E2%80%99s%20next%3F" in href


def test_story_page_copy_link_button_is_hidden_until_script_enables_it(client, story):
    page = get_story_page(client, story)

    button = page.find(
        "button", data_copy_url="http://testserver/stories/ports-and-patrols/"
    )
    assert button.text == "Copy link"
    copy_item = page.find("li", class_="share__copy")
    assert "hidden" in copy_item.attrs
    assert page.find("script").attrs["src"].endswith("js/share.js")


def test_story_page_has_three_related_cards_with_image_link_and_teaser(client, story):
    page = get_story_page(client, story)

    related = page.find("aside", class_="related")
    assert related.find("h2").text == "Related content"
    cards = related.find_all("article", class_="related-card")
    assert [card.find("h3").find("a").text for card in cards] == [
        "Coastal radar network expands",
        "Drone rules tighten",
        "Harbour fees rise",
    ]
    for card in cards:
        assert card.find("img").attrs["src"].startswith("/media/images/thumbnails/")
        assert card.find("h3").find("a").attrs["href"].startswith("/stories/")
    teasers = [card.find("p", class_="related-card__teaser").text for card in cards]
    assert teasers[0].endswith("…")
    assert len(teasers[0]) <= 141
    assert LONG_STANDFIRST.startswith(teasers[0].removesuffix("…"))
    assert teasers[1:] == [
        "New limits on flights near ports.",
        "Shipping lines pay more to dock.",
    ]


def test_story_page_with_nothing_related_has_no_related_block(client, clock):
    page = get_story_page(client, make_article(section=make_section()))

    assert page.find_all("aside", class_="related") == []


def test_published_story_page_is_not_marked_private_or_noindex(client, story):
    response = client.get(story.get_absolute_url())

    assert "private" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response
    assert parse(response).find_all("meta", name="robots") == []
    assert parse(response).find_all(class_="preview-banner") == []


def test_story_page_has_a_canonical_link(client, story):
    page = get_story_page(client, story)

    canonical = page.find("link", rel="canonical")
    assert canonical.attrs["href"] == "http://testserver/stories/ports-and-patrols/"
