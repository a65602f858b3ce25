"""Reader pages. Every list and page starts from `Article.objects.published()`."""

from datetime import datetime
from functools import partial

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views import View
from django.views.decorators.http import require_safe

from pagecache import mark_cacheable

from . import page_queries, search, workflow
from .cache import listing_keys
from .metadata import feed_links, home_meta, listing_meta, story_meta
from .models import Article, Author, PendingChange, Section, Tag
from .page_queries import HOME_SECTION_SIZE, public_articles
from .pagination import page_number_from, paginate
from .querysets import load_bylines
from .redirects import moved_story, was_taken_down
from .related import related_content
from .sharing import share_links
from .snapshots import render_snapshot, take_snapshot

# Besides the editor's line-up, the newest nine stories: the lead and the top
# stories beside it when no editor chose them, then the latest.
HOME_PAGE_SIZE = 9
# Beside the lead, chosen by editors (`FrontPage`) or else the newest.
TOP_STORIES = 4
# Dates before this are not archive pages, whatever the address says.
FIRST_ARCHIVE_YEAR = 1900


def section_blocks(*, exclude, now):
    """Return (section, stories) pairs for the home page, in navigation order.

    Bylines are not loaded here: the home page loads them once for all its stories.
    """
    blocks = {}
    stories = page_queries.newest_per_section(
        now=now, exclude=exclude, per_section=HOME_SECTION_SIZE
    )
    for article in stories:
        blocks.setdefault(article.section, []).append(article)
    return list(blocks.items())


# Every reader page shows the sections in its navigation.
SITE_KEYS = {"sections"}


@require_safe
def home(request):
    now = timezone.now()
    if page_number_from(request) > 1:
        # Older pages list every public story, the editor's line-up included:
        # a story shown again beats a story never shown.
        page = paginate(
            partial(page_queries.newest_stories, now=now),
            request,
            per_page=HOME_PAGE_SIZE,
        )
        context = {
            "page": page,
            "is_front": False,
            "meta": home_meta(request, page_number=page.number),
        }
        response = render(request, "articles/home.html", context)
        return mark_cacheable(response, {"home", *SITE_KEYS, *listing_keys(page)})
    # The editor's line-up first (`placed_on`), then the newest of the rest.
    placed = page_queries.home_line_up(now=now)
    page = paginate(
        partial(page_queries.newest_off_line_up, now=now),
        request,
        per_page=HOME_PAGE_SIZE,
    )
    front = placed + page.object_list
    blocks = section_blocks(exclude=[story.pk for story in front], now=now)
    shown = load_bylines(front + [story for _, stories in blocks for story in stories])
    context = {
        "page": page,
        "is_front": True,
        "meta": home_meta(request, page_number=page.number),
        "front_stories": front,
        "lead": front[0] if front else None,
        "top_stories": front[1 : 1 + TOP_STORIES],
        "latest": front[1 + TOP_STORIES :],
        "section_blocks": blocks,
    }
    response = render(request, "articles/home.html", context)
    return mark_cacheable(response, {"home", *SITE_KEYS, *listing_keys(shown)})


def story_context(
    request, article, *, byline, tags, corrections, related_cards, is_preview
):
    """Return the story template's context; the view and the benchmark floor share it."""
    meta = story_meta(
        request,
        article,
        byline=byline,
        tags=tags,
        corrections=corrections,
        is_preview=is_preview,
    )
    return {
        "article": article,
        "byline": byline,
        "tags": tags,
        "corrections": corrections,
        "current_section": article.section,
        "is_preview": is_preview,
        "absolute_url": meta.canonical,
        "share_links": share_links(url=meta.canonical, title=article.title),
        "related_cards": related_cards,
        "meta": meta,
    }


def gone(request):
    """Answer 410 for a story taken down: a short neutral notice, never its content."""
    return render(request, "410.html", status=410)


