"""Topic (tag) names of any characters make ASCII addresses that never break a page."""

import pytest
from django.urls import reverse

from articles.models import Tag
from tests.factories import make_article
from tests.soup import parse

pytestmark = pytest.mark.django_db

HOSTILE_NAMES = [
    "Côte d'Ivoire",
    "Café",
    "中文",
    "!!!",
    "???",
    "العربية",
    "Ελληνικά",
    "Straße",
    "🚀 launches",
    " ",
    "-",
    "a/b?c#d",
    "<script>alert(1)</script>",
    "%2e%2e%2f",
    "ZWJ\u200djoined",
    "x" * 100,
    "中" * 100,
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_a_story_carrying_any_topic_name_renders_and_links_to_a_working_topic_page(
    client, clock, name
):
    story = make_article(tags=[name])
    tag = story.tags.get()

    response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    topic_links = parse(response).select('a[rel="tag"]')
    assert [link["href"] for link in topic_links] == [tag.get_absolute_url()]
    assert tag.slug.isascii() and tag.slug
    topic_page = client.get(tag.get_absolute_url())
    assert topic_page.status_code == 200
    assert story.title in topic_page.content.decode()


def test_unicode_names_are_transliterated_into_readable_slugs(clock):
    make_article(tags=["Côte d'Ivoire", "Café", "中文", "Straße"])

    assert set(Tag.objects.values_list("slug", flat=True)) == {
        "cote-divoire",
        "cafe",
        "zhongwen",
        "strasse",
    }


def test_names_with_no_letters_get_numbered_fallback_slugs(clock):
    make_article(tags=["!!!", "???", "…"])

    assert sorted(Tag.objects.values_list("slug", flat=True)) == [
        "topic",
        "topic-1",
        "topic-2",
    ]


def test_two_names_with_the_same_transliteration_get_distinct_slugs(clock):
    make_article(tags=["Café", "Cafe!"])

    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["cafe", "cafe-1"]


def test_topic_admin_refuses_a_unicode_slug_and_stores_nothing(admin_client):
    response = admin_client.post(
        reverse("admin:articles_tag_add"), {"name": "Café", "slug": "café"}
    )

    assert response.status_code == 200
    errors = parse(response).select(".field-slug .errorlist li")
    assert [error.get_text() for error in errors] == [
        "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."
    ]
    assert not Tag.objects.exists()


def test_topic_admin_creates_a_topic_with_an_ascii_slug(admin_client):
    response = admin_client.post(
        reverse("admin:articles_tag_add"), {"name": "Café", "slug": "cafe"}
    )

    assert response.status_code == 302
    assert Tag.objects.get().slug == "cafe"
