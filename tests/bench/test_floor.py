"""The benchmark's floor: the story page rendered from memory, never from the database."""

import pytest

from bench.floor import STORY_NUMBER, floor_story
from demo import content
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db


def test_the_floor_renders_the_story_page_with_its_navigation_and_no_query(
    client, settings, django_assert_num_queries
):
    settings.ROOT_URLCONF = "bench.urls"

    with django_assert_num_queries(0):
        response = client.get("/__floor__/")

    assert response.status_code == 200
    page = parse(response)
    story = floor_story().story.article
    assert story.pk == STORY_NUMBER
    assert text(one(page, "h1.story__title")) == story.title
    navigation = [text(link) for link in page.select("nav.site-nav a")]
    assert navigation[1:] == [
        section["name"]
        for section in sorted(content.SECTIONS, key=lambda section: section["order"])
    ]
    assert len(page.select(".related-card")) == 3
