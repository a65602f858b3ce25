"""The editors' admin: every page loads, lists filter, autocomplete answers, actions work."""

import pytest
from django.urls import reverse

from articles.models import Article, Tag
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_image,
    make_section,
)
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db


def admin_url(model, view, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def make_admin_objects():
    """One object of every Byline model in the admin, each with a findable name."""
    section = make_section(name="Findable section")
    image = make_image(title="Findable image")
    author = make_author(name="Findable author")
    article = make_article(
        title="Findable story",
        section=section,
        hero_image=image,
        authors=[author],
        tags=["Findable tag"],
    )
    return {
        "section": section,
        "author": author,
        "image": image,
        "article": article,
    }


# (model key, fields the add and change forms must offer)
ADMIN_FORMS = {
    "section": ["name", "slug", "description", "order"],
    "author": ["name", "slug", "bio", "user"],
    "image": ["file", "title", "alt_text", "caption", "credit"],
    "article": [
        "title",
        "slug",
        "standfirst",
        "body",
        "section",
        "hero_image",
        "tags",
        "expected_version",
        "publish_at_0",
        "publish_at_1",
        "expires_at_0",
        "expires_at_1",
        "article_authors-TOTAL_FORMS",
        "related_links-TOTAL_FORMS",
    ],  # fmt: skip
}


def field_names(response):
    fields = parse(response).select("input[name], select[name], textarea[name]")
    return {field["name"] for field in fields}


@pytest.mark.parametrize("key", ADMIN_FORMS)
def test_changelist_loads_and_lists_the_object(admin_client, clock, key):
    obj = make_admin_objects()[key]

    response = admin_client.get(admin_url(type(obj), "changelist"))

    assert response.status_code == 200
    results = one(parse(response), "table#result_list")
    assert str(obj) in text(results)
    change_links = [a["href"] for a in results.select("a")]
    assert admin_url(type(obj), "change", obj.pk) in change_links


@pytest.mark.parametrize("key", ADMIN_FORMS)
def test_add_page_loads_with_its_form_fields(admin_client, clock, key):
    model = type(make_admin_objects()[key])

    response = admin_client.get(admin_url(model, "add"))

    assert response.status_code == 200
    assert set(ADMIN_FORMS[key]) <= field_names(response)


@pytest.mark.parametrize("key", ADMIN_FORMS)
def test_change_page_loads_with_the_object_filled_in(admin_client, clock, key):
    obj = make_admin_objects()[key]

    response = admin_client.get(admin_url(type(obj), "change", obj.pk))

    assert response.status_code == 200
    assert set(ADMIN_FORMS[key]) <= field_names(response)
    assert response.context["original"] == obj
    headings = [text(h) for h in one(parse(response), "div#content").select("h2")]
    assert headings[0] == str(obj)


def test_article_change_page_offers_view_on_site_and_both_inlines(admin_client, clock):
    article = make_admin_objects()["article"]

    page = parse(admin_client.get(admin_url(Article, "change", article.pk)))

    assert one(page, "a.viewsitelink")
    headings = [text(h) for h in page.select("h2")]
    assert "Byline (in order)" in headings
    assert "Related content (curated, in order)" in headings
    assert one(page, 'input[name="slug"]')["value"] == article.slug


def test_article_changelist_shows_thumbnail_status_section_byline_and_time(
    admin_client, clock
):
    make_admin_objects()

    page = parse(admin_client.get(admin_url(Article, "changelist")))

    row = one(one(one(page, "table#result_list"), "tbody"), "tr")
    cells = {cell["class"][0]: cell for cell in row.select("td, th")}
    thumbnail = one(cells["field-thumbnail"], "img")
    image = Article.objects.get().hero_image
    # The smallest card rendition, never the original.
    assert thumbnail["src"] == f"/media/{image.renditions['card'][0]['jpeg']}"
    assert text(cells["field-state_label"]) == "Live"
    assert text(cells["field-section"]) == "Findable section"
    assert text(cells["field-byline"]) == "Findable author"
    assert text(cells["field-publish_time"]) == "16 Mar 2026, 08:30"


def test_image_changelist_shows_a_thumbnail_and_size(admin_client, clock):
    image = make_image(title="Pictured")

    row = one(one(parse(admin_client.get("/admin/media/image/")), "tbody"), "tr")

    assert one(row, "img")["src"] == f"/media/{image.renditions['card'][0]['jpeg']}"
    assert "64 × 36" in text(row)


def test_admin_index_lists_the_newsroom_and_user_models(admin_client):
    page = parse(admin_client.get("/admin/"))

    captions = [text(c) for c in page.select("caption")]
    assert any(caption.startswith("Newsroom") for caption in captions)
    links = {text(a) for a in page.select("a")}
    assert {
        "Articles",
        "Authors",
        "Images",
        "Sections",
        "Users",
        "Groups",
        "Topics",
    } <= (links)


# --------------------------------------------------- changelist filtering


@pytest.fixture
def two_stories(clock):
    world, europe = make_section(name="World"), make_section(name="Europe")
    samira, rafiq = make_author(name="Samira"), make_author(name="Rafiq")
    published = make_article(
        title="Harbour patrols", section=world, authors=[samira], tags=["Ports"]
    )
    draft = make_draft(
        title="Drone rules", section=europe, authors=[rafiq], tags=["Drones"]
    )
    return {
        "published": published,
        "draft": draft,
        "world": world,
        "rafiq": rafiq,
        "drones": Tag.objects.get(name="Drones"),
    }


def listed_titles(client, **params):
    response = client.get(admin_url(Article, "changelist"), params)
    assert response.status_code == 200
    return sorted(article.title for article in response.context["cl"].result_list)


def test_article_changelist_without_filters_lists_every_story(
    admin_client, two_stories
):
    assert listed_titles(admin_client) == ["Drone rules", "Harbour patrols"]


def test_article_changelist_filters_by_status(admin_client, two_stories):
    assert listed_titles(admin_client, status__exact="draft") == ["Drone rules"]
    assert listed_titles(admin_client, status__exact="published") == ["Harbour patrols"]


def test_article_changelist_filters_by_section(admin_client, two_stories):
    section = two_stories["world"]

    assert listed_titles(admin_client, section__id__exact=section.pk) == [
        "Harbour patrols"
    ]


def test_article_changelist_filters_by_tag(admin_client, two_stories):
    tag = two_stories["drones"]

    assert listed_titles(admin_client, tags__id__exact=tag.pk) == ["Drone rules"]


def test_article_changelist_filters_by_author(admin_client, two_stories):
    author = two_stories["rafiq"]

    assert listed_titles(admin_client, authors__id__exact=author.pk) == ["Drone rules"]


def test_article_changelist_offers_every_filter(admin_client, two_stories):
    page = parse(admin_client.get(admin_url(Article, "changelist")))

    filters = one(page, "nav#changelist-filter")
    headings = [text(h).lower() for h in filters.select("summary")]
    assert headings == [
        "by state",
        "by section",
        "by topics",
        "by authors",
    ]


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("harbour", ["Harbour patrols"]),
        ("drone", ["Drone rules"]),
        ("nothing-matches", []),
    ],
)
def test_article_changelist_searches_titles(admin_client, two_stories, term, expected):
    assert listed_titles(admin_client, q=term) == expected


