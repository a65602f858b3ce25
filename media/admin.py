"""The image library in the admin."""

from django.contrib import admin
from django.utils.html import format_html

from pagecache.admin import RefreshesReaderPages

from .models import Image


def thumbnail_html(image, *, width=80):
    """Return a small preview of `image` for admin lists and forms."""
    if not image:
        return "—"
    return format_html(
        # Styled by class (static/css/admin.css): the CSP refuses style attributes.
        '<img src="{}" alt="" width="{}" class="admin-thumbnail">',
        image.thumbnail_url,
        width,
    )


@admin.register(Image)
class ImageAdmin(RefreshesReaderPages, admin.ModelAdmin):
    list_display = ["preview", "title", "dimensions", "credit", "created_at"]
    list_display_links = ["preview", "title"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    readonly_fields = ["large_preview", "dimensions"]
    fields = [
        "file",
        "large_preview",
        "title",
        "alt_text",
        "caption",
        "credit",
        "dimensions",
    ]
    date_hierarchy = "created_at"

    class Media:
        css = {"all": ["css/admin.css"]}

    @admin.display(description="Image")
    def preview(self, image):
        return thumbnail_html(image)

    @admin.display(description="Preview")
    def large_preview(self, image):
        return thumbnail_html(image if image.pk else None, width=320)

    @admin.display(description="Size")
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else "—"
