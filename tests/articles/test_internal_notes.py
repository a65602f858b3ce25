"""Internal notes are for colleagues: written in the admin, never shown to readers."""

import pytest
from django.urls import reverse

from articles import roles, workflow
from articles.models import InternalNote
from articles.snapshots import take_snapshot
from tests.factories import make_draft, make_user
from tests.reader_pages import make_beat
from tests.soup import one, parse, text
from tests.story_admin import change_url, logged_in, open_form, post_form

pytestmark = pytest.mark.django_db

NOTE = "Source is the aide to the minister; do not name her."
# Plain words, which HTML escaping leaves alone, so a leak cannot hide.
SECRET = "aide to the minister"


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR)


def add_note(user, story, words=NOTE):
    admin = logged_in(user)
    data = open_form(admin, story)
    return post_form(admin, story, data, **{"internal_notes-0-text": words})


def test_a_note_added_in_the_form_is_kept_with_its_author(editor, clock):
    beat = make_beat()

    response = add_note(editor, beat.story)

    assert response.status_code == 302
    note = InternalNote.objects.get()
    assert (note.article, note.text, note.author, note.created_at) == (
        beat.story,
        NOTE,
        editor,
        clock.now,
    )
    page = parse(logged_in(editor).get(change_url(beat.story)))
    assert NOTE in text(one(page, "#internal_notes-group"))


def test_a_contributor_adds_a_note_to_their_own_draft(clock):
    writer = make_user(roles.CONTRIBUTOR)
    story = make_draft(created_by=writer)

    add_note(writer, story, words="Photos still to come.")

    assert list(InternalNote.objects.values_list("text", "author")) == [
        ("Photos still to come.", writer.pk)
    ]


def test_notes_never_appear_on_any_reader_page(editor, clock):
    beat = make_beat()
    add_note(editor, beat.story)
    workflow.save_pending(
        beat.story,
        by=editor,
        snapshot=take_snapshot(beat.story) | {"title": "A pending headline"},
    )
    _, token = workflow.create_preview_link(beat.story, by=editor)
    reader = logged_in(None)
    pages = [
        beat.story.get_absolute_url(),
        reverse("articles:preview", args=[token]),
        *beat.surfaces().values(),
    ]

    for path in pages:
        response = reader.get(path)
        assert response.status_code == 200, path
        assert SECRET not in response.content.decode(), path
    assert InternalNote.objects.filter(text=NOTE).exists()


def test_notes_stay_off_a_draft_preview_page(editor, clock):
    story = make_draft(title="Draft with notes")
    add_note(editor, story)
    _, token = workflow.create_preview_link(story, by=editor)

    response = logged_in(None).get(reverse("articles:preview", args=[token]))

    assert text(one(parse(response), "h1")) == "Draft with notes"
    assert SECRET not in response.content.decode()


def test_a_saved_note_cannot_be_rewritten_from_the_form(editor, clock):
    beat = make_beat()
    add_note(editor, beat.story)
    note = InternalNote.objects.get()
    admin = logged_in(editor)
    data = open_form(admin, beat.story)
    data.update(
        {
            "internal_notes-TOTAL_FORMS": ["1"],
            "internal_notes-INITIAL_FORMS": ["1"],
            "internal_notes-0-id": [str(note.pk)],
            "internal_notes-0-article": [str(beat.story.pk)],
            "internal_notes-0-text": ["Rewritten history."],
        }
    )

    response = post_form(admin, beat.story, data)

    assert response.status_code == 302
    assert list(InternalNote.objects.values_list("text", flat=True)) == [NOTE]
