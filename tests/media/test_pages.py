"""Reader pages show renditions only, sized for the slot, without opening a file."""

import logging

import pytest
from django.core.files.storage import FileSystemStorage
from PIL import Image as PILImage

from articles.models import Article
from media.models import Image
from tests.articles.test_query_counts import EXPECTED_QUERIES
from tests.factories import (
    make_article,
    make_articles_in_bulk,
    make_author,
    make_section,
    png_bytes,
)
from tests.soup import one, parse

from . import builders

pytestmark = pytest.mark.django_db


def make_photo(title="Photo", size=(1920, 1080), **fields):
    fields.setdefault("alt_text", f"{title}, described")
    data = builders.encoded(builders.two_tone(size))
    return Image.objects.create(title=title, file=builders.upload(data), **fields)


@pytest.fixture
def newsroom(clock):
    """A section of stories with big photos, one story with related cards."""
    section = make_section(name="World", slug="world")
    author = make_author(slug="ana")
    photos = [make_photo(f"Photo {n}") for n in range(4)]
    stories = [
        make_article(
            slug=f"story-{n}",
            section=section,
            hero_image=photos[n],
            authors=[author],
            tags=["Ports"],
        )
        for n in range(4)
    ]
    return {"story": stories[0], "photos": photos}


def urls_in(page):
    """Return every image address a browser could fetch from `page`."""
    found = []
    for element in page.select("img, source"):
        if element.get("src"):
            found.append(element["src"])
        for candidate in element.get("srcset", "").split(","):
            if candidate.strip():
                found.append(candidate.split()[0])
    return found


def rendition_urls():
    return {
        f"/media/{name}" for image in Image.objects.all() for name in image.file_names()
    } - {f"/media/{image.file.name}" for image in Image.objects.all()}


def original_urls():
    return {image.file.url for image in Image.objects.all()}


@pytest.mark.parametrize(
    "url",
    ["/", "/stories/story-0/", "/sections/world/", "/tags/ports/", "/authors/ana/"],
)
def test_reader_pages_serve_only_renditions_with_sizes_and_srcset(
    client, newsroom, url
):
    page = parse(client.get(url))

    images = page.select("main img")
    assert images
    fetched = urls_in(page)
    assert fetched and set(fetched) <= rendition_urls()
    assert not set(fetched) & original_urls()
    for img in images:
        assert img["width"].isdigit() and img["height"].isdigit()
        assert img["srcset"] and img["sizes"]
        assert img["src"].endswith(".jpg")
        picture = img.parent
        assert picture.name == "picture"
        source = one(picture, 'source[type="image/webp"]')
        assert source["srcset"] and source["sizes"] == img["sizes"]


def test_story_hero_is_fetched_first_and_cards_lazily(client, newsroom):
    page = parse(client.get("/stories/story-0/"))

    hero = one(page, ".story__hero img")
    assert hero["fetchpriority"] == "high"
    assert not hero.has_attr("loading")
    assert hero["alt"] == "Photo 0, described"
    widths = [int(c.split()[1][:-1]) for c in hero["srcset"].split(", ")]
    assert widths == [480, 800, 1200, 1600]
    for img in page.select(".related img"):
        assert img["loading"] == "lazy"
        assert not img.has_attr("fetchpriority")


def test_hero_size_attributes_match_the_rendition_so_nothing_shifts(client, newsroom):
    page = parse(client.get("/stories/story-0/"))

    hero = one(page, ".story__hero img")
    name = hero["src"].removeprefix("/media/")
    with newsroom["photos"][0].file.storage.open(name) as file:
        assert PILImage.open(file).size == (int(hero["width"]), int(hero["height"]))


def test_decorative_hero_has_empty_alt_text(client, clock):
    story = make_article(hero_image=make_photo(alt_text="", is_decorative=True))

    page = parse(client.get(story.get_absolute_url()))

    assert one(page, ".story__hero img")["alt"] == ""
    assert not page.select('meta[property="og:image:alt"]')


def test_story_shares_the_1200_by_630_crop_at_an_absolute_address(client, newsroom):
    page = parse(client.get("/stories/story-0/"))

    social = newsroom["photos"][0].renditions["social"][0]
    assert one(page, 'meta[property="og:image"]')["content"] == (
        f"http://testserver/media/{social['jpeg']}"
    )
    assert one(page, 'meta[property="og:image:width"]')["content"] == "1200"
    assert one(page, 'meta[property="og:image:height"]')["content"] == "630"
    assert one(page, 'meta[property="og:image:alt"]')["content"] == (
        "Photo 0, described"
    )


def test_a_missing_rendition_falls_back_to_the_nearest_size_and_is_logged(
    client, newsroom, caplog
):
    photo = newsroom["photos"][0]
    renditions = {k: v for k, v in photo.renditions.items() if k != "social"}
    Image.objects.filter(pk=photo.pk).update(renditions=renditions)

    with caplog.at_level(logging.WARNING, logger="media.pictures"):
        page = parse(client.get("/stories/story-0/"))

    nearest = next(r for r in renditions["hero"] if r["width"] == 1200)
    assert one(page, 'meta[property="og:image"]')["content"].endswith(nearest["jpeg"])
    assert one(page, 'meta[property="og:image:width"]')["content"] == "1200"
    (record,) = caplog.records
    assert f"Image {photo.pk} has no 'social' rendition" in record.getMessage()


def test_an_image_without_renditions_is_left_out_and_logged(client, clock, caplog):
    image = make_photo()
    Image.objects.filter(pk=image.pk).update(renditions={})
    story = make_article(hero_image=image)

    with caplog.at_level(logging.ERROR, logger="media.pictures"):
        response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    # No picture, and no caption left hanging without one.
    assert not parse(response).select(".story__hero")
    assert "has no renditions at all" in caplog.text


def refuse_file_access(monkeypatch):
    """Fail the test if anything opens, measures or looks for a stored file."""

    def refuse(*args, **kwargs):
        raise AssertionError("a reader's request touched an image file")

    monkeypatch.setattr(PILImage, "open", refuse)
    for method in ("open", "_open", "exists", "size", "path"):
        monkeypatch.setattr(FileSystemStorage, method, refuse)


def test_a_page_of_twenty_cards_opens_no_file_and_keeps_its_query_count(
    client, clock, settings, django_assert_num_queries, monkeypatch
):
    settings.ARTICLES_PER_PAGE = 20
    section = make_section(slug="world")
    images = [
        Image.objects.create(
            title=f"Card {n}",
            alt_text="A card",
            file=builders.upload(png_bytes(size=(960, 540), colour=(n, 60, 90))),
        )
        for n in range(20)
    ]
    stories = make_articles_in_bulk(20, sections=[section], authors=[make_author()])
    for story, image in zip(stories, images, strict=True):
        story.hero_image = image
    Article.objects.bulk_update(stories, ["hero_image"])
    refuse_file_access(monkeypatch)

    with django_assert_num_queries(EXPECTED_QUERIES["section"]):
        response = client.get(section.get_absolute_url())

    cards = parse(response).select("article.card")
    assert len(cards) == 20
    assert all(card.select_one("picture img[srcset]") for card in cards)
