"""RSS 2.0 and Atom feeds, parsed as XML: every element readers' apps rely on."""

import xml.etree.ElementTree as ET
from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.utils.dateparse import parse_datetime

from articles import workflow
from articles.feeds import FEED_SIZE
from articles.models import Article
from articles.sharing import share_image_url
from tests.factories import (
    make_article,
    make_articles_in_bulk,
    make_author,
    make_draft,
    make_future,
    make_image,
    make_section,
    make_user,
)
from tests.soup import parse

pytestmark = pytest.mark.django_db

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "media": "http://search.yahoo.com/mrss/",
}
TITLE = "Ports & patrols: <what’s> next?"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, ET.fromstring(response.content)


def rss_items(client, url):
    _, root = xml(client, url)
    return root.findall("./channel/item")


def atom_entries(client, url):
    _, root = xml(client, url)
    return root.findall("atom:entry", NS)


@pytest.fixture
def newsroom(clock):
    """A fully dressed public story, an older one, and newer hidden ones."""
    section = make_section(name="Ports", slug="ports", description="Ships and docks.")
    authors = [
        make_author(name="Samira Nassif", slug="samira"),
        make_author(name="Rafiq Anwar", slug="rafiq"),
    ]
    hero = make_image(alt_text="Cranes at dusk", credit="Photo: Byline")
    story = make_article(
        title=TITLE,
        slug="ports-and-patrols",
        standfirst="What the new patrols mean for shipping.",
        body="<p>Full text, with <strong>markup</strong>.</p>",
        section=section,
        authors=authors,
        tags=["Shipping", "Piracy"],
        hero_image=hero,
        publish_at=clock.now - timedelta(hours=2),
    )
    older = make_article(
        title="Older story",
        section=make_section(name="Politics", slug="politics"),
        publish_at=clock.now - timedelta(days=2),
    )
    hidden = [
        make_draft(title="Draft story", section=section, tags=["Shipping"]),
        make_future(title="Future story", section=section, authors=authors[:1]),
        make_article(
            title="Expired story",
            section=section,
            publish_at=clock.now - timedelta(hours=3),
            expires_at=clock.now - timedelta(minutes=1),
        ),
        make_article(
            title="Taken down story",
            section=section,
            status=Article.Status.TAKEN_DOWN,
            tags=["Shipping"],
        ),
    ]
    return story, older, hidden


# ------------------------------------------------------------------ RSS


def test_rss_channel_names_the_site_and_links_itself(client, newsroom):
    response, root = xml(client, "/feed/")

    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "Byline: latest stories"
    assert channel.findtext("link") == "http://testserver/"
    assert channel.findtext("description")
    assert channel.find("atom:link", NS).get("href") == "http://testserver/feed/"


def test_rss_item_carries_every_field(client, newsroom, clock):
    story, _, _ = newsroom

    item = rss_items(client, "/feed/")[0]

    url = "http://testserver/stories/ports-and-patrols/"
    assert item.findtext("title") == TITLE
    assert item.findtext("link") == url
    assert item.findtext("guid") == url
    assert item.findtext("description") == "What the new patrols mean for shipping."
    assert item.findtext("content:encoded", namespaces=NS) == story.body
    assert item.findtext("dc:creator", namespaces=NS) == "Samira Nassif and Rafiq Anwar"
    assert [c.text for c in item.findall("category")] == ["Ports", "Shipping", "Piracy"]
    assert parsedate_to_datetime(item.findtext("pubDate")) == story.publish_at
    enclosure = item.find("enclosure")
    # The 1200 × 630 social rendition, never the original.
    assert enclosure.get("url") == f"http://testserver{share_image_url(story)}"
    assert "/renditions/" in enclosure.get("url")
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("length") == "0"
    media = item.find("media:content", NS)
    assert media.get("url") == enclosure.get("url")
    assert media.get("medium") == "image"
    # The social crop is 1200 × 630 in shape (a 64 px wide upload gives 64 × 34).
    assert (media.get("width"), media.get("height")) == ("64", "34")
    assert media.findtext("media:description", namespaces=NS) == "Cranes at dusk"
    assert media.findtext("media:credit", namespaces=NS) == "Photo: Byline"


def test_a_story_without_picture_or_byline_leaves_those_elements_out(client, newsroom):
    item = rss_items(client, "/feed/")[1]

    assert item.findtext("title") == "Older story"
    assert item.find("enclosure") is None
    assert item.find("media:content", NS) is None
    assert item.find("dc:creator", NS) is None


def test_feeds_hold_public_stories_only_newest_first(client, newsroom):
    for url in [
        "/feed/",
        "/feed/atom/",
        "/sections/ports/feed/",
        "/tags/shipping/feed/",
    ]:
        response = client.get(url)
        titles = [
            element.text
            for element in ET.fromstring(response.content).iter()
            if element.tag in ("title", f"{{{NS['atom']}}}title")
        ]
        for hidden in [
            "Draft story",
            "Future story",
            "Expired story",
            "Taken down story",
        ]:
            assert hidden not in titles, (url, hidden)


