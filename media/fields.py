"""The model field for an original: whatever writes to it goes through the pipeline."""

from django.db import models
from django.db.models.fields.files import FieldFile

from .forms import UploadedImageField
from .pipeline import clean_upload


class OriginalFieldFile(FieldFile):
    def save(self, name, content, save=True):
        """Check and clean `content`, then store it under a random name.

        Every way of writing an original (a form, `Image.objects.create()`, an
        import calling `image.file.save()`) comes through here.
        """
        cleaned = clean_upload(content)
        self.instance.accept_upload(cleaned)
        super().save(cleaned.name, cleaned, save=save)


class OriginalImageField(models.FileField):
    attr_class = OriginalFieldFile

    def clean(self, value, model_instance):
        """Check a new file in `full_clean()`, so the error lands on this field."""
        value = super().clean(value, model_instance)
        if value and not value._committed:
            value.file = clean_upload(value.file)
        return value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageField, **kwargs})
