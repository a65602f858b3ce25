"""The one way into the library: check an upload, then keep a clean copy of it.

`clean_upload()` refuses anything but a sound JPEG, PNG, WebP or GIF within the
size limits, with a message an editor can act on, before a byte is written.
What it accepts comes back upright, in sRGB and re-encoded without any of the
original's metadata (EXIF, GPS, XMP, maker notes, comments, colour profile),
with the caption, credit and copyright it carried read out first.
"""

import logging
import re
import struct
import warnings
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage
from PIL import ImageCms, ImageOps, UnidentifiedImageError

from .decoding import describe_unaccepted, open_image, starts_like_accepted
from .metadata import describe
from .structure import hidden_markup

logger = logging.getLogger(__name__)

# How each accepted format is kept once cleaned. A GIF is a still picture by
# then (animations are refused), and PNG holds its colours without loss.
STORED_FORMAT = {
    "JPEG": "JPEG",
    "MPO": "JPEG",
    "PNG": "PNG",
    "GIF": "PNG",
    "WEBP": "WEBP",
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
ORIGINAL_QUALITY = {"JPEG": 90, "WEBP": 90}

# What can go wrong while Pillow decodes a damaged file.
DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error)

SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))

EMPTY = "This file is empty (0 bytes). Choose the picture again and upload it."
TOO_LARGE = (
    "This image is %(size)s; the largest we accept is %(limit)s. "
    "Please resize it and upload it again."
)
NOT_AN_IMAGE = (
    "This file is not a JPEG, PNG, WebP or GIF picture%(seen)s, whatever its name "
    "says. Export the picture in one of those formats and upload it again."
)
TOO_MANY_PIXELS = (
    "This picture is %(size)s; the most we accept is %(limit)s megapixels. "
    "Please scale it down and upload it again."
)
ANIMATED = (
    "This picture is animated. The library holds still pictures only: "
    "save one frame as a JPEG, PNG or WebP and upload that."
)
HIDDEN_CODE = (
    "This file carries web-page code besides the picture, so it was refused for "
    "safety. Open the picture in an image editor, export it again and upload "
    "the new file."
)
DAMAGED = (
    "This picture is damaged or incomplete (perhaps a download or copy was cut "
    "short), so it cannot be read. Export it again and upload the new file."
)


class CleanImage(ContentFile):
    """A checked upload, re-encoded without metadata, with its decoded pixels."""

    def __init__(self, content, *, picture, image_format, described):
        super().__init__(content, name=f"upload.{EXTENSIONS[image_format]}")
        self.picture = picture
        self.image_format = image_format
        self.described = described

    @property
    def width(self):
        return self.picture.width

    @property
    def height(self):
        return self.picture.height


@dataclass(frozen=True)
class Limits:
    bytes: int
    pixels: int

    @classmethod
    def from_settings(cls):
        return cls(
            bytes=settings.IMAGE_MAX_UPLOAD_SIZE, pixels=settings.IMAGE_MAX_PIXELS
        )


def clean_upload(upload, *, limits=None) -> CleanImage:
    """Check `upload` (any Django File) and return it cleaned, or raise ValidationError."""
    if isinstance(upload, CleanImage):
        return upload
    limits = limits or Limits.from_settings()
    data = _read(upload, limits)
    source = _open(data, limits)
    described = describe(source)
    picture = normalise(source)
    stored_format = STORED_FORMAT[source.format]
    return CleanImage(
        encode(picture, stored_format, quality=ORIGINAL_QUALITY.get(stored_format)),
        picture=picture,
        image_format=stored_format,
        described=described,
    )


def read_picture(data: bytes, *, limits=None):
    """Return the stored original in `data` decoded, upright and in sRGB."""
    return normalise(_open(data, limits or Limits.from_settings()))


def _read(upload, limits):
    size = upload.size
    if not size:
        raise ValidationError(EMPTY, code="image_empty")
    if size > limits.bytes:
        raise ValidationError(
            TOO_LARGE,
            params={
                "size": filesizeformat(size),
                "limit": filesizeformat(limits.bytes),
            },
            code="image_too_large",
        )
    upload.seek(0)
    data = upload.read(limits.bytes + 1)
    upload.seek(0)
    if len(data) > limits.bytes:  # a file that said it was smaller than it is
        raise ValidationError(
            TOO_LARGE,
            params={
                "size": filesizeformat(len(data)),
                "limit": filesizeformat(limits.bytes),
            },
            code="image_too_large",
        )
    return data


