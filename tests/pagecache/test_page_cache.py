"""Anonymous readers get cached pages that are never stale; editors never do."""

from datetime import timedelta

import pytest
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import frontpages, workflow
from articles.models import Article
from tests.factories import (
    make_article,
    make_author,
    make_image,
    make_section,
    make_user,
)
from tests.soup import one, parse, text

# Changes mark pages stale when their transaction commits, so these tests
# commit for real.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE = True
    caches["default"].clear()
    return caches["default"]


@pytest.fixture
def newsroom(clock):
    section = make_section(name="Europe", slug="europe")
    writer = make_author(name="Imogen Varley", slug="imogen")
    lead = make_article(
        title="Rail security review",
        slug="rail-review",
        section=section,
        authors=[writer],
        tags=["Rail"],
        hero_image=make_image(credit="Photo: Byline"),
    )
    return {"section": section, "writer": writer, "lead": lead}


def cached(client, url):
    """GET `url` twice; return the second response, which should be a hit."""
    client.get(url)
    return client.get(url)


READER_PAGES = ["/", "/stories/rail-review/", "/sections/europe/", "/authors/imogen/"]


@pytest.mark.parametrize("url", READER_PAGES)
def test_a_second_anonymous_request_is_served_without_queries_or_templates(
    client, page_cache, newsroom, url, django_assert_num_queries
):
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.templates == []
    assert second.content == first.content


def test_a_hit_sets_no_cookie_and_does_not_vary_on_cookie(client, page_cache, newsroom):
    first = client.get("/")
    second = client.get("/")

    for response in (first, second):
        assert not response.cookies
        assert "Cookie" not in response.get("Vary", "")
        assert response["Cache-Control"].startswith("public, max-age=0, s-maxage=")
        assert "stale-while-revalidate=" in response["Cache-Control"]


