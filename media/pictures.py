"""What a page needs to show an image: addresses and sizes, read from the Image row.

Renditions are listed on `Image.renditions`, loaded with the row itself, so a
page of twenty cards adds no query, and no file (original or rendition) is
opened or even looked for while a reader waits.
"""

import logging
from dataclasses import dataclass
from functools import lru_cache, partial

from django.core.files.storage import FileSystemStorage

from .renditions import FAMILIES

logger = logging.getLogger(__name__)

# The width of the plain `src`, for browsers that ignore `srcset`.
FALLBACK_WIDTH = 800


@dataclass(frozen=True)
class Picture:
    """One image at one use: a JPEG `src`, and `srcset`s in JPEG and WebP."""

    src: str
    width: int
    height: int
    jpeg_srcset: str
    webp_srcset: str


def picture_of(image, family_name, *, src_width=FALLBACK_WIDTH) -> Picture | None:
    """Return `image`'s renditions for `family_name`, or the nearest that exist.

    `src` (and `width`, `height`) is the JPEG rendition nearest `src_width`.

    A family with no renditions (made before the family existed, or lost) falls
    back to the rendition nearest its widest size, and says so in the log;
    `manage.py regenerate_renditions` fills the gap. None when there are none.
    """
    if image is None:
        return None
    family = FAMILIES[family_name]
    stored = image.renditions or {}
    entries = [entry for entry in stored.get(family_name, []) if "jpeg" in entry]
    if not entries:
        entries = _nearest(stored, max(family.widths))
        if entries:
            logger.warning(
                "Image %s has no %r rendition; showing %s instead. "
                "Run `manage.py regenerate_renditions`.",
                image.pk,
                family_name,
                entries[0]["jpeg"],
            )
        else:
            logger.error(
                "Image %s has no renditions at all; it is left out. "
                "Run `manage.py regenerate_renditions`.",
                image.pk,
            )
            return None
    url = file_url_function(image.file.storage)
    fallback = min(entries, key=lambda entry: abs(entry["width"] - src_width))
    return Picture(
        src=url(fallback["jpeg"]),
        width=fallback["width"],
        height=fallback["height"],
        jpeg_srcset=_srcset(entries, "jpeg", url),
        webp_srcset=_srcset(entries, "webp", url),
    )


def file_url_function(storage):
    """Return a function giving `storage.url(name)`; for files on this server's
    disk, each address is worked out once per name.

    A card's picture lists ten renditions, and `FileSystemStorage.url()`
    quotes and joins each address anew (bench/analysis.md, finding 19). Its
    answer depends only on the name and the storage's `base_url`, which is in
    the key; any other storage (signed addresses, say) is asked every time.
    """
    if storage.__class__ is not FileSystemStorage:  # seen through `default_storage`
        return storage.url
    # Unwrapped once: each attribute read through `default_storage` is a proxy call.
    storage = getattr(storage, "_wrapped", storage)
    return partial(_file_system_url, storage, storage.base_url)


@lru_cache(maxsize=8192)
def _file_system_url(storage, base_url, name):
    return storage.url(name)


def _nearest(stored, width):
    candidates = [
        entry for entries in stored.values() for entry in entries if "jpeg" in entry
    ]
    if not candidates:
        return []
    return [min(candidates, key=lambda entry: abs(entry["width"] - width))]


def _srcset(entries, encoding, url):
    return ", ".join(
        f"{url(entry[encoding])} {entry['width']}w"
        for entry in entries
        if encoding in entry
    )
