"""An editor writes, illustrates and publishes a story in the admin; mistakes get form errors."""

import os
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from articles.models import Article
from media.models import Image
from tests.factories import make_article, make_author, make_section, png_bytes
from tests.soup import form_values, one, parse, text

pytestmark = pytest.mark.django_db

ARTICLE_ADD = "/admin/articles/article/add/"
IMAGE_ADD = "/admin/media/image/add/"


def stored_files(settings):
    root = settings.MEDIA_ROOT
    return sorted(
        os.path.relpath(os.path.join(folder, name), root)
        for folder, _, names in os.walk(root)
        for name in names
    )


def errors_on(response):
    """Return the admin form's errors, field by field, as plain strings."""
    form = response.context["adminform"].form
    return {field: [str(e) for e in errors] for field, errors in form.errors.items()}


def article_form(**fields):
    """A complete add-story POST: fields, both inline management forms, a save."""
    data = {
        "title": "",
        "slug": "",
        "standfirst": "",
        "body": "",
        "section": "",
        "hero_image": "",
        "tags": "",
        "publish_at_0": "",
        "publish_at_1": "",
        "expires_at_0": "",
        "expires_at_1": "",
        "article_authors-TOTAL_FORMS": "0",
        "article_authors-INITIAL_FORMS": "0",
        "article_authors-MIN_NUM_FORMS": "0",
        "article_authors-MAX_NUM_FORMS": "1000",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "internal_notes-TOTAL_FORMS": "0",
        "internal_notes-INITIAL_FORMS": "0",
        "internal_notes-MIN_NUM_FORMS": "0",
        "internal_notes-MAX_NUM_FORMS": "1000",
        "_save": "Save",
    }
    data.update(fields)
    return data


def upload_image(admin_client, **fields):
    data = {
        "title": "Harbour at dawn",
        "alt_text": "Two patrol boats leave a harbour at sunrise",
        "caption": "Patrol boats leave the harbour.",
        "credit": "Photo: Byline",
        "focal_x": "50",
        "focal_y": "50",
        "_save": "Save",
        **fields,
    }
    return admin_client.post(IMAGE_ADD, data)


# -------------------------------------------------------- the whole story


def test_editor_writes_illustrates_and_publishes_a_story_readers_then_see(
    admin_client, client, clock, settings
):
    section = make_section(name="Maritime", slug="maritime")
    samira = make_author(name="Samira Nassif", slug="samira")
    rafiq = make_author(name="Rafiq Anwar", slug="rafiq")
    earlier = make_article(title="Earlier coverage", section=make_section())

    # 1. Upload the picture to the image library.
    response = upload_image(
        admin_client,
        file=SimpleUploadedFile("harbour.png", png_bytes(size=(800, 450)), "image/png"),
    )
    assert response.status_code == 302
    image = Image.objects.get()
    assert (image.width, image.height) == (800, 450)
    # The original, under a random name, and its renditions; nothing else.
    assert image.file.name.startswith("originals/")
    assert "harbour" not in image.file.name
    assert stored_files(settings) == sorted(image.file_names())
    # 16:9 at 480 and 800 wide in WebP and JPEG, the social crop, the preview.
    assert len(stored_files(settings)) == 7

    # 2. Write the story as a draft, with a byline, tags and related links.
    response = admin_client.post(
        ARTICLE_ADD,
        article_form(
            title="Harbour patrols go electric",
            slug="harbour-patrols-go-electric",
            standfirst="Quieter boats, longer watches.",
            body=(
                "<p>The first electric boats joined the fleet.</p>"
                "<blockquote><p>They hear more than we do.</p></blockquote>"
            ),
            section=section.pk,
            hero_image=image.pk,
            tags="Ports, Maritime security",
            **{
                "article_authors-TOTAL_FORMS": "2",
                "article_authors-0-author": samira.pk,
                "article_authors-0-order": "0",
                "article_authors-1-author": rafiq.pk,
                "article_authors-1-order": "1",
                "related_links-TOTAL_FORMS": "2",
                "related_links-0-order": "0",
                "related_links-0-target": earlier.pk,
                "related_links-1-order": "1",
                "related_links-1-url": "https://example.org/fleet-report",
                "related_links-1-title": "The fleet report",
            },
        ),
    )
    assert response.status_code == 302, errors_on(response)
    story = Article.objects.get(slug="harbour-patrols-go-electric")
    assert story.status == Article.Status.DRAFT
    assert [author.name for author in story.byline_authors] == [
        "Samira Nassif",
        "Rafiq Anwar",
    ]
    assert [tag.name for tag in story.topics] == ["Ports", "Maritime security"]
    assert [(link.target, link.title) for link in story.related_links.all()] == [
        (earlier, ""),
        (None, "The fleet report"),
    ]
    assert client.get(story.get_absolute_url()).status_code == 404
    assert "Harbour patrols go electric" not in client.get("/").content.decode()

    # 3. Publish it from the change form, as it stands.
    change = admin_client.get(f"/admin/articles/article/{story.pk}/change/")
    data = form_values(one(parse(change), "form#article_form"))
    data.update(_publish=["Save and publish (or schedule)"])
    response = admin_client.post(f"/admin/articles/article/{story.pk}/change/", data)
    assert response.status_code == 302, errors_on(response)
    story.refresh_from_db()
    assert story.is_public
    assert story.publish_at == clock.now
    assert story.first_published_at == clock.now

    # 4. Readers find it on the home page and on its own page.
    home = parse(client.get("/"))
    lead = one(home, "section.lead")
    assert one(one(lead, "h2"), "a")["href"] == story.get_absolute_url()
    page = parse(client.get(story.get_absolute_url()))
    assert text(one(page, "h1")) == "Harbour patrols go electric"
    assert text(one(page, "p.story__byline")) == "By Samira Nassif and Rafiq Anwar"
    figure = one(page, "figure.story__hero")
    assert one(figure, "img")["alt"] == image.alt_text
    assert text(one(figure, "figcaption")) == (
        "Patrol boats leave the harbour. Photo: Byline"
    )
    assert text(one(page, "blockquote")) == "They hear more than we do."
    assert [text(a) for a in page.select('a[rel="tag"]')] == [
        "Ports",
        "Maritime security",
    ]
    cards = one(page, "aside.related").select("h3")
    assert [text(one(card, "a")) for card in cards] == [
        "Earlier coverage",
        "The fleet report",
    ]


