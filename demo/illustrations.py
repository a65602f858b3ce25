"""Abstract hero illustrations drawn with Pillow, so the demo ships no photographs."""

import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

SIZE = (1600, 900)
MOTIFS = ("waves", "grid", "circles", "bars", "diagonal")


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def draw_illustration(*, palette, motif, seed, size=SIZE) -> bytes:
    """Return JPEG bytes of an abstract picture in `palette` using `motif`."""
    rng = random.Random(seed)
    dark, mid, accent = (_rgb(c) for c in palette)
    width, height = size
    picture = Image.new("RGB", size, dark)
    draw = ImageDraw.Draw(picture)

    for y in range(0, height, 4):
        draw.rectangle([0, y, width, y + 4], fill=_mix(dark, mid, y / height * 0.6))

    if motif == "waves":
        for band in range(9):
            base = height * (0.25 + band * 0.08)
            colour = (
                _mix(mid, accent, band / 9) if band % 3 == 0 else _mix(dark, mid, 0.8)
            )
            amplitude, phase = rng.uniform(20, 60), rng.uniform(0, 6.28)
            points = []
            for x in range(0, width + 40, 40):
                offset = amplitude * math.sin(x / 180 + phase + band)
                points.append((x, base + offset))
            draw.line(points, fill=colour, width=rng.randint(4, 14), joint="curve")
    elif motif == "grid":
        step = 80
        for x in range(0, width, step):
            for y in range(0, height, step):
                if rng.random() < 0.35:
                    colour = (
                        accent
                        if rng.random() < 0.15
                        else _mix(mid, dark, rng.random() * 0.5)
                    )
                    draw.rectangle(
                        [x + 6, y + 6, x + step - 6, y + step - 6], fill=colour
                    )
    elif motif == "circles":
        for _ in range(26):
            r = rng.randint(40, 260)
            cx, cy = rng.randint(0, width), rng.randint(0, height)
            colour = (
                accent if rng.random() < 0.2 else _mix(mid, dark, rng.random() * 0.6)
            )
            draw.ellipse(
                [cx - r, cy - r, cx + r, cy + r],
                outline=colour,
                width=rng.randint(3, 12),
            )
    elif motif == "bars":
        x = 0
        while x < width:
            bar = rng.randint(20, 90)
            top = rng.randint(int(height * 0.2), int(height * 0.85))
            colour = (
                accent if rng.random() < 0.12 else _mix(mid, dark, rng.random() * 0.5)
            )
            draw.rectangle([x, top, x + bar - 8, height], fill=colour)
            x += bar
    else:  # diagonal
        for i in range(-height, width, 60):
            colour = (
                accent if rng.random() < 0.1 else _mix(mid, dark, rng.random() * 0.7)
            )
            draw.line(
                [(i, height), (i + height, 0)], fill=colour, width=rng.randint(6, 26)
            )

    picture = picture.filter(ImageFilter.GaussianBlur(1.2))
    buffer = BytesIO()
    picture.save(buffer, "JPEG", quality=80, optimize=True, progressive=True)
    return buffer.getvalue()
