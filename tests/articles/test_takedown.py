"""Takedowns: the story leaves every reader page at once; the admin keeps it and why."""

import pytest
from django.core.exceptions import ValidationError

from articles import roles, workflow
from articles.models import Article, AuditEntry
from tests.factories import link, make_article, make_author, make_image, make_user
from tests.reader_pages import make_beat, surfaces_linking, surfaces_showing
from tests.soup import one, parse, text
from tests.story_admin import (
    STORIES,
    change_url,
    delete_story,
    errors_of,
    logged_in,
    run_action,
    step_url,
)

pytestmark = pytest.mark.django_db

SECRET = {
    "title": "Private letters of the minister",
    "standfirst": "What the letters say about the contract.",
    "body": "<p>The letters, dated May, name the supplier.</p>",
}
REASON = "Injunction 24/117: the letters may not be published."


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR)


@pytest.fixture
def beat(clock):
    return make_beat(
        hero_image=make_image(alt_text="The minister signs a letter"), **SECRET
    )


def take_down_in_admin(editor, story, reason=REASON):
    return logged_in(editor).post(step_url(story, "take_down"), {"reason": reason})


def test_taken_down_story_answers_410_with_a_neutral_notice(beat, editor):
    take_down_in_admin(editor, beat.story)

    response = logged_in(None).get(beat.story.get_absolute_url())

    assert response.status_code == 410
    page = parse(response)
    assert text(one(page, "h1")) == "This story is no longer available"
    assert one(page, 'meta[name="robots"]')["content"] == "noindex"
    html = response.content.decode()
    for leaked in [
        SECRET["title"],
        SECRET["standfirst"],
        "name the supplier",
        "The minister signs a letter",
        "Beat Reporter",
        REASON,
    ]:
        assert leaked not in html


def test_staff_get_the_same_410_and_no_preview(beat, editor):
    take_down_in_admin(editor, beat.story)

    response = logged_in(editor).get(beat.story.get_absolute_url())

    assert response.status_code == 410
    assert SECRET["title"] not in response.content.decode()


def test_taken_down_story_leaves_every_list_and_related_block(beat, editor):
    reader = logged_in(None)
    url = beat.story.get_absolute_url()
    assert surfaces_linking(reader, beat, url)

    take_down_in_admin(editor, beat.story)

    assert surfaces_linking(reader, beat, url) == set()
    assert surfaces_showing(reader, beat, SECRET["title"]) == set()


def test_a_reason_is_required_and_nothing_happens_without_one(beat, editor):
    response = take_down_in_admin(editor, beat.story, reason="   ")

    assert response.status_code == 200
    assert "This field is required." in text(one(parse(response), "div#content"))
    story = Article.objects.get(pk=beat.story.pk)
    assert story.is_public
    assert not AuditEntry.objects.filter(article=story).exists()


def test_take_down_refuses_a_blank_reason_whatever_calls_it(beat, editor):
    with pytest.raises(ValidationError, match="Give the reason for the takedown"):
        workflow.take_down(beat.story, by=editor, reason=" ")

    assert Article.objects.get(pk=beat.story.pk).is_public


def test_story_and_reason_remain_in_the_admin(beat, editor):
    take_down_in_admin(editor, beat.story)
    admin = logged_in(editor)

    listing = parse(admin.get(STORIES, {"state": "taken_down"}))
    assert SECRET["title"] in text(one(listing, "table#result_list"))
    page = parse(admin.get(change_url(beat.story)))
    assert f"Taken down. Reason: {REASON}" in text(one(page, "div.story-state"))
    assert one(page, 'input[name="title"]')["value"] == SECRET["title"]
    stored = Article.objects.get(pk=beat.story.pk)
    assert stored.takedown_reason == REASON


def test_publish_list_action_cannot_bring_a_taken_down_story_back(beat, editor):
    take_down_in_admin(editor, beat.story)

    response = run_action(logged_in(editor), "publish_selected", [beat.story])

    (message,) = errors_of(response)
    assert "must be restored before it can go out again" in message
    assert Article.objects.get(pk=beat.story.pk).status == Article.Status.TAKEN_DOWN
    assert logged_in(None).get(beat.story.get_absolute_url()).status_code == 410


def test_change_form_offers_no_publish_button_for_a_taken_down_story(beat, editor):
    take_down_in_admin(editor, beat.story)

    page = parse(logged_in(editor).get(change_url(beat.story)))

    offered = {button["name"] for button in page.select("input[type=submit][name]")}
    assert not offered & {"_publish", "_publish_changes"}


# ------------------------------------------------------------ curated links


def link_state_in_admin(editor, article):
    """Return the "Shown to readers?" cell of each curated link in the admin inline."""
    page = parse(logged_in(editor).get(change_url(article)))
    group = one(page, "#related_links-group")
    return [text(cell) for cell in group.select("tr.has_original td.field-link_state")]


def related_titles(article):
    page = parse(logged_in(None).get(article.get_absolute_url()))
    block = page.select_one("aside.related")
    return [text(h3) for h3 in block.select("h3")] if block else []


def test_curated_link_to_a_taken_down_story_drops_out_and_is_flagged(clock, editor):
    story = make_article(title="Linking story", authors=[make_author()])
    target = make_article(title="Soon taken down")
    link(story, to=target)
    assert related_titles(story) == ["Soon taken down"]
    assert link_state_in_admin(editor, story) == ["Yes"]

    workflow.take_down(target, by=editor, reason=REASON)

    assert related_titles(story) == []
    assert link_state_in_admin(editor, story) == ["⚠ No: the story was taken down"]


def test_curated_link_to_a_deleted_story_drops_out_and_is_flagged(clock, editor):
    story = make_article(title="Linking story", authors=[make_author()])
    target = make_article(title="Soon deleted")
    link(story, to=target)

    response = delete_story(logged_in(editor), target)

    assert response.status_code == 302
    assert not Article.objects.filter(pk=target.pk).exists()
    assert related_titles(story) == []
    assert link_state_in_admin(editor, story) == [
        "⚠ No: the story “Soon deleted” was deleted"
    ]
