"""What a phone downloads: a hero sized for its screen, and never an original.

Chromium picks a candidate from `srcset` and `sizes` itself; these tests read
what it picked (`currentSrc`) and every image it fetched, at a 412 px wide
phone screen with two device pixels per CSS pixel.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article
from media.models import Image
from media.renditions import names_in
from tests.factories import make_article
from tests.media import builders

from .support import READER_PAGES, STORY_SLUG
from .test_accessibility import blocking_violations

PHONE_412 = {"width": 412, "height": 915}
PASSWORD = "correct-horse-battery-staple"

# The widest the story's hero needs to be on that phone: 412 CSS pixels less
# the page's margins, times two device pixels, rounded up to the next size.
MOST_HERO_PIXELS = 1000

# The pixel width of the file behind `currentSrc`, read from the file itself:
# `naturalWidth` on the page is divided by the density the browser assumed.
FILE_WIDTH = """async img => {
    const copy = new Image();
    copy.src = img.currentSrc;
    await copy.decode();
    return copy.naturalWidth;
}"""


@pytest.fixture
def phone(new_context):
    return new_context(viewport=PHONE_412, device_scale_factor=2).new_page()


def load_every_image(page):
    """Scroll the whole page so lazy images load; return every image URL fetched."""
    height = page.evaluate("document.documentElement.scrollHeight")
    for offset in range(0, height + PHONE_412["height"], PHONE_412["height"] // 2):
        page.evaluate(f"window.scrollTo(0, {offset})")
    # (Not wait_for_function with a string: it evaluates it, which the CSP refuses.)
    for image in page.locator("img").all():
        expect(image).to_have_js_property("complete", True, timeout=10_000)
    fetched = page.evaluate(
        """performance.getEntriesByType('resource')
            .filter(entry => entry.initiatorType === 'img')
            .map(entry => entry.name)"""
    )
    current = page.evaluate("[...document.images].map(img => img.currentSrc)")
    return set(fetched) | set(current)


def media_names(urls, base):
    return {url.removeprefix(f"{base}/media/") for url in urls}


def test_phone_gets_a_hero_no_wider_than_it_needs(phone, live_server, demo_newsroom):
    story = Article.objects.get(slug=STORY_SLUG)
    phone.goto(story.get_absolute_url())

    hero = phone.locator(".story__hero img")
    expect(hero).to_have_js_property("complete", True)
    chosen = hero.evaluate("img => img.currentSrc")
    file_width = hero.evaluate(FILE_WIDTH)
    shown_width = hero.evaluate("img => img.getBoundingClientRect().width")

    assert chosen.endswith(".webp"), "Chromium takes the WebP source"
    name = chosen.removeprefix(f"{live_server.url}/media/")
    assert name in names_in({"hero": story.hero_image.renditions["hero"]})
    assert file_width <= MOST_HERO_PIXELS
    # …and no blurrier than the screen: at least two pixels per CSS pixel.
    assert file_width >= shown_width * 2
    assert hero.get_attribute("fetchpriority") == "high"


@pytest.mark.parametrize("name", ["home", "story", "section"])
def test_no_image_a_phone_loads_is_an_original(name, phone, live_server, demo_newsroom):
    phone.goto(READER_PAGES[name])

    loaded = media_names(load_every_image(phone), live_server.url)

    assert loaded, "the page shows pictures"
    originals = {image.file.name for image in Image.objects.all()}
    renditions = set().union(*(names_in(i.renditions) for i in Image.objects.all()))
    assert not loaded & originals
    assert loaded <= renditions


@pytest.fixture
def editor_page(page, transactional_db):
    get_user_model().objects.create_superuser("editor", "e@example.com", PASSWORD)
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("newsroom")
    return page


def test_editor_sets_the_focal_point_by_clicking_the_picture(editor_page):
    image = Image.objects.create(
        title="Quay at dusk",
        alt_text="Cranes over a quay",
        file=builders.upload(builders.encoded(builders.two_tone((1600, 1200)))),
    )
    make_article(hero_image=image)
    card_before = image.renditions["card"][0]["jpeg"]
    page = editor_page
    page.goto(f"/admin/media/image/{image.pk}/change/")

    preview = page.get_by_alt_text("The picture; click where its focal point is")
    box = preview.bounding_box()
    preview.click(position={"x": box["width"] * 0.25, "y": box["height"] * 0.75})

    expect(page.get_by_label("Focal point across (%)")).to_have_value("25")
    expect(page.get_by_label("Focal point down (%)")).to_have_value("75")
    marker = page.locator(".focal-picker__marker")
    expect(marker).to_be_visible()
    assert marker.evaluate("m => [m.style.left, m.style.top]") == ["25%", "75%"]
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist .success")).to_contain_text("Quay at dusk")

    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (25, 75)
    assert image.renditions["card"][0]["jpeg"] != card_before
    expect(page.locator(".field-used_in li a")).to_have_count(1)


def test_image_form_has_no_serious_axe_violations(editor_page):
    image = Image.objects.create(
        title="Quay at dusk",
        alt_text="Cranes over a quay",
        file=builders.upload(builders.encoded(builders.two_tone((800, 600)))),
    )
    make_article(hero_image=image)

    for url in ("/admin/media/image/add/", f"/admin/media/image/{image.pk}/change/"):
        editor_page.goto(url)
        report = blocking_violations(editor_page)
        assert not report, f"{url}\n{report}"


def test_focal_point_fields_work_without_javascript(new_context, transactional_db):
    get_user_model().objects.create_superuser("editor", "e@example.com", PASSWORD)
    image = Image.objects.create(
        title="Quay at dusk",
        alt_text="Cranes over a quay",
        file=builders.upload(builders.encoded(builders.two_tone((800, 600)))),
    )
    page = new_context(java_script_enabled=False).new_page()
    page.goto("/admin/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"/admin/media/image/{image.pk}/change/")

    page.get_by_label("Focal point across (%)").fill("10")
    page.get_by_label("Focal point down (%)").fill("90")
    page.get_by_role("button", name="Save", exact=True).click()

    image.refresh_from_db()
    assert (image.focal_x, image.focal_y) == (10, 90)
