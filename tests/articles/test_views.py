"""The story page renders every part readers expect (lists: test_list_pages.py)."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from articles import workflow
from tests.factories import (
    link,
    make_article,
    make_author,
    make_image,
    make_section,
)
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db

TITLE = "Ports & patrols: what’s next?"
LONG_STANDFIRST = (
    "Coastguard crews along the eastern seaboard now share one picture of "
    "every vessel that enters their waters, and commanders say the change "
    "has already shortened the time it takes to respond to a distress call."
)


def story_titles_linked_in(element):
    return [text(a) for a in element.select('a[href^="/stories/"]')]


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

    assert text(one(page, "h1")) == TITLE
    assert text(one(page, "title")).startswith(TITLE)
    assert text(one(page, "p.story__standfirst")) == story.standfirst
    section_link = one(one(page, "p.story__section"), "a")
    assert section_link["href"] == "/sections/maritime/"


def test_story_page_byline_links_each_author_in_order(client, story):
    page = get_story_page(client, story)

    byline = one(page, "p.story__byline")
    assert text(byline) == "By Samira Nassif and Rafiq Anwar"
    assert [a["href"] for a in byline.select('a[rel="author"]')] == [
        "/authors/samira-nassif/",
        "/authors/rafiq-anwar/",
    ]


def test_author_link_from_byline_leads_to_the_author_page(client, story):
    response = client.get("/authors/samira-nassif/")

    assert response.status_code == 200
    assert TITLE in story_titles_linked_in(one(parse(response), "main"))


def test_story_page_shows_published_time_in_a_time_element(client, story):
    page = get_story_page(client, story)

    dates = one(page, "p.story__dates")
    times = dates.select("time")
    assert [t["datetime"] for t in times] == ["2026-03-16T09:30:00+00:00"]
    assert "16 March 2026, 09:30" in text(times[0])


def test_story_page_has_no_updated_time_when_not_edited_after_publication(
    client, story
):
    page = get_story_page(client, story)

    assert page.select(".story__updated") == []
    assert "Updated" not in text(one(page, "p.story__dates"))


def test_story_page_shows_updated_time_after_a_correction(
    client, story, clock, django_user_model
):
    editor = django_user_model.objects.create_superuser("desk", password="x")
    clock.advance(hours=2)
    workflow.add_correction(
        story, by=editor, kind="correction", text="The patrol left at dawn."
    )

    page = get_story_page(client, story)

    updated = one(page, "span.story__updated")
    assert text(updated).startswith("Updated")
    assert one(updated, "time")["datetime"] == "2026-03-16T11:30:00+00:00"
    note = one(page, "section.story__corrections li")
    assert " ".join(note.get_text().split()) == (
        "Correction, 16 March 2026, 11:30 UTC: The patrol left at dawn."
    )


def test_a_silent_fix_does_not_show_an_updated_time(client, story, clock):
    clock.advance(hours=2)
    story.standfirst = "A standfirst without the typo."
    story.save()

    page = get_story_page(client, story)

    assert page.select("span.story__updated") == []


def test_story_page_shows_hero_image_with_alt_caption_and_credit(client, story):
    page = get_story_page(client, story)

    figure = one(page, "figure.story__hero")
    img = one(figure, "img")
    assert img["src"] == f"/media/{story.hero_image.renditions['hero'][0]['jpeg']}"
    assert img["alt"] == "A patrol boat leaving harbour"
    assert (img["width"], img["height"]) == ("64", "36")
    caption = one(figure, "figcaption")
    assert text(caption) == "A patrol leaves port at dawn. Photo: Byline"
    assert text(one(caption, "span.credit")) == "Photo: Byline"


def test_story_page_without_hero_image_has_no_figure(client, clock):
    story = make_article(hero_image=None)

    page = get_story_page(client, story)

    assert page.select("figure") == []


def test_story_page_renders_body_with_pull_quote_as_blockquote(client, story):
    page = get_story_page(client, story)

    body = one(page, "div.story__body")
    assert [text(p) for p in body.select("p")][0] == "The first paragraph."
    quote = one(body, "blockquote")
    assert text(quote) == "We watch every ship, said the commander."


def test_story_page_links_each_tag_to_its_tag_page(client, story):
    page = get_story_page(client, story)

    tags = one(page, "section.story__tags")
    links = {text(a): a["href"] for a in tags.select('a[rel="tag"]')}
    assert links == {
        "Drones": "/tags/drones/",
        "Maritime security": "/tags/maritime-security/",
    }
    for href in links.values():
        assert client.get(href).status_code == 200


def test_story_page_without_tags_has_no_topics_block(client, clock):
    page = get_story_page(client, make_article())

    assert page.select("section.story__tags") == []


def share_links_on(page):
    share = one(page, "section.share")
    assert text(one(share, "h2")) == "Share this page"
    return {a["data-network"]: a["href"] for a in share.select("a")}


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

    button = one(
        page, 'button[data-copy-url="http://testserver/stories/ports-and-patrols/"]'
    )
    assert text(button) == "Copy link"
    copy_item = one(page, "li.share__copy")
    assert copy_item.has_attr("hidden")
    assert one(page, "script[src]")["src"].endswith("js/share.js")
    # No other script runs: the rest are JSON-LD data blocks.
    assert {script.get("type") for script in page.select("script:not([src])")} == {
        "application/ld+json"
    }


def test_story_page_has_three_related_cards_with_image_link_and_teaser(client, story):
    page = get_story_page(client, story)

    related = one(page, "aside.related")
    assert text(one(related, "h2")) == "Related content"
    cards = related.select("article.related-card")
    assert [text(one(one(card, "h3"), "a")) for card in cards] == [
        "Coastal radar network expands",
        "Drone rules tighten",
        "Harbour fees rise",
    ]
    for card in cards:
        assert one(card, "img")["src"].startswith("/media/renditions/")
        assert one(one(card, "h3"), "a")["href"].startswith("/stories/")
    teasers = [text(one(card, "p.related-card__teaser")) for card in cards]
    assert teasers[0].endswith("…")
    assert len(teasers[0]) <= 141
    assert LONG_STANDFIRST.startswith(teasers[0].removesuffix("…"))
    assert teasers[1:] == [
        "New limits on flights near ports.",
        "Shipping lines pay more to dock.",
    ]


def test_story_page_with_nothing_related_has_no_related_block(client, clock):
    page = get_story_page(client, make_article(section=make_section()))

    assert page.select("aside.related") == []


def test_published_story_page_is_not_marked_private_or_noindex(client, story):
    response = client.get(story.get_absolute_url())

    assert "private" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response
    assert parse(response).select('meta[name="robots"]') == []
    assert parse(response).select(".preview-banner") == []


def test_story_page_has_a_canonical_link(client, story):
    page = get_story_page(client, story)

    canonical = one(page, 'link[rel="canonical"]')
    assert canonical["href"] == "http://testserver/stories/ports-and-patrols/"
