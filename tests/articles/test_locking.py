"""Two people editing one story: the second save is refused, nothing of the first is lost."""

import pytest

from articles import roles
from articles.models import Article, AuditEntry, PendingChange
from tests.factories import make_article, make_author, make_draft, make_user
from tests.soup import one, parse, text
from tests.story_admin import logged_in, open_form, post_form, run_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def amira(clock):
    return make_user(roles.EDITOR, first_name="Amira", last_name="Haddad")


@pytest.fixture
def bruno(clock):
    return make_user(roles.EDITOR, first_name="Bruno", last_name="Costa")


def conflict_of(response):
    """Return the refused form's conflict notice, and the form as re-rendered."""
    assert response.status_code == 200, response.status_code
    page = parse(response)
    return one(page, "div.story-conflict"), one(page, "form#article_form")


def stored(article):
    return Article.objects.get(pk=article.pk)


def test_second_of_two_conflicting_saves_is_refused_keeping_both_texts(
    clock, amira, bruno
):
    story = make_draft(title="Original headline", authors=[make_author()])
    amira_form = open_form(logged_in(amira), story)
    bruno_form = open_form(logged_in(bruno), story)
    clock.advance(minutes=5)
    post_form(logged_in(amira), story, amira_form, title="Amira's headline")
    after_amira = stored(story)
    clock.advance(minutes=5)

    response = post_form(
        logged_in(bruno),
        story,
        bruno_form,
        title="Bruno's headline",
        standfirst="Bruno's standfirst.",
    )

    notice, form = conflict_of(response)
    assert text(notice).startswith(
        "Amira Haddad saved this story at 16 Mar 2026, 09:35 (edited) while you "
        "were editing it. Your changes were not saved"
    )
    changed = [text(row) for row in notice.select("tbody tr")]
    assert changed == ["Headline Original headline Amira's headline"]
    assert one(form, 'input[name="title"]')["value"] == "Bruno's headline"
    assert text(one(form, 'textarea[name="standfirst"]')) == "Bruno's standfirst."
    now = stored(story)
    assert now.title == "Amira's headline"
    assert now.lock_version == after_amira.lock_version
    assert not AuditEntry.objects.filter(user=bruno).exists()


def test_reopening_the_form_after_a_refusal_lets_the_save_through(clock, amira, bruno):
    story = make_draft(title="Original headline")
    bruno_form = open_form(logged_in(bruno), story)
    post_form(logged_in(amira), story, open_form(logged_in(amira), story), title="A")
    post_form(logged_in(bruno), story, bruno_form, title="B")

    fresh = open_form(logged_in(bruno), story)
    response = post_form(logged_in(bruno), story, fresh, title="B, again")

    assert response.status_code == 302
    assert stored(story).title == "B, again"


def test_a_save_without_the_version_it_started_from_is_refused(clock, amira):
    story = make_draft(title="Original headline")
    data = open_form(logged_in(amira), story)
    del data["expected_version"]

    response = post_form(logged_in(amira), story, data, title="Blind overwrite")

    conflict_of(response)
    assert stored(story).title == "Original headline"


def test_conflicting_saves_of_a_live_storys_pending_draft(clock, amira, bruno):
    story = make_article(title="Live headline", authors=[make_author()])
    first = open_form(logged_in(amira), story)
    post_form(logged_in(amira), story, first, title="Pending headline")
    amira_form = open_form(logged_in(amira), story)
    bruno_form = open_form(logged_in(bruno), story)
    assert bruno_form["title"] == ["Pending headline"]
    clock.advance(minutes=5)
    post_form(logged_in(amira), story, amira_form, title="Amira's pending headline")
    version = stored(story).lock_version
    clock.advance(minutes=5)

    response = post_form(logged_in(bruno), story, bruno_form, title="Bruno's take")

    notice, form = conflict_of(response)
    assert text(notice).startswith(
        "Amira Haddad saved this story at 16 Mar 2026, 09:35 (saved changes for "
        "later) while you were editing it."
    )
    assert one(form, 'input[name="title"]')["value"] == "Bruno's take"
    pending = PendingChange.objects.get(article=story)
    assert pending.data["title"] == "Amira's pending headline"
    assert pending.saved_by == amira
    assert stored(story).title == "Live headline"
    assert stored(story).lock_version == version


@pytest.mark.parametrize(
    ("action", "make_story", "status_after", "label"),
    [
        ("publish_selected", make_draft, Article.Status.PUBLISHED, "published"),
        ("unpublish_selected", make_article, Article.Status.UNPUBLISHED, "unpublished"),
    ],
)
def test_a_list_action_between_opening_and_saving_refuses_the_save(
    clock, amira, bruno, action, make_story, status_after, label
):
    story = make_story(title="Original headline", authors=[make_author()])
    bruno_form = open_form(logged_in(bruno), story)
    clock.advance(minutes=5)
    run_action(logged_in(amira), action, [story])
    assert stored(story).status == status_after
    clock.advance(minutes=5)

    response = post_form(logged_in(bruno), story, bruno_form, title="Bruno's edit")

    notice, _ = conflict_of(response)
    assert text(notice).startswith(
        f"Amira Haddad saved this story at 16 Mar 2026, 09:35 ({label})"
    )
    now = stored(story)
    assert now.title == "Original headline"
    assert now.status == status_after
    assert not PendingChange.objects.filter(article=story).exists()


def test_a_stale_form_cannot_publish(clock, amira, bruno):
    story = make_draft(title="Original headline", authors=[make_author()])
    bruno_form = open_form(logged_in(bruno), story)
    post_form(logged_in(amira), story, open_form(logged_in(amira), story), title="A")

    response = post_form(logged_in(bruno), story, bruno_form, button="_publish")

    conflict_of(response)
    assert stored(story).status == Article.Status.DRAFT


@pytest.mark.parametrize("change", ["publish", "unpublish"])
def test_bulk_queryset_changes_move_the_lock_version_on(clock, change):
    story = make_article() if change == "unpublish" else make_draft()
    before = stored(story).lock_version

    getattr(Article.objects.filter(pk=story.pk), change)()

    assert stored(story).lock_version == before + 1
