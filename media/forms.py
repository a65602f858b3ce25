"""The upload field every form for the library uses (the admin's included)."""

from django import forms

from .pipeline import clean_upload


class UploadedImageField(forms.FileField):
    """A file field that accepts only a sound JPEG, PNG, WebP or GIF, and cleans it.

    Its value is a `CleanImage`: checked, upright, in sRGB and without metadata,
    so saving the form does not decode the picture a second time.
    """

    default_error_messages = {
        "empty": "This file is empty (0 bytes). Choose the picture again and upload it.",
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.ClearableFileInput)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault(
            "accept", "image/jpeg,image/png,image/webp,image/gif"
        )

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        return clean_upload(upload)