def test_article_changelist_searches_slugs(admin_client, two_stories):
    slug = two_stories["draft"].slug

    assert listed_titles(admin_client, q=slug) == ["Drone rules"]


def test_article_changelist_has_a_date_hierarchy_by_publish_time(
    admin_client, two_stories
):
    page = parse(admin_client.get(admin_url(Article, "changelist")))

    links = one(page, "nav.toplinks").select("a")
    assert [a["href"] for a in links] == [
        "?publish_at__year=2026",
        "?publish_at__day=16&publish_at__month=3&publish_at__year=2026",
    ]


# ------------------------------------------------------------ autocomplete


def autocomplete(client, model_name, field_name, term):
    response = client.get(
        "/admin/autocomplete/",
        {
            "app_label": "articles",
            "model_name": model_name,
            "field_name": field_name,
            "term": term,
        },
    )
    assert response.status_code == 200
    return [result["text"] for result in response.json()["results"]]


def test_section_autocomplete_answers_matching_sections(admin_client, clock):
    make_section(name="South Asia")
    make_section(name="Europe")

    assert autocomplete(admin_client, "article", "section", "south") == ["South Asia"]
    assert autocomplete(admin_client, "article", "section", "zzz") == []


def test_hero_image_autocomplete_answers_matching_images(admin_client, clock):
    make_image(title="Harbour at dawn")
    make_image(title="Parliament")

    assert autocomplete(admin_client, "article", "hero_image", "harb") == [
        "Harbour at dawn"
    ]
    assert autocomplete(admin_client, "article", "hero_image", "zzz") == []


