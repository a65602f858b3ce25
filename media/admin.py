"""The image library in the admin: upload, focal point, where each image is used."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import get_text_list

from pagecache.admin import RefreshesReaderPages

from .models import Image
from .pictures import picture_of
from .usage import uses_of

# How many uses the change form lists before it says "and N more".
USES_LISTED = 20


def thumbnail_html(image, *, width=80):
    """Return a small preview of `image` (its smallest card rendition) for the admin."""
    picture = picture_of(image, "card", src_width=0)
    if picture is None:
        return "—"
    return format_html(
        # Styled by class (static/css/admin.css): the CSP refuses style attributes.
        '<img src="{}" alt="" width="{}" height="{}" class="admin-thumbnail">',
        picture.src,
        width,
        round(width * picture.height / picture.width),
    )


@admin.register(Image)
class ImageAdmin(RefreshesReaderPages, admin.ModelAdmin):
    list_display = ["preview", "title", "dimensions", "credit", "uses", "created_at"]
    list_display_links = ["preview", "title"]
    search_fields = ["title", "alt_text", "caption", "credit"]
    readonly_fields = ["focal_point_picker", "crops", "dimensions", "used_in"]
    fieldsets = [
        (None, {"fields": ["file", "title"]}),
        (
            "For readers",
            {"fields": ["alt_text", "is_decorative", "caption", "credit"]},
        ),
        (
            "Focal point",
            {
                "fields": ["focal_point_picker", ("focal_x", "focal_y"), "crops"],
                "description": "The part of the picture every crop keeps in frame. "
                "Click it on the picture, or type how far across and down it is.",
            },
        ),
        ("In use", {"fields": ["used_in", "dimensions"]}),
    ]
    date_hierarchy = "created_at"

    class Media:
        js = ["js/focal-point.js"]
        css = {"all": ["css/admin.css", "css/focal-point.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).with_use_count()

    def delete_view(self, request, object_id, extra_context=None):
        image = self.get_object(request, unquote(object_id))
        uses = uses_of(image) if image is not None else []
        if uses:
            # Stories would lose their picture: refuse, and say which.
            self.message_user(
                request,
                format_html(
                    "“{}” is used by {}, so it was not deleted. Choose another "
                    "picture for {} first.",
                    image,
                    get_text_list([f"“{use.obj}”" for use in uses], "and"),
                    "it" if len(uses) == 1 else "them",
                ),
                messages.ERROR,
            )
            return redirect(reverse("admin:media_image_change", args=[image.pk]))
        return super().delete_view(request, object_id, extra_context)

    @admin.display(description="Image")
    def preview(self, image):
        return thumbnail_html(image)

    @admin.display(description="Size")
    def dimensions(self, image):
        return f"{image.width} × {image.height}" if image.width else "—"

    @admin.display(description="Used by", ordering="use_count")
    def uses(self, image):
        count = getattr(image, "use_count", None)
        return count or "—"

    @admin.display(description="Picture")
    def focal_point_picker(self, image):
        # focal-point.js turns this into a click target; the two fields below
        # are the way to set it without a script (or a mouse).
        picture = picture_of(image, "preview") if image.pk else None
        if picture is None:
            return mark_safe(
                '<div class="focal-picker" data-focal-picker>'
                '<p class="focal-picker__empty">The picture appears here once '
                "a file is chosen.</p></div>"
            )
        return format_html(
            '<div class="focal-picker" data-focal-picker>'
            '<img src="{}" alt="{}" width="{}" height="{}"></div>',
            picture.src,
            "The picture; click where its focal point is",
            picture.width,
            picture.height,
        )

    @admin.display(description="Crops")
    def crops(self, image):
        if not image.pk:
            return "Shown once the image is saved."
        shown = [
            (picture_of(image, family, src_width=0), label)
            for family, label in [("card", "Card"), ("social", "Social share")]
        ]
        shown = [(picture, label) for picture, label in shown if picture]
        if not shown:
            return "None yet: `manage.py regenerate_renditions` makes them."
        return format_html(
            '<div class="focal-crops">{}</div>',
            format_html_join(
                "",
                '<figure><img src="{}" alt="" width="{}" height="{}">'
                "<figcaption>{}</figcaption></figure>",
                (
                    (
                        picture.src,
                        200,
                        round(200 * picture.height / picture.width),
                        label,
                    )
                    for picture, label in shown
                ),
            ),
        )

    @admin.display(description="Used by")
    def used_in(self, image):
        if not image.pk:
            return "—"
        uses = uses_of(image, limit=USES_LISTED + 1)
        if not uses:
            return "Not used yet. It can be deleted."
        items = format_html_join(
            "",
            "<li>{}</li>",
            (
                (
                    format_html(
                        '{}: <a href="{}">{}</a>', use.label, use.admin_url, use.obj
                    )
                    if use.admin_url
                    else f"{use.label}: {use.obj}",
                )
                for use in uses[:USES_LISTED]
            ),
        )
        more = " and more" if len(uses) > USES_LISTED else ""
        return format_html(
            '<ul class="image-uses">{}</ul><p>{}: it cannot be deleted while in use.</p>',
            items,
            f"Used by these{more}",
        )