def test_matching_etag_gets_304_and_no_body(client, page_cache, newsroom):
    etag = client.get("/").headers["ETag"]

    response = client.get("/", headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_stale_etag_gets_the_new_page(client, page_cache, newsroom):
    url = newsroom["lead"].get_absolute_url()
    etag = client.get(url).headers["ETag"]
    editor = make_user("Editor")
    workflow.add_correction(
        newsroom["lead"], by=editor, kind="update", text="Two more stations."
    )

    response = client.get(url, headers={"If-None-Match": etag})

    assert response.status_code == 200
    assert response["ETag"] != etag
    assert b"Two more stations." in response.content


def test_a_change_elsewhere_still_gets_304_for_unchanged_bytes(
    client, page_cache, newsroom
):
    etag = client.get("/authors/imogen/").headers["ETag"]
    editor = make_user("Editor")
    workflow.add_correction(newsroom["lead"], by=editor, kind="clarification", text="x")

    response = client.get("/authors/imogen/", headers={"If-None-Match": etag})

    assert response["X-Page-Cache"] == "miss"
    assert response.status_code == 304


def test_surrogate_keys_name_the_story_its_section_byline_topics_and_image(
    client, page_cache, newsroom
):
    lead = newsroom["lead"]
    tag = lead.tags.get()

    response = client.get(lead.get_absolute_url())

    keys = set(response["Surrogate-Key"].split())
    assert keys == {
        f"story-{lead.pk}",
        f"section-{newsroom['section'].pk}",
        f"author-{newsroom['writer'].pk}",
        f"tag-{tag.pk}",
        f"image-{lead.hero_image_id}",
        "sections",
    }
    assert response["Cache-Tag"] == ",".join(sorted(keys))


def test_list_page_keys_name_its_owner_and_every_story_on_it(
    client, page_cache, newsroom
):
    other = make_article(section=newsroom["section"], slug="second")

    keys = set(client.get("/sections/europe/")["Surrogate-Key"].split())

    assert {
        f"section-{newsroom['section'].pk}",
        f"story-{newsroom['lead'].pk}",
        f"story-{other.pk}",
    } <= keys


def test_publishing_a_story_refreshes_the_cached_home_page(
    client, page_cache, newsroom, clock
):
    editor = make_user("Editor")
    draft = make_article(
        title="Ferry checks widen", published=False, authors=[newsroom["writer"]]
    )
    assert "Ferry checks widen" not in cached(client, "/").content.decode()

    workflow.publish(draft, by=editor)

    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Ferry checks widen" in response.content.decode()


def test_publishing_changes_to_a_live_story_refreshes_its_cached_page(
    client, page_cache, newsroom
):
    editor = make_user("Editor")
    lead = newsroom["lead"]
    assert (
        "Rail security review"
        in cached(client, "/stories/rail-review/").content.decode()
    )
    snapshot = workflow.pending_or_live(lead)
    workflow.save_pending(
        lead, by=editor, snapshot={**snapshot, "title": "Rail review widens"}
    )

    # Pending changes are not public: the cached page stays what readers saw.
    assert b"Rail review widens" not in client.get("/stories/rail-review/").content

    workflow.publish_pending(lead, by=editor)

    assert b"Rail review widens" in client.get("/stories/rail-review/").content


def test_renaming_a_section_in_the_admin_refreshes_cached_pages(
    client, page_cache, newsroom
):
    assert b"Europe" in cached(client, "/stories/rail-review/").content
    admin = Client()
    admin.force_login(make_user("Administrator"))
    section = newsroom["section"]

    admin.post(
        reverse("admin:articles_section_change", args=[section.pk]),
        {"name": "Continental Europe", "slug": "europe", "description": "", "order": 1},
    )

    assert b"Continental Europe" in client.get("/stories/rail-review/").content


def test_changing_an_image_in_the_admin_refreshes_cached_pages(
    client, page_cache, newsroom
):
    image = newsroom["lead"].hero_image
    assert b"Picture number" in cached(client, "/stories/rail-review/").content
    admin = Client()
    admin.force_login(make_user("Administrator"))
    change = reverse("admin:media_image_change", args=[image.pk])

    response = admin.post(
        change,
        {
            "title": image.title,
            "alt_text": "Commuters pass a ticket barrier",
            "caption": "",
            "credit": "Photo: Byline",
            "focal_x": "50",
            "focal_y": "50",
        },
    )

    assert response.status_code == 302
    assert (
        b"Commuters pass a ticket barrier"
        in client.get("/stories/rail-review/").content
    )


def test_a_scheduled_story_appears_on_the_cached_home_page_at_its_time(
    client, page_cache, newsroom, clock, settings
):
    # Longer than the wait below, so only the schedule can end the cached page.
    settings.PAGE_CACHE_TIMEOUT = 3 * 3600
    editor = make_user("Editor")
    embargoed = make_article(
        title="Embargoed report", published=False, authors=[newsroom["writer"]]
    )
    workflow.schedule(embargoed, by=editor, at=clock.now + timedelta(hours=1))
    assert b"Embargoed report" not in cached(client, "/").content

    clock.advance(minutes=59)
    assert client.get("/")["X-Page-Cache"] == "hit"
    clock.advance(minutes=1)

    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert b"Embargoed report" in response.content


def test_a_scheduled_story_in_the_lead_slot_leads_the_cached_home_page_at_its_time(
    client, page_cache, newsroom, clock, settings
):
    settings.PAGE_CACHE_TIMEOUT = 3 * 3600
    editor = make_user("Editor")
    embargoed = make_article(
        title="Embargoed report",
        publish_at=clock.now + timedelta(hours=1),
        authors=[newsroom["writer"]],
    )
    frontpages.set_line_up(frontpages.home_front_page(), [embargoed], by=editor)
    assert b"Embargoed report" not in cached(client, "/").content

    clock.advance(minutes=59)
    assert client.get("/")["X-Page-Cache"] == "hit"
    clock.advance(minutes=1)

    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    lead = one(parse(response), "section.lead")
    assert text(one(lead, "h2")) == "Embargoed report"


def test_changing_the_front_page_refreshes_the_cached_home_page(
    client, page_cache, newsroom, clock
):
    older = make_article(
        title="Older analysis", publish_at=clock.now - timedelta(days=2)
    )
    assert text(one(one(parse(cached(client, "/")), "section.lead"), "h2")) == (
        "Rail security review"
    )

    frontpages.set_line_up(
        frontpages.home_front_page(), [older], by=make_user("Editor")
    )

    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert text(one(one(parse(response), "section.lead"), "h2")) == "Older analysis"


def test_an_expiring_story_leaves_the_cached_home_page_at_its_time(
    client, page_cache, newsroom, clock
):
    Article.objects.filter(pk=newsroom["lead"].pk).update(
        expires_at=clock.now + timedelta(hours=2)
    )
    assert b"Rail security review" in cached(client, "/").content

    clock.advance(hours=2)

    assert b"Rail security review" not in client.get("/").content


def test_a_signed_in_editor_neither_reads_nor_writes_the_cache(
    client, page_cache, newsroom
):
    editor = Client()
    editor.force_login(make_user("Editor"))

    first = editor.get("/")
    assert "X-Page-Cache" not in first
    assert client.get("/")["X-Page-Cache"] == "miss"
    second = editor.get("/")

    assert "X-Page-Cache" not in second
    assert second.templates != []


def test_previews_are_never_cached(client, page_cache, newsroom):
    editor = make_user("Editor")
    draft = make_article(slug="draft-report", published=False)
    _, token = workflow.create_preview_link(draft, by=editor)
    url = reverse("articles:preview", args=[token])

    client.get(url)
    response = client.get(url)

    assert "X-Page-Cache" not in response
    assert response["Cache-Control"] == "private, no-store"


def test_unknown_query_parameters_bypass_the_cache(client, page_cache, newsroom):
    client.get("/?utm_source=feed")
    response = client.get("/?utm_source=feed")

    assert "X-Page-Cache" not in response
    assert len(page_cache._cache) == 0


def test_page_cache_off_renders_every_request(client, settings, newsroom):
    settings.PAGE_CACHE = False

    client.get("/")
    response = client.get("/")

    assert "X-Page-Cache" not in response
    assert response.templates != []


# ------------------------------------------------------------------ faults


def test_reader_pages_render_when_the_cache_server_is_down(client, settings, newsroom):
    settings.PAGE_CACHE = True
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            # Nothing listens on port 1.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }

    for url in READER_PAGES:
        assert client.get(url).status_code == 200


@pytest.fixture
def database_down(monkeypatch):
    """Make every new query fail as if the database server had gone away."""

    def refuse(execute, sql, params, many, context):
        raise OperationalError("could not connect to server: Connection refused")

    def install():
        return connection.execute_wrapper(refuse)

    return install


def test_with_the_database_down_a_cached_page_is_served_and_others_get_503(
    client, page_cache, newsroom, database_down
):
    cached(client, "/")

    with database_down():
        cached_page = client.get("/")
        uncached_page = client.get("/sections/europe/")

    assert cached_page.status_code == 200
    assert cached_page["X-Page-Cache"] == "hit"
    assert uncached_page.status_code == 503
    assert uncached_page["Retry-After"] == "30"
    assert b"Back in a moment" in uncached_page.content


def test_with_the_database_down_a_stale_page_stands_in(
    client, page_cache, newsroom, database_down
):
    cached(client, "/")
    editor = make_user("Editor")
    workflow.add_correction(newsroom["lead"], by=editor, kind="update", text="More.")

    with database_down():
        response = client.get("/")

    assert response.status_code == 200
    assert response["X-Page-Cache"] == "stale"
    assert b"Rail security review" in response.content


def test_a_hit_carries_the_security_headers_of_the_render(client, page_cache, newsroom):
    rendered = client.get("/")
    hit = client.get("/")

    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "Cross-Origin-Opener-Policy",
        "Content-Type",
        "Surrogate-Key",
    ):
        assert hit[header] == rendered[header]