def test_byline_author_autocomplete_answers_matching_authors(admin_client, clock):
    make_author(name="Samira Nassif")
    make_author(name="Rafiq Anwar")

    assert autocomplete(admin_client, "articleauthor", "author", "sam") == [
        "Samira Nassif"
    ]
    assert autocomplete(admin_client, "articleauthor", "author", "zzz") == []


def test_related_story_autocomplete_answers_matching_stories(admin_client, clock):
    make_article(title="Coastal radar network expands")
    make_article(title="Election officials brace")

    assert autocomplete(admin_client, "relatedlink", "target", "radar") == [
        "Coastal radar network expands"
    ]
    assert autocomplete(admin_client, "relatedlink", "target", "zzz") == []


def test_autocomplete_is_refused_to_anonymous_visitors(client, clock):
    make_section(name="South Asia")

    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": "article", "field_name": "section"},
    )

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


# ------------------------------------------------------------------ actions


def test_publish_action_publishes_selected_drafts_keeping_publish_times(
    admin_client, clock
):
    scheduled_time = clock.now.replace(year=2027)
    writer = make_author()
    plain, scheduled, untouched = (
        make_draft(title="Plain", authors=[writer]),
        make_draft(title="Scheduled", publish_at=scheduled_time, authors=[writer]),
        make_draft(title="Untouched", authors=[writer]),
    )

    response = admin_client.post(
        admin_url(Article, "changelist"),
        {"action": "publish_selected", "_selected_action": [plain.pk, scheduled.pk]},
        follow=True,
    )

    assert "Published 2 stories." in [str(m) for m in response.context["messages"]]
    for story in (plain, scheduled, untouched):
        story.refresh_from_db()
    assert (plain.status, plain.publish_at) == ("published", clock.now)
    assert (scheduled.status, scheduled.publish_at) == ("published", scheduled_time)
    assert untouched.status == "draft"
    assert set(Article.objects.published()) == {plain}


def test_publish_action_refuses_a_story_without_a_byline_and_says_why(
    admin_client, clock
):
    writer = make_author()
    ready, bylineless = (
        make_draft(title="Ready", authors=[writer]),
        make_draft(title="Bylineless"),
    )

    response = admin_client.post(
        admin_url(Article, "changelist"),
        {"action": "publish_selected", "_selected_action": [ready.pk, bylineless.pk]},
        follow=True,
    )

    messages = [str(m) for m in response.context["messages"]]
    assert "Published 1 story." in messages
    assert "“Bylineless”: This story cannot go out yet: it has no byline." in messages
    assert set(Article.objects.published()) == {ready}


def test_unpublish_action_takes_selected_stories_off_the_site(admin_client, clock):
    chosen, kept = make_article(title="Chosen"), make_article(title="Kept")

    response = admin_client.post(
        admin_url(Article, "changelist"),
        {"action": "unpublish_selected", "_selected_action": [chosen.pk]},
        follow=True,
    )

    assert "Unpublished 1 story." in [str(m) for m in response.context["messages"]]
    chosen.refresh_from_db()
    assert chosen.status == "unpublished"
    assert set(Article.objects.published()) == {kept}
