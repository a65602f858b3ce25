"""Editors choose what leads the home page and section pages; readers see their choice."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from articles import frontpages
from articles.models import AuditEntry, FrontPage, FrontPageSlot
from articles.workflow import NotAllowed
from tests.factories import make_article, make_author, make_section, make_user
from tests.soup import one, parse, text
from tests.story_admin import logged_in

pytestmark = pytest.mark.django_db


def lead_on(client, url="/"):
    lead = one(parse(client.get(url)), "section.lead, section.list-lead")
    return text(one(lead, "h2"))


def top_stories_on(client):
    return [
        text(h) for h in one(parse(client.get("/")), "section.top-stories").select("h3")
    ]


@pytest.fixture
def desk(clock):
    """Five public stories, "newest" the newest, and an editor."""
    world = make_section(name="World", slug="world")
    stories = {
        name: make_article(
            title=name, section=world, publish_at=clock.now - timedelta(hours=hours)
        )
        for hours, name in enumerate(
            ["newest", "second", "third", "fourth", "oldest"], 1
        )
    }
    return {"stories": stories, "section": world, "editor": make_user("Editor")}


def post_line_up(client, front_page, stories):
    """Save the front page's admin form with `stories` in its slots, in order."""
    data = {
        "slots-TOTAL_FORMS": str(len(stories)),
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": str(front_page.slot_count),
    }
    for n, story in enumerate(stories):
        data[f"slots-{n}-position"] = str(n + 1)
        data[f"slots-{n}-article"] = str(story.pk)
    url = reverse("admin:articles_frontpage_change", args=[front_page.pk])
    return client.post(url, data)


def test_editor_pins_a_lead_and_orders_top_stories_and_the_home_page_follows(
    client, desk
):
    stories = desk["stories"]
    assert lead_on(client) == "newest"
    home = frontpages.home_front_page()

    response = post_line_up(
        logged_in(desk["editor"]),
        home,
        [stories["oldest"], stories["third"], stories["newest"]],
    )

    assert response.status_code == 302
    assert lead_on(client) == "oldest"
    # The line-up in its order, then the newest of the rest.
    assert top_stories_on(client) == ["third", "newest", "second", "fourth"]


def test_changing_the_front_page_is_one_audited_action(client, desk):
    stories = desk["stories"]
    home = frontpages.home_front_page()
    frontpages.set_line_up(home, [stories["third"]], by=desk["editor"])

    post_line_up(logged_in(desk["editor"]), home, [stories["oldest"], stories["third"]])

    entry = AuditEntry.objects.filter(
        action=AuditEntry.Action.FRONT_PAGE_CHANGED
    ).first()
    assert AuditEntry.objects.filter(action=entry.action).count() == 2
    assert entry.user == desk["editor"]
    assert entry.article == stories["oldest"]
    assert entry.article_title == "Home page"
    assert entry.changes == {"Line-up": ["1. third", "1. oldest\n2. third"]}


def test_an_unpinned_newer_story_does_not_displace_the_lead(client, desk, clock):
    frontpages.set_line_up(
        frontpages.home_front_page(), [desk["stories"]["third"]], by=desk["editor"]
    )

    make_article(title="A minor brief", section=desk["section"], publish_at=clock.now)

    assert lead_on(client) == "third"
    assert top_stories_on(client)[0] == "A minor brief"


def test_a_scheduled_story_in_a_slot_shows_only_from_its_go_live_time(
    client, desk, clock
):
    embargoed = make_article(
        title="Embargoed exclusive",
        section=desk["section"],
        publish_at=clock.now + timedelta(hours=1),
    )
    frontpages.set_line_up(
        frontpages.home_front_page(),
        [embargoed, desk["stories"]["fourth"]],
        by=desk["editor"],
    )

    assert lead_on(client) == "fourth"
    assert "Embargoed exclusive" not in client.get("/").content.decode()
    clock.advance(minutes=59)
    assert "Embargoed exclusive" not in client.get("/").content.decode()

    clock.advance(minutes=1)

    assert lead_on(client) == "Embargoed exclusive"
    assert top_stories_on(client)[0] == "fourth"


def test_a_story_taken_off_the_site_leaves_its_slot_empty_for_readers(client, desk):
    stories = desk["stories"]
    frontpages.set_line_up(
        frontpages.home_front_page(), [stories["oldest"]], by=desk["editor"]
    )

    stories["oldest"].unpublish()

    assert lead_on(client) == "newest"
    assert "oldest" not in text(one(parse(client.get("/")), "main"))


def test_only_those_who_may_publish_change_a_front_page(client, desk):
    contributor = make_user("Contributor")
    home = frontpages.home_front_page()

    response = post_line_up(logged_in(contributor), home, [desk["stories"]["oldest"]])

    assert response.status_code == 403
    with pytest.raises(NotAllowed):
        frontpages.set_line_up(home, [desk["stories"]["oldest"]], by=contributor)
    assert not FrontPageSlot.objects.exists()
    assert lead_on(client) == "newest"


def test_the_front_page_admin_refuses_more_stories_than_the_page_has_room_for(desk):
    section_page = FrontPage.objects.create(section=desk["section"])
    stories = desk["stories"]

    response = post_line_up(
        logged_in(desk["editor"]), section_page, [stories["third"], stories["fourth"]]
    )

    assert response.status_code == 200
    assert "This page has room for 1 story" in response.content.decode()
    assert not FrontPageSlot.objects.exists()


