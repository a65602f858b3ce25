"""The floor: the story page rendered from objects in memory, with no database.

The floor goes through the same middleware, template and context processors as
the real story page, so the gap between the two is what the database work costs.
It renders synthetic story `STORY_NUMBER` exactly as `seed_demo --articles N`
builds it (`demo.seeding.synthetic_story`: same headline, standfirst, body,
section, image, byline and tags), from unsaved model instances, through the
view's own `story_context()`.
"""

from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.http import HttpResponse
from django.template.loader import get_template
from django.utils import timezone
from django.views.decorators.http import require_safe

from articles.context_processors import site
from articles.models import Author, Correction, Section, Tag
from articles.related import RelatedCard
from articles.views import story_context
from demo import content
from demo.seeding import (
    SYNTHETIC_AUTHOR_COUNT,
    SYNTHETIC_IMAGE_COUNT,
    SYNTHETIC_TAGS,
    synthetic_story,
)
from media.models import Image
from media.renditions import plan

# The story page the harness measures shows this synthetic story too.
STORY_NUMBER = 501
RELATED_NUMBERS = (502, 503, 504)
IMAGE_WIDTH, IMAGE_HEIGHT = 1600, 900


class FloorQueryError(AssertionError):
    """The floor tried to query the database."""


@dataclass(frozen=True)
class FloorStory:
    story: object
    related_cards: list
    nav_sections: list


def _refuse_queries(execute, sql, params, many, context):
    raise FloorQueryError(f"The floor must not query the database: {sql}")


def _sections():
    ordered = sorted(
        enumerate(content.SECTIONS, start=1), key=lambda item: item[1]["order"]
    )
    return [
        Section(pk=pk, name=data["name"], slug=data["slug"], order=data["order"])
        for pk, data in ordered
    ]


def _images():
    images = []
    for number in range(1, SYNTHETIC_IMAGE_COUNT + 1):
        # Any name will do: the page only needs the rendition list it implies.
        original = f"originals/fl/floor-{number}.jpg"
        images.append(
            Image(
                pk=number,
                title=f"Synthetic illustration {number}",
                file=original,
                alt_text="An abstract pattern of lines and shapes.",
                credit="Illustration: Byline",
                width=IMAGE_WIDTH,
                height=IMAGE_HEIGHT,
                renditions=plan(original, (IMAGE_WIDTH, IMAGE_HEIGHT), (50, 50)),
            )
        )
    return images


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
        Tag(pk=pk, name=name, slug=Tag().slugify(name))
        for pk, name in enumerate(SYNTHETIC_TAGS, start=1)
    ]


def _story(number, **fixtures):
    """Build synthetic story `number` in memory, as `add_synthetic_articles` stores it."""
    story = synthetic_story(number, **fixtures)
    article = story.article
    # bulk_create stamps both with the seeding time, so real stories show "Updated".
    article.created_at = article.updated_at = timezone.now()
    # A primary key, as the stored story has, and its (empty) corrections filled
    # in the way `with_detail_data()`'s prefetch fills them: the story page and
    # its JSON-LD list corrections, and an unsaved story cannot be asked.
    article.pk = number
    article._prefetched_objects_cache = {"corrections": Correction.objects.none()}
    return story


@cache
def floor_story():
    """Return the floor's story, related cards and navigation, built once per process."""
    sections = _sections()
    fixtures = {
        "sections": sections,
        "images": _images(),
        "authors": _authors(),
        "tags": _tags(),
    }
    related = [
        RelatedCard.for_article(_story(number, **fixtures).article)
        for number in RELATED_NUMBERS
    ]
    return FloorStory(
        story=_story(STORY_NUMBER, **fixtures),
        related_cards=related,
        nav_sections=sections,
    )


@require_safe
def floor(request):
    """Render the story template from memory; any database query raises."""
    floor = floor_story()
    story = floor.story
    with connection.execute_wrapper(_refuse_queries):
        context = story_context(
            request,
            story.article,
            byline=story.authors,
            tags=story.tags,
            corrections=[],
            related_cards=floor.related_cards,
            is_preview=False,
        )
        # What the backend adds, as it would add it, except that the navigation
        # comes from memory instead of the `site` context processor's one query
        # (Django's Jinja2 backend lets context processors overwrite the view's
        # names, so the view cannot simply set it).
        context.update(site(request), request=request)
        context["nav_sections"] = floor.nav_sections
        page = get_template("articles/article_detail.html").render(context)
        return HttpResponse(page)
