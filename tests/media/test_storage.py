"""Originals under random names; replaced and deleted files leave storage after commit.

Files are deleted only once the transaction commits: a rolled-back edit leaves
the row pointing at its old files, which must still be there. An image a
story uses cannot be deleted at all.
"""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from media import renditions
from media.models import Image
from media.pictures import file_url_function, picture_of
from tests.factories import make_article, make_image, make_section
from tests.soup import one, parse, text

from . import builders

pytestmark = pytest.mark.django_db


def files_on_disk(settings):
    root = settings.MEDIA_ROOT
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()}


def photo(colour, size=(960, 540)):
    return builders.upload(builders.encoded(builders.picture(size, colour)))


def test_original_gets_a_random_name_not_the_uploaders():
    one_image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    other = Image.objects.create(title="B", alt_text="B", file=photo(builders.RED))
    # Same bytes, same uploaded name ("photo.jpg"): two unrelated random names.
    names = [one_image.file.name, other.file.name]
    assert all(name.startswith("originals/") for name in names)
    assert "photo" not in "".join(names)
    assert names[0] != names[1]
    # A rendition's address does not reveal the original's.
    token = one_image.file.name.rsplit("/", 1)[1].split(".")[0]
    assert not any(token in name for name in one_image.file_names() - {names[0]})


def test_rendition_names_are_deterministic():
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    before = image.renditions

    image.regenerate_renditions(force=True)

    assert image.renditions == before


def test_replacing_the_file_changes_the_card_picture_and_every_rendition(
    client, django_capture_on_commit_callbacks
):
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    story = make_article(hero_image=image, section=make_section(slug="world"))
    old_names = image.file_names()
    card_before = one(parse(client.get("/sections/world/")), "article.card img")

    with django_capture_on_commit_callbacks(execute=True):
        image.file = photo(builders.BLUE, size=(1280, 720))
        image.save()

    image.refresh_from_db()
    assert not old_names & image.file_names(), "every file is new"
    card_after = one(parse(client.get("/sections/world/")), "article.card img")
    assert card_after["src"] != card_before["src"]
    with image.file.storage.open(image.renditions["card"][0]["jpeg"]) as card:
        red, _, blue = builders.PILImage.open(card).convert("RGB").getpixel((5, 5))
    assert blue > 180 and red < 80, "the card shows the new picture"
    assert (image.width, image.height) == (1280, 720)
    assert story.hero_image_id == image.pk


def test_replaced_files_are_deleted_after_commit_not_before(
    settings, django_capture_on_commit_callbacks
):
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    old_names = image.file_names()

    with django_capture_on_commit_callbacks() as callbacks:
        image.file = photo(builders.BLUE)
        image.save()
        # The transaction is still open: a rollback would need the old files.
        assert old_names <= files_on_disk(settings)

    for callback in callbacks:
        callback()
    assert files_on_disk(settings) == image.file_names()


def test_rolled_back_replacement_keeps_the_old_files(settings):
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    old_names = image.file_names()

    with pytest.raises(RuntimeError), transaction.atomic():
        image.file = photo(builders.BLUE)
        image.save()
        raise RuntimeError("the editor's request failed after the save")

    assert Image.objects.get().file.name in old_names
    assert old_names <= files_on_disk(settings)


def test_a_failed_insert_leaves_no_file(settings):
    # The database refuses a picture with neither alt text nor "decorative".
    with pytest.raises(IntegrityError), transaction.atomic():
        Image.objects.create(title="A", alt_text="", file=photo(builders.RED))

    assert files_on_disk(settings) == set()


def test_a_failure_while_making_renditions_leaves_no_file(settings, monkeypatch):
    encode, calls = renditions.encode, []

    def fail_on_the_third(*args, **kwargs):
        calls.append(args)
        if len(calls) == 3:
            raise OSError("disk full")
        return encode(*args, **kwargs)

    monkeypatch.setattr(renditions, "encode", fail_on_the_third)

    with pytest.raises(OSError, match="disk full"):
        Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))

    assert not Image.objects.exists()
    assert files_on_disk(settings) == set()


def test_moving_the_focal_point_remakes_crops_and_drops_the_old_ones(
    settings, django_capture_on_commit_callbacks
):
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    before = image.renditions

    with django_capture_on_commit_callbacks(execute=True):
        image.focal_x = 10
        image.save()

    assert image.renditions["card"] != before["card"]
    # The whole-picture preview does not depend on the focal point.
    assert image.renditions["preview"] == before["preview"]
    assert files_on_disk(settings) == image.file_names()


