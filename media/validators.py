"""The upload size check migration 0001 names.

Uploads are now checked, size included, by `media.pipeline.clean_upload()`;
this stays because a migration imports it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat


def validate_image_size(file):
    limit = settings.IMAGE_MAX_UPLOAD_SIZE
    if file.size > limit:
        raise ValidationError(
            "This image is %(size)s; the largest we accept is %(limit)s. "
            "Please resize it and upload it again.",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
