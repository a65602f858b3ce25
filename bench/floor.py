"""The floor: the story page rendered from objects in memory, with no database.

The floor goes through the same middleware, template and context processors as
the real story page, so the gap between the two is what the database work costs.
It renders synthetic story `STORY_NUMBER` exactly as `seed_demo --articles N`
builds it (same headline, standfirst, body, section, image, byline and tags),
from unsaved model instances whose relations are filled in memory.
"""

import random
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from taggit.models import Tag

from articles import demo_content
from articles.demo import (
    SYNTHETIC_AUTHOR_COUNT,
    SYNTHETIC_IMAGE_COUNT,
    SYNTHETIC_TAGS,
    synthetic_article,
)
from articles.models import ArticleAuthor, Author, Image, Section
from articles.related import RelatedCard
from articles.sharing import share_links

# The story page the harness measures shows this synthetic story too.
STORY_NUMBER = 501
RELATED_NUMBERS = (502, 503, 504)
IMAGE_WIDTH, IMAGE_HEIGHT = 1600, 900


class FloorQueryError(AssertionError):
    """The floor tried to query the database."""


@dataclass(frozen=True)
class FloorStory:
    article: object
    related_cards: list
    nav_sections: list


def _refuse_queries(execute, sql, params, many, context):
    raise FloorQueryError(f"The floor must not query the database: {sql}")


def _evaluated(queryset, rows):
    """Return `queryset` already evaluated to `rows`, as `prefetch_related` leaves it."""
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    return queryset


def _sections():
    ordered = sorted(
        enumerate(demo_content.SECTIONS, start=1), key=lambda item: item[1]["order"]
    )
    return [
        Section(pk=pk, name=data["name"], slug=data["slug"], order=data["order"])
        for pk, data in ordered
    ]


def _images():
    return [
        Image(
            pk=number,
            title=f"Synthetic illustration {number}",
            file=f"images/2026/01/synthetic-{number}.jpg",
            thumbnail=f"images/thumbnails/synthetic-{number}-480.jpg",
            alt_text="An abstract pattern of lines and shapes.",
            credit="Illustration: Byline",
            width=IMAGE_WIDTH,
            height=IMAGE_HEIGHT,
        )
        for number in range(1, SYNTHETIC_IMAGE_COUNT + 1)
    ]


def _authors():
    return [
        Author(
            pk=number,
            name=f"Correspondent {number:02d}",
            slug=f"synthetic-correspondent-{number:02d}",
        )
        for number in range(1, SYNTHETIC_AUTHOR_COUNT + 1)
    ]


def _tags():
    return [
        Tag(pk=pk, name=name, slug=slugify(name))
        for pk, name in enumerate(SYNTHETIC_TAGS, start=1)
    ]


def _story(number, *, sections, images, authors, tags):
    """Build synthetic story `number` in memory, drawing as `add_synthetic_articles` does."""
    rng = random.Random(number)
    article = synthetic_article(number, sections=sections, images=images, rng=rng)
    # Related managers refuse an instance without a primary key; it is never saved.
    article.pk = number
    # bulk_create stamps both with the seeding time, so real stories show "Updated".
    article.created_at = article.updated_at = timezone.now()
    bylines = [
        ArticleAuthor(article=article, author=author, order=order)
        for order, author in enumerate(rng.sample(authors, rng.choice((1, 1, 1, 2))))
    ]
    article._prefetched_objects_cache = {
        "article_authors": _evaluated(ArticleAuthor.objects.all(), bylines),
        "tags": _evaluated(Tag.objects.all(), rng.sample(tags, rng.randint(3, 5))),
    }
    return article


@cache
def floor_story():
    """Return the floor's story, related cards and navigation, built once per process."""
    sections, images, authors, tags = _sections(), _images(), _authors(), _tags()
    build = {"sections": sections, "images": images, "authors": authors, "tags": tags}
    article = _story(STORY_NUMBER, **build)
    related = [RelatedCard.for_article(_story(n, **build)) for n in RELATED_NUMBERS]
    return FloorStory(article=article, related_cards=related, nav_sections=sections)


@require_safe
def floor(request):
    """Render the story template from memory; any database query raises."""
    story = floor_story()
    article = story.article
    with connection.execute_wrapper(_refuse_queries):
        absolute_url = request.build_absolute_uri(article.get_absolute_url())
        return render(
            request,
            "articles/article_detail.html",
            {
                "article": article,
                "current_section": article.section,
                "is_preview": False,
                "absolute_url": absolute_url,
                "share_links": share_links(url=absolute_url, title=article.title),
                "related_cards": story.related_cards,
                # The view's context wins over the `site` context processor, so the
                # navigation comes from memory instead of its one query.
                "nav_sections": story.nav_sections,
            },
        )
