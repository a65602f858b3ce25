"""sitemap.xml, news-sitemap.xml and robots.txt, parsed as XML and text."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.utils.dateparse import parse_datetime

from articles import workflow
from articles.models import Article
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_future,
    make_section,
    make_user,
)

pytestmark = pytest.mark.django_db

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"s": SITEMAP, "news": NEWS}


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)


def urls_of(root):
    return [element.text for element in root.findall("s:url/s:loc", NS)]


@pytest.fixture
def newsroom(clock):
    ports = make_section(name="Ports", slug="ports")
    make_section(name="Empty", slug="empty")
    reporter = make_author(name="Samira Nassif", slug="samira")
    stories = {
        "fresh": make_article(
            title="Fresh story",
            slug="fresh",
            section=ports,
            authors=[reporter],
            tags=["Shipping"],
            publish_at=clock.now - timedelta(hours=47),
        ),
        "old": make_article(
            title="Old story",
            slug="old",
            section=ports,
            tags=["Shipping"],
            publish_at=clock.now - timedelta(hours=49),
        ),
    }
    hidden = {
        "draft": make_draft(
            slug="draft",
            section=ports,
            tags=["Only drafts"],
            authors=[make_author(slug="new-hire")],
        ),
        "future": make_future(slug="future", section=ports),
        "expired": make_article(
            slug="expired",
            section=ports,
            publish_at=clock.now - timedelta(hours=2),
            expires_at=clock.now - timedelta(minutes=1),
        ),
        "taken-down": make_article(
            slug="taken-down", section=ports, status=Article.Status.TAKEN_DOWN
        ),
    }
    return stories, hidden


def test_the_index_lists_four_sitemaps_each_with_lastmod(client, newsroom, clock):
    stories, _ = newsroom

    root = xml(client, "/sitemap.xml")

    entries = {
        element.findtext("s:loc", namespaces=NS): element.findtext(
            "s:lastmod", namespaces=NS
        )
        for element in root.findall("s:sitemap", NS)
    }
    base = "http://testserver/sitemap-{}.xml"
    assert list(entries) == [
        base.format(name) for name in ("stories", "sections", "topics", "authors")
    ]
    newest = stories["fresh"].publish_at
    assert {parse_datetime(lastmod) for lastmod in entries.values()} == {newest}
    for url in entries:
        assert (
            xml(client, url.removeprefix("http://testserver")).tag
            == f"{{{SITEMAP}}}urlset"
        )


def test_the_story_sitemap_lists_public_stories_with_lastmod(client, newsroom, clock):
    root = xml(client, "/sitemap-stories.xml")

    assert urls_of(root) == [
        "http://testserver/stories/fresh/",
        "http://testserver/stories/old/",
    ]
    lastmods = [element.text for element in root.findall("s:url/s:lastmod", NS)]
    assert lastmods == ["2026-03-14", "2026-03-14"]


def test_a_correction_moves_a_storys_lastmod(client, newsroom, clock):
    stories, _ = newsroom
    clock.advance(days=3)
    workflow.add_correction(
        stories["old"], by=make_user("Editor"), kind="update", text="Toll rose."
    )

    root = xml(client, "/sitemap-stories.xml")

    lastmod = root.find("s:url[s:loc='http://testserver/stories/old/']/s:lastmod", NS)
    assert lastmod.text == "2026-03-19"
    index = xml(client, "/sitemap.xml")
    assert parse_datetime(index.find("s:sitemap/s:lastmod", NS).text) == clock.now


def test_listing_sitemaps_hold_only_pages_with_public_stories(client, newsroom):
    assert urls_of(xml(client, "/sitemap-sections.xml")) == [
        "http://testserver/sections/ports/"
    ]
    assert urls_of(xml(client, "/sitemap-topics.xml")) == [
        "http://testserver/tags/shipping/"
    ]
    assert urls_of(xml(client, "/sitemap-authors.xml")) == [
        "http://testserver/authors/samira/"
    ]


def test_no_sitemap_names_a_hidden_story_or_its_only_topic_or_author(client, newsroom):
    everything = b"".join(
        client.get(url).content
        for url in [
            "/sitemap.xml",
            "/sitemap-stories.xml",
            "/sitemap-sections.xml",
            "/sitemap-topics.xml",
            "/sitemap-authors.xml",
            "/news-sitemap.xml",
        ]
    ).decode()

    for slug in ["draft", "future", "expired", "taken-down", "only-drafts", "new-hire"]:
        assert f"/{slug}/" not in everything, slug


def test_the_news_sitemap_holds_the_last_48_hours_in_googles_schema(
    client, newsroom, clock
):
    stories, _ = newsroom
    make_article(
        title="Rates & “tariffs” <rise>",
        slug="rates",
        publish_at=clock.now - timedelta(minutes=5),
    )

    root = xml(client, "/news-sitemap.xml")

    assert root.tag == f"{{{SITEMAP}}}urlset"
    assert urls_of(root) == [
        "http://testserver/stories/rates/",
        "http://testserver/stories/fresh/",
    ]
    first = root.find("s:url", NS)
    news = first.find("news:news", NS)
    publication = news.find("news:publication", NS)
    assert publication.findtext("news:name", namespaces=NS) == "Byline"
    assert publication.findtext("news:language", namespaces=NS) == "en"
    assert news.findtext("news:title", namespaces=NS) == "Rates & “tariffs” <rise>"
    assert parse_datetime(news.findtext("news:publication_date", namespaces=NS)) == (
        clock.now - timedelta(minutes=5)
    )


def test_a_story_leaves_the_news_sitemap_after_48_hours(client, newsroom, clock):
    clock.advance(hours=2)

    assert urls_of(xml(client, "/news-sitemap.xml")) == []


def test_robots_txt_names_both_sitemaps(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/news-sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /preview/" in lines
