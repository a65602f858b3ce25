"""Hostile files are refused with a message a person understands, leaving nothing behind.

Each is tried through the admin's upload form and through the model (the path
an import or a management command takes), and each time there must be no
`Image` row and no file in storage afterwards.
"""

import subprocess

import pytest
from django.core.exceptions import ValidationError
from PIL import EpsImagePlugin
from PIL import Image as PILImage

from media.models import Image
from tests.soup import parse, text

from . import builders

pytestmark = pytest.mark.django_db

IMAGE_ADD = "/admin/media/image/add/"

# name: (file name, content type claimed, builder, what the refusal must say)
HOSTILE = {
    "20,000 × 20,000 PNG": (
        "small.png",
        "image/png",
        lambda: builders.png_bomb(20_000, 20_000),
        "This picture is 400 megapixels; the most we accept is 50 megapixels.",
    ),
    "12,000 × 12,000 PNG": (
        "poster.png",
        "image/png",
        lambda: builders.png_bomb(12_000, 12_000),
        "This picture is 12,000 × 12,000 pixels (144 megapixels); the most we "
        "accept is 50 megapixels.",
    ),
    "EPS": (
        "logo.eps",
        "application/postscript",
        builders.eps,
        "(it looks like a PostScript (EPS) file)",
    ),
    "EPS named .jpg": (
        "logo.jpg",
        "image/jpeg",
        builders.eps,
        "(it looks like a PostScript (EPS) file)",
    ),
    "SVG with a script": (
        "chart.svg",
        "image/svg+xml",
        builders.svg_with_script,
        "(it looks like an SVG drawing)",
    ),
    "HTML named .jpg": (
        "photo.jpg",
        "image/jpeg",
        builders.html_page,
        "(it looks like a web page (HTML))",
    ),
    "JPEG with HTML appended": (
        "photo.jpg",
        "image/jpeg",
        builders.jpeg_with_html_appended,
        "This file carries web-page code besides the picture",
    ),
    "JPEG with HTML in a comment": (
        "photo.jpg",
        "image/jpeg",
        builders.jpeg_with_html_in_a_comment,
        "This file carries web-page code besides the picture",
    ),
    "PNG with a script in a text chunk": (
        "chart.png",
        "image/png",
        builders.png_with_script_in_a_text_chunk,
        "This file carries web-page code besides the picture",
    ),
    "GIF with HTML after its end": (
        "icon.gif",
        "image/gif",
        builders.gif_with_html_after_its_end,
        "This file carries web-page code besides the picture",
    ),
    "truncated JPEG": (
        "photo.jpg",
        "image/jpeg",
        builders.truncated_jpeg,
        "This picture is damaged or incomplete",
    ),
    "corrupt PNG": (
        "chart.png",
        "image/png",
        builders.corrupt_png,
        "This picture is damaged or incomplete",
    ),
    "JPEG with a broken header": (
        "photo.jpg",
        "image/jpeg",
        builders.jpeg_with_broken_header,
        "This picture is damaged or incomplete",
    ),
    "truncated WebP": (
        "photo.webp",
        "image/webp",
        builders.truncated_webp,
        "This picture is damaged or incomplete",
    ),
    "zero-byte file": (
        "photo.jpg",
        "image/jpeg",
        lambda: b"",
        "This file is empty (0 bytes).",
    ),
    "TIFF": ("scan.tiff", "image/tiff", builders.tiff, "(it looks like a TIFF file)"),
    "1,000-frame GIF": (
        "loop.gif",
        "image/gif",
        lambda: builders.animated_gif(1000),
        "This picture is animated.",
    ),
}


@pytest.fixture(scope="module")
def hostile_files():
    """Build each hostile file once: the bombs take a moment to compress."""
    return {name: make() for name, (_, _, make, _) in HOSTILE.items()}


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(str(path) for path in root.rglob("*") if path.is_file())


