"""Load the demo newsroom and synthetic archives; used by `manage.py seed_demo`."""

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from articles.frontpages import replace_slots
from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    FrontPage,
    RelatedLink,
    Section,
    Tag,
    TaggedArticle,
)
from articles.sanitise import sanitise_html
from articles.search import index_stories
from media.models import Image

from . import content
from .illustrations import MOTIFS, draw_illustration

SYNTHETIC_PREFIX = "synthetic-"
# Synthetic stories hang back from a fixed moment so every run builds the same archive.
SYNTHETIC_EPOCH = datetime(2026, 1, 1, 6, 0, tzinfo=UTC)
SYNTHETIC_IMAGE_COUNT = 8
SYNTHETIC_AUTHOR_COUNT = 24
BATCH_SIZE = 2000

# Stories published through the workflow have their related stories ranked
# then; `seed_demo` ranks those it inserts in bulk, the newest this many (older
# ones rank their own until `manage.py refresh_related` runs).
RANKED_AT_SEED = 1_000


def _demo_image(
    *, title, alt, caption, credit, palette, motif, seed, filename, focal=(50, 50)
):
    """Create or refresh a demo illustration, through the same pipeline as uploads.

    The drawing is cleaned and stored like any editor's upload, and its
    renditions made; a second run changes nothing, so it writes no file.
    """
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        picture = draw_illustration(palette=palette, motif=motif, seed=seed)
        image.file = ContentFile(picture, name=filename)
    image.alt_text, image.caption, image.credit = alt, caption, credit
    image.focal_x, image.focal_y = focal
    image.save()
    return image


@transaction.atomic
def seed_newsroom(*, now=None):
    """Create or refresh the hand-written demo stories; safe to run again."""
    now = now or timezone.now()
    sections = {
        data["slug"]: Section.objects.update_or_create(
            slug=data["slug"],
            defaults={k: data[k] for k in ("name", "description", "order")},
        )[0]
        for data in content.SECTIONS
    }
    authors = {
        data["slug"]: Author.objects.update_or_create(
            slug=data["slug"], defaults={"name": data["name"], "bio": data["bio"]}
        )[0]
        for data in content.AUTHORS
    }
    articles = {}
    for index, data in enumerate(content.ARTICLES):
        hero = data["hero"]
        image = _demo_image(
            title=f"Illustration: {data['title']}",
            alt=hero["alt"],
            caption=hero["caption"],
            credit=hero["credit"],
            palette=hero["palette"],
            motif=hero["motif"],
            seed=index,
            filename=f"{data['slug']}.jpg",
            focal=hero.get("focal", (50, 50)),
        )
        values = {
            "title": data["title"],
            "standfirst": data["standfirst"],
            "body": sanitise_html(data["body"]),
            "section": sections[data["section"]],
            "hero_image": image,
            "status": Article.Status.PUBLISHED,
        }
        article = Article.objects.filter(slug=data["slug"]).first()
        if article is None:
            article = Article(
                slug=data["slug"],
                publish_at=now
                - timedelta(days=data["days_ago"], hours=data["hours_ago"]),
            )
        # Saving an unchanged story would bump updated_at and show a false "Updated".
        if article.pk is None or any(
            getattr(article, k) != v for k, v in values.items()
        ):
            for field, value in values.items():
                setattr(article, field, value)
            article.save()
        article.tags.set(data["tags"], clear=True)
        ArticleAuthor.objects.filter(article=article).delete()
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=authors[slug], order=order)
            for order, slug in enumerate(data["authors"])
        )
        articles[data["slug"]] = article

    for data in content.ARTICLES:
        article = articles[data["slug"]]
        RelatedLink.objects.filter(article=article).delete()
        links = [
            RelatedLink(article=article, target=articles[slug])
            for slug in data.get("related", [])
        ]
        links += [
            RelatedLink(article=article, url=link["url"], title=link["title"])
            for link in data.get("external_related", [])
        ]
        for order, link in enumerate(links):
            link.order = order
        RelatedLink.objects.bulk_create(links)
    # Placed directly: seeding is not an editor's change, so it has no audit entry.
    home, _ = FrontPage.objects.get_or_create(section=None)
    replace_slots(home, [articles[slug] for slug in content.FRONT_PAGE])
    for section_slug, story_slug in content.SECTION_LEADS.items():
        page, _ = FrontPage.objects.get_or_create(section=sections[section_slug])
        replace_slots(page, [articles[story_slug]])
    index_stories(articles.values())
    return articles


SYNTHETIC_TAGS = [
    "Border security", "Cyber security", "Drones", "Sanctions", "Extremism",
    "Intelligence", "Maritime security", "Elections", "Policing", "Terror financing",
    "Diplomacy", "Refugees", "Critical infrastructure", "Radicalisation", "Counter-terrorism",
    "Surveillance", "Arms control", "Insurgency", "Hostage diplomacy", "Disinformation",
    "Aviation security", "Prisons", "Peacekeeping", "Organised crime", "Ports",
    "Energy security", "Space security", "Satellite imagery", "Courts", "Ceasefires",
    "Militias", "Cartels", "Public health", "Water security", "Migration",
    "Export controls", "Money laundering", "Piracy", "Nuclear safety", "Propaganda",
]  # fmt: skip

