"""The story workflow: scheduling and expiry by the clock alone, the audit trail, author pages."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from articles import roles, workflow
from articles.models import Article, AuditEntry, Correction
from articles.snapshots import take_snapshot
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_user,
)
from tests.reader_pages import EVERY_SURFACE, make_beat, surfaces_linking
from tests.soup import one, parse, text
from tests.story_admin import (
    STORIES,
    change_url,
    delete_story,
    logged_in,
    open_form,
    post_form,
    step_url,
)

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR, first_name="Amira", last_name="Haddad")


# ------------------------------------------------------------ the clock decides


def test_scheduled_story_is_hidden_until_its_time_then_shown_with_no_job(
    client, clock, editor
):
    beat = make_beat(published=False)
    story = beat.story
    workflow.schedule(story, by=editor, at=clock.now + timedelta(hours=2))

    clock.advance(hours=1, minutes=59)
    assert client.get(story.get_absolute_url()).status_code == 404
    assert surfaces_linking(client, beat, story.get_absolute_url()) == set()

    clock.advance(minutes=1)
    assert client.get(story.get_absolute_url()).status_code == 200
    assert surfaces_linking(client, beat, story.get_absolute_url()) == EVERY_SURFACE


def test_expired_story_leaves_every_reader_page_at_its_expiry_time(client, clock):
    beat = make_beat(expires_at=clock.now + timedelta(hours=1))
    url = beat.story.get_absolute_url()
    assert surfaces_linking(client, beat, url) == EVERY_SURFACE

    clock.advance(hours=1)

    assert client.get(url).status_code == 404
    assert surfaces_linking(client, beat, url) == set()


def test_admin_lists_a_scheduled_story_as_scheduled_then_live(clock, editor):
    story = make_draft(title="Embargoed report", authors=[make_author()])
    workflow.schedule(story, by=editor, at=clock.now + timedelta(hours=2))
    admin = logged_in(editor)

    def titles_in(state):
        page = parse(admin.get(STORIES, {"state": state}))
        table = page.select_one("table#result_list")
        return text(table) if table else ""

    assert "Embargoed report" in titles_in("scheduled")
    assert "Embargoed report" not in titles_in("live")
    clock.advance(hours=2)
    assert "Embargoed report" in titles_in("live")
    assert "Embargoed report" not in titles_in("scheduled")


def test_scheduling_for_a_time_already_past_is_refused(clock, editor):
    story = make_draft(authors=[make_author()])

    with pytest.raises(ValidationError, match="Choose a time in the future"):
        workflow.schedule(story, by=editor, at=clock.now - timedelta(minutes=1))

    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    assert story.publish_at is None


# ------------------------------------------------------------ the audit trail


def test_every_transition_writes_who_when_what_and_why(clock, editor):
    writer = make_user(roles.CONTRIBUTOR)
    story = workflow.create(
        Article(
            title="Audited",
            slug="audited",
            standfirst="A summary.",
            section=make_article().section,
        ),
        by=writer,
    )
    story.article_authors.create(author=make_author())
    steps = [
        lambda: workflow.submit_for_review(story, by=writer),
        lambda: workflow.publish(story, by=editor),
        lambda: workflow.save_pending(
            story, by=editor, snapshot=take_snapshot(story) | {"title": "Retitled"}
        ),
        lambda: workflow.publish_pending(story, by=editor),
        lambda: workflow.add_correction(
            story, by=editor, kind=Correction.Kind.CORRECTION, text="Fixed."
        ),
        lambda: workflow.create_preview_link(story, by=editor, label="Legal"),
        lambda: workflow.unpublish(story, by=editor, reason="Embargo"),
        lambda: workflow.take_down(story, by=editor, reason="Court order"),
    ]
    for step in steps:
        clock.advance(minutes=1)
        step()

    trail = list(
        AuditEntry.objects.filter(article=story)
        .order_by("at", "pk")
        .values_list("user", "action", "reason")
    )
    assert trail == [
        (writer.pk, Action.CREATED, ""),
        (writer.pk, Action.SUBMITTED, ""),
        (editor.pk, Action.PUBLISHED, ""),
        (editor.pk, Action.SAVED_PENDING, ""),
        (editor.pk, Action.PUBLISHED_CHANGES, ""),
        (editor.pk, Action.CORRECTED, "Correction: Fixed."),
        (editor.pk, Action.PREVIEW_CREATED, "Legal"),
        (editor.pk, Action.UNPUBLISHED, "Embargo"),
        (editor.pk, Action.TAKEN_DOWN, "Court order"),
    ]
    times = list(
        AuditEntry.objects.filter(article=story)
        .order_by("at", "pk")
        .values_list("at", flat=True)
    )
    start = times[0]
    assert times == [start + timedelta(minutes=n) for n in range(len(times))]


def test_an_edit_records_what_changed(clock, editor):
    story = make_draft(title="Before", authors=[make_author()])
    admin = logged_in(editor)

    post_form(admin, story, open_form(admin, story), title="After")

    entry = AuditEntry.objects.get(article=story, action=Action.EDITED)
    assert entry.user == editor
    assert entry.at == clock.now
    assert entry.changes == {"Headline": ["Before", "After"]}


def test_story_admin_page_shows_the_audit_trail(clock, editor):
    story = make_article(authors=[make_author()])
    workflow.take_down(story, by=editor, reason="Legal hold")

    page = parse(logged_in(editor).get(change_url(story)))

    trail = one(page, "#audit_entries-group")
    rows = [text(row) for row in trail.select("tbody tr")]
    assert len(rows) == 1
    assert "Taken down" in rows[0]
    assert "Legal hold" in rows[0]
    assert editor.username in rows[0]


def test_deleting_a_story_keeps_its_audit_entry(clock, editor):
    story = make_draft(title="Short-lived")

    response = delete_story(logged_in(editor), story)

    assert response.status_code == 302
    entry = AuditEntry.objects.get(action=Action.DELETED)
    assert (entry.article, entry.article_title, entry.user) == (
        None,
        "Short-lived",
        editor,
    )


def test_takedown_page_records_the_reason_given(clock, editor):
    story = make_article()

    logged_in(editor).post(step_url(story, "take_down"), {"reason": "Injunction"})

    entry = AuditEntry.objects.get(article=story)
    assert (entry.user, entry.action, entry.reason, entry.at) == (
        editor,
        Action.TAKEN_DOWN,
        "Injunction",
        clock.now,
    )


# ------------------------------------------------------------ author pages


def only_story_of(author, state, clock):
    """Give `author` one story, in `state`."""
    at = clock.now - timedelta(hours=1)
    stories = {
        "draft": lambda: make_draft(authors=[author]),
        "scheduled": lambda: make_article(
            authors=[author], publish_at=clock.now + timedelta(hours=1)
        ),
        "expired": lambda: make_article(
            authors=[author], publish_at=at, expires_at=clock.now
        ),
        "unpublished": lambda: make_article(
            authors=[author], publish_at=at, status=Article.Status.UNPUBLISHED
        ),
        "taken down": lambda: make_article(
            authors=[author], publish_at=at, status=Article.Status.TAKEN_DOWN
        ),
        "live": lambda: make_article(authors=[author], publish_at=at),
    }
    return stories[state]()


@pytest.mark.parametrize(
    ("state", "status_code"),
    [
        ("draft", 404),
        ("scheduled", 404),
        ("expired", 404),
        ("unpublished", 404),
        ("taken down", 404),
        ("live", 200),
    ],
)
def test_author_page_answers_404_unless_the_author_has_a_public_story(
    client, clock, state, status_code
):
    author = make_author(name="Nadia Okafor", slug="nadia")
    only_story_of(author, state, clock)

    response = client.get("/authors/nadia/")

    assert response.status_code == status_code
    assert ("Nadia Okafor" in response.content.decode()) is (status_code == 200)


def test_author_page_goes_when_their_only_story_is_taken_down(client, editor):
    author = make_author(name="Nadia Okafor", slug="nadia")
    story = make_article(authors=[author])
    assert client.get("/authors/nadia/").status_code == 200

    workflow.take_down(story, by=editor, reason="Legal hold")

    assert client.get("/authors/nadia/").status_code == 404
