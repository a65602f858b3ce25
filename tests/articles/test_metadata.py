"""What reader pages say about themselves: title, description, canonical address,
OpenGraph and Twitter cards, and JSON-LD that no headline can break out of."""

import json
from datetime import timedelta

import pytest

from articles import workflow
from articles.sharing import share_image_url
from media.pictures import Picture
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_image,
    make_section,
    make_user,
)
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db

HOSTILE = 'Ministers </script><script>alert("x")</script> say <!-- "no" & \'yes\''
URL = "http://testserver/stories/ports-and-patrols/"


def meta(page, key):
    """Return the content of the <meta> named (or with property) `key`."""
    found = page.select(f'meta[name="{key}"]') + page.select(f'meta[property="{key}"]')
    assert len(found) == 1, (key, len(found))
    return found[0]["content"]


def json_ld(page):
    """Return every JSON-LD block on the page, parsed, by @type."""
    blocks = [
        json.loads(script.string)
        for script in page.select('script[type="application/ld+json"]')
    ]
    return {block["@type"]: block for block in blocks}


@pytest.fixture
def story(clock):
    return make_article(
        title="Ports and patrols",
        slug="ports-and-patrols",
        standfirst="What the new patrols mean for shipping.",
        section=make_section(name="Ports", slug="ports"),
        authors=[
            make_author(name="Samira Nassif", slug="samira"),
            make_author(name="Rafiq Anwar", slug="rafiq"),
        ],
        tags=["Shipping", "Piracy"],
        hero_image=make_image(alt_text="Cranes at dusk"),
        publish_at=clock.now - timedelta(hours=2),
    )


def test_story_page_has_title_description_and_canonical(client, story):
    page = parse(client.get(URL))

    assert text(page.title) == "Ports and patrols · Byline"
    assert meta(page, "description") == "What the new patrols mean for shipping."
    assert one(page, "link[rel=canonical]")["href"] == URL


def test_story_page_has_opengraph_and_twitter_cards(client, story):
    page = parse(client.get(URL))
    image = f"http://testserver{share_image_url(story)}"

    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "Ports and patrols"
    assert meta(page, "og:description") == "What the new patrols mean for shipping."
    assert meta(page, "og:url") == URL
    assert meta(page, "og:site_name") == "Byline"
    assert meta(page, "og:image") == image
    assert meta(page, "og:image:alt") == "Cranes at dusk"
    assert meta(page, "article:published_time") == "2026-03-16T07:30:00+00:00"
    assert meta(page, "article:section") == "Ports"
    assert [m["content"] for m in page.select('meta[property="article:tag"]')] == [
        "Shipping",
        "Piracy",
    ]
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:title") == "Ports and patrols"
    assert meta(page, "twitter:image") == image
    assert meta(page, "twitter:image:alt") == "Cranes at dusk"


def test_the_share_image_comes_from_share_picture(client, story, monkeypatch):
    monkeypatch.setattr(
        "articles.metadata.share_picture",
        lambda article: Picture(
            src="/media/share/1200x630.jpg",
            width=1200,
            height=630,
            jpeg_srcset="",
            webp_srcset="",
        ),
    )

    page = parse(client.get(URL))

    assert meta(page, "og:image") == "http://testserver/media/share/1200x630.jpg"
    assert json_ld(page)["NewsArticle"]["image"] == [
        "http://testserver/media/share/1200x630.jpg"
    ]
    assert "/renditions/" in share_image_url(story)


def test_a_story_without_a_picture_gets_a_plain_card(client, clock):
    make_article(slug="no-picture", title="Words only")

    page = parse(client.get("/stories/no-picture/"))

    assert meta(page, "twitter:card") == "summary"
    assert not page.select('meta[property="og:image"]')
    assert "image" not in json_ld(page)["NewsArticle"]


def test_seo_title_and_description_replace_headline_and_standfirst_for_machines(
    client, story
):
    story.seo_title = "Patrols: what changes for shipping"
    story.seo_description = "A short guide to the new patrols."
    story.save()

    page = parse(client.get(URL))

    assert text(page.title) == "Patrols: what changes for shipping · Byline"
    assert meta(page, "description") == "A short guide to the new patrols."
    assert meta(page, "og:title") == "Patrols: what changes for shipping"
    assert meta(page, "twitter:description") == "A short guide to the new patrols."
    assert json_ld(page)["NewsArticle"]["headline"] == (
        "Patrols: what changes for shipping"
    )
    # Readers still see the headline the editor wrote for them.
    assert text(one(page, "h1")) == "Ports and patrols"