@pytest.fixture(autouse=True)
def no_program_may_run(monkeypatch):
    """Fail if any upload reaches Ghostscript or starts a program at all."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"an upload tried to run a program: {args}")

    monkeypatch.setattr(subprocess, "Popen", refuse)
    monkeypatch.setattr(EpsImagePlugin, "Ghostscript", refuse)
    monkeypatch.setattr(EpsImagePlugin.EpsImageFile, "_open", refuse)


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_upload_is_refused_on_the_form_and_nothing_is_stored(
    case, hostile_files, admin_client, settings
):
    name, content_type, _, message = HOSTILE[case]

    response = admin_client.post(
        IMAGE_ADD,
        {
            "file": builders.upload(hostile_files[case], name, content_type),
            "title": "Hostile",
            "alt_text": "Anything",
            "focal_x": "50",
            "focal_y": "50",
        },
    )

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["file"]
    (error,) = errors["file"]
    assert message in error
    assert message in text(parse(response).select_one("ul.errorlist"))
    assert not Image.objects.exists()
    assert stored_files(settings) == []


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_file_is_refused_by_the_model_and_nothing_is_stored(
    case, hostile_files, settings
):
    name, content_type, _, message = HOSTILE[case]
    image = Image(
        title="Imported",
        alt_text="Anything",
        file=builders.upload(hostile_files[case], name, content_type),
    )

    with pytest.raises(ValidationError) as refusal:
        image.save()

    assert message in refusal.value.messages[0]
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_full_clean_reports_a_hostile_file_on_the_file_field(hostile_files):
    image = Image(
        title="Imported",
        alt_text="Anything",
        file=builders.upload(hostile_files["TIFF"], "scan.tiff", "image/tiff"),
    )

    with pytest.raises(ValidationError) as refusal:
        image.full_clean()

    assert list(refusal.value.message_dict) == ["file"]


def test_writing_through_the_file_field_checks_the_file_too(hostile_files, settings):
    image = Image(title="Imported", alt_text="Anything")

    with pytest.raises(ValidationError):
        image.file.save("photo.jpg", builders.upload(hostile_files["HTML named .jpg"]))

    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_pixel_limit_comes_from_settings(settings):
    settings.IMAGE_MAX_PIXELS = 100 * 100
    image = Image(
        title="A little too big",
        alt_text="Anything",
        file=builders.upload(builders.encoded(builders.picture((101, 100)))),
    )

    with pytest.raises(ValidationError) as refusal:
        image.save()

    assert refusal.value.messages == [
        "This picture is 101 × 100 pixels (0 megapixels); the most we accept is "
        "0.01 megapixels. Please scale it down and upload it again."
    ]
    settings.IMAGE_MAX_PIXELS = 101 * 100
    image.save()
    assert (image.width, image.height) == (101, 100)


def test_byte_limit_comes_from_settings(settings):
    data = builders.encoded(builders.picture((64, 64)))
    settings.IMAGE_MAX_UPLOAD_SIZE = len(data) - 1

    with pytest.raises(ValidationError) as refusal:
        Image(title="Big", alt_text="Anything", file=builders.upload(data)).save()

    assert refusal.value.code == "image_too_large"
    settings.IMAGE_MAX_UPLOAD_SIZE = len(data)
    assert Image.objects.create(
        title="Fits", alt_text="Anything", file=builders.upload(data)
    ).pk


def test_a_file_is_judged_by_its_bytes_not_its_name_or_declared_type(settings):
    png = builders.encoded(builders.picture((64, 36)), "PNG")

    image = Image.objects.create(
        title="A PNG called JPEG",
        alt_text="Anything",
        file=builders.upload(png, "holiday.jpg", "image/jpeg"),
    )

    assert image.file.name.endswith(".png")
    with image.file.open("rb") as stored:
        assert PILImage.open(stored).format == "PNG"


@pytest.mark.parametrize(
    "image_format, options",
    [("JPEG", {}), ("PNG", {}), ("WEBP", {}), ("GIF", {})],
)
def test_each_accepted_format_is_stored(image_format, options):
    data = builders.encoded(builders.picture((64, 36)), image_format, **options)

    image = Image.objects.create(
        title=image_format, alt_text="Anything", file=builders.upload(data)
    )

    assert (image.width, image.height) == (64, 36)
    assert image.renditions["card"]


@pytest.mark.parametrize(
    "make",
    [
        builders.camera_jpeg_with_preview,
        builders.progressive_jpeg_with_restart_markers,
        builders.phone_jpeg_with_a_trailer,
        builders.photo_with_everything,
    ],
    ids=lambda make: make.__name__,
)
def test_honest_camera_and_phone_files_are_accepted(make, settings):
    image = Image.objects.create(
        title="Honest", alt_text="Anything", file=builders.upload(make())
    )

    with image.file.open("rb") as stored:
        original = PILImage.open(stored)
        assert original.format == "JPEG"
        assert getattr(original, "n_frames", 1) == 1
        # The top half is red, whatever else the file carried.
        red, _, blue = original.convert("RGB").getpixel((5, 5))
    assert red > 180 and blue < 80


def test_ghostscript_is_out_of_pillows_registry_for_every_caller():
    assert "EPS" not in PILImage.OPEN
    assert "EPS" not in PILImage.ID
    assert ".eps" not in PILImage.EXTENSION
