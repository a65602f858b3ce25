"""Constants shared by the browser tests: screen sizes, pages, where artefacts go."""

from pathlib import Path

REPO_DIR = Path(__file__).resolve().parents[2]
ARTIFACTS_DIR = REPO_DIR / "artifacts"

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# The phone the front-page issue (#12) measures on, and the narrowest we support.
TALL_PHONE = {"width": 412, "height": 915}
NARROW_PHONE = {"width": 320, "height": 640}

# Pages of the demo newsroom (`seed_demo`). The story has a hero image, two
# authors, a pull quote, a list, tags and related cards.
STORY_SLUG = "coastal-radar-network-expands-eastern-seaboard"
READER_PAGES = {
    "home": "/",
    "story": f"/stories/{STORY_SLUG}/",
    "section": "/sections/south-asia/",
    "tag": "/tags/maritime-security/",
    "author": "/authors/rafiq-anwar/",
    "search": "/search/",
    "search results": "/search/?q=radar+coast&section=south-asia",
    "archive": "/archive/",
    "about": "/about/",
}