def test_news_article_json_ld_has_every_field(client, story, clock):
    data = json_ld(parse(client.get(URL)))["NewsArticle"]

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Ports and patrols"
    assert data["description"] == "What the new patrols mean for shipping."
    assert data["image"] == [f"http://testserver{share_image_url(story)}"]
    assert data["datePublished"] == "2026-03-16T07:30:00+00:00"
    assert data["dateModified"] == "2026-03-16T07:30:00+00:00"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Samira Nassif",
            "url": "http://testserver/authors/samira/",
        },
        {
            "@type": "Person",
            "name": "Rafiq Anwar",
            "url": "http://testserver/authors/rafiq/",
        },
    ]
    publisher = data["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Byline"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"].startswith("http://testserver/static/img/logo")
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": URL}
    assert data["articleSection"] == "Ports"
    assert data["keywords"] == ["Shipping", "Piracy"]
    assert "correction" not in data


def test_corrections_appear_in_the_json_ld_and_move_date_modified(client, story, clock):
    clock.advance(hours=1)
    workflow.add_correction(
        story, by=make_user("Editor"), kind="correction", text="Date fixed."
    )

    data = json_ld(parse(client.get(URL)))["NewsArticle"]

    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "text": "Correction: Date fixed.",
            "datePublished": "2026-03-16T10:30:00+00:00",
        }
    ]
    assert data["dateModified"] == "2026-03-16T10:30:00+00:00"


def test_story_breadcrumbs_lead_home_section_story(client, story):
    data = json_ld(parse(client.get(URL)))["BreadcrumbList"]

    assert [(i["position"], i["name"], i["item"]) for i in data["itemListElement"]] == [
        (1, "Home", "http://testserver/"),
        (2, "Ports", "http://testserver/sections/ports/"),
        (3, "Ports and patrols", URL),
    ]


def test_a_hostile_headline_cannot_break_out_of_the_page_head(client, clock):
    make_article(
        slug="hostile",
        title=HOSTILE,
        standfirst=HOSTILE,
        tags=[HOSTILE[:90]],
        authors=[make_author(name=HOSTILE[:100])],
    )

    response = client.get("/stories/hostile/")
    html = response.content.decode()
    page = parse(response)

    assert "<script>alert" not in html
    assert "<!--" not in html.split("<body>")[0]
    scripts = page.select("script")
    assert all(s.get("type") == "application/ld+json" or s.get("src") for s in scripts)
    data = json_ld(page)
    assert data["NewsArticle"]["headline"] == HOSTILE
    assert data["NewsArticle"]["description"] == HOSTILE
    assert data["NewsArticle"]["keywords"] == [HOSTILE[:90]]
    assert data["NewsArticle"]["author"][0]["name"] == HOSTILE[:100]
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == HOSTILE
    assert text(page.title) == f"{HOSTILE} · Byline"
    assert meta(page, "og:title") == HOSTILE
    assert meta(page, "description") == HOSTILE
    assert text(one(page, "h1")) == HOSTILE


def test_a_preview_is_marked_noindex(editor_client, clock):
    make_draft(slug="draft", title="Draft")

    page = parse(editor_client.get("/stories/draft/"))

    assert meta(page, "robots") == "noindex"


def test_home_page_describes_the_site_and_its_search(client, story):
    page = parse(client.get("/"))

    assert (
        text(page.title) == "Byline: Security and counter-terrorism news and analysis"
    )
    assert one(page, "link[rel=canonical]")["href"] == "http://testserver/"
    assert meta(page, "og:type") == "website"
    site = json_ld(page)["WebSite"]
    assert site["url"] == "http://testserver/"
    assert site["potentialAction"]["target"]["urlTemplate"] == (
        "http://testserver/search/?q={search_term_string}"
    )


def test_list_pages_name_their_page_number_in_title_and_canonical(client, clock):
    section = make_section(name="Ports", slug="ports", description="Ships and docks.")
    for number in range(13):
        make_article(section=section, publish_at=clock.now - timedelta(hours=number))

    first = parse(client.get("/sections/ports/"))
    second = parse(client.get("/sections/ports/?page=2"))

    assert text(first.title) == "Ports · Byline"
    assert meta(first, "description") == "Ships and docks."
    assert (
        one(first, "link[rel=canonical]")["href"] == "http://testserver/sections/ports/"
    )
    assert text(second.title) == "Ports, page 2 · Byline"
    assert one(second, "link[rel=canonical]")["href"] == (
        "http://testserver/sections/ports/?page=2"
    )
    crumbs = json_ld(first)["BreadcrumbList"]["itemListElement"]
    assert [c["name"] for c in crumbs] == ["Home", "Ports"]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/stories/ports-and-patrols/",
        "/sections/ports/",
        "/tags/shipping/",
        "/authors/samira/",
        "/archive/",
        "/archive/2026/",
        "/archive/2026/3/",
        "/search/?q=patrols",
    ],
)
def test_every_reader_page_has_the_full_set_of_metadata(client, story, url):
    response = client.get(url)
    assert response.status_code == 200
    page = parse(response)

    assert "Byline" in text(page.title)
    assert meta(page, "description")
    assert one(page, "link[rel=canonical]")["href"].startswith("http://testserver/")
    for key in ["og:title", "og:description", "og:url", "og:type", "twitter:card"]:
        assert meta(page, key), key
    assert json_ld(page)
