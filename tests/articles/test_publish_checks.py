"""Publish checks: a story missing what readers need is refused, unless an editor overrides."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from articles import roles, workflow
from articles.models import Article, AuditEntry
from articles.snapshots import take_snapshot
from tests.factories import make_article, make_author, make_draft, make_image, make_user
from tests.soup import one, parse, text
from tests.story_admin import (
    change_url,
    errors_of,
    logged_in,
    open_form,
    post_form,
    run_action,
)

pytestmark = pytest.mark.django_db

Action = AuditEntry.Action


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR, first_name="Amira", last_name="Haddad")


PROBLEMS = {
    "no standfirst": "it has no standfirst",
    "no byline": "it has no byline",
    "hero image without credit": "its hero image has no credit",
}


def story_lacking(problem):
    """A draft that passes every publish check except `problem`."""
    fields = {
        "standfirst": "A summary.",
        "authors": [make_author()],
        "hero_image": make_image(alt_text="A harbour", credit="Photo: Byline"),
    }
    if problem == "no standfirst":
        fields["standfirst"] = ""
    elif problem == "no byline":
        fields["authors"] = []
    elif problem == "hero image without credit":
        fields["hero_image"] = make_image(alt_text="A harbour", credit="")
    return make_draft(**fields)


@pytest.mark.parametrize("problem", PROBLEMS)
def test_publishing_is_refused_naming_what_the_story_lacks(clock, editor, problem):
    story = story_lacking(problem)

    with pytest.raises(workflow.PublishChecksFailed) as refused:
        workflow.publish(story, by=editor)

    assert refused.value.problems == [PROBLEMS[problem]]
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    assert not AuditEntry.objects.filter(article=story, action=Action.PUBLISHED)


@pytest.mark.parametrize("problem", PROBLEMS)
def test_scheduling_is_refused_naming_what_the_story_lacks(clock, editor, problem):
    story = story_lacking(problem)

    with pytest.raises(workflow.PublishChecksFailed):
        workflow.schedule(story, by=editor, at=clock.now + timedelta(days=1))

    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT
    assert story.publish_at is None


def test_a_story_with_every_check_met_publishes(clock, editor):
    story = story_lacking(None)

    workflow.publish(story, by=editor)

    assert story.is_public


def test_publish_button_lists_every_problem_and_leaves_the_story_unpublished(
    clock, editor
):
    story = make_draft(standfirst="", hero_image=make_image(credit=""))
    admin = logged_in(editor)

    response = post_form(admin, story, open_form(admin, story), button="_publish")

    assert errors_of(response) == [
        "Saved, but not published. This story cannot go out yet: it has no "
        "standfirst; it has no byline; its hero image has no credit. An editor "
        "may publish anyway by giving a reason in “Override the checks”."
    ]
    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT


def test_change_form_warns_what_a_story_lacks_before_it_can_go_out(clock, editor):
    story = make_draft(standfirst="", authors=[make_author()])

    page = parse(logged_in(editor).get(change_url(story)))

    assert "Before it can go out: it has no standfirst." in text(
        one(page, "div.story-state")
    )


def test_publish_list_action_refuses_a_story_that_fails_the_checks(clock, editor):
    lacking = make_draft(title="No byline yet")
    ready = make_draft(title="Ready", authors=[make_author()])

    response = run_action(logged_in(editor), "publish_selected", [lacking, ready])

    (message,) = errors_of(response)
    assert message.startswith("“No byline yet”: This story cannot go out yet:")
    assert "it has no byline" in message
    lacking.refresh_from_db()
    ready.refresh_from_db()
    assert lacking.status == Article.Status.DRAFT
    assert ready.is_public


def test_editor_overrides_the_checks_with_a_reason_kept_in_the_audit(clock, editor):
    story = make_draft(standfirst="")
    admin = logged_in(editor)

    post_form(
        admin,
        story,
        open_form(admin, story),
        button="_publish",
        _override_reason="Breaking news; standfirst to follow",
    )

    story.refresh_from_db()
    assert story.is_public
    entry = AuditEntry.objects.get(article=story, action=Action.PUBLISHED)
    assert entry.user == editor
    assert entry.reason == (
        "Checks overridden (it has no standfirst; it has no byline): "
        "Breaking news; standfirst to follow"
    )


def test_a_blank_override_reason_does_not_override(clock, editor):
    story = make_draft(standfirst="", authors=[make_author()])

    with pytest.raises(workflow.PublishChecksFailed):
        workflow.publish(story, by=editor, override_reason="   ")

    story.refresh_from_db()
    assert story.status == Article.Status.DRAFT


def test_publishing_pending_changes_is_checked_too(clock, editor):
    story = make_article(standfirst="The live summary.", authors=[make_author()])
    snapshot = take_snapshot(story) | {"standfirst": ""}
    workflow.save_pending(story, by=editor, snapshot=snapshot)

    with pytest.raises(workflow.PublishChecksFailed):
        workflow.publish_pending(story, by=editor)

    story.refresh_from_db()
    assert story.standfirst == "The live summary."
    assert story.pending_change.data["standfirst"] == ""


def test_a_decorative_hero_image_needs_no_alt_text_to_go_out(clock, editor):
    story = make_draft(
        standfirst="A summary.",
        authors=[make_author()],
        hero_image=make_image(alt_text="", is_decorative=True, credit="Photo: Byline"),
    )

    workflow.publish(story, by=editor)

    assert story.is_public


def test_a_hero_image_with_neither_alt_text_nor_decorative_cannot_exist(clock):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_image(alt_text="", credit="Photo: Byline")
