"""Renditions: the sizes and crops readers are sent, made when an image is saved.

A family is one use of a picture (a story card, a story's hero, a social-share
preview, the admin's preview) at one or more widths; every crop keeps the
editor's focal point in frame. Names are deterministic: they come from the
original's name, the crop and the encoder's version, so regenerating without
a change writes nothing, and a new crop gets a new address that no browser or
CDN holds a stale copy of. Nothing here runs in a reader's request: pages read
the sizes and names stored on the `Image` row (see `pictures.py`).
"""

import hashlib
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image as PILImage

from .pipeline import encode

# Change when the encoder settings change, so every rendition gets a new name.
RENDITION_VERSION = 1
FOLDER = "renditions"


@dataclass(frozen=True)
class Family:
    name: str
    widths: tuple[int, ...]
    # Width to height of the crop; None keeps the picture's own shape.
    ratio: tuple[int, int] | None = None
    formats: tuple[str, ...] = ("webp", "jpeg")

    @property
    def label(self):
        return f"{self.ratio[0]}x{self.ratio[1]}" if self.ratio else "full"


FAMILIES = {
    family.name: family
    for family in (
        # Story cards on the home, section, topic and author pages, and related cards.
        # The same crop and widths as the hero's two smallest, so they share files.
        Family("card", widths=(480, 800), ratio=(16, 9)),
        # The story's hero and the home page's lead story.
        Family("hero", widths=(480, 800, 1200, 1600), ratio=(16, 9)),
        # 1200 × 630, what social networks show for a shared link.
        Family("social", widths=(1200,), ratio=(40, 21), formats=("jpeg",)),
        # The whole picture, for the admin, where the editor picks the focal point.
        Family("preview", widths=(800,), formats=("jpeg",)),
    )
}
ENCODINGS = {
    "webp": {"image_format": "WEBP", "quality": 78},
    "jpeg": {"image_format": "JPEG", "quality": 80, "progressive": True},
}
EXTENSIONS = {"webp": "webp", "jpeg": "jpg"}


def crop_box(size, ratio, focal):
    """Return the largest `ratio` box inside `size` centred as near `focal` as it fits.

    `focal` is (across, down) in percent. The box is clamped to the picture, so
    the focal point is always inside it.
    """
    width, height = size
    if ratio is None:
        return (0, 0, width, height)
    across, down = ratio
    if width * down > height * across:
        box_width, box_height = max(1, round(height * across / down)), height
    else:
        box_width, box_height = width, max(1, round(width * down / across))
    centre_x = focal[0] / 100 * width
    centre_y = focal[1] / 100 * height
    left = min(max(round(centre_x - box_width / 2), 0), width - box_width)
    top = min(max(round(centre_y - box_height / 2), 0), height - box_height)
    return (left, top, left + box_width, top + box_height)


def sizes_for(family, crop_size):
    """Return the (width, height) renditions `family` gets from a crop of `crop_size`.

    Never wider than the crop: a picture is not enlarged. A picture narrower
    than the family's smallest width gets one rendition at its own width.
    """
    crop_width, crop_height = crop_size
    widths = [width for width in family.widths if width <= crop_width] or [crop_width]
    return [
        (width, max(1, round(width * crop_height / crop_width))) for width in widths
    ]


def _stem(original_name):
    # From the original's (random) name, but not reversible to it: a rendition's
    # address does not lead to the original.
    return hashlib.sha256(f"rendition:{original_name}".encode()).hexdigest()[:20]


def _signature(family, focal):
    crop = f"{family.label}:{focal[0]}:{focal[1]}" if family.ratio else family.label
    text = f"v{RENDITION_VERSION}:{crop}"
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def rendition_name(original_name, family, size, focal, encoding):
    stem = _stem(original_name)
    width, height = size
    return (
        f"{FOLDER}/{stem[:2]}/{stem}-{family.label}-{width}x{height}-"
        f"{_signature(family, focal)}.{EXTENSIONS[encoding]}"
    )


def plan(original_name, size, focal):
    """Return the renditions an original of `size` gets, as stored on `Image.renditions`.

    `{family: [{"width", "height", "jpeg", "webp"}, …]}`, narrowest first. Pure:
    no pixels, no storage.
    """
    planned = {}
    for family in FAMILIES.values():
        box = crop_box(size, family.ratio, focal)
        crop_size = (box[2] - box[0], box[3] - box[1])
        planned[family.name] = [
            {
                "width": width,
                "height": height,
                **{
                    encoding: rendition_name(
                        original_name, family, (width, height), focal, encoding
                    )
                    for encoding in family.formats
                },
            }
            for width, height in sizes_for(family, crop_size)
        ]
    return planned


def names_in(renditions):
    """Return every file name a stored `renditions` value points to."""
    return {
        name
        for entries in (renditions or {}).values()
        for entry in entries
        for key, name in entry.items()
        if key in ENCODINGS
    }


def make_renditions(*, picture, original_name, focal, storage, force=False):
    """Write the renditions of `picture` that `storage` lacks; return what `plan` gives.

    Families with the same crop share files (a card and a hero both 800 wide are
    one file). Each crop is scaled down from the largest size to the smallest.
    """
    planned = plan(original_name, picture.size, focal)
    # {crop box: {size: {file name: encoding}}}, each name once.
    missing = {}
    for family in FAMILIES.values():
        box = crop_box(picture.size, family.ratio, focal)
        for entry in planned[family.name]:
            size = (entry["width"], entry["height"])
            for encoding in family.formats:
                name = entry[encoding]
                if force or not storage.exists(name):
                    files = missing.setdefault(box, {}).setdefault(size, {})
                    files[name] = encoding
    for box, sizes in missing.items():
        scaled = picture.crop(box)
        for size in sorted(sizes, reverse=True):
            scaled = scaled.resize(size, PILImage.Resampling.LANCZOS, reducing_gap=3.0)
            for name, encoding in sizes[size].items():
                if force:
                    storage.delete(name)
                content = encode(scaled, **ENCODINGS[encoding])
                stored = storage.save(name, ContentFile(content))
                if stored != name:
                    # Another process wrote the same name meanwhile; keep one copy.
                    storage.delete(stored)
    return planned
