"""Who may do what: every role × action, through the admin's own forms and actions.

Each cell is a request a browser could send, crafted where the page hides the
button; a refused one changes nothing in the database and says why (or is a 403).
"""

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.urls import reverse
from reversion.models import Version

from articles.models import (
    Article,
    ArticleAuthor,
    AuditEntry,
    PendingChange,
    PreviewLink,
)
from tests.factories import make_section
from tests.story_admin import (
    NEW_STORY,
    delete_story,
    errors_of,
    logged_in,
    make_desk,
    messages_of,
    new_story_form,
    post_form,
    run_action,
    step_url,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "own", "others", "editor", "administrator", "no_role")
YES, NO = True, False

# The acceptance table. "own": a contributor on a story they created; "others":
# a contributor on a colleague's story; "no_role": staff in no newsroom group.
MATRIX = {
    #                                     anon own  others editor admin no_role
    "create":                             (NO, YES, YES,   YES,   YES,  NO),
    "edit a draft":                       (NO, YES, NO,    YES,   YES,  NO),
    "edit a published story":             (NO, NO,  NO,    YES,   YES,  NO),
    "submit":                             (NO, YES, NO,    YES,   YES,  NO),
    "publish":                            (NO, NO,  NO,    YES,   YES,  NO),
    "schedule":                           (NO, NO,  NO,    YES,   YES,  NO),
    "unpublish":                          (NO, NO,  NO,    YES,   YES,  NO),
    "take down":                          (NO, NO,  NO,    YES,   YES,  NO),
    "restore a revision of a draft":      (NO, YES, NO,    YES,   YES,  NO),
    "restore a revision of a live story": (NO, NO,  NO,    YES,   YES,  NO),
    "delete":                             (NO, YES, NO,    YES,   YES,  NO),
    "create a preview link":              (NO, YES, NO,    YES,   YES,  NO),
    "publish (list action)":              (NO, NO,  NO,    YES,   YES,  NO),
    "unpublish (list action)":            (NO, NO,  NO,    YES,   YES,  NO),
    "delete (list action)":               (NO, YES, NO,    YES,   YES,  NO),
    "manage users":                       (NO, NO,  NO,    NO,    YES,  NO),
}  # fmt: skip


@pytest.fixture
def desk(clock):
    return make_desk()


def refreshed(article):
    return Article.objects.filter(pk=article.pk).first()


# ------------------------------------------------------------ the actions
# Each takes the actor's client and the desk, and returns the response and
# whether the action took effect.


def create(client, desk):
    section = make_section()
    response = client.post(
        NEW_STORY, new_story_form(title="Crafted", slug="crafted", section=section.pk)
    )
    return response, Article.objects.filter(slug="crafted").exists()


def edit_a_draft(client, desk):
    story = desk.draft()
    response = post_form(client, story, desk.form(story), title="Crafted headline")
    return response, refreshed(story).title == "Crafted headline"


def edit_a_published_story(client, desk):
    story = desk.live()
    response = post_form(client, story, desk.form(story), title="Crafted headline")
    pending = PendingChange.objects.filter(article=story).first()
    edited = refreshed(story).title == "Crafted headline"
    return response, edited or (pending and pending.data["title"] == "Crafted headline")


def submit(client, desk):
    story = desk.draft()
    response = post_form(client, story, desk.form(story), button="_submit_for_review")
    return response, refreshed(story).status == Article.Status.IN_REVIEW


def publish(client, desk):
    story = desk.draft()
    response = post_form(client, story, desk.form(story), button="_publish")
    return response, refreshed(story).is_public


def schedule(client, desk):
    story = desk.draft()
    response = post_form(
        client,
        story,
        desk.form(story),
        button="_publish",
        publish_at_0="2026-03-20",
        publish_at_1="06:00",
    )
    return response, refreshed(story).is_scheduled


def unpublish(client, desk):
    story = desk.live()
    response = post_form(client, story, desk.form(story), button="_unpublish")
    return response, refreshed(story).status == Article.Status.UNPUBLISHED


def take_down(client, desk):
    story = desk.live()
    response = client.post(step_url(story, "take_down"), {"reason": "Court order"})
    return response, refreshed(story).status == Article.Status.TAKEN_DOWN


def with_an_earlier_version(story):
    """Save `story` twice in revisions, and return its first version."""
    with reversion.create_revision():
        story.save()
    first = Version.objects.get_for_object(story).get()
    story.title = "A later headline"
    with reversion.create_revision():
        story.save()
    return first