def test_an_unknown_host_is_refused_and_nothing_is_stored(client, page_cache, newsroom):
    response = client.get("/", headers={"Host": "evil.example"})

    assert response.status_code == 400
    assert len(page_cache._cache) == 0


def test_a_failing_query_with_the_database_up_is_a_500_not_an_outage(
    page_cache, newsroom
):
    def missing_table(execute, sql, params, many, context):
        if sql.strip().upper() == "SELECT 1":
            return execute(sql, params, many, context)
        raise OperationalError("no such table: articles_article")

    reader = Client(raise_request_exception=False)
    with connection.execute_wrapper(missing_table):
        response = reader.get("/sections/europe/")

    assert response.status_code == 500


def test_a_miss_costs_one_query_more_than_the_render_alone(
    client, page_cache, newsroom, settings
):
    # The render's own queries are pinned in tests/articles/test_query_counts.py
    # (with the cache off); storing the page asks once for the next scheduled
    # go-live or expiry, which bounds how long it stays valid.
    settings.PAGE_CACHE = False
    with CaptureQueriesContext(connection) as render_alone:
        client.get("/")
    settings.PAGE_CACHE = True

    with CaptureQueriesContext(connection) as miss:
        assert client.get("/")["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as hit:
        assert client.get("/")["X-Page-Cache"] == "hit"

    assert len(miss) == len(render_alone) + 1
    assert len(hit) == 0
