"""Drafts and future stories never reach readers; staff may preview them."""

from datetime import timedelta

import pytest

from articles.models import Tag
from articles.views import HOME_PAGE_SIZE
from tests.factories import (
    link,
    make_article,
    make_articles_in_bulk,
    make_author,
    make_draft,
    make_future,
    make_section,
)
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db

NOT_FOUND_TEXT = "We couldn’t find that page"
HIDDEN = {
    "draft": "Draft story",
    "pulled": "Pulled story",
    "future": "Future story",
}


@pytest.fixture
def newsroom(clock):
    """One section, author and tag shared by public stories and hidden ones.

    The hidden stories are the newest, so any leak would put them first.
    Enough older public stories exist to fill the front page, the home
    page's section blocks and a second page of every list.
    """
    section = make_section(name="World", slug="world")
    author = make_author(name="Samira Nassif", slug="samira")
    shared = {"section": section, "authors": [author]}
    public = make_article(
        title="Public story",
        slug="public",
        tags=["Drones"],
        publish_at=clock.now - timedelta(hours=1),
        **shared,
    )
    make_articles_in_bulk(
        HOME_PAGE_SIZE + 12,
        sections=[section],
        authors=[author],
        tags=[Tag.objects.get(name="Drones")],
    )
    hidden = [
        make_draft(
            slug="draft",
            title=HIDDEN["draft"],
            tags=["Drones", "Only drafts"],
            **shared,
        ),
        make_draft(
            slug="pulled",
            title=HIDDEN["pulled"],
            publish_at=clock.now - timedelta(minutes=30),
            tags=["Drones"],
            **shared,
        ),
        make_future(
            slug="future",
            title=HIDDEN["future"],
            publish_at=clock.now + timedelta(minutes=5),
            tags=["Drones", "Coming soon"],
            **shared,
        ),
    ]
    for order, story in enumerate(hidden):
        link(public, to=story, order=order)
    return public


def assert_nothing_hidden_in(response):
    html = response.content.decode()
    for slug, title in HIDDEN.items():
        assert title not in html
        assert f"/stories/{slug}/" not in html


LIST_PAGES = ["/", "/sections/world/", "/tags/drones/", "/authors/samira/"]


@pytest.mark.parametrize("path", LIST_PAGES)
@pytest.mark.parametrize("page_number", ["1", "2"])
def test_list_pages_never_list_drafts_or_future_stories(
    client, newsroom, path, page_number
):
    response = client.get(path, {"page": page_number})

    assert response.status_code == 200
    assert_nothing_hidden_in(response)


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_pages_do_list_the_public_story(client, newsroom, path):
    response = client.get(path)

    links = [a["href"] for a in one(parse(response), "main").select("a")]
    assert "/stories/public/" in links


def test_home_page_section_blocks_are_shown_and_hold_no_hidden_story(client, newsroom):
    page = parse(client.get("/"))

    blocks = page.select("section.section-block")
    assert [text(one(block, "h2")) for block in blocks] == ["World"]
    assert blocks[0].select("article.card")
    for title in HIDDEN.values():
        assert title not in text(blocks[0])


@pytest.mark.parametrize("slug", sorted(HIDDEN))
def test_hidden_story_page_is_not_found_for_readers(client, newsroom, slug):
    response = client.get(f"/stories/{slug}/")

    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.content.decode()
    assert HIDDEN[slug] not in response.content.decode()


def test_public_story_page_is_found_for_readers(client, newsroom):
    assert client.get("/stories/public/").status_code == 200


@pytest.mark.parametrize("tag_slug", ["only-drafts", "coming-soon"])
def test_tag_carried_only_by_hidden_stories_is_not_found(client, newsroom, tag_slug):
    response = client.get(f"/tags/{tag_slug}/")

    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.content.decode()


def test_public_story_page_never_shows_hidden_stories_it_links_to(client, newsroom):
    response = client.get("/stories/public/")

    cards = one(parse(response), "aside.related").select("article")
    assert len(cards) == 3
    assert_nothing_hidden_in(response)


def test_future_story_appears_everywhere_once_its_time_comes(client, newsroom, clock):
    clock.advance(minutes=5)

    assert client.get("/stories/future/").status_code == 200
    assert client.get("/tags/coming-soon/").status_code == 200
    lead = one(parse(client.get("/")), "section.lead")
    assert text(one(lead, "h2")) == HIDDEN["future"]


# ------------------------------------------------------------ staff preview


def test_editor_can_preview_a_draft_marked_private_and_noindex(editor_client, newsroom):
    response = editor_client.get("/stories/draft/")

    assert response.status_code == 200
    page = parse(response)
    assert text(one(page, "h1")) == HIDDEN["draft"]
    banner = one(page, "p.preview-banner")
    assert text(banner) == (
        "Preview: this story is not published. Readers cannot see it."
    )
    assert one(page, 'meta[name="robots"]')["content"] == "noindex"
    assert response["X-Robots-Tag"] == "noindex"
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


def test_editor_preview_of_a_future_story_says_when_it_is_scheduled(
    editor_client, newsroom
):
    page = parse(editor_client.get("/stories/future/"))

    assert "scheduled for 16 March 2026, 09:35" in text(one(page, "p.preview-banner"))


def test_superuser_can_preview_a_draft(admin_client, newsroom):
    response = admin_client.get("/stories/pulled/")

    assert response.status_code == 200
    assert parse(response).select("p.preview-banner")


def test_editor_sees_a_public_story_without_preview_marks(editor_client, newsroom):
    response = editor_client.get("/stories/public/")

    assert parse(response).select("p.preview-banner") == []
    assert "private" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response


def test_editor_still_sees_no_hidden_story_in_lists(editor_client, newsroom):
    for path in LIST_PAGES:
        assert_nothing_hidden_in(editor_client.get(path))


@pytest.mark.parametrize("slug", sorted(HIDDEN))
def test_staff_without_change_permission_cannot_preview(staff_client, newsroom, slug):
    response = staff_client.get(f"/stories/{slug}/")

    assert response.status_code == 404
    assert HIDDEN[slug] not in response.content.decode()


def test_editor_gets_not_found_for_a_story_that_does_not_exist(editor_client, db):
    response = editor_client.get("/stories/no-such-story/")

    assert response.status_code == 404
    assert NOT_FOUND_TEXT in response.content.decode()
