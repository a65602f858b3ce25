"""Stable addresses: old slugs answer 301 for ever, and the date archive."""

from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from articles import roles, workflow
from articles.models import Article, FormerSlug
from articles.redirects import remember_old_slug
from articles.revisions import story_versions
from tests.factories import make_article, make_author, make_draft, make_user
from tests.soup import parse, text
from tests.story_admin import logged_in, open_form, post_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(clock):
    return make_user(roles.EDITOR)


def rename_live_story(editor, story, slug):
    """Rename a live story as an editor does: save the form, publish the changes."""
    client = logged_in(editor)
    post_form(client, story, open_form(client, story), slug=slug)
    workflow.publish_pending(Article.objects.get(pk=story.pk), by=editor)
    return Article.objects.get(pk=story.pk)


def hops(client, url):
    """Follow redirects from `url`; return [(address, status)] and the final status."""
    response = client.get(url, follow=True)
    return response.redirect_chain, response.status_code


# ------------------------------------------------------------------ renames


def test_a_renamed_story_answers_301_from_its_old_address(client, editor):
    story = make_article(slug="first-draft-name", authors=[make_author()])

    rename_live_story(editor, story, "better-name")

    response = client.get("/stories/first-draft-name/")
    assert response.status_code == 301
    assert response["Location"] == "/stories/better-name/"
    assert client.get("/stories/better-name/").status_code == 200


def test_two_renames_each_redirect_in_one_hop_to_the_newest_address(client, editor):
    story = make_article(slug="one", authors=[make_author()])
    story = rename_live_story(editor, story, "two")
    rename_live_story(editor, story, "three")

    assert hops(client, "/stories/one/") == ([("/stories/three/", 301)], 200)
    assert hops(client, "/stories/two/") == ([("/stories/three/", 301)], 200)
    assert client.get("/stories/three/").status_code == 200


def test_renaming_back_to_an_old_slug_never_loops(client, editor):
    story = make_article(slug="one", authors=[make_author()])
    story = rename_live_story(editor, story, "two")
    rename_live_story(editor, story, "one")

    assert client.get("/stories/one/").status_code == 200
    assert hops(client, "/stories/two/") == ([("/stories/one/", 301)], 200)
    assert not FormerSlug.objects.filter(slug="one").exists()


def test_a_scheduled_or_unpublished_story_renamed_in_the_admin_keeps_its_old_address(
    client, editor, clock
):
    story = make_article(slug="old-name", authors=[make_author()])
    workflow.unpublish(story, by=editor)
    admin = logged_in(editor)

    post_form(admin, story, open_form(admin, story), slug="new-name")
    workflow.publish(Article.objects.get(pk=story.pk), by=editor)

    assert hops(client, "/stories/old-name/") == ([("/stories/new-name/", 301)], 200)


def test_a_restored_revision_with_an_older_slug_keeps_both_addresses(client, editor):
    story = make_article(slug="original", authors=[make_author()])
    client_admin = logged_in(editor)
    workflow.unpublish(story, by=editor)
    post_form(client_admin, story, open_form(client_admin, story), slug="renamed")
    story = Article.objects.get(pk=story.pk)
    first = story_versions(story).last()

    workflow.restore_revision(story, by=editor, version=first)
    workflow.publish(Article.objects.get(pk=story.pk), by=editor)

    assert client.get("/stories/original/").status_code == 200
    assert hops(client, "/stories/renamed/") == ([("/stories/original/", 301)], 200)


def test_a_never_published_draft_leaves_no_old_address(editor):
    draft = make_draft(slug="working-title")
    admin = logged_in(editor)

    post_form(admin, draft, open_form(admin, draft), slug="final-title")

    assert Article.objects.get(pk=draft.pk).slug == "final-title"
    assert not FormerSlug.objects.exists()


def test_an_old_address_of_a_hidden_story_reveals_nothing(client, editor):
    story = make_article(slug="one", authors=[make_author()])
    story = rename_live_story(editor, story, "two")

    workflow.unpublish(story, by=editor)
    assert client.get("/stories/one/").status_code == 404

    workflow.take_down(story, by=editor, reason="Legal order")
    assert client.get("/stories/one/").status_code == 410


def test_a_new_story_may_take_an_old_address_and_wins_it(client, editor):
    story = make_article(slug="one", title="First owner", authors=[make_author()])
    rename_live_story(editor, story, "two")

    make_article(slug="one", title="New owner")

    response = client.get("/stories/one/")
    assert response.status_code == 200
    assert text(parse(response).h1) == "New owner"


def test_remember_old_slug_ignores_no_change_and_moves_a_slug_to_its_newest_owner(
    clock,
):
    first = make_article(slug="a-story")
    second = make_article(slug="b-story")

    remember_old_slug(first, "a-story")
    assert not FormerSlug.objects.exists()

    remember_old_slug(first, "shared")
    remember_old_slug(second, "shared")
    assert FormerSlug.objects.get(slug="shared").article == second


# ------------------------------------------------------------------ archive


def at(year, month, day, hour=12):
    return timezone.make_aware(datetime(year, month, day, hour))


@pytest.fixture
def archive(clock):
    stories = {
        "jan": make_article(title="January story", publish_at=at(2025, 1, 10)),
        "jan-late": make_article(
            title="Late January story", publish_at=at(2025, 1, 31, 23)
        ),
        "mar": make_article(title="March story", publish_at=at(2025, 3, 5)),
        "new-year": make_article(title="New year story", publish_at=at(2026, 1, 1, 0)),
    }
    make_draft(title="Draft from January", publish_at=at(2025, 1, 20))
    make_article(
        title="Expired from January",
        publish_at=at(2025, 1, 15),
        expires_at=at(2025, 2, 1),
    )
    return stories


def titles(response):
    return [text(a) for a in parse(response).select(".card__title a")]


def test_a_year_page_lists_its_public_stories_and_months(client, archive):
    response = client.get("/archive/2025/")

    assert response.status_code == 200
    assert titles(response) == ["March story", "Late January story", "January story"]
    months = [(text(a), a["href"]) for a in parse(response).select(".archive-months a")]
    assert months == [("January", "/archive/2025/1/"), ("March", "/archive/2025/3/")]


def test_a_month_page_lists_that_month_only(client, archive):
    assert titles(client.get("/archive/2025/1/")) == [
        "Late January story",
        "January story",
    ]
    assert titles(client.get("/archive/2026/1/")) == ["New year story"]


def test_the_archive_index_lists_years_with_stories(client, archive):
    response = client.get("/archive/")

    links = [(text(a), a["href"]) for a in parse(response).select("main .tag-list a")]
    assert links == [("2026", "/archive/2026/"), ("2025", "/archive/2025/")]


@pytest.mark.parametrize(
    "url",
    [
        "/archive/2025/2/",
        "/archive/2024/",
        "/archive/2025/13/",
        "/archive/2025/0/",
        "/archive/0/",
        "/archive/99999/",
        "/archive/2025/1/?page=2",
    ],
)
def test_dates_without_public_stories_are_not_found(client, archive, url):
    assert client.get(url).status_code == 404


def test_archive_pages_are_paged(client, clock):
    for number in range(13):
        make_article(publish_at=at(2025, 6, 1) + timedelta(hours=number))

    assert len(titles(client.get("/archive/2025/6/"))) == 12
    assert len(titles(client.get("/archive/2025/6/?page=2"))) == 1
