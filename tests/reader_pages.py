"""Every place a reader meets a story: its page, the home page, its lists, related blocks."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from tests.factories import link, make_article, make_author, make_section
from tests.soup import parse, text


@dataclass
class Beat:
    """A story and an older public neighbour sharing its section, topic and author.

    The neighbour links to the story in its curated related content, and keeps
    the section, topic and author pages alive when the story itself is hidden.
    The story is the newest, so it leads every list it may appear in.
    """

    story: object
    neighbour: object
    section: object
    author: object

    def surfaces(self):
        """The pages that list the story or show it in a related block, by name."""
        return {
            "home": "/",
            "section": self.section.get_absolute_url(),
            "topic": "/tags/beat-topic/",
            "author": self.author.get_absolute_url(),
            "related": self.neighbour.get_absolute_url(),
        }


def make_beat(**story_fields):
    """Build a `Beat`; `story_fields` shape the story (e.g. `published=False`)."""
    section = make_section(name="Beat", slug="beat")
    author = make_author(name="Beat Reporter", slug="beat-reporter")
    neighbour = make_article(
        title="The neighbour story",
        slug="neighbour",
        section=section,
        authors=[author],
        tags=["Beat topic"],
        publish_at=timezone.now() - timedelta(days=1),
    )
    story_fields.setdefault("title", "The beat story")
    story_fields.setdefault("slug", "beat-story")
    story = make_article(
        section=section, authors=[author], tags=["Beat topic"], **story_fields
    )
    link(neighbour, to=story)
    return Beat(story=story, neighbour=neighbour, section=section, author=author)


def surfaces_showing(client, beat, words):
    """Return the names of the beat's reader surfaces whose content shows `words`."""
    shown = set()
    for name, path in beat.surfaces().items():
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        page = parse(response)
        area = page.select_one("aside.related" if name == "related" else "main")
        if area is not None and words in text(area):
            shown.add(name)
    return shown


def surfaces_linking(client, beat, url):
    """Return the names of the beat's reader surfaces that link to `url`."""
    linked = set()
    for name, path in beat.surfaces().items():
        page = parse(client.get(path))
        area = page.select_one("aside.related" if name == "related" else "main")
        if area is not None and area.select(f'a[href="{url}"]'):
            linked.add(name)
    return linked


EVERY_SURFACE = {"home", "section", "topic", "author", "related"}
