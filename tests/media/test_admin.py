"""The image form: alt text or "decorative", the focal point, and where an image is used."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from media.models import Image
from tests.factories import make_article, make_image
from tests.soup import one, parse, text

from . import builders

pytestmark = pytest.mark.django_db

IMAGE_ADD = "/admin/media/image/add/"


def post_image(admin_client, url=IMAGE_ADD, **fields):
    data = {
        "title": "Harbour at dawn",
        "alt_text": "Two patrol boats leave a harbour at sunrise",
        "caption": "",
        "credit": "",
        "focal_x": "50",
        "focal_y": "50",
        **fields,
    }
    return admin_client.post(url, data)


def jpeg(size=(960, 540)):
    return builders.upload(builders.encoded(builders.two_tone(size)))


def test_alt_text_is_required_unless_the_picture_is_decorative(admin_client, settings):
    response = post_image(admin_client, file=jpeg(), alt_text="  ")

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "alt_text": [
            "Describe what the picture shows for readers who cannot see it, or "
            "tick “Decorative” if it adds nothing a reader would miss."
        ]
    }
    assert not Image.objects.exists()
    assert not [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()]

    response = post_image(admin_client, file=jpeg(), alt_text="", is_decorative="on")

    assert response.status_code == 302
    assert Image.objects.get().is_decorative


def test_the_database_refuses_an_image_with_no_alt_text_that_is_not_decorative():
    image = make_image(alt_text="A description")

    with pytest.raises(Exception, match="image_alt_text_or_decorative"):
        Image.objects.filter(pk=image.pk).update(alt_text="")


def test_focal_point_must_lie_inside_the_picture(admin_client):
    response = post_image(admin_client, file=jpeg(), focal_x="101", focal_y="-1")

    errors = response.context["adminform"].form.errors
    assert set(errors) == {"focal_x", "focal_y"}
    assert not Image.objects.exists()


def test_focal_point_set_on_the_form_moves_every_crop(admin_client):
    # A wide picture with a red stripe down its left edge, blue elsewhere.
    wide = builders.picture((1600, 600), builders.BLUE)
    wide.paste(builders.RED, (0, 0, 160, 600))

    def card_left_edge(focal_x):
        post_image(
            admin_client,
            file=builders.upload(builders.encoded(wide)),
            title=f"Focal {focal_x}",
            focal_x=str(focal_x),
        )
        image = Image.objects.get(title=f"Focal {focal_x}")
        for family in ("card", "hero", "social"):
            with image.file.storage.open(image.renditions[family][0]["jpeg"]) as file:
                picture = builders.PILImage.open(file).convert("RGB")
                yield picture.getpixel((2, picture.height // 2))

    for red, _, blue in card_left_edge(0):
        assert red > 180 and blue < 80, "the stripe the editor pointed at is in"
    for red, _, blue in card_left_edge(50):
        assert blue > 180 and red < 80, "a centred crop leaves the stripe out"


def test_change_form_shows_the_preview_to_click_the_fields_and_the_script(
    admin_client,
):
    image = make_image(file=jpeg(), focal_x=30, focal_y=70)

    page = parse(admin_client.get(f"/admin/media/image/{image.pk}/change/"))

    picker = one(page, "[data-focal-picker]")
    preview = image.renditions["preview"][0]
    assert one(picker, "img")["src"] == f"/media/{preview['jpeg']}"
    assert one(page, "input#id_focal_x")["value"] == "30"
    assert one(page, "input#id_focal_y")["value"] == "70"
    scripts = [script.get("src", "") for script in page.select("script")]
    assert any(src.endswith("js/focal-point.js") for src in scripts)
    # The crops readers get, to check the point worked.
    crops = one(page, ".focal-crops")
    assert [text(f) for f in crops.select("figcaption")] == ["Card", "Social share"]
    # The uploader's file name appears nowhere; the original's random one may.
    assert "photo.jpg" not in page.decode()


def test_change_form_lists_the_stories_that_use_the_image(admin_client):
    image = make_image(title="Harbour at dawn")
    story = make_article(title="Patrols go electric", hero_image=image)
    make_image(title="Unused")

    page = parse(admin_client.get(f"/admin/media/image/{image.pk}/change/"))

    used = one(page, ".field-used_in")
    link = one(used, "li a")
    assert text(link) == "Patrols go electric"
    assert link["href"] == f"/admin/articles/article/{story.pk}/change/"
    assert "cannot be deleted while in use" in text(used)


def test_image_list_counts_where_each_image_is_used(admin_client):
    used = make_image(title="Used twice")
    make_article(hero_image=used)
    make_article(hero_image=used)
    make_image(title="Unused")

    response = admin_client.get("/admin/media/image/")

    rows = {
        text(one(row, ".field-title")): text(one(row, ".field-uses"))
        for row in parse(response).select("#result_list tbody tr")
    }
    assert rows == {"Used twice": "2", "Unused": "—"}


def test_image_list_query_count_does_not_grow_with_the_images(
    admin_client, django_assert_num_queries
):
    make_image()
    admin_client.get("/admin/media/image/")
    with CaptureQueriesContext(connection) as one_image:
        admin_client.get("/admin/media/image/")
    for _ in range(5):
        make_article(hero_image=make_image())

    with django_assert_num_queries(len(one_image.captured_queries)):
        admin_client.get("/admin/media/image/")
