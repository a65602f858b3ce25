"""Reader pages. Every list and page starts from `Article.objects.published()`."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe
from taggit.models import Tag

from .models import Article, Author, Section
from .pagination import paginate
from .sharing import share_links

HOME_SECTION_SIZE = 4
# A lead story and two rows of four cards.
HOME_PAGE_SIZE = 9


def public_articles():
    return Article.objects.published().with_listing_data().newest_first()


@require_safe
def home(request):
    page = paginate(public_articles(), request, per_page=HOME_PAGE_SIZE)
    context = {"page": page, "is_front": page.number == 1}
    if page.number == 1:
        shown = [article.pk for article in page]
        ids_by_section = {
            section: list(
                Article.objects.published()
                .filter(section=section)
                .exclude(pk__in=shown)
                .newest_first()
                .values_list("pk", flat=True)[:HOME_SECTION_SIZE]
            )
            for section in Section.objects.all()
        }
        # The ids came from published() just above; filtering them again makes
        # SQLite walk the whole public index instead of looking up primary keys.
        by_pk = Article.objects.with_listing_data().in_bulk(
            [pk for ids in ids_by_section.values() for pk in ids]
        )
        section_blocks = [
            (section, [by_pk[pk] for pk in ids])
            for section, ids in ids_by_section.items()
            if ids
        ]
        context.update(
            lead=page.object_list[0] if page.object_list else None,
            latest=page.object_list[1:],
            section_blocks=section_blocks,
        )
    return render(request, "articles/home.html", context)


@require_safe
def article_detail(request, slug):
    article = Article.objects.published().with_detail_data().filter(slug=slug).first()
    is_preview = False
    if article is None:
        if not request.user.has_perm("articles.change_article"):
            raise Http404("No story lives at this address.")
        # Staff preview: the one place an unpublished story may be rendered.
        article = get_object_or_404(Article.objects.with_detail_data(), slug=slug)
        is_preview = not article.is_public
    absolute_url = request.build_absolute_uri(article.get_absolute_url())
    response = render(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "current_section": article.section,
            "is_preview": is_preview,
            "absolute_url": absolute_url,
            "share_links": share_links(url=absolute_url, title=article.title),
            "related_cards": article.related_content(),
        },
    )
    if is_preview:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def section_detail(request, slug):
    section = get_object_or_404(Section, slug=slug)
    page = paginate(
        public_articles().filter(section=section),
        request,
        per_page=settings.ARTICLES_PER_PAGE,
    )
    return render(
        request,
        "articles/section_detail.html",
        {"section": section, "current_section": section, "page": page},
    )


@require_safe
def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug)
    page = paginate(
        public_articles().filter(tagged_items__tag=tag),
        request,
        per_page=settings.ARTICLES_PER_PAGE,
    )
    if not page.object_list:
        # A tag carried only by drafts must not reveal itself.
        raise Http404("No published stories carry this tag.")
    return render(request, "articles/tag_detail.html", {"tag": tag, "page": page})


@require_safe
def author_detail(request, slug):
    author = get_object_or_404(Author, slug=slug)
    page = paginate(
        public_articles().filter(article_authors__author=author),
        request,
        per_page=settings.ARTICLES_PER_PAGE,
    )
    return render(
        request, "articles/author_detail.html", {"author": author, "page": page}
    )
