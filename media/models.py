"""The image library: one picture, reused by many stories, with its renditions."""

import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from .fields import OriginalImageField
from .files import delete_files, delete_files_on_commit, original_path
from .metadata import Described
from .pipeline import CleanImage, read_picture
from .renditions import make_renditions, names_in, plan
from .usage import use_count

logger = logging.getLogger(__name__)

ALT_TEXT_NEEDED = (
    "Describe what the picture shows for readers who cannot see it, or tick "
    "“Decorative” if it adds nothing a reader would miss."
)
# What the admin and the pipeline prefill from a picture's own metadata.
CAPTION_LENGTH = 300
CREDIT_LENGTH = 200


class ImageQuerySet(models.QuerySet):
    def with_use_count(self):
        """Count, in the same query, how many rows of any model point to each image."""
        return self.annotate(use_count=use_count(self.model))

    def delete(self):
        """Delete the images, then their files once the transaction commits.

        A used image is protected (`ProtectedError`) and keeps its files.
        """
        names = set()
        for image in self.only("file", "renditions"):
            names |= image.file_names()
        deleted = super().delete()
        delete_files_on_commit(self.model._meta.get_field("file").storage, names)
        return deleted


class Image(models.Model):
    file = OriginalImageField(
        upload_to=original_path,
        max_length=200,
        help_text="A JPEG, PNG, WebP or GIF photo or illustration. Location and "
        "camera details are removed when it is stored.",
    )
    title = models.CharField(max_length=200, help_text="For finding it in the library.")
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it.",
    )
    is_decorative = models.BooleanField(
        "decorative",
        default=False,
        help_text="Tick only when the picture adds nothing a reader would miss; "
        "screen readers then skip it.",
    )
    caption = models.CharField(
        max_length=CAPTION_LENGTH,
        blank=True,
        help_text="Shown under the picture. Left empty, it is filled from the "
        "caption the photographer or agency put in the file, if any.",
    )
    credit = models.CharField(
        max_length=CREDIT_LENGTH,
        blank=True,
        help_text="Photographer or agency. Left empty, it is filled from the "
        "credit and copyright in the file, if any.",
    )
    focal_x = models.PositiveSmallIntegerField(
        "focal point across (%)",
        default=50,
        validators=[MaxValueValidator(100)],
        help_text="0 is the left edge, 100 the right. Crops keep this point in frame.",
    )
    focal_y = models.PositiveSmallIntegerField(
        "focal point down (%)",
        default=50,
        validators=[MaxValueValidator(100)],
        help_text="0 is the top edge, 100 the bottom.",
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    # {family: [{"width", "height", "jpeg", "webp"}, …]}, see renditions.plan().
    # On the row, so a page showing images needs no query for them.
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_decorative=True) | ~Q(alt_text=""),
                name="image_alt_text_or_decorative",
                violation_error_message=ALT_TEXT_NEEDED,
            ),
            models.CheckConstraint(
                condition=Q(focal_x__lte=100) & Q(focal_y__lte=100),
                name="image_focal_point_inside",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """Save the row; a new file is cleaned and stored, and renditions made.

        The files a replaced original leaves behind are deleted once the
        transaction commits.
        """
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not {"file", "focal_x", "focal_y"} & set(
            update_fields
        ):
            return super().save(*args, **kwargs)
        before = self._stored_state()
        kept = self._names_in_state(before)
        try:
            if self.file and not self.file._committed:
                # OriginalFieldFile.save() checks and cleans it, then accept_upload().
                self.file.save(self.file.name, self.file.file, save=False)
            if self._needs_renditions(before):
                self.renditions = self._renditions_for_save()
            super().save(*args, **kwargs)
        except BaseException:
            # Whatever was written for this save is referenced by nothing.
            if self.file and self.file._committed:
                delete_files(self.file.storage, self._names_planned() - kept)
            raise
        finally:
            self._upload = None
        delete_files_on_commit(self.file.storage, kept - self.file_names())

    def delete(self, *args, **kwargs):
        """Delete the row, then its files once the transaction commits."""
        names = self.file_names()
        deleted = super().delete(*args, **kwargs)
        delete_files_on_commit(self.file.storage, names)
        return deleted

    def clean(self):
        if not self.is_decorative and not self.alt_text.strip():
            raise ValidationError({"alt_text": ALT_TEXT_NEEDED})

    def accept_upload(self, cleaned: CleanImage):
        """Take the size and, into empty fields, the caption and credit of `cleaned`."""
        self._upload = cleaned
        self.width, self.height = cleaned.width, cleaned.height
        described: Described = cleaned.described
        if not self.caption:
            self.caption = described.caption[:CAPTION_LENGTH]
        if not self.credit:
            self.credit = described.credit_line(limit=CREDIT_LENGTH)

    def regenerate_renditions(self, *, force=False):
        """Make any missing rendition (all of them with `force`) and drop stale ones."""
        previous = names_in(self.renditions)
        self.renditions = self._make_renditions(force=force)
        type(self).objects.filter(pk=self.pk).update(
            renditions=self.renditions, width=self.width, height=self.height
        )
        delete_files_on_commit(self.file.storage, previous - self.file_names())

    def clean_original(self):
        """Pass the stored original through the upload pipeline again, under a new name.

        For images stored before the pipeline: their originals may still carry
        GPS and camera details, under a name anyone could guess. Re-encodes.
        """
        with self.file.open("rb") as original:
            self.file = ContentFile(original.read(), name=self.file.name)
        self.save()

    def file_names(self):
        """Return the names of the original and every rendition in storage."""
        return {self.file.name, *names_in(self.renditions)} - {""}

    def _renditions_for_save(self):
        try:
            return self._make_renditions()
        except (OSError, ValidationError):
            if getattr(self, "_upload", None) is not None:
                raise
            # An edit to the caption must not fail on an original that is
            # missing or unreadable; readers get the nearest rendition left.
            logger.exception("Could not make renditions of image %s", self.pk)
            return self.renditions

    def _names_planned(self):
        """Return every file name this row points to, or would once saved."""
        names = self.file_names()
        if self.width and self.height:
            size, focal = (self.width, self.height), (self.focal_x, self.focal_y)
            names |= names_in(plan(self.file.name, size, focal))
        return names

    @staticmethod
    def _names_in_state(state):
        if state is None:
            return set()
        return {state["file"], *names_in(state["renditions"])} - {""}

    def _stored_state(self):
        if self._state.adding or self.pk is None:
            return None
        return (
            type(self)
            .objects.filter(pk=self.pk)
            .values("file", "focal_x", "focal_y", "renditions")
            .first()
        )

    def _needs_renditions(self, before):
        if not self.file:
            return False
        if before is None or not self.renditions:
            return True
        return (self.file.name, self.focal_x, self.focal_y) != (
            before["file"],
            before["focal_x"],
            before["focal_y"],
        )

    def _make_renditions(self, *, force=False):
        upload = getattr(self, "_upload", None)
        if upload is not None:
            picture = upload.picture
        else:
            picture = self._read_original()
            self.width, self.height = picture.size
        return make_renditions(
            picture=picture,
            original_name=self.file.name,
            focal=(self.focal_x, self.focal_y),
            storage=self.file.storage,
            force=force,
        )

    def _read_original(self):
        with self.file.open("rb") as original:
            return read_picture(original.read())
