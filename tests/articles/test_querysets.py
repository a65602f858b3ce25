from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction

from articles.models import Article, ArticleAuthor, RelatedLink, Section
from articles.querysets import published_q
from tests.factories import (
    link,
    make_article,
    make_author,
    make_draft,
    make_future,
    make_section,
)

pytestmark = pytest.mark.django_db


def public_slugs(**kwargs):
    return set(Article.objects.published(**kwargs).values_list("slug", flat=True))


# ------------------------------------------------------------ published()


def test_published_includes_story_whose_publish_time_has_passed(clock):
    make_article(slug="out", publish_at=clock.now - timedelta(minutes=1))
    assert public_slugs() == {"out"}


def test_published_includes_story_published_at_exactly_now(clock):
    make_article(slug="on-the-dot", publish_at=clock.now)
    assert public_slugs() == {"on-the-dot"}


def test_published_excludes_draft_without_publish_time(clock):
    make_draft(slug="draft")
    assert public_slugs() == set()


def test_published_excludes_draft_with_past_publish_time(clock):
    make_draft(slug="pulled", publish_at=clock.now - timedelta(days=3))
    assert public_slugs() == set()


def test_published_excludes_story_scheduled_for_the_future(clock):
    make_future(slug="embargoed", publish_at=clock.now + timedelta(seconds=1))
    assert public_slugs() == set()


def test_scheduled_story_becomes_public_when_its_time_comes(clock):
    make_future(slug="embargoed", publish_at=clock.now + timedelta(hours=2))
    clock.advance(hours=1, minutes=59)
    assert "embargoed" not in public_slugs()
    clock.advance(minutes=1)
    assert "embargoed" in public_slugs()


def test_published_uses_an_explicit_now_when_given(clock):
    make_article(slug="tomorrow", publish_at=clock.now + timedelta(days=1))
    assert public_slugs(now=clock.now + timedelta(days=2)) == {"tomorrow"}
    assert public_slugs(now=clock.now) == set()


def test_is_public_agrees_with_published_queryset(clock):
    stories = [
        make_article(),
        make_draft(),
        make_draft(publish_at=clock.now - timedelta(days=1)),
        make_future(),
    ]
    public = public_slugs()
    for story in stories:
        assert story.is_public == (story.slug in public)


# ----------------------------------------------------------- published_q()


def test_published_q_with_prefix_filters_across_a_relation(clock):
    story = make_article()
    public, draft, future = make_article(), make_draft(), make_future()
    to_public = link(story, to=public, order=0)
    link(story, to=draft, order=1)
    link(story, to=future, order=2)

    links = RelatedLink.objects.filter(published_q(prefix="target__"))

    assert list(links) == [to_public]


def test_published_q_finds_sections_with_public_stories_only(clock):
    busy, quiet = make_section(slug="busy"), make_section(slug="quiet")
    make_article(section=busy)
    make_draft(section=quiet)
    make_future(section=quiet)

    sections = Section.objects.filter(published_q(prefix="articles__")).distinct()

    assert [section.slug for section in sections] == ["busy"]


# -------------------------------------------- bulk publish() / unpublish()


def test_queryset_publish_keeps_an_existing_publish_time(clock):
    earlier = clock.now - timedelta(days=5)
    draft = make_draft(publish_at=earlier)

    Article.objects.filter(pk=draft.pk).publish()

    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.publish_at == earlier
    assert draft.first_published_at == earlier


def test_queryset_publish_keeps_a_future_publish_time_so_story_stays_scheduled(clock):
    later = clock.now + timedelta(days=2)
    draft = make_draft(publish_at=later)

    Article.objects.filter(pk=draft.pk).publish()

    draft.refresh_from_db()
    assert draft.publish_at == later
    assert not draft.is_public


def test_queryset_publish_sets_a_missing_publish_time_to_now(clock):
    draft = make_draft()

    Article.objects.filter(pk=draft.pk).publish()

    draft.refresh_from_db()
    assert draft.publish_at == clock.now
    assert draft.first_published_at == clock.now
    assert draft.updated_at == clock.now
    assert draft.is_public


def test_queryset_publish_keeps_an_existing_first_publication_time(clock):
    first = clock.now - timedelta(days=30)
    story = make_article(publish_at=clock.now - timedelta(days=1))
    Article.objects.filter(pk=story.pk).update(status="draft", first_published_at=first)

    Article.objects.filter(pk=story.pk).publish()

    story.refresh_from_db()
    assert story.first_published_at == first


def test_queryset_publish_touches_only_the_stories_in_the_set(clock):
    chosen, other = make_draft(), make_draft()

    count = Article.objects.filter(pk=chosen.pk).publish()

    other.refresh_from_db()
    assert count == 1
    assert other.status == Article.Status.DRAFT
    assert other.publish_at is None


def test_queryset_unpublish_takes_stories_off_the_site_keeping_times(clock):
    story = make_article(publish_at=clock.now - timedelta(hours=3))
    kept = make_article()
    clock.advance(minutes=5)

    count = Article.objects.filter(pk=story.pk).unpublish()

    story.refresh_from_db()
    assert count == 1
    assert story.status == Article.Status.UNPUBLISHED
    assert story.publish_at == clock.now - timedelta(hours=3, minutes=5)
    assert story.first_published_at == story.publish_at
    assert story.updated_at == clock.now
    assert public_slugs() == {kept.slug}


