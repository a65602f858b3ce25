"""Reader pages. Every list and page starts from `Article.objects.published()`."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views import View
from django.views.decorators.http import require_safe

from pagecache import mark_cacheable

from . import workflow
from .cache import listing_keys
from .models import Article, Author, PendingChange, Section, Tag
from .pagination import paginate
from .related import related_content
from .sharing import share_links
from .snapshots import render_snapshot, take_snapshot

HOME_SECTION_SIZE = 4
# A lead story and two rows of four cards.
HOME_PAGE_SIZE = 9


def public_articles():
    return Article.objects.published().with_listing_data().newest_first()


def section_blocks(*, exclude):
    """Return (section, stories) pairs for the home page, in navigation order."""
    blocks = {}
    stories = (
        Article.objects.published()
        .exclude(pk__in=exclude)
        .newest_per_section(HOME_SECTION_SIZE)
        .with_listing_data()
    )
    for article in stories:
        blocks.setdefault(article.section, []).append(article)
    return list(blocks.items())


# Every reader page shows the sections in its navigation.
SITE_KEYS = {"sections"}


@require_safe
def home(request):
    page = paginate(public_articles(), request, per_page=HOME_PAGE_SIZE)
    context = {"page": page, "is_front": page.number == 1}
    shown = list(page)
    if page.number == 1:
        blocks = section_blocks(exclude=[story.pk for story in page])
        context.update(
            lead=page.object_list[0] if page.object_list else None,
            latest=page.object_list[1:],
            section_blocks=blocks,
        )
        shown += [story for _, stories in blocks for story in stories]
    response = render(request, "articles/home.html", context)
    return mark_cacheable(response, {"home", *SITE_KEYS, *listing_keys(shown)})


def story_context(
    request, article, *, byline, tags, corrections, related_cards, is_preview
):
    """Return the story template's context; the view and the benchmark floor share it."""
    absolute_url = request.build_absolute_uri(article.get_absolute_url())
    return {
        "article": article,
        "byline": byline,
        "tags": tags,
        "corrections": corrections,
        "current_section": article.section,
        "is_preview": is_preview,
        "absolute_url": absolute_url,
        "share_links": share_links(url=absolute_url, title=article.title),
        "related_cards": related_cards,
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
    article = Article.objects.published().with_detail_data().filter(slug=slug).first()
    is_preview = False
    if article is None:
        hidden = Article.objects.with_detail_data().filter(slug=slug).first()
        if hidden is not None and hidden.status == Article.Status.TAKEN_DOWN:
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
        corrections=article.corrections.all(),
        related_cards=related_content(article),
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
        corrections=article.corrections.all(),
        related_cards=related_content(article),
        is_preview=True,
    )
    return private_preview(render(request, "articles/article_detail.html", context))


class StoryListPage(View):
    """One page of the public stories filed under a section, topic or author.

    `lookup` joins a story to the page's owner; `context_names` are the names
    the owner takes in the template. With `empty_404`, a first page with no
    stories is a 404 with that message, so a topic carried only by drafts
    does not reveal its name.
    """

    http_method_names = ["get", "head"]
    model = None
    lookup = None
    template_name = None
    context_names = ()
    empty_404 = None

    def get(self, request, slug):
        owner = get_object_or_404(self.model, slug=slug)
        page = paginate(
            public_articles().filter(**{self.lookup: owner}),
            request,
            per_page=settings.ARTICLES_PER_PAGE,
        )
        if self.empty_404 and not page.object_list:
            raise Http404(self.empty_404)
        context = dict.fromkeys(self.context_names, owner)
        response = render(request, self.template_name, {**context, "page": page})
        owner_key = f"{self.model._meta.model_name}-{owner.pk}"
        return mark_cacheable(
            response, {owner_key, *SITE_KEYS, *listing_keys(page.object_list)}
        )


section_detail = StoryListPage.as_view(
    model=Section,
    lookup="section",
    template_name="articles/section_detail.html",
    context_names=("section", "current_section"),
)
tag_detail = StoryListPage.as_view(
    model=Tag,
    lookup="tagged_items__tag",
    template_name="articles/tag_detail.html",
    context_names=("tag",),
    empty_404="No published stories carry this tag.",
)
author_detail = StoryListPage.as_view(
    model=Author,
    lookup="article_authors__author",
    template_name="articles/author_detail.html",
    context_names=("author",),
    # An author whose only bylines are unpublished (a new hire, a protected
    # contributor) must not have a public page.
    empty_404="No published stories carry this byline.",
)
