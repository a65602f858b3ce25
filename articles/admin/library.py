"""The admin for what stories are filed under: sections, authors and topics."""

from django import forms
from django.contrib import admin
from taggit.models import Tag as TaggitTag

from pagecache.admin import RefreshesReaderPages

from ..models import Article, Author, Section, Tag
from ..search import index_stories


class RefreshesSearch:
    """Rebuild the search documents of the stories an author or topic is named in.

    Search finds stories by their topics' and bylines' names, so renaming one,
    or deleting it, changes those stories' documents.
    """

    stories_lookup = None

    def stories_of(self, objects):
        return list(
            Article.objects.filter(**{f"{self.stories_lookup}__in": objects})
            .distinct()
            .values_list("pk", flat=True)
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            index_stories(self.stories_of([obj]))

    def delete_model(self, request, obj):
        stories = self.stories_of([obj])
        super().delete_model(request, obj)
        index_stories(stories)

    def delete_queryset(self, request, queryset):
        stories = self.stories_of(list(queryset))
        super().delete_queryset(request, queryset)
        index_stories(stories)


@admin.register(Section)
class SectionAdmin(RefreshesReaderPages, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(RefreshesSearch, RefreshesReaderPages, admin.ModelAdmin):
    stories_lookup = "article_authors__author"
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
class TagAdmin(RefreshesSearch, RefreshesReaderPages, admin.ModelAdmin):
    stories_lookup = "tagged_items__tag"
    form = TagForm
    list_display = ["name", "slug"]
    ordering = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