def test_saving_other_fields_writes_no_file(settings):
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    mtimes = {p: p.stat().st_mtime_ns for p in settings.MEDIA_ROOT.rglob("*.*")}

    image.caption = "A new caption"
    image.save()

    assert {p: p.stat().st_mtime_ns for p in settings.MEDIA_ROOT.rglob("*.*")} == mtimes


def test_deleting_an_image_removes_its_files_after_commit(
    settings, django_capture_on_commit_callbacks
):
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    kept = Image.objects.create(title="B", alt_text="B", file=photo(builders.BLUE))

    with django_capture_on_commit_callbacks() as callbacks:
        image.delete()
        assert image.file_names() <= files_on_disk(settings)

    for callback in callbacks:
        callback()
    assert files_on_disk(settings) == kept.file_names()


def test_deleting_images_in_bulk_removes_their_files_after_commit(
    settings, django_capture_on_commit_callbacks
):
    for colour in (builders.RED, builders.BLUE):
        Image.objects.create(title="A", alt_text="A", file=photo(colour))

    with django_capture_on_commit_callbacks(execute=True):
        Image.objects.all().delete()

    assert files_on_disk(settings) == set()


def test_an_image_in_use_cannot_be_deleted_and_keeps_its_files(
    settings, django_capture_on_commit_callbacks
):
    image = Image.objects.create(title="A", alt_text="A", file=photo(builders.RED))
    make_article(hero_image=image)

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ProtectedError):
            image.delete()
        with pytest.raises(ProtectedError):
            Image.objects.filter(pk=image.pk).delete()

    assert Image.objects.filter(pk=image.pk).exists()
    assert image.file_names() <= files_on_disk(settings)


def test_admin_refuses_to_delete_an_image_in_use_and_names_the_stories(
    admin_client, settings
):
    image = make_image(title="Harbour at dawn")
    make_article(title="Patrols go electric", hero_image=image)
    make_article(title="Ports share cameras", hero_image=image)
    url = f"/admin/media/image/{image.pk}/delete/"

    for request in (admin_client.get, lambda url: admin_client.post(url, {"post": 1})):
        response = request(url)
        assert response.status_code == 302
        assert response["Location"] == f"/admin/media/image/{image.pk}/change/"
        page = parse(admin_client.get(response["Location"]))

        message = text(one(page, "ul.messagelist li.error"))
        assert message == (
            "“Harbour at dawn” is used by “Patrols go electric” and “Ports share "
            "cameras”, so it was not deleted. Choose another picture for them first."
        )
        assert Image.objects.filter(pk=image.pk).exists()
    assert image.file_names() <= files_on_disk(settings)


def test_admin_bulk_delete_lists_the_stories_that_keep_an_image(admin_client):
    image = make_image(title="Harbour at dawn")
    make_article(title="Patrols go electric", hero_image=image)

    response = admin_client.post(
        "/admin/media/image/",
        {"action": "delete_selected", "_selected_action": [image.pk], "post": "yes"},
    )

    assert "Patrols go electric" in text(parse(response))
    assert Image.objects.filter(pk=image.pk).exists()


def test_admin_deletes_an_unused_image_and_its_files(
    admin_client, settings, django_capture_on_commit_callbacks
):
    image = make_image(title="Unused")

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            f"/admin/media/image/{image.pk}/delete/", {"post": "yes"}
        )

    assert response.status_code == 302
    assert not Image.objects.exists()
    assert files_on_disk(settings) == set()


def test_picture_addresses_follow_a_change_of_media_address(settings):
    """Addresses of files on disk are kept per name and base address, never across."""
    image = make_image()
    settings.MEDIA_URL = "/media/"
    before = picture_of(image, "card")

    settings.MEDIA_URL = "https://images.example.org/"
    after = picture_of(image, "card")

    assert before.src.startswith("/media/")
    assert after.src == before.src.replace("/media/", "https://images.example.org/", 1)
    assert "/media/" not in after.jpeg_srcset + after.webp_srcset


def test_picture_addresses_from_other_storages_are_asked_for_every_time():
    class SignedStorage:
        calls = 0

        def url(self, name):
            self.calls += 1
            return f"https://cdn.example.org/{name}?signature={self.calls}"

    url = file_url_function(SignedStorage())

    assert url("a.jpg") != url("a.jpg")
