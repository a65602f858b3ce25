"""An editor writes, illustrates and publishes a story in the admin; a draft stays hidden."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from playwright.sync_api import expect

from articles.models import Article
from media.models import Image
from media.renditions import names_in
from tests.factories import (
    make_article,
    make_author,
    make_image,
    make_section,
    png_bytes,
)

PASSWORD = "correct-horse-battery-staple"


@pytest.fixture
def newsroom(transactional_db):
    """A small newsroom: one section, one writer, two published stories."""
    get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)
    section = make_section(name="Maritime", slug="maritime")
    writer = make_author(name="Helena Marsh", slug="helena-marsh")
    older = make_article(
        title="Harbour cameras go live at three container ports",
        slug="harbour-cameras",
        section=section,
        tags=["Ports", "Surveillance"],
        authors=[writer],
    )
    make_article(
        title="Fishing fleets asked to report unlit vessels",
        slug="unlit-vessels",
        section=make_section(name="Fisheries", slug="fisheries"),
        tags=["Fisheries"],
        publish_at=timezone.now() - timedelta(days=2),
    )
    return {"section": section, "writer": writer, "older": older}


def log_in(page):
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("newsroom")


def choose(page, select_id, search, option):
    """Pick `option` in the admin's select2 autocomplete for `<select id=select_id>`."""
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(search)
    page.locator(".select2-results__option:not(.loading-results)").filter(
        has_text=option
    ).click()
    expect(page.locator(f"#select2-{select_id}-container")).to_contain_text(option)


def save(page, *, title):
    """Press Save and check the admin confirms it, showing any form errors if not."""
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist li").all_inner_texts()
    assert not errors, f"The admin refused to save {title!r}: {errors}"
    expect(page.locator(".messagelist .success")).to_contain_text(title)


def add_image(page, *, title):
    page.goto("/admin/media/image/add/")
    page.get_by_label("File").set_input_files(
        files=[
            {
                "name": "harbour-crane.png",
                "mimeType": "image/png",
                "buffer": png_bytes(size=(1200, 675), colour=(40, 90, 120)),
            }
        ]
    )
    page.get_by_label("Title:", exact=True).fill(title)
    page.get_by_label("Alt text").fill("A container crane above a quay at dusk.")
    page.get_by_label("Caption").fill("Cranes at the eastern terminal.")
    page.get_by_label("Credit").fill("Byline test desk")
    save(page, title=title)


def write_story(page, *, title, publish, image_title, related_title):
    page.goto("/admin/articles/article/add/")
    page.get_by_label("Title:", exact=True).press_sequentially(title)
    # The slug is pre-filled from the title as the editor types.
    expect(page.get_by_label("Slug")).to_have_value(slugify(title))
    page.get_by_label("Standfirst").fill("Port authorities say the trial worked.")

    body = page.locator(".field-body .ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.type("The first paragraph names ")
    page.locator('.field-body button[data-name="bold"]').click()
    page.keyboard.type("three ports")
    page.locator('.field-body button[data-name="bold"]').click()
    page.keyboard.type(" and the cameras they share.")
    page.keyboard.press("Enter")
    page.locator('.field-body button[data-name="blockquote"]').click()
    page.keyboard.type("We can see every quay at once.")
    expect(body.locator("strong")).to_have_text("three ports")
    expect(body.locator("blockquote")).to_have_text("We can see every quay at once.")

    choose(page, "id_section", "Mari", "Maritime")
    choose(page, "id_hero_image", "crane", image_title)
    page.get_by_label("Topics").fill("Ports, Surveillance, Night patrols")
    choose(page, "id_article_authors-0-author", "Hel", "Helena Marsh")
    choose(page, "id_related_links-0-target", "Harbour", related_title)
    if publish:
        page.get_by_role("button", name="Save and publish (or schedule)").click()
        page.wait_for_load_state()
        expect(page.locator(".messagelist .success")).to_contain_text("Published")
    else:
        save(page, title=title)
    return Article.objects.get(title=title)


def test_editor_publishes_an_illustrated_story_that_readers_find(
    page, new_context, live_server, newsroom
):
    older = newsroom["older"]
    log_in(page)
    add_image(page, title="Crane at the eastern terminal")
    image = Image.objects.get(title="Crane at the eastern terminal")
    assert (image.width, image.height) == (1200, 675)

    story = write_story(
        page,
        title="Container ports share cameras after trial",
        publish=True,
        image_title=image.title,
        related_title=older.title,
    )
    assert story.is_public
    assert "<strong>three ports</strong>" in story.body
    assert (
        "<blockquote><p>We can see every quay at once.</p></blockquote>" in story.body
    )
    assert story.hero_image == image
    assert [tag.name for tag in story.topics] == [
        "Ports",
        "Surveillance",
        "Night patrols",
    ]
    assert story.byline_authors == [newsroom["writer"]]

    # A reader with no session finds it first on the home page...
    reader = new_context().new_page()
    reader.goto("/")
    lead = reader.locator(".lead-story")
    expect(lead.locator(".lead-story__title")).to_have_text(story.title)
    expect(lead.locator("img")).to_have_js_property("complete", True)
    # The browser picks one of the picture's renditions, never the original.
    chosen = lead.locator("img").evaluate("img => img.currentSrc")
    image.refresh_from_db()
    assert chosen.removeprefix(f"{live_server.url}/media/") in names_in(
        image.renditions
    )
    assert lead.locator("img").evaluate("img => img.naturalWidth") > 0

    # ...with every part the editor gave it on the story page...
    lead.locator(".lead-story__title a").click()
    expect(reader).to_have_url(f"{live_server.url}{story.get_absolute_url()}")
    expect(reader.locator(".story__body strong")).to_have_text("three ports")
    expect(reader.locator(".story__body blockquote")).to_have_text(
        "We can see every quay at once."
    )
    hero = reader.locator(".story__hero img")
    expect(hero).to_have_attribute("alt", "A container crane above a quay at dusk.")
    expect(reader.locator(".story__hero figcaption")).to_contain_text(
        "Cranes at the eastern terminal."
    )
    expect(reader.locator(".story__byline")).to_have_text("By Helena Marsh")
    tags = reader.locator(".tag-list a").all_inner_texts()
    assert tags == ["Ports", "Surveillance", "Night patrols"]
    # The curated link comes first in its related block...
    expect(reader.locator(".related-card__title a").first).to_have_text(older.title)

    # ...and the older story, sharing two tags, now points readers to it.
    reader.goto(older.get_absolute_url())
    expect(reader.locator(".related-card__title a").first).to_have_text(story.title)


def test_editor_saves_a_draft_that_readers_cannot_see(page, new_context, newsroom):
    older = newsroom["older"]
    make_image(title="Crane at the western terminal")
    log_in(page)
    draft = write_story(
        page,
        title="Ports weigh sharing cameras with customs",
        publish=False,
        image_title="Crane at the western terminal",
        related_title=older.title,
    )
    assert draft.status == Article.Status.DRAFT
    assert not draft.is_public

    reader = new_context().new_page()
    reader.goto("/")
    expect(reader.locator(".lead-story__title")).to_have_text(older.title)
    expect(reader.get_by_text(draft.title)).to_have_count(0)
    response = reader.goto(draft.get_absolute_url())
    assert response.status == 404
    expect(reader.locator("h1")).to_have_text("We couldn’t find that page")
    reader.goto(older.get_absolute_url())
    expect(reader.get_by_text(draft.title)).to_have_count(0)
    # The draft's new tag has no public story yet, so it has no page either.
    assert reader.goto("/tags/night-patrols/").status == 404
