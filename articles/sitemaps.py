"""Sitemaps for search engines, Google News's sitemap, and robots.txt naming both.

Each sitemap answers its index's `lastmod` with one aggregate query, not by
loading every item (Django's default).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.db.models.functions import Coalesce, Greatest
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from pagecache import mark_cacheable

from .models import Article, Author, Section, Tag
from .querysets import published_q
from .structured_data import date_modified

# Google News reads stories published in the last two days, at most 1,000 of them.
NEWS_WINDOW = timedelta(hours=48)
NEWS_LIMIT = 1000
# Changed only when the story gets an "Updated" time, as readers see it.
MODIFIED = Greatest("publish_at", Coalesce("revised_at", "publish_at"))


class StorySitemap(Sitemap):
    def items(self):
        return (
            Article.objects.published()
            .only("slug", "publish_at", "revised_at")
            .newest_first()
        )

    def lastmod(self, article):
        return date_modified(article)

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max(MODIFIED))["latest"]


class ListingSitemap(Sitemap):
    """Sections, topics or authors with public stories; lastmod is their newest story's."""

    model = None
    stories = None

    def queryset(self):
        newest = Max(
            f"{self.stories}__publish_at",
            filter=published_q(prefix=f"{self.stories}__"),
        )
        return self.model.objects.annotate(latest=newest).filter(latest__isnull=False)

    def items(self):
        return self.queryset().order_by("pk")

    def lastmod(self, owner):
        return owner.latest

    def get_latest_lastmod(self):
        return self.queryset().aggregate(newest=Max("latest"))["newest"]


class SectionSitemap(ListingSitemap):
    model = Section
    stories = "articles"


class TagSitemap(ListingSitemap):
    model = Tag
    stories = "articles_taggedarticle_items__content_object"


class AuthorSitemap(ListingSitemap):
    model = Author
    stories = "articles"


SITEMAPS = {
    "stories": StorySitemap,
    "sections": SectionSitemap,
    "topics": TagSitemap,
    "authors": AuthorSitemap,
}


def cacheable(view):
    """Let the page cache keep a sitemap; any story change makes it stale."""

    def cached(request, *args, **kwargs):
        return mark_cacheable(view(request, *args, **kwargs), {"home"})

    return cached


@require_safe
def news_sitemap(request):
    """Stories published in the last 48 hours, in Google News's sitemap schema."""
    since = timezone.now() - NEWS_WINDOW
    stories = (
        Article.objects.published()
        .filter(publish_at__gte=since)
        .only("title", "slug", "publish_at")
        .newest_first()[:NEWS_LIMIT]
    )
    response = render(
        request,
        "articles/news_sitemap.xml",
        {
            "stories": stories,
            "publication": settings.SITE_NAME,
            # Google News wants an ISO 639 code: "en", not "en-gb".
            "language": settings.LANGUAGE_CODE.split("-")[0],
        },
        content_type="application/xml; charset=utf-8",
    )
    return mark_cacheable(response, {"home"})


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        f"Disallow: {reverse('articles:preview', kwargs={'token': 'x'}).removesuffix('x/')}",
        f"Disallow: {reverse('articles:search')}",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}",
        f"Sitemap: {request.build_absolute_uri(reverse('news-sitemap'))}",
    ]
    response = HttpResponse(
        "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
    )
    return mark_cacheable(response, {"robots"})
