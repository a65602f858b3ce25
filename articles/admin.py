"""The editors' admin: the story form, the image library, sections and bylines."""

from django import forms
from django.contrib import admin, messages
from django.db import models
from django.utils.translation import ngettext
from taggit.models import Tag as TaggitTag

from media.admin import thumbnail_html

from .models import Article, ArticleAuthor, Author, RelatedLink, Section, Tag


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    list_select_related = ["user"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["user"]


class TagForm(forms.ModelForm):
    # taggit's own form accepts Unicode slugs, which our addresses do not.
    slug = forms.SlugField(
        max_length=100,
        help_text="The last part of the topic's address: letters, numbers and "
        "hyphens, without accents.",
    )

    class Meta:
        model = Tag
        fields = ["name", "slug"]


# Topics are edited through our proxy, whose slugs are always ASCII and never empty.
admin.site.unregister(TaggitTag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    form = TagForm
    list_display = ["name", "slug"]
    ordering = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class ArticleAuthorInline(admin.TabularInline):
    model = ArticleAuthor
    fields = ["author", "order"]
    autocomplete_fields = ["author"]
    extra = 1
    verbose_name = "byline author"
    verbose_name_plural = "Byline (in order)"


class RelatedLinkInline(admin.TabularInline):
    model = RelatedLink
    fk_name = "article"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    fields = ["order", "target", "url", "title"]
    autocomplete_fields = ["target"]
    extra = 1
    verbose_name = "related link"
    verbose_name_plural = "Related content (curated, in order)"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["thumbnail", "title", "status", "section", "byline", "publish_at"]
    list_display_links = ["thumbnail", "title"]
    list_filter = ["status", "section", "tags", "authors"]
    list_select_related = ["section", "hero_image"]
    search_fields = ["title", "standfirst", "slug"]
    date_hierarchy = "publish_at"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["section", "hero_image"]
    inlines = [ArticleAuthorInline, RelatedLinkInline]
    readonly_fields = ["first_published_at", "updated_at"]
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "standfirst", "body"]}),
        ("Placement", {"fields": ["section", "hero_image", "tags"]}),
        (
            "Publishing",
            {
                "fields": ["status", "publish_at", "first_published_at", "updated_at"],
                "description": "A published story with a future publish time is "
                "scheduled: readers see it from that moment.",
            },
        ),
    ]

    class Media:
        # Names the controls Django's inlines and the editor widgets leave unnamed.
        js = ["js/admin-labels.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("article_authors__author")

    @admin.display(description="")
    def thumbnail(self, article):
        return thumbnail_html(article.hero_image, width=64)

    @admin.display(description="Byline")
    def byline(self, article):
        return ", ".join(author.name for author in article.byline_authors) or "—"

    @admin.action(description="Publish selected stories", permissions=["change"])
    def publish_selected(self, request, queryset):
        count = queryset.publish()
        self.message_user(
            request,
            ngettext("Published %d story.", "Published %d stories.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(
        description="Return selected stories to draft", permissions=["change"]
    )
    def unpublish_selected(self, request, queryset):
        count = queryset.unpublish()
        self.message_user(
            request,
            ngettext(
                "Returned %d story to draft.", "Returned %d stories to draft.", count
            )
            % count,
            messages.SUCCESS,
        )
