"""What a photo says about who took it, and where, never reaches storage or readers.

Every check reads the stored bytes back, of the original and of every
rendition, the way anyone who downloads them could.
"""

from io import BytesIO

import pytest
from PIL import ExifTags
from PIL import Image as PILImage

from media.models import Image

from . import builders

pytestmark = pytest.mark.django_db


def stored(image):
    """Yield (name, bytes) for the original and every rendition of `image`."""
    storage = image.file.storage
    for name in sorted(image.file_names()):
        with storage.open(name, "rb") as file:
            yield name, file.read()


def save_upload(data, **fields):
    fields.setdefault("title", "Upload")
    fields.setdefault("alt_text", "Something")
    return Image.objects.create(file=builders.upload(data), **fields)


def test_the_test_photo_really_carries_gps_xmp_a_comment_and_a_profile():
    # An adversarial fixture must be adversarial: check the input first.
    source = PILImage.open(BytesIO(builders.photo_with_everything()))

    gps = source.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert gps[ExifTags.GPS.GPSLatitude] == builders.GPS_LATITUDE
    assert {"exif", "xmp", "comment", "icc_profile"} <= set(source.info)


def test_jpeg_with_gps_is_stored_without_any_metadata_original_and_renditions():
    image = save_upload(builders.photo_with_everything())

    files = dict(stored(image))
    # The original; four widths of 16:9 in WebP and JPEG; social; preview.
    assert len(files) == 11
    for name, data in files.items():
        picture = PILImage.open(BytesIO(data))
        assert not picture.getexif(), name
        assert not picture.getexif().get_ifd(ExifTags.IFD.GPSInfo), name
        assert not {"exif", "xmp", "comment", "icc_profile"} & set(picture.info), name
        # And in the raw bytes, whatever a parser would make of them.
        for trace in [
            b"Exif\x00\x00",
            b"PhoneCo",
            b"SN-0042-7781",
            b"Jo Snapper",
            b"adobe:ns:meta",
            b"harbour master",
        ]:
            assert trace not in data, (name, trace)


def test_png_text_and_exif_chunks_are_stripped():
    exif = builders.gps_exif()
    data = builders.encoded(builders.picture((320, 180)), "PNG", exif=exif)
    assert PILImage.open(BytesIO(data)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    image = save_upload(data)

    for name, stored_data in stored(image):
        assert b"eXIf" not in stored_data, name
        assert b"PhoneCo" not in stored_data, name


def test_webp_keeps_no_exif_or_xmp():
    data = builders.encoded(
        builders.picture((320, 180)), "WEBP", exif=builders.gps_exif(), xmp=b"<x/>"
    )
    assert "exif" in PILImage.open(BytesIO(data)).info

    image = save_upload(data)

    for name, stored_data in stored(image):
        picture = PILImage.open(BytesIO(stored_data))
        assert not {"exif", "xmp"} & set(picture.info), name


def test_jpeg_with_exif_orientation_6_is_stored_upright():
    # Stored 600 wide, 400 tall, red on top; orientation 6 says "turn it a
    # quarter clockwise to show it": 400 wide, 600 tall, red on the right.
    data = builders.with_orientation(builders.two_tone((600, 400)), 6)

    image = save_upload(data)

    assert (image.width, image.height) == (400, 600)
    for name, stored_data in stored(image):
        picture = PILImage.open(BytesIO(stored_data)).convert("RGB")
        assert ExifTags.Base.Orientation not in picture.getexif(), name
        if "-full-" in name or name == image.file.name:
            width, height = picture.size
            assert height > width, name
            right = picture.getpixel((width * 3 // 4, height // 2))
            left = picture.getpixel((width // 4, height // 2))
            assert right[0] > 180 and right[2] < 80, (name, right)
            assert left[2] > 180 and left[0] < 80, (name, left)


def test_colour_profile_is_converted_to_srgb_then_dropped():
    # Under this profile the stored numbers (255, 0, 0) mean sRGB green.
    data = builders.encoded(
        builders.picture((64, 64), (255, 0, 0)),
        icc_profile=builders.SWAPPED_PROFILE,
        quality=95,
    )

    image = save_upload(data)

    for name, stored_data in stored(image):
        picture = PILImage.open(BytesIO(stored_data))
        assert "icc_profile" not in picture.info, name
        red, green, blue = picture.convert("RGB").getpixel((10, 10))
        assert green > 200 and red < 60 and blue < 60, (name, (red, green, blue))


def test_picture_with_an_unreadable_colour_profile_is_kept_as_it_is():
    data = builders.encoded(
        builders.picture((64, 64), (200, 40, 40)), icc_profile=b"not a profile"
    )

    image = save_upload(data)

    with image.file.open("rb") as original:
        red, green, _ = PILImage.open(original).convert("RGB").getpixel((5, 5))
    assert red > 180 and green < 70


def test_iptc_credit_and_caption_prefill_empty_fields():
    data = builders.iptc_jpeg(
        builders.picture(),
        caption="Patrol boats leave the harbour at dawn.",
        credit="Harbour Photo Agency",
        copyright="© 2026 Harbour Photo Agency",
    )

    image = save_upload(data, caption="", credit="")

    assert image.caption == "Patrol boats leave the harbour at dawn."
    # The copyright notice joins the credit when it says more than the credit.
    assert image.credit == "Harbour Photo Agency / © 2026 Harbour Photo Agency"
    for name, stored_data in stored(image):
        assert b"Photoshop 3.0" not in stored_data, name
        assert b"Harbour Photo Agency" not in stored_data, name


def test_iptc_byline_stands_in_for_a_missing_credit():
    data = builders.iptc_jpeg(builders.picture(), byline="Ana Ortiz")

    assert save_upload(data).credit == "Ana Ortiz"


def test_what_the_editor_typed_is_never_replaced_by_the_file():
    data = builders.iptc_jpeg(
        builders.picture(), caption="From the file", credit="From the file"
    )

    image = save_upload(data, caption="Typed caption", credit="Typed credit")

    assert (image.caption, image.credit) == ("Typed caption", "Typed credit")


def test_exif_description_artist_and_copyright_prefill_when_there_is_no_iptc():
    exif = builders.gps_exif(
        ImageDescription="Cranes on the eastern quay",
        Artist="Jo Snapper",
        Copyright="Copyright Jo Snapper",
    )

    image = save_upload(builders.encoded(builders.picture(), exif=exif))

    assert image.caption == "Cranes on the eastern quay"
    assert image.credit == "Jo Snapper / Copyright Jo Snapper"


def test_xmp_description_and_credit_prefill_and_entities_are_decoded():
    data = builders.encoded(builders.picture(), xmp=builders.XMP_PACKET)

    image = save_upload(data)

    assert (image.caption, image.credit) == ("Ships at anchor & a tug", "XMP Agency")


def test_prefilled_text_fits_the_fields():
    data = builders.iptc_jpeg(
        builders.picture(), caption="c" * 1000, credit="a" * 150, copyright="b" * 150
    )

    image = save_upload(data)
    image.full_clean()

    assert len(image.caption) == 300
    assert len(image.credit) <= 200