def test_a_story_leaves_the_feed_when_unpublished(client, newsroom):
    story, _, _ = newsroom
    workflow.unpublish(story, by=make_user("Editor"))

    titles = [item.findtext("title") for item in rss_items(client, "/feed/")]

    assert titles == ["Older story"]


def test_the_feed_holds_the_newest_stories_up_to_its_size(client, clock):
    section = make_section()
    make_articles_in_bulk(FEED_SIZE + 5, sections=[section])

    items = rss_items(client, "/feed/")

    assert len(items) == FEED_SIZE
    dates = [parsedate_to_datetime(item.findtext("pubDate")) for item in items]
    assert dates == sorted(dates, reverse=True)


# ------------------------------------------------------------------ Atom


def test_atom_entry_carries_every_field(client, newsroom, clock):
    story, _, _ = newsroom
    response, root = xml(client, "/feed/atom/")

    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert root.findtext("atom:title", namespaces=NS) == "Byline: latest stories"
    entry = root.find("atom:entry", NS)
    url = "http://testserver/stories/ports-and-patrols/"
    assert entry.findtext("atom:title", namespaces=NS) == TITLE
    assert entry.find("atom:link[@rel='alternate']", NS).get("href") == url
    assert entry.findtext("atom:id", namespaces=NS) == url
    assert entry.findtext("atom:summary", namespaces=NS) == story.standfirst
    content = entry.find("atom:content", NS)
    assert (content.get("type"), content.text) == ("html", story.body)
    author = entry.find("atom:author", NS)
    assert (
        author.findtext("atom:name", namespaces=NS) == "Samira Nassif and Rafiq Anwar"
    )
    assert (
        author.findtext("atom:uri", namespaces=NS)
        == "http://testserver/authors/samira/"
    )
    assert [c.get("term") for c in entry.findall("atom:category", NS)] == [
        "Ports",
        "Shipping",
        "Piracy",
    ]
    assert parse_datetime(entry.findtext("atom:published", namespaces=NS)) == (
        story.publish_at
    )
    assert parse_datetime(entry.findtext("atom:updated", namespaces=NS)) == (
        story.publish_at
    )
    enclosure = entry.find("atom:link[@rel='enclosure']", NS)
    assert enclosure.get("href") == f"http://testserver{share_image_url(story)}"
    assert entry.find("media:content", NS).get("url") == enclosure.get("href")


def test_atom_updated_is_the_time_readers_were_told_of_a_correction(
    client, newsroom, clock
):
    story, _, _ = newsroom
    clock.advance(hours=1)
    workflow.add_correction(
        story, by=make_user("Editor"), kind="correction", text="Date fixed."
    )

    entry = atom_entries(client, "/feed/atom/")[0]

    assert parse_datetime(entry.findtext("atom:updated", namespaces=NS)) == clock.now


# ------------------------------------------------------------------ per page


def test_each_section_topic_and_author_has_its_own_pair_of_feeds(client, newsroom):
    expected = {
        "/sections/ports/feed/": [TITLE],
        "/sections/politics/feed/": ["Older story"],
        "/tags/piracy/feed/": [TITLE],
        "/authors/rafiq/feed/": [TITLE],
    }
    for url, titles in expected.items():
        assert [i.findtext("title") for i in rss_items(client, url)] == titles, url
        entries = atom_entries(client, f"{url}atom/")
        assert [e.findtext("atom:title", namespaces=NS) for e in entries] == titles


def test_feed_titles_and_links_name_their_page(client, newsroom):
    _, root = xml(client, "/tags/piracy/feed/")

    channel = root.find("channel")
    assert channel.findtext("title") == "Byline: stories about Piracy"
    assert channel.findtext("link") == "http://testserver/tags/piracy/"


def test_a_topic_or_author_with_no_public_story_has_no_feed(client, newsroom):
    make_draft(title="Secret", tags=["Only drafts"], authors=[make_author(slug="new")])

    for url in [
        "/tags/only-drafts/feed/",
        "/authors/new/feed/atom/",
        "/tags/nope/feed/",
    ]:
        assert client.get(url).status_code == 404, url


def test_pages_announce_their_feeds(client, newsroom):
    story, _, _ = newsroom
    pages = {
        "/": [],
        story.get_absolute_url(): [],
        "/sections/ports/": ["/sections/ports/feed/"],
        "/tags/piracy/": ["/tags/piracy/feed/"],
        "/authors/rafiq/": ["/authors/rafiq/feed/"],
    }
    for url, own in pages.items():
        head = parse(client.get(url)).head
        rss = [
            link["href"]
            for link in head.select("link[rel=alternate][type='application/rss+xml']")
        ]
        atom = [
            link["href"]
            for link in head.select("link[rel=alternate][type='application/atom+xml']")
        ]
        assert rss == [*own, "/feed/"], url
        assert atom == [*(f"{path}atom/" for path in own), "/feed/atom/"], url
        for href in rss + atom:
            assert client.get(href).status_code == 200, href
