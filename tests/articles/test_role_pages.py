"""What each role is offered and told in the story admin (the full table: test_roles.py)."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group

from articles import roles
from articles.models import Article, AuditEntry
from tests.factories import make_article, make_author, make_section, make_user
from tests.soup import parse
from tests.story_admin import (
    NEW_STORY,
    STORIES,
    change_url,
    delete_story,
    errors_of,
    logged_in,
    make_desk,
    new_story_form,
    open_form,
    post_form,
    step_url,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def desk(clock):
    return make_desk()


def refreshed(article):
    return Article.objects.filter(pk=article.pk).first()


# ------------------------------------------------------------ the groups


def test_roles_migration_creates_the_three_newsroom_groups(db):
    names = set(Group.objects.values_list("name", flat=True))

    assert {roles.CONTRIBUTOR, roles.EDITOR, roles.ADMINISTRATOR} <= names


@pytest.mark.parametrize(
    ("role", "publish", "manage_users"),
    [
        (roles.CONTRIBUTOR, False, False),
        (roles.EDITOR, True, False),
        (roles.ADMINISTRATOR, True, True),
    ],
)
def test_each_role_holds_the_permissions_it_should(clock, role, publish, manage_users):
    user = make_user(role)

    assert user.has_perm("articles.add_article")
    assert user.has_perm("articles.publish_article") is publish
    assert user.has_perm("auth.change_user") is manage_users
    assert user.has_perm("auth.change_group") is manage_users


# ------------------------------------------------------------ the details


def test_contributor_is_told_only_editors_publish_and_nothing_is_saved(desk):
    story = desk.draft()
    data = open_form(logged_in(desk.writer), story)

    response = post_form(
        logged_in(desk.writer), story, data, button="_publish", title="Rushed out"
    )

    assert response.status_code == 302
    (message,) = errors_of(response)
    assert message.startswith("Only editors may publish or schedule. Nothing was saved")
    assert refreshed(story).title == story.title
    assert refreshed(story).status == Article.Status.DRAFT


def test_contributor_cannot_schedule_by_posting_a_publish_time(desk):
    story = desk.draft()
    data = desk.form(story)

    response = post_form(
        logged_in(desk.writer),
        story,
        data,
        title="Still a draft",
        publish_at_0="2026-03-20",
        publish_at_1="06:00",
    )

    assert response.status_code == 302
    story = refreshed(story)
    assert story.title == "Still a draft"
    assert story.publish_at is None
    assert story.status == Article.Status.DRAFT


def test_contributor_form_offers_submit_but_no_publishing_button(desk):
    story = desk.draft()

    page = parse(logged_in(desk.writer).get(change_url(story)))

    buttons = {button["name"] for button in page.select("input[type=submit][name]")}
    assert "_submit_for_review" in buttons
    assert not buttons & {"_publish", "_publish_changes", "_unpublish"}
    assert not page.select('input[name="publish_at_0"]')


def test_contributor_sees_a_colleagues_story_read_only(desk):
    story = desk.draft()

    page = parse(logged_in(desk.colleague).get(change_url(story)))

    assert not page.select('input[name="title"]')
    assert not page.select("input[type=submit][name]")


def test_contributor_is_told_only_editors_take_stories_down(desk):
    story = desk.live()

    response = logged_in(desk.writer).post(
        step_url(story, "take_down"), {"reason": "I changed my mind"}
    )

    assert errors_of(response) == [
        "Only editors may take stories down. Ask an editor to do it."
    ]
    assert refreshed(story).is_public


def test_contributor_cannot_delete_a_draft_once_it_has_been_published(desk):
    story = desk.live()
    Article.objects.filter(pk=story.pk).update(status=Article.Status.DRAFT)

    response = delete_story(logged_in(desk.writer), story)

    assert response.status_code == 403
    assert refreshed(story) is not None


def test_editor_cannot_reach_the_user_list(desk):
    assert logged_in(desk.editor).get("/admin/auth/user/").status_code == 403
    assert logged_in(desk.administrator).get("/admin/auth/user/").status_code == 200


def test_only_publishers_are_offered_the_publishing_list_actions(desk):
    desk.live()

    def actions_for(user):
        page = parse(logged_in(user).get(STORIES))
        return {option["value"] for option in page.select("select[name=action] option")}

    assert {"publish_selected", "unpublish_selected"} <= actions_for(desk.editor)
    assert not {"publish_selected", "unpublish_selected"} & actions_for(desk.writer)


def test_scheduled_time_is_kept_when_an_editor_schedules(desk, clock):
    story = desk.draft()

    post_form(
        logged_in(desk.editor),
        story,
        desk.form(story),
        button="_publish",
        publish_at_0="2026-03-20",
        publish_at_1="06:00",
    )

    story = refreshed(story)
    assert story.publish_at == clock.now + timedelta(days=3, hours=20, minutes=30)
    assert story.is_scheduled


def test_a_new_story_belongs_to_its_contributor_as_a_draft(desk):
    response = logged_in(desk.writer).post(
        NEW_STORY,
        new_story_form(title="Crafted", slug="crafted", section=make_section().pk),
    )

    assert response.status_code == 302
    story = Article.objects.get(slug="crafted")
    assert story.created_by == desk.writer
    assert story.status == Article.Status.DRAFT
    assert AuditEntry.objects.filter(
        article=story, action=AuditEntry.Action.CREATED, user=desk.writer
    ).exists()


@pytest.mark.parametrize("role", [roles.CONTRIBUTOR, roles.EDITOR])
def test_every_role_writes_the_byline_and_curated_links_in_the_form(clock, role):
    user = make_user(role)
    author = make_author()
    earlier = make_article()

    response = logged_in(user).post(
        NEW_STORY,
        new_story_form(
            title="Bylined",
            slug="bylined",
            section=earlier.section.pk,
            **{
                "article_authors-TOTAL_FORMS": "1",
                "article_authors-0-author": author.pk,
                "article_authors-0-order": "0",
                "related_links-TOTAL_FORMS": "1",
                "related_links-0-target": earlier.pk,
                "related_links-0-order": "0",
            },
        ),
    )

    assert response.status_code == 302
    story = Article.objects.get(slug="bylined")
    assert story.byline_authors == [author]
    assert [link.target for link in story.related_links.all()] == [earlier]
    page = parse(logged_in(user).get(change_url(story)))
    assert page.select("#article_authors-group")
    assert page.select("#related_links-group")