def _open(data, limits):
    """Return the picture in `data`, decoded, after every check has passed."""
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit; ours, checked below, is what counts.
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            picture = open_image(BytesIO(data))
    except PILImage.DecompressionBombError as error:
        # Pillow's own ceiling, far above ours: the header alone is absurd.
        pixels = re.search(r"\((\d+) pixels\)", str(error))
        count = int(pixels.group(1)) if pixels else None
        raise _too_many_pixels(count, limits) from error
    except (UnidentifiedImageError, *DECODE_ERRORS) as error:
        raise _not_an_image(data) from error
    if picture.width * picture.height > limits.pixels:
        raise _too_many_pixels(picture.width * picture.height, limits, picture.size)
    try:
        # MPO is a still JPEG whose extra frames are a camera's previews.
        if picture.format != "MPO" and getattr(picture, "is_animated", False):
            raise ValidationError(ANIMATED, code="image_animated")
        if hidden_markup(data, picture.format):
            raise ValidationError(HIDDEN_CODE, code="image_hidden_code")
        picture.load()
    except DECODE_ERRORS as error:
        raise ValidationError(DAMAGED, code="image_damaged") from error
    return picture


def _not_an_image(data):
    if starts_like_accepted(data[:16]):
        # The right kind of file, but Pillow cannot even read its header.
        return ValidationError(DAMAGED, code="image_damaged")
    seen = describe_unaccepted(data[:64])
    return ValidationError(
        NOT_AN_IMAGE,
        params={"seen": f" (it looks like {seen})" if seen else ""},
        code="image_format",
    )


def _too_many_pixels(pixels, limits, size=None):
    if size:
        described = f"{size[0]:,} × {size[1]:,} pixels ({pixels / 1e6:,.0f} megapixels)"
    elif pixels:
        described = f"{pixels / 1e6:,.0f} megapixels"
    else:
        described = "far larger than a photograph"
    return ValidationError(
        TOO_MANY_PIXELS,
        params={"size": described, "limit": f"{limits.pixels / 1e6:g}"},
        code="image_too_many_pixels",
    )


def normalise(source):
    """Return `source` upright, in sRGB, as RGB or RGBA, with no metadata left."""
    icc = source.info.get("icc_profile")
    picture = ImageOps.exif_transpose(source)
    picture = _to_srgb(_plain_mode(picture), icc)
    # Pixels only: JPEG keeps a comment, PNG its text chunks, from `info`.
    picture.info = {}
    return picture


def _plain_mode(picture):
    if picture.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        picture = picture.convert("I").point(lambda value: value * (1 / 257))
        return picture.convert("L")
    if picture.mode in ("RGB", "RGBA", "L", "CMYK"):
        return picture
    has_alpha = "A" in picture.getbands() or "transparency" in picture.info
    return picture.convert("RGBA" if has_alpha else "RGB")


def _to_srgb(picture, icc):
    mode = "RGBA" if picture.mode == "RGBA" else "RGB"
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(BytesIO(icc))
            return ImageCms.profileToProfile(picture, profile, SRGB, outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError) as error:
            # A broken or mismatched profile: the numbers are kept as they are.
            logger.warning("Ignored an unusable colour profile: %s", error)
    return picture if picture.mode == mode else picture.convert(mode)


def encode(picture, image_format, *, quality=None, progressive=False) -> bytes:
    """Return `picture` encoded as `image_format`, with no metadata."""
    buffer = BytesIO()
    if image_format == "JPEG":
        picture = flatten(picture)
        picture.save(
            buffer,
            "JPEG",
            quality=quality or 85,
            optimize=True,
            progressive=progressive,
        )
    elif image_format == "WEBP":
        picture.save(buffer, "WEBP", quality=quality or 80, method=4)
    else:
        picture.save(buffer, image_format)
    return buffer.getvalue()


def flatten(picture):
    """Return `picture` without transparency, on white (JPEG has no alpha)."""
    if picture.mode != "RGBA":
        return picture
    background = PILImage.new("RGB", picture.size, (255, 255, 255))
    background.paste(picture, mask=picture.getchannel("A"))
    return background
