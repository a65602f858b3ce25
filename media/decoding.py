"""Open uploads with Pillow, restricted to the four formats the library accepts.

Pillow can read some fifty formats, and one of them (EPS) hands the file to
Ghostscript, a PostScript interpreter, when it is decoded. Every upload is
opened here with `formats=` restricted, so only the JPEG, PNG, WebP and GIF
decoders ever see an editor's file; and `close_shell_out_plugins()`, called
when Django starts, takes EPS out of Pillow's registry for any other caller.
"""

from PIL import Image as PILImage
from PIL import WebPImagePlugin

# The only decoders an upload is offered to. A JPEG that carries extra pictures
# (many cameras add a large preview this way) comes back from the JPEG decoder
# with the format "MPO".
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
# Pillow plugins that start another program to decode a file.
SHELL_OUT_FORMATS = ("EPS",)

# Imported for its side effect: Pillow registers WebP only when asked for it.
assert WebPImagePlugin

# First bytes of formats people try to upload, so a refusal can name what it saw.
_SIGNATURES = [
    (b"II*\x00", "a TIFF file"),
    (b"MM\x00*", "a TIFF file"),
    (b"BM", "a BMP file"),
    (b"%!PS", "a PostScript (EPS) file"),
    (b"\xc5\xd0\xd3\xc6", "a PostScript (EPS) file"),
    (b"%PDF", "a PDF document"),
    (b"8BPS", "a Photoshop (PSD) file"),
    (b"\x00\x00\x00\x0cjP  ", "a JPEG 2000 file"),
]


def open_image(stream):
    """Return the upload in `stream` opened (not yet decoded) by an accepted decoder.

    Raises `PIL.UnidentifiedImageError` for anything else, and
    `PIL.Image.DecompressionBombError` for a header declaring an absurd size.
    """
    stream.seek(0)
    return PILImage.open(stream, formats=ACCEPTED_FORMATS)


def starts_like_accepted(head: bytes) -> bool:
    """Return True when `head` begins the way a JPEG, PNG, GIF or WebP file does."""
    return head.startswith(
        (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")
    ) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")


def describe_unaccepted(head: bytes) -> str | None:
    """Name the kind of file `head` (its first bytes) starts, if we can tell."""
    for signature, kind in _SIGNATURES:
        if head.startswith(signature):
            return kind
    if head[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypavif"):
        return "an HEIC or AVIF file"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<svg", b"<?xml")) or b"<svg" in head.lower():
        return "an SVG drawing"
    if text.startswith(b"<"):
        return "a web page (HTML)"
    return None


def close_shell_out_plugins():
    """Remove Pillow plugins that run another program from Pillow's registry.

    Pillow imports every plugin once (`init()`) and never again, so what is
    removed here stays removed for the life of the process.
    """
    PILImage.init()
    for name in SHELL_OUT_FORMATS:
        PILImage.OPEN.pop(name, None)
        PILImage.SAVE.pop(name, None)
        PILImage.SAVE_ALL.pop(name, None)
        PILImage.MIME.pop(name, None)
        if name in PILImage.ID:
            PILImage.ID.remove(name)
        for extension in [e for e, f in PILImage.EXTENSION.items() if f == name]:
            del PILImage.EXTENSION[extension]
