"""Small builders for test data: each makes one valid row with sensible defaults."""

import itertools
from datetime import timedelta
from io import BytesIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    RelatedLink,
    Section,
    TaggedArticle,
)
from articles.roles import ensure_roles
from articles.search import index_stories
from media.models import Image

_sequence = itertools.count(1)


def png_bytes(*, size=(64, 36), colour=(30, 60, 90)):
    buffer = BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def make_section(**fields):
    n = next(_sequence)
    fields.setdefault("name", f"Section {n}")
    fields.setdefault("slug", f"section-{n}")
    return Section.objects.create(**fields)


def make_author(**fields):
    n = next(_sequence)
    fields.setdefault("name", f"Author {n}")
    fields.setdefault("slug", f"author-{n}")
    return Author.objects.create(**fields)


def make_user(role=None, *, staff=True, **fields):
    """Create a login in the newsroom role `role` (a group the roles migration made)."""
    n = next(_sequence)
    fields.setdefault("username", f"{(role or 'user').lower()}-{n}")
    fields.setdefault("first_name", f"{role or 'Staff'} {n}")
    user = get_user_model().objects.create_user(password="x", is_staff=staff, **fields)
    if role:
        if not Group.objects.filter(name=role).exists():
            # A transactional test's flush empties the groups the migration made.
            ensure_roles(apps)
        user.groups.add(Group.objects.get(name=role))
    return user


def make_image(**fields):
    n = next(_sequence)
    fields.setdefault("title", f"Image {n}")
    fields.setdefault("alt_text", f"Picture number {n}")
    fields.setdefault(
        "file", SimpleUploadedFile(f"image-{n}.png", png_bytes(), "image/png")
    )
    return Image.objects.create(**fields)


def make_article(*, tags=(), authors=(), published=True, **fields):
    """Create a story; published an hour ago unless `published=False` or `publish_at`."""
    n = next(_sequence)
    fields.setdefault("title", f"Story number {n}")
    fields.setdefault("slug", f"story-{n}")
    fields.setdefault("standfirst", f"The summary of story {n}, in a sentence or two.")
    fields.setdefault("body", f"<p>The body of story {n}.</p>")
    if "section" not in fields:
        fields["section"] = Section.objects.first() or make_section()
    if published:
        fields.setdefault("status", Article.Status.PUBLISHED)
        fields.setdefault("publish_at", timezone.now() - timedelta(hours=1))
    article = Article.objects.create(**fields)
    if tags:
        article.tags.set(list(tags))
    for order, author in enumerate(authors):
        ArticleAuthor.objects.create(article=article, author=author, order=order)
    index_stories([article])
    return article


def make_draft(**fields):
    return make_article(published=False, **fields)


def make_future(**fields):
    fields.setdefault("publish_at", timezone.now() + timedelta(days=1))
    return make_article(**fields)


def link(article, *, to=None, url="", title="", order=0):
    return RelatedLink.objects.create(
        article=article, target=to, url=url, title=title, order=order
    )


def make_articles_in_bulk(count, *, sections, authors=(), tags=(), image=None):
    """Insert `count` published stories in a few queries, newest first by number.

    Story i goes to sections[i % len], has authors[i % len] as its byline and
    tags[i % len] as its only tag, so every section, author and tag gets some.
    """
    now = timezone.now()
    start = next(_sequence)
    for _ in range(count):
        next(_sequence)
    articles = Article.objects.bulk_create(
        Article(
            title=f"Archive story {start + i}",
            slug=f"archive-{start + i}",
            standfirst=f"The summary of archive story {start + i}.",
            body=f"<p>The body of archive story {start + i}.</p>",
            section=sections[i % len(sections)],
            hero_image=image,
            status=Article.Status.PUBLISHED,
            publish_at=now - timedelta(hours=2, minutes=i),
            first_published_at=now - timedelta(hours=2, minutes=i),
        )
        for i in range(count)
    )
    if authors:
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=article, author=authors[i % len(authors)])
            for i, article in enumerate(articles)
        )
    if tags:
        TaggedArticle.objects.bulk_create(
            TaggedArticle(content_object=article, tag=tags[i % len(tags)])
            for i, article in enumerate(articles)
        )
    index_stories(articles)
    return articles
