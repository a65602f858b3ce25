"""Find web-page code hidden in an image file: a polyglot, or markup tacked on the end.

Pillow decodes a JPEG and ignores whatever follows its end, or hides in a
comment; a browser told the file is HTML (or left to guess) would run it. The
stored picture is re-encoded, so such bytes never reach readers, but a file
built to carry them is refused all the same.

Only the bytes outside the compressed pixels are searched, plus anything after
the picture's end: pixel data is close to random, and a short pattern such as
`<svg ` turns up in random megabytes often enough to refuse honest photos.
The walkers are lenient: a structure they do not understand ends the walk and
everything left is searched, never refused for its shape alone (Pillow decides
whether the picture itself is sound).
"""

import re
import struct

MARKUP = re.compile(
    rb"<(?:script|iframe|object|embed|svg|html|body|head|meta|style|img|form|"
    rb"!doctype|\?php)[\s>/]|javascript:",
    re.IGNORECASE,
)


def hidden_markup(data: bytes, image_format: str) -> bool:
    """Return True when `data` carries markup outside its compressed pixels."""
    walk = _WALKERS.get(image_format)
    if walk is None:
        return bool(MARKUP.search(data))
    spans = list(walk(data))
    return any(MARKUP.search(data, start, end) for start, end in spans)


def _jpeg_spans(data, start=0):
    """Yield the byte ranges of a JPEG (and any JPEGs after it) that are not scan data."""
    pos = start + 2
    size = len(data)
    segment_start = start
    while pos < size:
        if data[pos] != 0xFF:
            # Junk between segments: Pillow skips it, so it is searched like metadata.
            pos += 1
            continue
        while pos < size and data[pos] == 0xFF:
            pos += 1
        if pos >= size:
            break
        marker = data[pos]
        pos += 1
        if marker == 0xD9:  # end of image
            yield segment_start, pos
            if data.startswith(b"\xff\xd8", pos):
                # A camera's extra pictures (MPF) follow the first one.
                yield from _jpeg_spans(data, pos)
            else:
                yield pos, size
            return
        if marker == 0x01 or 0xD0 <= marker <= 0xD8:
            continue  # markers without a length
        if pos + 2 > size:
            break
        (length,) = struct.unpack_from(">H", data, pos)
        pos += length
        if marker == 0xDA:  # start of scan: compressed pixels up to the next marker
            yield segment_start, pos
            pos = _next_marker(data, pos)
            segment_start = pos
    yield segment_start, size


def _next_marker(data, pos):
    """Return the offset of the first marker after entropy-coded data at `pos`."""
    while True:
        pos = data.find(b"\xff", pos)
        if pos < 0 or pos + 1 >= len(data):
            return len(data)
        following = data[pos + 1]
        # FF00 is an escaped FF byte, FFD0-FFD7 restart markers, FFFF fill.
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            pos += 2
        elif following == 0xFF:
            pos += 1
        else:
            return pos


def _png_spans(data):
    pos, size = 8, len(data)
    while pos + 8 <= size:
        length, kind = struct.unpack_from(">I4s", data, pos)
        end = pos + 12 + length
        if kind in (b"IDAT", b"fdAT"):
            yield pos, pos + 8
        else:
            yield pos, min(end, size)
        pos = end
        if kind == b"IEND":
            break
    yield min(pos, size), size


def _gif_spans(data):
    size = len(data)
    pos = 13
    if size >= 13 and data[10] & 0x80:
        pos += 3 * 2 ** ((data[10] & 0x07) + 1)
    yield 0, min(pos, size)
    while pos < size:
        block = data[pos]
        if block == 0x3B:  # trailer
            pos += 1
            break
        if block == 0x21:  # extension: label, then sub-blocks (comments, XMP…)
            end = _skip_sub_blocks(data, pos + 2)
            yield pos, end
        elif block == 0x2C:  # image: descriptor, colour table, LZW sub-blocks
            if pos + 10 > size:
                break
            flags = data[pos + 9]
            pos += 10
            if flags & 0x80:
                pos += 3 * 2 ** ((flags & 0x07) + 1)
            end = _skip_sub_blocks(data, pos + 1)
        else:
            break
        pos = end
    yield min(pos, size), size


def _skip_sub_blocks(data, pos):
    size = len(data)
    while pos < size and data[pos]:
        pos += data[pos] + 1
    return min(pos + 1, size)


def _webp_spans(data):
    size = len(data)
    if size < 12:
        yield 0, size
        return
    (riff_size,) = struct.unpack_from("<I", data, 4)
    end = min(8 + riff_size, size)
    pos = 12
    yield 0, pos
    while pos + 8 <= end:
        kind, length = struct.unpack_from("<4sI", data, pos)
        chunk_end = pos + 8 + length + (length & 1)
        if kind in (b"VP8 ", b"VP8L", b"ALPH", b"ANMF"):
            yield pos, pos + 8
        else:
            yield pos, min(chunk_end, end)
        pos = chunk_end
    yield min(pos, size), size


_WALKERS = {
    "JPEG": _jpeg_spans,
    "MPO": _jpeg_spans,
    "PNG": _png_spans,
    "GIF": _gif_spans,
    "WEBP": _webp_spans,
}
