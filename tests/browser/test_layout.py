"""Home, story and search pages at phone and desktop widths, saved as screenshots."""

import pytest
from playwright.sync_api import expect

from articles.models import Article

from .support import ARTIFACTS_DIR, DESKTOP, PHONE, STORY_SLUG

SCREENSHOTS_DIR = ARTIFACTS_DIR / "screenshots"


def check_layout(page):
    """Assert nothing sticks out sideways and every image on the page loaded."""
    # Inside a band that scrolls sideways (the phone's section bar) items may
    # lie beyond the edge; the band itself must not.
    overflow = page.evaluate(
        """() => {
            const scrolls = el => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
            const inBand = el => {
                for (let up = el.parentElement; up; up = up.parentElement) {
                    if (scrolls(up)) return true;
                }
                return false;
            };
            return [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > innerWidth + 1)
                .filter(el => !el.closest('.visually-hidden, .skip-link'))
                .filter(el => !inBand(el))
                .map(el => el.outerHTML.slice(0, 120));
        }"""
    )
    assert not overflow, (
        f"wider than the {page.viewport_size['width']}px screen: {overflow}"
    )
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    # The content keeps clear of the header above it and the footer below it.
    gaps = page.evaluate(
        """() => {
            const main = document.querySelector('main').getBoundingClientRect();
            const first = document.querySelector('main > *').getBoundingClientRect();
            const last = [...document.querySelectorAll('main > *')].at(-1);
            const footer = document.querySelector('footer').getBoundingClientRect();
            return [first.top - main.top, footer.top - last.getBoundingClientRect().bottom];
        }"""
    )
    assert min(gaps) >= 16, f"content touches the header or footer: gaps {gaps}px"
    # Scroll through the page so lazy images load, as they would for a reader.
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(0, height, page.viewport_size["height"]):
        page.mouse.wheel(0, page.viewport_size["height"])
    # (Not wait_for_function with a string: it evaluates it, which the CSP refuses.)
    for image in page.locator("img").all():
        expect(image).to_have_js_property("complete", True, timeout=10_000)
    page.evaluate("window.scrollTo(0, 0)")
    broken = page.evaluate(
        "[...document.images].filter(img => !img.naturalWidth).map(img => img.src)"
    )
    assert not broken, f"images that did not load: {broken}"


@pytest.mark.parametrize("device, viewport", [("phone", PHONE), ("desktop", DESKTOP)])
def test_home_story_and_search_fit_the_screen(
    device, viewport, new_context, demo_newsroom
):
    page = new_context(viewport=viewport).new_page()
    SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
    story = Article.objects.get(slug=STORY_SLUG)

    pages = [
        ("home", "/"),
        ("story", story.get_absolute_url()),
        ("search", "/search/?q=border+security"),
    ]
    for name, url in pages:
        page.goto(url)
        check_layout(page)
        page.screenshot(path=SCREENSHOTS_DIR / f"{name}-{device}.png", full_page=True)