def private_preview(response):
    """Mark a preview response as never to be cached or indexed."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def article_detail(request, slug):
    now = timezone.now()
    found = page_queries.public_story(now=now, slug=slug)
    article, is_preview = (found[0] if found else None), False
    if article is None:
        moved = moved_story(slug)
        if moved is not None:
            return redirect(moved, permanent=True)
        hidden = Article.objects.with_detail_data().filter(slug=slug).first()
        if (hidden is not None and hidden.status == Article.Status.TAKEN_DOWN) or (
            hidden is None and was_taken_down(slug)
        ):
            return gone(request)
        if hidden is None or not request.user.has_perm("articles.change_article"):
            raise Http404("No story lives at this address.")
        # Staff preview: the one place an unpublished story may be rendered.
        article, is_preview = hidden, True
    context = story_context(
        request,
        article,
        byline=article.byline_authors,
        tags=article.topics,
        corrections=article.corrections_shown,
        related_cards=related_content(article, now=now),
        is_preview=is_preview,
    )
    response = render(request, "articles/article_detail.html", context)
    if is_preview:
        return private_preview(response)
    return mark_cacheable(response, story_page_keys(article, context))


def story_page_keys(article, context):
    """Return the surrogate keys of everything a story page shows."""
    keys = {*SITE_KEYS, *listing_keys([article])}
    keys.update(f"tag-{tag.pk}" for tag in context["tags"])
    keys.update(
        f"story-{card.story_id}" for card in context["related_cards"] if card.story_id
    )
    keys.update(
        f"image-{card.image.pk}" for card in context["related_cards"] if card.image
    )
    return keys


@require_safe
def preview_link(request, token):
    """Show a story's next version to whoever holds a live preview link."""
    link = workflow.preview_link_for(token)
    if link is None:
        raise Http404("No story lives at this address.")
    article = Article.objects.with_detail_data().get(pk=link.article_id)
    pending = PendingChange.objects.filter(article=article).first()
    shown = render_snapshot(
        article, pending.data if pending else take_snapshot(article)
    )
    context = story_context(
        request,
        shown.article,
        byline=shown.byline,
        tags=shown.tags,
        corrections=article.corrections_shown,
        related_cards=related_content(article),
        is_preview=True,
    )
    return private_preview(render(request, "articles/article_detail.html", context))


class StoryListPage(View):
    """One page of the public stories filed under a section, topic or author.

    `lookup` joins a story to the page's owner; `context_names` are the names
    the owner takes in the template. With `empty_404`, a first page with no
    stories is a 404 with that message, so a topic carried only by drafts
    does not reveal its name. `describe(owner)` gives the page's name and
    meta description.
    """

    http_method_names = ["get", "head"]
    model = None
    lookup = None
    template_name = None
    context_names = ()
    empty_404 = None
    describe = None
    # Whether editors may pin the page's lead (`FrontPage` for a section).
    pins_lead = False

    def get(self, request, slug):
        now = timezone.now()
        found = page_queries.list_owner(
            model=self.model, pins_lead=self.pins_lead, slug=slug
        )
        if not found:
            raise Http404(f"No {self.model._meta.verbose_name} lives at this address.")
        owner = found[0]
        stories = partial(
            page_queries.owner_stories,
            lookup=self.lookup,
            pins_lead=self.pins_lead,
            owner=owner,
            now=now,
        )
        page = paginate(stories, request, per_page=settings.ARTICLES_PER_PAGE)
        pinned = []
        if self.pins_lead and owner.pinned_id and page.number == 1:
            pinned = page_queries.pinned_lead(
                now=now, section=owner, story_id=owner.pinned_id
            )
        if self.empty_404 and not page.object_list and not pinned:
            raise Http404(self.empty_404)
        # The pinned lead's byline comes with the page's, in one query.
        load_bylines(pinned + page.object_list)
        name, description = self.describe(owner)
        context = dict.fromkeys(self.context_names, owner)
        context["page"] = page
        # A pinned lead opens the first page; unpinned, the list is newest first.
        context["lead"] = pinned[0] if pinned else None
        context["stories"] = pinned[1:] + page.object_list
        context["meta"] = listing_meta(
            request,
            name=name,
            description=description,
            path=owner.get_absolute_url(),
            page_number=page.number,
            feeds=[feed_links(owner, name)],
        )
        response = render(request, self.template_name, context)
        owner_key = f"{self.model._meta.model_name}-{owner.pk}"
        return mark_cacheable(
            response,
            {owner_key, *SITE_KEYS, *listing_keys([*pinned, *page.object_list])},
        )


section_detail = StoryListPage.as_view(
    model=Section,
    lookup="section",
    template_name="articles/section_detail.html",
    context_names=("section", "current_section"),
    pins_lead=True,
    describe=lambda section: (section.name, section.description or section.name),
)
tag_detail = StoryListPage.as_view(
    model=Tag,
    lookup="tagged_items__tag",
    template_name="articles/tag_detail.html",
    context_names=("tag",),
    empty_404="No published stories carry this tag.",
    describe=lambda tag: (tag.name, f"Stories about {tag.name}"),
)
author_detail = StoryListPage.as_view(
    model=Author,
    lookup="article_authors__author",
    template_name="articles/author_detail.html",
    context_names=("author",),
    # An author whose only bylines are unpublished (a new hire, a protected
    # contributor) must not have a public page.
    empty_404="No published stories carry this byline.",
    describe=lambda author: (author.name, author.bio or f"Stories by {author.name}"),
)


