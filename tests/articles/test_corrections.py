"""Corrections are append-only, dated notes on a story; some move its "Updated" time."""

import pytest
from django.core.exceptions import ValidationError

from articles import roles, workflow
from articles.models import Article, Correction
from tests.factories import make_article, make_author, make_user
from tests.soup import one, parse, text
from tests.story_admin import (
    change_url,
    errors_of,
    logged_in,
    open_form,
    post_form,
    step_url,
)

pytestmark = pytest.mark.django_db

Kind = Correction.Kind


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR)


@pytest.fixture
def story(clock):
    return make_article(publish_at=clock.now, authors=[make_author()])


@pytest.fixture
def note(story, editor, clock):
    clock.advance(hours=1)
    return workflow.add_correction(
        story, by=editor, kind=Kind.CORRECTION, text="The vote was 7–2, not 7–3."
    )


def stored_notes():
    return list(Correction.objects.values_list("kind", "text"))


ORIGINAL = [(Kind.CORRECTION, "The vote was 7–2, not 7–3.")]


# ------------------------------------------------------------ append-only


def test_a_saved_correction_cannot_be_changed(note):
    note.text = "The vote was unanimous."

    with pytest.raises(ValidationError, match="cannot be changed"):
        note.save()

    assert stored_notes() == ORIGINAL


def test_a_correction_cannot_be_deleted(note):
    with pytest.raises(ValidationError, match="cannot be deleted"):
        note.delete()

    assert stored_notes() == ORIGINAL


def test_corrections_cannot_be_changed_in_bulk(note):
    with pytest.raises(ValidationError):
        Correction.objects.filter(pk=note.pk).update(text="Rewritten")

    assert stored_notes() == ORIGINAL


def test_corrections_cannot_be_deleted_in_bulk(note):
    with pytest.raises(ValidationError):
        Correction.objects.filter(pk=note.pk).delete()

    assert stored_notes() == ORIGINAL


def test_the_admin_has_no_page_to_change_or_delete_a_correction(admin_client, note):
    assert admin_client.get("/admin/articles/correction/").status_code == 404
    assert (
        admin_client.get(f"/admin/articles/correction/{note.pk}/change/").status_code
        == 404
    )
    assert (
        admin_client.get(f"/admin/articles/correction/{note.pk}/delete/").status_code
        == 404
    )


def test_the_story_form_shows_corrections_read_only(editor, story, note):
    page = parse(logged_in(editor).get(change_url(story)))

    group = one(page, "#corrections-group")
    assert "The vote was 7–2, not 7–3." in text(group)
    assert not group.select("textarea, input[name$='-text'], input[name$='-DELETE']")


def test_a_crafted_form_post_cannot_edit_or_delete_a_correction(editor, story, note):
    admin = logged_in(editor)
    data = open_form(admin, story)
    data.update(
        {
            "corrections-TOTAL_FORMS": ["1"],
            "corrections-INITIAL_FORMS": ["1"],
            "corrections-0-id": [str(note.pk)],
            "corrections-0-article": [str(story.pk)],
            "corrections-0-kind": [Kind.CLARIFICATION],
            "corrections-0-text": ["Nothing was wrong."],
            "corrections-0-DELETE": ["on"],
        }
    )

    response = post_form(admin, story, data)

    assert response.status_code == 302
    assert stored_notes() == ORIGINAL


# ------------------------------------------------------------ readers


@pytest.mark.parametrize(
    ("kind", "shows_updated"),
    [(Kind.CORRECTION, True), (Kind.UPDATE, True), (Kind.CLARIFICATION, False)],
)
def test_correction_or_update_moves_the_updated_time_a_clarification_does_not(
    client, story, editor, clock, kind, shows_updated
):
    clock.advance(hours=2)

    workflow.add_correction(story, by=editor, kind=kind, text="A note.")

    story.refresh_from_db()
    assert (story.revised_at == clock.now) is shows_updated
    assert story.was_updated is shows_updated
    page = parse(client.get(story.get_absolute_url()))
    updated = page.select("span.story__updated time")
    assert [time["datetime"] for time in updated] == (
        ["2026-03-16T11:30:00+00:00"] if shows_updated else []
    )


def test_every_note_shows_on_the_story_page_in_order(client, story, editor, clock):
    for kind, words in [
        (Kind.CORRECTION, "The vote was 7–2."),
        (Kind.CLARIFICATION, "The council is the county council."),
        (Kind.UPDATE, "The mayor has since resigned."),
    ]:
        clock.advance(hours=1)
        workflow.add_correction(story, by=editor, kind=kind, text=words)

    page = parse(client.get(story.get_absolute_url()))

    items = one(page, "ol.corrections").select("li")
    assert [" ".join(item.get_text().split()) for item in items] == [
        "Correction, 16 March 2026, 10:30 UTC: The vote was 7–2.",
        "Clarification, 16 March 2026, 11:30 UTC: The council is the county council.",
        "Update, 16 March 2026, 12:30 UTC: The mayor has since resigned.",
    ]


def test_editor_adds_a_correction_from_the_admin(client, story, editor):
    response = logged_in(editor).post(
        step_url(story, "add_correction"),
        {"kind": Kind.UPDATE, "text": "Police have named the driver."},
    )

    assert response.status_code == 302
    assert stored_notes() == [(Kind.UPDATE, "Police have named the driver.")]
    page = parse(client.get(story.get_absolute_url()))
    assert "Police have named the driver." in text(one(page, "ol.corrections"))


def test_contributor_cannot_add_a_correction(story):
    writer = make_user(roles.CONTRIBUTOR)
    Article.objects.filter(pk=story.pk).update(created_by=writer)

    response = logged_in(writer).post(
        step_url(story, "add_correction"),
        {"kind": Kind.CORRECTION, "text": "My own fix."},
    )

    assert errors_of(response) == [
        "Only editors may add corrections. Ask an editor to do it."
    ]
    assert stored_notes() == []


def test_a_blank_correction_is_refused(story, editor):
    with pytest.raises(ValidationError):
        workflow.add_correction(story, by=editor, kind=Kind.CORRECTION, text="  ")

    assert stored_notes() == []
