"""Edits to a live story wait as pending changes: readers see the live text until publish."""

import pytest

from articles import roles
from articles.models import Article, AuditEntry, PendingChange
from tests.factories import make_article, make_author, make_user
from tests.reader_pages import EVERY_SURFACE, make_beat, surfaces_showing
from tests.soup import one, parse, text
from tests.story_admin import (
    change_url,
    errors_of,
    logged_in,
    messages_of,
    open_form,
    post_form,
)

pytestmark = pytest.mark.django_db

LIVE = {
    "title": "Ships return to the harbour",
    "standfirst": "Ships return after the storm.",
    "body": "<p>The harbour reopened at dawn.</p>",
}
REWRITE = {
    "title": "Cargo only as the port reopens",
    "standfirst": "Passenger ferries stay in port.",
    "body": "<p>Only cargo ships may enter.</p>",
}


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR, first_name="Amira", last_name="Haddad")


@pytest.fixture
def beat(clock):
    return make_beat(**LIVE)


def save_rewrite(editor, story, **extra):
    admin = logged_in(editor)
    return post_form(admin, story, open_form(admin, story), **REWRITE, **extra)


def story_page(client, story):
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    return one(parse(response), "article.story")


def test_saving_a_live_story_keeps_the_edit_aside_and_says_so(beat, editor):
    response = save_rewrite(editor, beat.story)

    assert response.status_code == 302
    assert messages_of(response) == [
        (
            "warning",
            "Saved as pending changes. Readers still see the live version until "
            "an editor publishes the changes.",
        )
    ]
    pending = PendingChange.objects.get(article=beat.story)
    assert {field: pending.data[field] for field in REWRITE} == REWRITE
    assert pending.saved_by == editor
    stored = Article.objects.get(pk=beat.story.pk)
    assert {field: getattr(stored, field) for field in LIVE} == LIVE


def test_pending_change_is_invisible_on_every_reader_page(client, beat, editor):
    save_rewrite(editor, beat.story)

    page = story_page(client, beat.story)
    assert text(one(page, "h1")) == LIVE["title"]
    assert text(one(page, ".story__standfirst")) == LIVE["standfirst"]
    assert text(one(page, ".story__body")) == "The harbour reopened at dawn."
    assert surfaces_showing(client, beat, REWRITE["title"]) == set()
    assert surfaces_showing(client, beat, LIVE["title"]) == EVERY_SURFACE


def test_publishing_the_pending_change_shows_it_everywhere(client, beat, editor):
    save_rewrite(editor, beat.story)
    admin = logged_in(editor)

    response = post_form(
        admin, beat.story, open_form(admin, beat.story), button="_publish_changes"
    )

    assert not errors_of(response)
    assert not PendingChange.objects.filter(article=beat.story).exists()
    page = story_page(client, beat.story)
    assert text(one(page, "h1")) == REWRITE["title"]
    assert text(one(page, ".story__body")) == "Only cargo ships may enter."
    assert surfaces_showing(client, beat, REWRITE["title"]) == EVERY_SURFACE
    assert surfaces_showing(client, beat, LIVE["title"]) == set()


def test_admin_form_opens_on_the_pending_text_with_a_notice(beat, editor):
    save_rewrite(editor, beat.story)

    page = parse(logged_in(editor).get(change_url(beat.story)))

    form = one(page, "form#article_form")
    assert one(form, 'input[name="title"]')["value"] == REWRITE["title"]
    assert text(one(form, 'textarea[name="standfirst"]')) == REWRITE["standfirst"]
    state = text(one(page, "div.story-state"))
    assert "State: Live, with pending changes" in state
    assert "Readers see the live version." in state
    assert f"saved by {editor.username} on 16 Mar 2026, 09:30" in state


def test_pending_byline_change_waits_and_the_form_shows_it(client, beat, editor):
    replacement = make_author(name="Yusuf Demir", slug="yusuf")
    admin = logged_in(editor)
    data = open_form(admin, beat.story)

    post_form(admin, beat.story, data, **{"article_authors-0-author": replacement.pk})

    assert PendingChange.objects.get(article=beat.story).data["bylines"] == [
        replacement.pk
    ]
    assert text(one(story_page(client, beat.story), ".story__byline")) == (
        "By Beat Reporter"
    )
    form = one(parse(admin.get(change_url(beat.story))), "form#article_form")
    chosen = one(form, 'select[name="article_authors-0-author"] option[selected]')
    assert chosen["value"] == str(replacement.pk)


def test_discarding_pending_changes_keeps_the_live_version(client, beat, editor):
    save_rewrite(editor, beat.story)
    admin = logged_in(editor)

    post_form(
        admin, beat.story, open_form(admin, beat.story), button="_discard_changes"
    )

    assert not PendingChange.objects.filter(article=beat.story).exists()
    assert text(one(story_page(client, beat.story), "h1")) == LIVE["title"]
    assert AuditEntry.objects.filter(
        article=beat.story, action=AuditEntry.Action.DISCARDED_CHANGES, user=editor
    ).exists()


def test_a_story_unpublished_from_its_form_can_be_published_again(client, editor):
    story = make_article(authors=[make_author()], **LIVE)
    admin = logged_in(editor)

    post_form(admin, story, open_form(admin, story), button="_unpublish")
    assert client.get(story.get_absolute_url()).status_code == 404
    page = parse(admin.get(change_url(story)))
    offered = {button["name"] for button in page.select("input[type=submit][name]")}
    assert "_publish" in offered
    assert "_publish_changes" not in offered

    response = post_form(admin, story, open_form(admin, story), button="_publish")

    assert not errors_of(response)
    assert client.get(story.get_absolute_url()).status_code == 200


def test_unpublishing_from_the_form_leaves_no_pending_change_behind(editor):
    story = make_article(authors=[make_author()], **LIVE)
    admin = logged_in(editor)

    post_form(admin, story, open_form(admin, story), button="_unpublish")

    story.refresh_from_db()
    assert story.status == Article.Status.UNPUBLISHED
    assert not PendingChange.objects.filter(article=story).exists()
