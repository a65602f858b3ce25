"""The newsroom's workflow in the browser: a contributor submits, an editor
publishes and corrects, a preview link is shared and revoked, and the story form
leaves room to write.

Screenshots of the editors' pages land in `artifacts/screenshots/editor-*.png`;
docs/editors.md shows copies of them.
"""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from articles.models import Article, AuditEntry, Correction, PendingChange
from articles.roles import CONTRIBUTOR, EDITOR
from articles.snapshots import take_snapshot
from tests.factories import make_article, make_author, make_draft, make_section

from .support import ARTIFACTS_DIR
from .test_editor import choose

PASSWORD = "correct-horse-battery-staple"
SCREENSHOTS_DIR = ARTIFACTS_DIR / "screenshots"
LAPTOP = {"width": 1280, "height": 800}
BODY_EDITOR = ".field-body .ProseMirror[contenteditable=true]"
PUBLISH_BUTTONS = re.compile(r"publish|schedule", re.IGNORECASE)


@pytest.fixture
def newsroom(transactional_db):
    """A contributor and an editor in their role groups, a section and a writer."""
    # The roles come from a migration, but live-server tests empty every table
    # after each test; the command that refreshes them brings them back.
    call_command("ensure_roles", verbosity=0)
    users = {}
    for username, role in [("contributor", CONTRIBUTOR), ("editor", EDITOR)]:
        user = get_user_model().objects.create_user(
            username, f"{username}@example.com", PASSWORD, is_staff=True
        )
        user.groups.add(Group.objects.get(name=role))
        users[username] = user
    return {
        **users,
        "section": make_section(name="Maritime", slug="maritime"),
        "writer": make_author(name="Helena Marsh", slug="helena-marsh"),
    }


def log_in(page, username):
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("newsroom")


def press(page, button, *, message):
    """Press a button on the story form and check the admin says it worked."""
    page.get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist li, .messagelist .error")
    assert not errors.all_inner_texts(), f"{button!r} was refused"
    expect(page.locator(".messagelist")).to_contain_text(message)


def expect_state(page, label):
    expect(page.locator(".story-state")).to_contain_text(f"State: {label}")


def screenshot(target, name):
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    target.screenshot(path=SCREENSHOTS_DIR / f"editor-{name}.png")


def reader_page(new_context):
    """A browser with no session: what a reader, or a reviewer outside, sees."""
    return new_context().new_page()


def test_contributor_submits_a_story_for_review_and_cannot_publish_it(page, newsroom):
    log_in(page, "contributor")
    page.goto("/admin/articles/article/add/")
    # A contributor's form has no way to put a story out, or to time it.
    expect(page.get_by_role("button", name=PUBLISH_BUTTONS)).to_have_count(0)
    expect(page.get_by_label("Override the checks")).to_have_count(0)
    expect(page.locator(".field-publish_at input")).to_have_count(0)

    title = "Harbour pilots trial night radar"
    page.get_by_label("Title:", exact=True).fill(title)
    page.get_by_label("Standfirst").fill("Three ports test the system this winter.")
    page.locator(BODY_EDITOR).click()
    page.keyboard.type("Pilots will guide ships in by radar alone.")
    choose(page, "id_section", "Mari", "Maritime")
    choose(page, "id_article_authors-0-author", "Hel", "Helena Marsh")
    press(page, "Save and submit for review", message="Submitted for review")

    expect_state(page, "In review")
    # Nothing is missing for an editor to publish it.
    expect(page.locator(".story-state")).not_to_contain_text("Before it can go out")
    expect(page.get_by_role("button", name=PUBLISH_BUTTONS)).to_have_count(0)
    story = Article.objects.get(title=title)
    assert story.status == Article.Status.IN_REVIEW
    assert story.created_by == newsroom["contributor"]
    assert story.byline_authors == [newsroom["writer"]]
    assert "Pilots will guide ships in by radar alone." in story.body
    assert list(
        AuditEntry.objects.filter(article=story).values_list("action", flat=True)
    ) == [AuditEntry.Action.SUBMITTED, AuditEntry.Action.CREATED]

    # The story list offers the contributor no publishing action either.
    page.goto("/admin/articles/article/")
    row = page.locator("#result_list tbody tr").filter(has_text=title)
    expect(row.locator(".field-state_label")).to_have_text("In review")
    actions = page.locator("select[name=action] option").all_inner_texts()
    assert not [action for action in actions if PUBLISH_BUTTONS.search(action)]


def test_editor_publishes_a_story_in_review_then_corrects_it(
    page, new_context, newsroom
):
    story = make_draft(
        title="Coastguard doubles night patrols",
        slug="coastguard-night-patrols",
        standfirst="Two new cutters join the eastern fleet.",
        status=Article.Status.IN_REVIEW,
        created_by=newsroom["contributor"],
        authors=[newsroom["writer"]],
    )
    log_in(page, "editor")
    page.goto("/admin/articles/article/")
    page.locator("#changelist-filter").get_by_role("link", name="In review").click()
    page.locator("#result_list").get_by_role("link", name=story.title).click()
    expect_state(page, "In review")

    press(page, "Save and publish (or schedule)", message="Published")
    expect_state(page, "Live")
    reader = reader_page(new_context)
    reader.goto(story.get_absolute_url())
    expect(reader.locator("h1")).to_have_text(story.title)
    expect(reader.locator(".story__corrections")).to_have_count(0)
    expect(reader.locator(".story__updated")).to_have_count(0)

    page.get_by_role("link", name="Add a correction…").click()
    page.get_by_label("Kind").select_option(label="Correction")
    note = "An earlier version said three cutters; there are two."
    page.get_by_label("Text").fill(note)
    page.get_by_role("button", name="Add the note").click()
    expect(page.locator(".messagelist .success")).to_contain_text("on the story")
    expect(page.locator("#corrections-group")).to_contain_text(note)
    assert Correction.objects.get(article=story).kind == Correction.Kind.CORRECTION

    reader.reload()
    notes = reader.locator(".story__corrections")
    expect(notes.get_by_role("heading")).to_have_text("Corrections and updates")
    expect(notes.locator("li")).to_have_text(re.compile(rf"^Correction, .*: {note}$"))
    # A correction moves the "Updated" time readers see.
    expect(reader.locator(".story__updated")).to_contain_text("Updated")