_WORDS = (
    "officials analysts border ministry report security forces regional agency "
    "network funding court ruling parliament cabinet envoy talks coastline patrol "
    "checkpoint militia province capital summit observers monitors data system "
    "warning review budget inquiry witnesses evidence corridor supply route harbour "
    "airfield sensors satellite signals campaign council mandate resolution "
    "governor spokesperson commander prosecutors investigators donors convoy"
).split()
_VERBS = (
    "said", "warned", "confirmed", "denied", "reported", "proposed", "rejected",
    "questioned", "expanded", "delayed", "reviewed", "tightened",
)  # fmt: skip


def _sentence(rng):
    words = [rng.choice(_WORDS) for _ in range(rng.randint(9, 16))]
    words.insert(rng.randint(2, 4), rng.choice(_VERBS))
    return " ".join(words).capitalize() + "."


def _synthetic_text(rng, paragraphs):
    return [" ".join(_sentence(rng) for _ in range(3)) for _ in range(paragraphs)]


def synthetic_fixtures():
    """Return the sections, authors, topics and images synthetic stories draw from."""
    sections = list(Section.objects.order_by("order", "pk"))
    if not sections:
        sections = [Section.objects.create(name="General", slug="general")]
    authors = []
    for number in range(1, SYNTHETIC_AUTHOR_COUNT + 1):
        author, _ = Author.objects.get_or_create(
            slug=f"synthetic-correspondent-{number:02d}",
            defaults={
                "name": f"Correspondent {number:02d}",
                "bio": "A synthetic byline.",
            },
        )
        authors.append(author)
    tags = []
    for name in SYNTHETIC_TAGS:
        tag = Tag.objects.filter(name__iexact=name).first()
        tags.append(tag or Tag.objects.create(name=name))
    images = []
    for number in range(SYNTHETIC_IMAGE_COUNT):
        palette = [
            "#14213d",
            "#3d5a80",
            ["#e63946", "#f4a261", "#2a9d8f", "#e9c46a"][number % 4],
        ]
        images.append(
            _demo_image(
                title=f"Synthetic illustration {number + 1}",
                alt="An abstract pattern of lines and shapes.",
                caption="",
                credit="Illustration: Byline",
                palette=palette,
                motif=MOTIFS[number % len(MOTIFS)],
                seed=1000 + number,
                filename=f"synthetic-{number + 1}.jpg",
            )
        )
    return sections, authors, tags, images


@dataclass(frozen=True)
class SyntheticStory:
    """An unsaved synthetic story with its byline and topics, drawn as seeded."""

    article: Article
    authors: list
    tags: list


def synthetic_story(number, *, sections, images, authors, tags):
    """Build (not save) synthetic story `number`; every 50th is a draft, every 97th future.

    Every draw comes from `random.Random(number)`, so the same number always
    gives the same story, byline and topics: the benchmark floor rebuilds story
    501 in memory exactly as `seed_demo --articles` stores it.
    """
    rng = random.Random(number)
    paragraphs = _synthetic_text(rng, 3)
    headline = " ".join(
        rng.choice(_WORDS) for _ in range(rng.randint(5, 9))
    ).capitalize()
    publish_at = SYNTHETIC_EPOCH - timedelta(minutes=37 * number)
    status = Article.Status.PUBLISHED
    if number % 50 == 0:
        status = Article.Status.DRAFT
    elif number % 97 == 0:
        publish_at = timezone.now() + timedelta(days=30 + number % 30)
    article = Article(
        title=f"{headline} ({number})",
        slug=f"{SYNTHETIC_PREFIX}{number:06d}",
        standfirst=_sentence(rng) + " " + _sentence(rng),
        body=sanitise_html("".join(f"<p>{p}</p>" for p in paragraphs)),
        section=sections[number % len(sections)],
        hero_image=images[number % len(images)],
        status=status,
        publish_at=publish_at,
        first_published_at=publish_at if status == Article.Status.PUBLISHED else None,
    )
    return SyntheticStory(
        article=article,
        authors=rng.sample(authors, rng.choice((1, 1, 1, 2))),
        tags=rng.sample(tags, rng.randint(3, 5)),
    )


def add_synthetic_articles(count, *, progress=None):
    """Make sure synthetic stories 1..`count` exist, inserting the missing ones in bulk.

    Returns how many were inserted. `progress(n)` is called after each batch.
    """
    sections, authors, tags, images = synthetic_fixtures()
    existing = set(
        Article.objects.filter(slug__startswith=SYNTHETIC_PREFIX).values_list(
            "slug", flat=True
        )
    )
    missing = [
        number
        for number in range(1, count + 1)
        if f"{SYNTHETIC_PREFIX}{number:06d}" not in existing
    ]
    if progress and count > len(missing):
        progress(count - len(missing))
    inserted = 0
    for start in range(0, len(missing), BATCH_SIZE):
        numbers = missing[start : start + BATCH_SIZE]
        with transaction.atomic():
            stories = [
                synthetic_story(
                    number,
                    sections=sections,
                    images=images,
                    authors=authors,
                    tags=tags,
                )
                for number in numbers
            ]
            Article.objects.bulk_create(story.article for story in stories)
            bylines = [
                ArticleAuthor(article=story.article, author=author, order=order)
                for story in stories
                for order, author in enumerate(story.authors)
            ]
            taggings = [
                TaggedArticle(content_object=story.article, tag=tag)
                for story in stories
                for tag in story.tags
            ]
            ArticleAuthor.objects.bulk_create(bylines)
            TaggedArticle.objects.bulk_create(taggings)
            index_stories(story.article for story in stories)
        inserted += len(numbers)
        if progress:
            progress(len(numbers))
    return inserted
