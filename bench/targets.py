"""Pick one representative URL per reader page type from the seeded database."""

from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse

from articles.models import Article, ArticleAuthor, Author, Section, Tag, TaggedArticle
from articles.querysets import published_q
from demo.seeding import SYNTHETIC_PREFIX

from .floor import STORY_NUMBER


def story_slug():
    """Return the slug of the synthetic story the harness measures."""
    return f"{SYNTHETIC_PREFIX}{STORY_NUMBER:06d}"


def _story():
    slug = story_slug()
    article = Article.objects.published().get(slug=slug)
    return article.get_absolute_url(), f"synthetic story {STORY_NUMBER} ({slug})"


def _busiest_section():
    section = (
        Section.objects.annotate(
            stories=Count("articles", filter=published_q(prefix="articles__"))
        )
        .order_by("-stories", "pk")
        .first()
    )
    return section.get_absolute_url(), f"busiest section ({section.stories:,} stories)"


def _popular_tag():
    row = (
        TaggedArticle.objects.filter(published_q(prefix="content_object__"))
        .values("tag_id")
        .annotate(stories=Count("pk"))
        .order_by("-stories", "tag_id")
        .first()
    )
    tag = Tag.objects.get(pk=row["tag_id"])
    url = reverse("articles:tag", kwargs={"slug": tag.slug})
    return url, f"most-used tag “{tag.name}” ({row['stories']:,} stories)"


def _busiest_author():
    row = (
        ArticleAuthor.objects.filter(published_q(prefix="article__"))
        .values("author_id")
        .annotate(stories=Count("pk"))
        .order_by("-stories", "author_id")
        .first()
    )
    author = Author.objects.get(pk=row["author_id"])
    return author.get_absolute_url(), f"busiest author ({row['stories']:,} stories)"


# Three searches from rare to common: one story's number (in its headline), a
# topic on about one story in ten, and two of the synthetic text's commonest
# words, found in most stories (every match is ranked).
SEARCHES = [
    ("search-rare", f"{STORY_NUMBER}", "one story's number: 1 match"),
    ("search-topic", "piracy", "a topic: about 1 story in 10"),
    ("search-common", "officials report", "two common words: most stories"),
]


def pick_pages():
    """Return (page, path, what it shows) for the floor and every reader page type."""
    pages = [
        ("floor", reverse("bench-floor"), f"story {STORY_NUMBER} from memory, no DB"),
        ("home", reverse("articles:home"), "front page"),
    ]
    for name, picker in (
        ("story", _story),
        ("section", _busiest_section),
        ("tag", _popular_tag),
        ("author", _busiest_author),
    ):
        path, label = picker()
        pages.append((name, path, label))
    for name, query, label in SEARCHES:
        path = f"{reverse('articles:search')}?{urlencode({'q': query})}"
        pages.append((name, path, f"search: {label}"))
    return pages


def other_stories(count):
    """Return the paths of the newest `count` published stories but the measured one."""
    measured = story_slug()
    newest = (
        Article.objects.published()
        .exclude(slug=measured)
        .order_by("-publish_at", "-pk")[:count]
    )
    return [article.get_absolute_url() for article in newest]
