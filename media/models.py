"""The image library: one picture, reused by many stories, with its thumbnail."""

from io import BytesIO
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.db import models
from PIL import Image as PILImage

from .validators import validate_image_size

THUMBNAIL_WIDTH = 480


class Image(models.Model):
    file = models.ImageField(
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image_size],
        help_text="JPEG, PNG, GIF or WebP.",
    )
    thumbnail = models.ImageField(
        upload_to="images/thumbnails/", blank=True, editable=False
    )
    title = models.CharField(max_length=200, help_text="For finding it in the library.")
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it. "
        "Leave empty only when the picture is decorative.",
    )
    caption = models.CharField(max_length=300, blank=True)
    credit = models.CharField(
        max_length=200, blank=True, help_text="Photographer or agency."
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # The thumbnail is derived from this row's own file, so it is made here.
        if self.file and not self.thumbnail:
            self.thumbnail.save(
                self._thumbnail_name(), self._render_thumbnail(), save=False
            )
        super().save(*args, **kwargs)

    def _thumbnail_name(self):
        return f"{PurePosixPath(self.file.name).stem}-{THUMBNAIL_WIDTH}.jpg"

    def _render_thumbnail(self):
        self.file.open("rb")
        self.file.seek(0)
        with PILImage.open(self.file) as picture:
            picture = picture.convert("RGB")
            picture.thumbnail((THUMBNAIL_WIDTH, THUMBNAIL_WIDTH * 2))
            buffer = BytesIO()
            picture.save(buffer, "JPEG", quality=82, optimize=True)
        self.file.seek(0)
        return ContentFile(buffer.getvalue())

    @property
    def thumbnail_url(self):
        return (self.thumbnail or self.file).url

    @property
    def thumbnail_height(self):
        if not self.width or not self.height:
            return None
        return round(self.height * min(THUMBNAIL_WIDTH, self.width) / self.width)

    @property
    def thumbnail_width(self):
        return min(THUMBNAIL_WIDTH, self.width or THUMBNAIL_WIDTH)