# ------------------------------------------------------------ site furniture


@require_safe
def about(request):
    """The about and contact page: a placeholder each newsroom rewrites."""
    context = {
        "meta": listing_meta(
            request,
            name="About us",
            description=f"Who {settings.SITE_NAME} is, and how to reach the newsroom.",
            path=reverse("articles:about"),
        ),
    }
    response = render(request, "articles/about.html", context)
    return mark_cacheable(response, set(SITE_KEYS))


@require_safe
def favicon(request):
    """Send browsers that ask for /favicon.ico by habit to the static icon."""
    return redirect(static("img/favicon.ico"), permanent=True)


# ------------------------------------------------------------ date archive


def month_bounds(year, month=None):
    """Return the start and end of a year, or of one of its months, in local time."""
    if (
        not FIRST_ARCHIVE_YEAR <= year <= 9998
        or month is not None
        and not (1 <= month <= 12)
    ):
        raise Http404("There is no archive page for that date.")
    start = datetime(year, month or 1, 1)
    if month is None or month == 12:
        end = datetime(year + 1, 1, 1)
    else:
        end = datetime(year, month + 1, 1)
    return timezone.make_aware(start), timezone.make_aware(end)


@require_safe
def archive_index(request):
    """The years with public stories, newest first."""
    context = {
        "years": Article.objects.published().datetimes(
            "publish_at", "year", order="DESC"
        ),
        "meta": listing_meta(
            request,
            name="Archive",
            description=f"Every story {settings.SITE_NAME} has published, by date.",
            path=reverse("articles:archive"),
        ),
    }
    response = render(request, "articles/archive_index.html", context)
    return mark_cacheable(response, {"home", *SITE_KEYS})


@require_safe
def archive(request, year, month=None):
    """The public stories of one year or month, newest first."""
    start, end = month_bounds(year, month)
    in_period = {"publish_at__gte": start, "publish_at__lt": end}
    page = paginate(
        public_articles().filter(**in_period).with_listing_data(),
        request,
        per_page=settings.ARTICLES_PER_PAGE,
    )
    if not page.object_list:
        raise Http404("No stories were published then.")
    if month is None:
        name = str(year)
        path = reverse("articles:archive-year", kwargs={"year": year})
        crumbs = []
        months = (
            Article.objects.published()
            .filter(**in_period)
            .datetimes("publish_at", "month")
        )
    else:
        name = start.strftime("%B %Y")
        path = reverse("articles:archive-month", kwargs={"year": year, "month": month})
        crumbs = [(str(year), reverse("articles:archive-year", kwargs={"year": year}))]
        months = []
    context = {
        "page": page,
        "period_name": name,
        "year": year,
        "month": month,
        "months": months,
        "meta": listing_meta(
            request,
            name=f"Stories from {name}",
            description=f"Every story {settings.SITE_NAME} published in {name}.",
            path=path,
            page_number=page.number,
            crumbs=crumbs,
        ),
    }
    response = render(request, "articles/archive.html", context)
    return mark_cacheable(response, {"home", *SITE_KEYS, *listing_keys(page)})


# ------------------------------------------------------------ search


@require_safe
def search_page(request):
    """Site search: ranked public stories with highlighted snippets, by section or topic.

    Results are never stored by the page cache (their query parameters put them
    outside it); the empty search page is.
    """
    terms = search.parse(request.GET.get("q", ""))
    section_slug = request.GET.get("section", "")[:80]
    tag_slug = request.GET.get("tag", "")[:100]
    tag = Tag.objects.filter(slug=tag_slug).first() if tag_slug else None
    results = search.search(terms, section_slug=section_slug, tag=tag)
    if tag_slug and tag is None:
        results = results.none()
    page = paginate(
        results.with_listing_data(), request, per_page=settings.ARTICLES_PER_PAGE
    )
    snippets = search.snippets(page.object_list, terms)
    name = f"Search: {terms.text}" if terms.text else "Search"
    context = {
        "terms": terms,
        "page": page,
        "results": [(story, snippets.get(story.pk, "")) for story in page],
        "section_slug": section_slug,
        "tag": tag,
        "tag_slug": tag_slug,
        "meta": listing_meta(
            request,
            name=name,
            description=f"Search every story {settings.SITE_NAME} has published.",
            path=reverse("articles:search"),
            # The form holds nothing for a search engine; results are ours to rank.
            noindex=True,
        ),
    }
    response = render(request, "articles/search.html", context)
    return mark_cacheable(response, {"home", *SITE_KEYS, *listing_keys(page)})