def test_preview_link_shows_pending_changes_until_it_is_revoked(
    page, new_context, newsroom
):
    story = make_article(
        title="Port cameras go live",
        slug="port-cameras",
        section=newsroom["section"],
        authors=[newsroom["writer"]],
    )
    log_in(page, "editor")
    page.goto(f"/admin/articles/article/{story.pk}/change/")
    page.get_by_label("Title:", exact=True).fill("Port cameras go live at dawn")
    press(page, "Save", message="Saved as pending changes")
    expect_state(page, "Live, with pending changes")

    page.get_by_role("link", name="Share a preview…").click()
    page.get_by_label("Label").fill("Legal desk")
    page.get_by_role("button", name="Create the link").click()
    address = page.get_by_label("Preview address").input_value()
    assert address.startswith("http") and "/preview/" in address
    screenshot(page, "preview-link")

    # Someone with no account sees the next version, marked as a preview...
    outsider = reader_page(new_context)
    response = outsider.goto(address)
    assert response.status == 200
    assert response.headers["x-robots-tag"] == "noindex"
    expect(outsider.locator(".preview-banner")).to_contain_text("Preview")
    expect(outsider.locator("h1")).to_have_text("Port cameras go live at dawn")
    # The pending version keeps what the edit did not touch, the byline too.
    expect(outsider.locator(".story__byline")).to_have_text("By Helena Marsh")
    # ...while readers still get the live version.
    reader = reader_page(new_context)
    reader.goto(story.get_absolute_url())
    expect(reader.locator("h1")).to_have_text("Port cameras go live")
    expect(reader.locator(".preview-banner")).to_have_count(0)

    page.get_by_role("link", name="Back to the story").click()
    links = page.locator("#preview_links-group")
    expect(links).to_contain_text("Legal desk")
    links.get_by_role("link", name="Revoke…").click()
    page.get_by_role("button", name="Revoke the link").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Revoked")
    expect(links).to_contain_text("No longer works")

    assert outsider.goto(address).status == 404
    expect(outsider.locator("h1")).to_have_text("We couldn’t find that page")


def test_story_form_leaves_room_to_write_on_a_laptop(new_context, newsroom):
    now = timezone.now()
    contributor, editor = newsroom["contributor"], newsroom["editor"]
    story = {"section": newsroom["section"], "authors": [newsroom["writer"]]}
    scheduled = make_article(
        title="New radar tender opens next week",
        publish_at=(now + timedelta(days=3)).replace(minute=30, second=0),
        created_by=editor,
        **story,
    )
    make_draft(title="Dredging plan for the outer harbour", created_by=contributor)
    make_draft(
        title="Customs share camera feeds",
        status=Article.Status.IN_REVIEW,
        created_by=contributor,
        **story,
    )
    make_article(
        title="Pilot boats get thermal cameras",
        publish_at=now - timedelta(hours=3),
        created_by=editor,
        **story,
    )
    edited = make_article(
        title="Harbour cameras go live at three ports",
        slug="harbour-cameras",
        standfirst="Port authorities say the six-month trial worked.",
        body="<p>Cameras on the cranes now watch every quay at night.</p>",
        publish_at=now - timedelta(hours=1),
        created_by=contributor,
        **story,
    )
    snapshot = {
        **take_snapshot(edited),
        "title": "Harbour cameras go live at four ports",
    }
    PendingChange.objects.create(article=edited, data=snapshot, saved_by=editor)

    page = new_context(viewport=LAPTOP).new_page()
    log_in(page, "editor")
    page.goto("/admin/articles/article/")
    row = page.locator("#result_list tbody tr").filter(has_text=scheduled.title)
    when = timezone.localtime(scheduled.publish_at)
    expect(row.locator(".field-state_label")).to_have_text(
        f"Scheduled for {when.day} {when:%b %Y, %H:%M}"
    )
    edited_row = page.locator("#result_list tbody tr").filter(has_text=edited.title)
    expect(edited_row.locator(".field-state_label")).to_have_text(
        "Live, with pending changes"
    )
    screenshot(page, "changelist")

    for url in [
        "/admin/articles/article/add/",
        f"/admin/articles/article/{edited.pk}/change/",
    ]:
        page.goto(url)
        expect(page.locator(BODY_EDITOR)).to_be_visible()
        sizes = page.evaluate(
            """body => ({
                overflow: document.documentElement.scrollWidth
                    - document.documentElement.clientWidth,
                body: document.querySelector(body).getBoundingClientRect().height,
                headline: document.querySelector('#id_title')
                    .getBoundingClientRect().width,
            })""",
            BODY_EDITOR,
        )
        assert sizes["overflow"] <= 0, f"{url} scrolls sideways: {sizes}"
        assert sizes["body"] >= 300, f"{url} leaves a short body editor: {sizes}"
        assert sizes["headline"] >= 500, f"{url} has a narrow headline: {sizes}"

    screenshot(page, "story-form")
    screenshot(page.locator(".workflow-buttons"), "workflow-buttons")
