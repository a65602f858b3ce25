"""What the reader pages read, as prepared queries (`prepared.py`).

Each is a queryset built from `Article.objects.published()`, compiled to SQL
once per process and run with each request's time and keys, so visibility still
has one rule and one place. Each returns a list.
"""

from django.db.models import OuterRef, Subquery

from .models import Article, FrontPageSlot, Section
from .prepared import prepared
from .querysets import load_bylines

# Stories per section on the home page.
HOME_SECTION_SIZE = 4


def public_articles(*, now=None):
    """Public stories, newest first, with what their cards show besides bylines."""
    return Article.objects.published(now=now).with_card_relations().newest_first()


def public_cards(*, now):
    """Public stories, newest first, loaded as cards show them (`for_cards()`)."""
    return Article.objects.published(now=now).for_cards().newest_first()


@prepared
def public_story(*, now, slug):
    """The public story at `slug`, with what its page shows (a list of one, or none)."""
    return (
        Article.objects.published(now=now)
        .with_detail_data()
        .filter(slug=slug)
        .order_by("pk")[:1]
    )


@prepared
def home_line_up(*, now):
    """The public stories editors placed on the home page, in slot order."""
    return Article.objects.published(now=now).placed_on(None).for_cards()


@prepared(shape=("start", "stop"))
def newest_off_line_up(*, now, start, stop):
    """Rows `start` to `stop` of the newest public stories not in the home line-up."""
    return public_cards(now=now).not_placed_on(None)[start:stop]


@prepared(shape=("start", "stop"))
def newest_stories(*, now, start, stop):
    """Rows `start` to `stop` of the newest public stories, bylines loaded."""
    return public_cards(now=now).also_loading(load_bylines)[start:stop]


@prepared(shape=("per_section",))
def newest_per_section(*, now, exclude, per_section):
    """The newest `per_section` public stories of each section, outside `exclude`.

    Bylines are not loaded here: the home page loads them once for all its stories.
    """
    return (
        Article.objects.published(now=now)
        .exclude(pk__in=exclude)
        .newest_per_section(per_section)
        .for_cards()
    )


def pinned_story_id():
    """The story in the first slot of a section's front page (a subquery), if any."""
    return Subquery(
        FrontPageSlot.objects.filter(front_page__section=OuterRef("pk"))
        .order_by("position")
        .values("article")[:1]
    )


@prepared(shape=("model", "pins_lead"))
def list_owner(*, model, pins_lead, slug):
    """The section, topic or author at `slug` (a list of one, or none).

    With `pins_lead`, it brings the key of its pinned lead (`pinned_id`), so a
    page with no pin costs no extra query.
    """
    owners = model.objects.all()
    if pins_lead:
        owners = owners.annotate(pinned_id=pinned_story_id())
    return owners.filter(slug=slug)


@prepared(shape=("lookup", "pins_lead", "start", "stop"))
def owner_stories(*, lookup, pins_lead, owner, now, start, stop):
    """Rows `start` to `stop` of the newest public stories joined to `owner` by
    `lookup`; with `pins_lead`, leaving out those placed on its page."""
    stories = public_cards(now=now).filter(**{lookup: owner})
    if pins_lead:
        stories = stories.not_placed_on(owner)
    return stories[start:stop]


@prepared
def pinned_lead(*, now, section, story_id):
    """Story `story_id` when it is public and placed on `section`'s page."""
    return (
        Article.objects.published(now=now)
        .placed_on(section)
        .filter(pk=story_id)
        .for_cards()
    )


@prepared
def nav_sections():
    """The sections, in the navigation's order."""
    return Section.objects.only("name", "slug").order_by("order", "name")