def restore(client, story):
    first = with_an_earlier_version(story)
    url = reverse("admin:articles_article_restore", args=[story.pk, first.pk])
    response = client.post(url)
    return response, refreshed(story).title != "A later headline"


def restore_a_revision_of_a_draft(client, desk):
    return restore(client, desk.draft())


def restore_a_revision_of_a_live_story(client, desk):
    return restore(client, desk.live())


def delete(client, desk):
    story = desk.draft()
    response = delete_story(client, story)
    return response, refreshed(story) is None


def create_a_preview_link(client, desk):
    story = desk.draft()
    response = client.post(
        step_url(story, "add_preview"),
        {"label": "Legal", "expires_at_0": "2026-03-18", "expires_at_1": "09:00"},
    )
    return response, PreviewLink.objects.filter(article=story).exists()


def publish_list_action(client, desk):
    story = desk.draft()
    response = run_action(client, "publish_selected", [story])
    return response, refreshed(story).is_public


def unpublish_list_action(client, desk):
    story = desk.live()
    response = run_action(client, "unpublish_selected", [story])
    return response, refreshed(story).status == Article.Status.UNPUBLISHED


def delete_list_action(client, desk):
    story = desk.draft()
    response = run_action(client, "delete_selected", [story], post="yes")
    return response, refreshed(story) is None


def manage_users(client, desk):
    listed = client.get("/admin/auth/user/")
    response = client.post(
        "/admin/auth/user/add/",
        {
            "username": "new-hire",
            "usable_password": "true",
            "password1": "a long enough passphrase",
            "password2": "a long enough passphrase",
        },
    )
    created = get_user_model().objects.filter(username="new-hire").exists()
    return response, created and listed.status_code == 200


ACTIONS = {
    "create": create,
    "edit a draft": edit_a_draft,
    "edit a published story": edit_a_published_story,
    "submit": submit,
    "publish": publish,
    "schedule": schedule,
    "unpublish": unpublish,
    "take down": take_down,
    "restore a revision of a draft": restore_a_revision_of_a_draft,
    "restore a revision of a live story": restore_a_revision_of_a_live_story,
    "delete": delete,
    "create a preview link": create_a_preview_link,
    "publish (list action)": publish_list_action,
    "unpublish (list action)": unpublish_list_action,
    "delete (list action)": delete_list_action,
    "manage users": manage_users,
}


def newsroom_state():
    """Everything a refused request must leave as it was."""
    return {
        "stories": list(Article.objects.order_by("pk").values()),
        "bylines": list(ArticleAuthor.objects.order_by("pk").values()),
        "pending": list(PendingChange.objects.order_by("pk").values()),
        "previews": list(PreviewLink.objects.order_by("pk").values()),
        "audit": list(AuditEntry.objects.order_by("pk").values()),
        "revisions": Version.objects.count(),
        "users": list(get_user_model().objects.order_by("pk").values("username")),
    }


def assert_refused_plainly(response, role):
    """Anonymous visitors are sent to log in; others get a 403 or a message."""
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    elif response.status_code != 403:
        said = [text for level, text in messages_of(response) if level != "success"]
        assert said, f"refused silently with {response.status_code}"


def cells(allowed):
    return [
        pytest.param(action, role, id=f"{action}-{role}")
        for action, row in MATRIX.items()
        for role, may in zip(ROLES, row, strict=True)
        if may is allowed
    ]


@pytest.mark.parametrize(("action", "role"), cells(YES))
def test_role_may_take_the_action(desk, action, role):
    response, happened = ACTIONS[action](logged_in(desk.actor(role)), desk)

    assert happened, (response.status_code, messages_of(response))
    assert not errors_of(response)


@pytest.mark.parametrize(("action", "role"), cells(NO))
def test_role_is_refused_the_action_and_nothing_changes(desk, action, role):
    client = logged_in(desk.actor(role))

    response, happened, before, after = perform_refused(ACTIONS[action], client, desk)

    assert not happened
    assert after == before
    assert_refused_plainly(response, role)


def perform_refused(perform, client, desk):
    """Run `perform`, capturing the database just before its request is sent."""
    captured = {}
    original_post = client.post

    def post(*args, **kwargs):
        captured.setdefault("before", newsroom_state())
        return original_post(*args, **kwargs)

    client.post = post
    response, happened = perform(client, desk)
    return response, happened, captured["before"], newsroom_state()