def test_a_section_page_leads_with_its_pinned_story(client, desk, clock):
    section_page = FrontPage.objects.create(section=desk["section"])
    frontpages.set_line_up(section_page, [desk["stories"]["fourth"]], by=desk["editor"])
    make_article(title="Newer still", section=desk["section"], publish_at=clock.now)

    page = parse(client.get("/sections/world/"))

    assert text(one(one(page, "section.list-lead"), "h2")) == "fourth"
    listed = [text(h) for h in one(page, "main").select("h3")]
    assert listed == ["Newer still", "newest", "second", "third", "oldest"]


def test_a_section_pages_pinned_lead_and_list_carry_their_bylines_in_order(
    client, desk, clock
):
    anwar, byrne, cole = (make_author(name=name) for name in ("Anwar", "Byrne", "Cole"))
    pinned = make_article(
        title="Pinned", section=desk["section"], authors=[cole, anwar]
    )
    make_article(title="Listed", section=desk["section"], authors=[byrne])
    section_page = FrontPage.objects.create(section=desk["section"])
    frontpages.set_line_up(section_page, [pinned], by=desk["editor"])

    page = parse(client.get("/sections/world/"))

    assert "By Cole and Anwar" in text(one(page, "section.list-lead"))
    listed = one(page, "main").select("ul.card-list article")
    assert "By Byrne" in text(listed[0])
    assert "By" not in text(listed[1])  # "newest" has no byline


def test_a_section_page_cannot_pin_a_story_from_another_section(desk):
    elsewhere = make_article(title="Elsewhere", section=make_section())
    section_page = FrontPage.objects.create(section=desk["section"])

    with pytest.raises(ValidationError, match="not filed under World"):
        frontpages.set_line_up(section_page, [elsewhere], by=desk["editor"])


def test_a_pinned_story_moved_to_another_section_does_not_lead_its_old_page(
    client, desk
):
    section_page = FrontPage.objects.create(section=desk["section"])
    moved = desk["stories"]["fourth"]
    frontpages.set_line_up(section_page, [moved], by=desk["editor"])

    moved.section = make_section(name="Europe", slug="europe")
    moved.save()

    page = parse(client.get("/sections/world/"))
    assert page.select("section.list-lead") == []
    assert "fourth" not in text(one(page, "main"))


def test_the_database_keeps_one_home_page_and_one_story_per_slot(desk):
    home = frontpages.home_front_page()
    stories = desk["stories"]
    FrontPageSlot.objects.create(front_page=home, article=stories["third"], position=1)

    with pytest.raises(IntegrityError), transaction.atomic():
        FrontPage.objects.create(section=None)
    with pytest.raises(IntegrityError), transaction.atomic():
        FrontPageSlot.objects.create(
            front_page=home, article=stories["fourth"], position=1
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        FrontPageSlot.objects.create(
            front_page=home, article=stories["third"], position=2
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        FrontPageSlot.objects.filter(front_page=home).update(position=0)


def test_editor_swaps_two_stories_in_one_save(client, desk):
    stories = desk["stories"]
    home = frontpages.home_front_page()
    frontpages.set_line_up(
        home, [stories["third"], stories["fourth"]], by=desk["editor"]
    )
    first, second = FrontPageSlot.objects.filter(front_page=home)
    data = {
        "slots-TOTAL_FORMS": "2",
        "slots-INITIAL_FORMS": "2",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "5",
    }
    for n, (slot, position) in enumerate([(first, 2), (second, 1)]):
        data[f"slots-{n}-id"] = str(slot.pk)
        data[f"slots-{n}-front_page"] = str(home.pk)
        data[f"slots-{n}-position"] = str(position)
        data[f"slots-{n}-article"] = str(slot.article_id)

    response = logged_in(desk["editor"]).post(
        reverse("admin:articles_frontpage_change", args=[home.pk]), data
    )

    assert response.status_code == 302
    assert lead_on(client) == "fourth"
    assert top_stories_on(client)[0] == "third"


def test_editor_opens_the_home_page_form_with_a_row_for_each_slot(desk):
    home = frontpages.home_front_page()
    frontpages.set_line_up(home, [desk["stories"]["third"]], by=desk["editor"])

    response = logged_in(desk["editor"]).get(
        reverse("admin:articles_frontpage_change", args=[home.pk])
    )

    assert response.status_code == 200
    page = parse(response)
    assert one(page, "#id_slots-TOTAL_FORMS")["value"] == "5"
    assert one(page, "#id_slots-MAX_NUM_FORMS")["value"] == "5"
    chosen = one(page, "#id_slots-0-article option[selected]")
    assert text(chosen) == "third"


def test_the_front_pages_are_hidden_from_contributors_in_the_admin(desk):
    client = logged_in(make_user("Contributor"))

    assert client.get(reverse("admin:articles_frontpage_changelist")).status_code == 403
    assert "Front pages" not in client.get(reverse("admin:index")).content.decode()
    editor_index = logged_in(desk["editor"]).get(reverse("admin:index"))
    assert "Front pages" in editor_index.content.decode()


def test_adding_a_second_home_page_is_refused_with_a_message(desk):
    frontpages.home_front_page()
    data = {
        "section": "",
        "slots-TOTAL_FORMS": "0",
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "5",
    }

    response = logged_in(desk["editor"]).post(
        reverse("admin:articles_frontpage_add"), data
    )

    assert response.status_code == 200
    assert "That page already has a front page" in response.content.decode()
    assert FrontPage.objects.count() == 1
