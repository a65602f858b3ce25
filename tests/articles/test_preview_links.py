"""Preview links: a secret address that shows a story's next version until it expires."""

import base64
import hashlib
from datetime import timedelta

import pytest
from django.urls import reverse

from articles import roles, workflow
from articles.models import AuditEntry, PreviewLink
from articles.snapshots import take_snapshot
from tests.factories import make_article, make_user
from tests.reader_pages import make_beat, surfaces_linking
from tests.soup import one, parse, text
from tests.story_admin import logged_in, step_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR)


def share(editor, story, *, until="2026-03-18", label="Legal desk"):
    """Create a preview link from the story's admin page; return its token."""
    response = logged_in(editor).post(
        step_url(story, "add_preview"),
        {"label": label, "expires_at_0": until, "expires_at_1": "09:30"},
    )
    assert response.status_code == 200
    address = one(parse(response), "input#preview-address")["value"]
    prefix = "http://testserver/preview/"
    assert address.startswith(prefix)
    return address.removeprefix(prefix).removesuffix("/")


def open_preview(token):
    """Open the preview as someone with no account and no session would."""
    return logged_in(None).get(reverse("articles:preview", args=[token]))


def not_found_page():
    """What a reader gets for an address where no story lives."""
    response = logged_in(None).get("/stories/no-such-story/")
    assert response.status_code == 404
    return response.content


def test_token_is_at_least_32_random_bytes_and_only_its_hash_is_stored(clock, editor):
    story = make_article()

    token = share(editor, story)

    assert len(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))) >= 32
    link = PreviewLink.objects.get()
    assert link.token_hash == hashlib.sha256(token.encode()).hexdigest()
    stored = [
        *PreviewLink.objects.values_list(),
        *AuditEntry.objects.values_list(),
    ]
    assert token not in repr(stored)


def test_each_link_gets_its_own_token(clock, editor):
    story = make_article()

    assert share(editor, story) != share(editor, story)


def test_preview_opens_a_draft_without_login_marked_private_and_noindex(clock, editor):
    beat = make_beat(published=False, title="Draft under embargo")
    token = share(editor, beat.story)

    response = open_preview(token)

    assert response.status_code == 200
    page = parse(response)
    assert text(one(page, "h1")) == "Draft under embargo"
    assert one(page, 'meta[name="robots"]')["content"] == "noindex"
    assert response["X-Robots-Tag"] == "noindex"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert not response.cookies


def test_preview_shows_the_pending_changes_of_a_live_story(clock, editor):
    story = make_article(title="Live headline", standfirst="Live summary.")
    workflow.save_pending(
        story,
        by=editor,
        snapshot=take_snapshot(story)
        | {"title": "Pending headline", "standfirst": "Pending summary."},
    )
    token = share(editor, story)

    page = parse(open_preview(token))

    assert text(one(page, "h1")) == "Pending headline"
    assert text(one(page, ".story__standfirst")) == "Pending summary."
    public = parse(logged_in(None).get(story.get_absolute_url()))
    assert text(one(public, "h1")) == "Live headline"


def test_preview_works_until_its_expiry_then_gives_the_plain_not_found(clock, editor):
    story = make_article(published=False)
    token = share(editor, story, until="2026-03-18")
    clock.advance(days=1, hours=23, minutes=59)
    assert open_preview(token).status_code == 200

    clock.advance(minutes=1)
    response = open_preview(token)

    assert response.status_code == 404
    assert response.content == not_found_page()


def test_revoked_preview_gives_the_plain_not_found(clock, editor):
    story = make_article(published=False)
    token = share(editor, story)
    link = PreviewLink.objects.get()
    revoke = reverse("admin:articles_article_revoke_preview", args=[story.pk, link.pk])

    logged_in(editor).post(revoke)

    response = open_preview(token)
    assert response.status_code == 404
    assert response.content == not_found_page()
    assert AuditEntry.objects.filter(
        article=story, action=AuditEntry.Action.PREVIEW_REVOKED, user=editor
    ).exists()


@pytest.mark.parametrize("token", ["not-a-token", "x" * 43, "x" * 300])
def test_a_made_up_token_gives_the_plain_not_found(clock, token):
    response = open_preview(token)

    assert response.status_code == 404
    assert response.content == not_found_page()


def test_taking_a_story_down_revokes_its_preview_links(clock, editor):
    story = make_article()
    token = share(editor, story)

    workflow.take_down(story, by=editor, reason="Court order")

    assert open_preview(token).status_code == 404
    assert PreviewLink.objects.get().revoked_at == clock.now


def test_previewed_stories_are_never_listed_or_linked(clock, editor):
    beat = make_beat(published=False, title="Draft under embargo")
    token = share(editor, beat.story)
    assert open_preview(token).status_code == 200

    assert surfaces_linking(logged_in(None), beat, beat.story.get_absolute_url()) == (
        set()
    )
    for path in beat.surfaces().values():
        html = logged_in(None).get(path).content.decode()
        assert "Draft under embargo" not in html
        assert "/preview/" not in html
        assert token not in html


def test_expiry_in_the_past_is_refused_and_no_link_is_made(clock, editor):
    story = make_article()

    response = logged_in(editor).post(
        step_url(story, "add_preview"),
        {"label": "Late", "expires_at_0": "2026-03-16", "expires_at_1": "09:00"},
    )

    assert response.status_code == 200
    assert "Choose a time in the future." in text(one(parse(response), "div#content"))
    assert not PreviewLink.objects.exists()


def test_a_taken_down_story_cannot_be_shared(clock, editor):
    story = make_article()
    workflow.take_down(story, by=editor, reason="Court order")

    with pytest.raises(workflow.NotAllowed):
        workflow.create_preview_link(
            story, by=editor, expires_at=clock.now + timedelta(days=1)
        )

    assert not PreviewLink.objects.exists()
