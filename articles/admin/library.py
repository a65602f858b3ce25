"""The admin for what stories are filed under: sections, authors and topics."""

from django import forms
from django.contrib import admin
from taggit.models import Tag as TaggitTag

from pagecache.admin import RefreshesReaderPages

from ..models import Author, Section, Tag


@admin.register(Section)
class SectionAdmin(RefreshesReaderPages, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Author)
class AuthorAdmin(RefreshesReaderPages, admin.ModelAdmin):
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
class TagAdmin(RefreshesReaderPages, admin.ModelAdmin):
    form = TagForm
    list_display = ["name", "slug"]
    ordering = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