def test_publishing_with_an_explicit_future_time_schedules_the_story(
    admin_client, client, clock
):
    section = make_section()

    response = admin_client.post(
        ARTICLE_ADD,
        article_form(
            title="Embargoed",
            slug="embargoed",
            standfirst="Held until the morning.",
            section=section.pk,
            publish_at_0="2026-03-17",
            publish_at_1="06:00",
            _override_reason="Wire copy: byline added at go-live",
            _publish="Save and publish (or schedule)",
        ),
    )

    assert response.status_code == 302, errors_on(response)
    assert Article.objects.get(slug="embargoed").is_scheduled
    assert client.get("/stories/embargoed/").status_code == 404
    clock.advance(days=1)
    assert client.get("/stories/embargoed/").status_code == 200


# ---------------------------------------------------------------- mistakes


def test_duplicate_slug_is_a_form_error_and_leaves_the_original_alone(
    admin_client, clock
):
    original = make_article(title="The original", slug="taken")
    section = make_section()

    response = admin_client.post(
        ARTICLE_ADD,
        article_form(title="The copy", slug="taken", section=section.pk),
    )

    assert response.status_code == 200
    assert errors_on(response)["slug"] == ["Article with this Slug already exists."]
    error_list = one(parse(response), "ul.errorlist")
    assert text(error_list) == "Article with this Slug already exists."
    assert Article.objects.count() == 1
    original.refresh_from_db()
    assert original.title == "The original"


def test_renaming_a_slug_to_one_in_use_is_a_form_error(admin_client, clock):
    make_article(title="First", slug="first")
    second = make_article(title="Second", slug="second")
    change_url = f"/admin/articles/article/{second.pk}/change/"
    data = form_values(one(parse(admin_client.get(change_url)), "form#article_form"))
    data.update(slug=["first"], _save=["Save"])

    response = admin_client.post(change_url, data)

    assert response.status_code == 200
    assert errors_on(response)["slug"] == ["Article with this Slug already exists."]
    second.refresh_from_db()
    assert second.slug == "second"


def test_missing_title_and_section_are_form_errors(admin_client, clock):
    response = admin_client.post(ARTICLE_ADD, article_form(slug="untitled"))

    assert response.status_code == 200
    assert set(errors_on(response)) == {"title", "section"}
    assert not Article.objects.exists()


def test_related_link_with_a_url_but_no_title_is_a_form_error(admin_client, clock):
    section = make_section()

    response = admin_client.post(
        ARTICLE_ADD,
        article_form(
            title="Linked",
            slug="linked",
            section=section.pk,
            **{
                "related_links-TOTAL_FORMS": "1",
                "related_links-0-order": "0",
                "related_links-0-url": "https://example.org/",
            },
        ),
    )

    assert response.status_code == 200
    formset_errors = response.context["inline_admin_formsets"][1].formset.errors
    assert formset_errors[0]["title"] == [
        "Give the external link a title readers will see."
    ]
    assert not Article.objects.exists()


def test_text_file_named_png_is_refused_and_nothing_is_stored(admin_client, settings):
    fake = SimpleUploadedFile("photo.png", b"this is not a picture", "image/png")

    response = upload_image(admin_client, file=fake)

    assert response.status_code == 200
    assert errors_on(response)["file"] == [
        "This file is not a JPEG, PNG, WebP or GIF picture, whatever its name "
        "says. Export the picture in one of those formats and upload it again."
    ]
    assert "is not a JPEG, PNG, WebP or GIF" in text(
        one(parse(response), "ul.errorlist")
    )
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_image_over_the_size_limit_is_refused_and_nothing_is_stored(
    admin_client, settings
):
    settings.IMAGE_MAX_UPLOAD_SIZE = 10_000
    buffer = BytesIO()
    PILImage.frombytes("RGB", (120, 120), os.urandom(120 * 120 * 3)).save(buffer, "PNG")
    big = SimpleUploadedFile("noise.png", buffer.getvalue(), "image/png")

    response = upload_image(admin_client, file=big)

    assert response.status_code == 200
    (message,) = errors_on(response)["file"]
    assert "the largest we accept is 9.8\xa0KB" in message
    assert not Image.objects.exists()
    assert stored_files(settings) == []


def test_image_upload_without_a_file_is_a_form_error(admin_client, settings):
    response = upload_image(admin_client)

    assert response.status_code == 200
    assert errors_on(response)["file"] == ["This field is required."]
    assert not Image.objects.exists()