# ------------------------------------------ Article.publish() / unpublish()


def test_article_publish_makes_a_draft_public_now(clock):
    draft = make_draft()

    draft.publish()

    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.publish_at == clock.now
    assert draft.first_published_at == clock.now
    assert draft.is_public


def test_article_publish_at_a_future_time_schedules_it(clock):
    draft = make_draft()
    later = clock.now + timedelta(hours=6)

    draft.publish(at=later)

    draft.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert draft.publish_at == later
    assert not draft.is_public
    assert public_slugs() == set()


def test_article_unpublish_hides_the_story_but_keeps_its_first_publication(clock):
    story = make_article(publish_at=clock.now - timedelta(days=2))

    story.unpublish()

    story.refresh_from_db()
    assert story.status == Article.Status.UNPUBLISHED
    assert story.first_published_at == clock.now - timedelta(days=2)
    assert public_slugs() == set()


def test_article_republished_later_keeps_its_first_publication_time(clock):
    story = make_article(publish_at=clock.now - timedelta(days=2))
    first = story.first_published_at
    story.unpublish()
    clock.advance(days=1)

    story.publish(at=clock.now)

    story.refresh_from_db()
    assert story.publish_at == clock.now
    assert story.first_published_at == first


# --------------------------------------------------- database constraints


def test_database_rejects_published_story_without_publish_time_via_update(clock):
    draft = make_draft()

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=draft.pk).update(status="published")

    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_database_accepts_published_story_with_publish_time_via_update(clock):
    draft = make_draft()

    Article.objects.filter(pk=draft.pk).update(status="published", publish_at=clock.now)

    assert public_slugs() == {draft.slug}


def test_database_rejects_an_unknown_status(clock):
    story = make_draft()

    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.filter(pk=story.pk).update(status="archived")


def test_database_rejects_two_stories_with_the_same_slug(clock):
    make_article(slug="same")

    with pytest.raises(IntegrityError), transaction.atomic():
        make_article(slug="same")

    assert Article.objects.filter(slug="same").count() == 1


def test_database_rejects_the_same_author_twice_in_one_byline(clock):
    author = make_author()
    story = make_article(authors=[author])

    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleAuthor.objects.create(article=story, author=author, order=1)


# These write through bulk_create(), which skips save() and its validation, to
# show the database itself refuses the row.
def test_database_rejects_a_related_link_from_a_story_to_itself(clock):
    story = make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedLink.objects.bulk_create([RelatedLink(article=story, target=story)])

    assert not RelatedLink.objects.exists()


def test_database_rejects_a_related_link_with_neither_story_nor_url(clock):
    story = make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedLink.objects.bulk_create([RelatedLink(article=story)])

    assert not RelatedLink.objects.exists()


def test_database_rejects_an_external_link_without_a_title(clock):
    story = make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedLink.objects.bulk_create(
            [RelatedLink(article=story, url="https://example.org/report")]
        )


def test_database_rejects_a_link_with_both_a_story_and_a_url(clock):
    story, other = make_article(), make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedLink.objects.bulk_create(
            [
                RelatedLink(
                    article=story,
                    target=other,
                    url="https://example.org/",
                    title="Both",
                )
            ]
        )


def test_database_rejects_the_same_story_linked_twice(clock):
    story, other = make_article(), make_article()
    link(story, to=other)

    with pytest.raises(IntegrityError), transaction.atomic():
        link(story, to=other, order=1)


def test_database_accepts_a_story_link_and_several_titled_external_links(clock):
    story, other = make_article(), make_article()

    link(story, to=other, order=0)
    link(story, url="https://example.org/a", title="Report A", order=1)
    link(story, url="https://example.org/b", title="Report B", order=2)

    assert story.related_links.count() == 3


STARTING_TIMES = {
    "never published": (None, None),
    "past publish time": (timedelta(hours=-3), None),
    "future publish time": (timedelta(days=2), None),
    "published before": (timedelta(hours=-3), timedelta(days=-10)),
}


@pytest.mark.parametrize("start", STARTING_TIMES, ids=str)
def test_every_publishing_path_applies_the_same_rule(clock, start):
    publish_delta, first_delta = STARTING_TIMES[start]

    def draft():
        story = make_draft()
        Article.objects.filter(pk=story.pk).update(
            publish_at=publish_delta and clock.now + publish_delta,
            first_published_at=first_delta and clock.now + first_delta,
        )
        story.refresh_from_db()
        return story

    def times(story):
        story.refresh_from_db()
        return story.status, story.publish_at, story.first_published_at

    by_method, by_queryset, by_form = draft(), draft(), draft()
    by_method.publish()
    Article.objects.filter(pk=by_queryset.pk).publish()
    by_form.status = Article.Status.PUBLISHED
    by_form.full_clean()
    by_form.save()

    assert times(by_method) == times(by_queryset) == times(by_form)
    status, publish_at, first_published_at = times(by_method)
    assert status == Article.Status.PUBLISHED
    assert publish_at == (clock.now + publish_delta if publish_delta else clock.now)
    assert first_published_at == (
        clock.now + first_delta if first_delta else publish_at
    )
