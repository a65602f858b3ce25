"""Read the caption, credit and copyright a photographer or agency put in a picture.

Read once, before every byte of metadata is stripped, to prefill the library's
empty caption and credit fields. Agencies write IPTC (inside a Photoshop APP13
segment); cameras and editors write EXIF and XMP. The first one filled wins, in
that order.
"""

import html
import re
from dataclasses import dataclass

from PIL import ExifTags, IptcImagePlugin, JpegImagePlugin

# IPTC IIM datasets (record 2).
IPTC_BYLINE = (2, 80)
IPTC_CREDIT = (2, 110)
IPTC_COPYRIGHT = (2, 116)
IPTC_CAPTION = (2, 120)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class Described:
    caption: str = ""
    credit: str = ""
    copyright: str = ""

    def credit_line(self, *, limit):
        """Return the credit, with the copyright notice when it says something more."""
        credit, notice = self.credit, self.copyright
        if notice and notice.lower() not in credit.lower():
            credit = f"{credit} / {notice}" if credit else notice
        return credit[:limit].strip()


def describe(picture) -> Described:
    """Return the caption, credit and copyright `picture` (a Pillow image) carries."""
    iptc = _iptc(picture)
    exif = picture.getexif()
    xmp = _xmp(picture)
    return Described(
        caption=_first(
            iptc.get(IPTC_CAPTION),
            xmp.get("description"),
            exif.get(ExifTags.Base.ImageDescription),
        ),
        credit=_first(
            iptc.get(IPTC_CREDIT),
            iptc.get(IPTC_BYLINE),
            xmp.get("credit"),
            xmp.get("creator"),
            exif.get(ExifTags.Base.Artist),
        ),
        copyright=_first(
            iptc.get(IPTC_COPYRIGHT),
            xmp.get("rights"),
            exif.get(ExifTags.Base.Copyright),
        ),
    )


def _first(*values):
    for value in values:
        text = _text(value)
        if text:
            return text
    return ""


def _text(value):
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, bytes):
        # IPTC declares its character set, but agencies often declare it wrongly.
        try:
            value = value.decode("utf-8")
        except UnicodeDecodeError:
            value = value.decode("latin-1")
    if not isinstance(value, str):
        return ""
    return _CONTROL.sub(" ", value).strip()


def _iptc(picture):
    if not isinstance(picture, JpegImagePlugin.JpegImageFile):
        return {}
    try:
        return IptcImagePlugin.getiptcinfo(picture) or {}
    except (SyntaxError, ValueError, OSError):
        return {}


# Just enough XMP for three fields, read with patterns: an XML parser would be
# one more thing an untrusted file could attack.
_XMP_FIELDS = {
    "description": rb"dc:description",
    "rights": rb"dc:rights",
    "creator": rb"dc:creator",
    "credit": rb"photoshop:Credit",
}


def _xmp(picture):
    packet = picture.info.get("xmp") or picture.info.get("XML:com.adobe.xmp") or b""
    if isinstance(packet, str):
        packet = packet.encode("utf-8", "replace")
    found = {}
    for key, tag in _XMP_FIELDS.items():
        attribute = re.search(tag + rb'="([^"]*)"', packet)
        element = re.search(tag + rb"\b[^>]*>(.*?)</" + tag, packet, re.DOTALL)
        value = attribute.group(1) if attribute else b""
        if element:
            # An rdf:Alt, rdf:Seq or rdf:Bag: the first rdf:li holds the text.
            item = re.search(rb"<rdf:li\b[^>]*>(.*?)</rdf:li>", element.group(1), re.S)
            value = item.group(1) if item else element.group(1)
        if value.strip():
            found[key] = html.unescape(_text(value))
    return found
