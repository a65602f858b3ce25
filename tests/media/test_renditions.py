"""Renditions: named sizes and crops, the focal point always in frame, never enlarged."""

import itertools
from io import BytesIO

import pytest
from PIL import Image as PILImage

from media.models import Image
from media.renditions import FAMILIES, crop_box, plan, sizes_for

from . import builders

pytestmark = pytest.mark.django_db

SIZES = [(1, 1), (7, 3), (64, 36), (300, 1000), (1000, 300), (4000, 3000), (1080, 1920)]
RATIOS = [(16, 9), (40, 21), (1, 1), (3, 4), None]
FOCAL_POINTS = [(0, 0), (100, 100), (0, 100), (50, 50), (13, 87), (99, 1), (100, 0)]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("ratio", RATIOS)
def test_every_crop_keeps_the_focal_point_in_frame(size, ratio):
    width, height = size
    for focal in FOCAL_POINTS:
        left, top, right, bottom = crop_box(size, ratio, focal)
        x, y = focal[0] / 100 * width, focal[1] / 100 * height
        assert left <= x <= right and top <= y <= bottom, (focal, (left, top))
        assert 0 <= left < right <= width and 0 <= top < bottom <= height
        if ratio:
            # The largest box of that shape: one side is the picture's own.
            assert right - left == width or bottom - top == height
            assert abs((right - left) * ratio[1] - (bottom - top) * ratio[0]) <= max(
                ratio
            )


def test_crop_centres_on_the_focal_point_when_it_can():
    # A 4:3 picture cropped to 16:9 can slide up and down only.
    assert crop_box((1600, 1200), (16, 9), (50, 50)) == (0, 150, 1600, 1050)
    assert crop_box((1600, 1200), (16, 9), (50, 40)) == (0, 30, 1600, 930)
    assert crop_box((1600, 1200), (16, 9), (10, 0)) == (0, 0, 1600, 900)
    assert crop_box((1600, 1200), (16, 9), (90, 100)) == (0, 300, 1600, 1200)


def test_focal_point_pixel_shows_in_every_rendition():
    # A white dot on black near the bottom-right corner, where the editor set
    # the focal point: every crop must include it.
    picture = builders.picture((2000, 2000), (0, 0, 0))
    picture.paste((255, 255, 255), (1780, 1780, 1820, 1820))
    image = Image.objects.create(
        title="Dot",
        alt_text="A dot",
        focal_x=90,
        focal_y=90,
        file=builders.upload(builders.encoded(picture, "PNG")),
    )

    for family, entries in image.renditions.items():
        for entry in entries:
            with image.file.storage.open(entry["jpeg"]) as file:
                rendition = PILImage.open(file).convert("L")
            assert rendition.getextrema()[1] > 200, (family, entry["width"])


def test_renditions_are_never_wider_than_the_picture():
    assert sizes_for(FAMILIES["hero"], (1000, 562)) == [(480, 270), (800, 450)]
    # Narrower than the smallest size: one rendition, the picture's own width.
    assert sizes_for(FAMILIES["hero"], (300, 169)) == [(300, 169)]


def test_a_big_picture_gets_every_named_size():
    planned = plan("originals/ab/abc.jpg", (4000, 3000), (50, 50))

    sizes = {
        family: [(entry["width"], entry["height"]) for entry in entries]
        for family, entries in planned.items()
    }
    assert sizes == {
        "card": [(480, 270), (800, 450)],
        "hero": [(480, 270), (800, 450), (1200, 675), (1600, 900)],
        "social": [(1200, 630)],
        "preview": [(800, 600)],
    }
    # WebP with a JPEG fallback where readers see them; JPEG for link previews.
    assert all({"webp", "jpeg"} <= set(e) for e in planned["hero"] + planned["card"])
    assert set(planned["social"][0]) == {"width", "height", "jpeg"}


def test_names_are_deterministic_and_change_with_the_crop_only():
    first = plan("originals/ab/abc.jpg", (4000, 3000), (50, 50))

    assert plan("originals/ab/abc.jpg", (4000, 3000), (50, 50)) == first
    moved = plan("originals/ab/abc.jpg", (4000, 3000), (20, 50))
    assert moved["card"][0]["jpeg"] != first["card"][0]["jpeg"]
    assert moved["preview"] == first["preview"]
    other = plan("originals/cd/cde.jpg", (4000, 3000), (50, 50))
    assert other["card"][0]["jpeg"] != first["card"][0]["jpeg"]


def test_stored_renditions_are_the_format_and_size_they_claim():
    data = builders.encoded(builders.two_tone((1920, 1280)))
    image = Image.objects.create(title="T", alt_text="T", file=builders.upload(data))

    for family, entries in image.renditions.items():
        for entry, encoding in itertools.product(entries, ("webp", "jpeg")):
            if encoding not in entry:
                continue
            with image.file.storage.open(entry[encoding]) as file:
                rendition = PILImage.open(BytesIO(file.read()))
            assert rendition.format == encoding.upper(), entry[encoding]
            assert rendition.size == (entry["width"], entry["height"]), family


def test_transparent_png_gets_white_behind_it_in_jpeg_and_keeps_alpha_in_webp():
    data = builders.encoded(
        builders.picture((640, 360), (0, 0, 0, 0), mode="RGBA"), "PNG"
    )
    image = Image.objects.create(title="T", alt_text="T", file=builders.upload(data))

    card = image.renditions["card"][0]
    with image.file.storage.open(card["jpeg"]) as file:
        assert PILImage.open(file).convert("RGB").getpixel((5, 5)) == (255, 255, 255)
    with image.file.storage.open(card["webp"]) as file:
        assert PILImage.open(file).getpixel((5, 5))[3] == 0
