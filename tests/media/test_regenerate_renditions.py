"""`manage.py regenerate_renditions`: fill gaps, drop stale files, clean old originals."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import ExifTags
from PIL import Image as PILImage

from media.models import Image
from media.renditions import names_in

from . import builders

pytestmark = pytest.mark.django_db


def files_on_disk(settings):
    root = settings.MEDIA_ROOT
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def regenerate(*args, **options):
    out, err = StringIO(), StringIO()
    call_command("regenerate_renditions", *args, stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def make_photo(title="Photo"):
    data = builders.encoded(builders.two_tone((1280, 720)))
    return Image.objects.create(title=title, alt_text="A", file=builders.upload(data))


def test_lost_renditions_are_made_again_with_the_same_names(
    settings, django_capture_on_commit_callbacks, capsys
):
    image = make_photo()
    expected = image.file_names()
    lost = sorted(names_in(image.renditions))[:3]
    for name in lost:
        image.file.storage.delete(name)

    with django_capture_on_commit_callbacks(execute=True):
        out, _ = regenerate(verbosity=1)

    assert files_on_disk(settings) == expected
    assert out == "Renditions ready for 1 images.\n"
    assert "Renditions: 100%" in capsys.readouterr().err, "a progress bar"


def test_an_image_without_renditions_gets_them_and_its_size(
    settings, django_capture_on_commit_callbacks
):
    image = make_photo()
    Image.objects.filter(pk=image.pk).update(renditions={}, width=None, height=None)

    with django_capture_on_commit_callbacks(execute=True):
        regenerate()

    image.refresh_from_db()
    assert (image.width, image.height) == (1280, 720)
    assert image.renditions["social"][0]["width"] == 1200
    assert files_on_disk(settings) == image.file_names()


def test_stale_renditions_are_deleted(settings, django_capture_on_commit_callbacks):
    image = make_photo()
    stale = "renditions/zz/old-card.jpg"
    image.file.storage.save(stale, ContentFile(b"old"))
    renditions = {**image.renditions, "old": [{"width": 1, "height": 1, "jpeg": stale}]}
    Image.objects.filter(pk=image.pk).update(renditions=renditions)

    with django_capture_on_commit_callbacks(execute=True):
        regenerate()

    assert stale not in files_on_disk(settings)
    image.refresh_from_db()
    assert "old" not in image.renditions


def test_an_unreadable_original_is_reported_and_the_rest_carry_on(
    settings, django_capture_on_commit_callbacks
):
    broken, fine = make_photo("Broken"), make_photo("Fine")
    broken.file.storage.delete(broken.file.name)
    Image.objects.filter(pk=fine.pk).update(renditions={})

    with django_capture_on_commit_callbacks(execute=True):
        out, err = regenerate()

    assert f"Image {broken.pk} (Broken):" in err
    assert out == "Renditions ready for 1 images; 1 failed.\n"
    fine.refresh_from_db()
    assert fine.renditions


def test_clean_originals_strips_an_old_original_and_gives_it_a_random_name(
    settings, django_capture_on_commit_callbacks
):
    # An image stored before the pipeline: GPS and all, at a guessable name.
    image = make_photo()
    for name in image.file_names():
        image.file.storage.delete(name)
    legacy = "images/2025/06/harbour-at-dawn.jpg"
    image.file.storage.save(
        legacy, ContentFile(builders.photo_with_everything(size=(640, 480)))
    )
    Image.objects.filter(pk=image.pk).update(file=legacy, renditions={})

    with django_capture_on_commit_callbacks(execute=True):
        regenerate("--clean-originals")

    image.refresh_from_db()
    assert image.file.name.startswith("originals/")
    assert legacy not in files_on_disk(settings)
    with image.file.open("rb") as original:
        picture = PILImage.open(original)
        assert not picture.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    # Read from the old file's XMP before it was stripped.
    assert image.credit == "XMP Agency"
    assert files_on_disk(settings) == image.file_names()
