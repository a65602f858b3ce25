"""Changing a front page: who may, what the audit trail keeps, which pages refresh.

The admin's front page form is one action: its line-up is saved together and
recorded once here. Scripts (the demo, tests) call `set_line_up()`, which goes
through the same check and record.
"""

from django.core.exceptions import ValidationError
from django.db import transaction

from pagecache import content_changed

from .models import AuditEntry, FrontPage, FrontPageSlot
from .workflow import require_publisher


def home_front_page():
    """Return the home page's line-up row, made on first use."""
    front_page, _ = FrontPage.objects.get_or_create(section=None)
    return front_page


def line_up(front_page):
    """Return the line-up as the audit trail shows it: "1. Headline", in order."""
    slots = FrontPageSlot.objects.filter(front_page=front_page).select_related(
        "article"
    )
    return [f"{slot.position}. {slot.article.title}" for slot in slots]


def require_may_change(user):
    require_publisher(user, "change a front page")


def record_change(front_page, *, by, before):
    """Audit a saved line-up that differs from `before`, and refresh reader pages."""
    require_may_change(by)
    after = line_up(front_page)
    if after == before:
        return None
    lead = FrontPageSlot.objects.filter(front_page=front_page).first()
    keys = ["home"]
    if front_page.section_id is not None:
        keys.append(f"section-{front_page.section_id}")
    content_changed(*keys)
    return AuditEntry.objects.create(
        article=lead.article if lead else None,
        article_title=str(front_page),
        user=by if by and by.is_authenticated else None,
        action=AuditEntry.Action.FRONT_PAGE_CHANGED,
        changes={"Line-up": ["\n".join(before), "\n".join(after)]},
    )


def replace_slots(front_page, stories):
    """Put `stories` in the page's slots, in order, in place of what was there.

    Replaced as a whole, so swapping two stories never meets the one-story-per-
    slot constraint half way through.
    """
    FrontPageSlot.objects.filter(front_page=front_page).delete()
    slots = [
        FrontPageSlot(front_page=front_page, article=story, position=position)
        for position, story in enumerate(stories, start=1)
    ]
    for slot in slots:
        slot.full_clean(exclude=["front_page"], validate_unique=False)
    return FrontPageSlot.objects.bulk_create(slots)


@transaction.atomic
def set_line_up(front_page, stories, *, by):
    """Make `stories` the page's line-up, the first as its lead, in one change."""
    require_may_change(by)
    if len(stories) > front_page.slot_count:
        raise ValidationError(
            f"{front_page} has room for {front_page.slot_count} stories."
        )
    before = line_up(front_page)
    replace_slots(front_page, stories)
    return record_change(front_page, by=by, before=before)
