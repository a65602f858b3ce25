"""Site search: the same tests on SQLite (FTS5) and PostgreSQL (tsvector).

`make test` runs this file on both databases; the fixtures are the same.
"""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection

from articles import search, workflow
from articles.models import Article, Tag
from articles.search import terms as search_terms
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_future,
    make_section,
    make_user,
)
from tests.soup import one, parse, text
from tests.story_admin import logged_in, open_form, post_form

pytestmark = pytest.mark.django_db

WORD = "cranes"


def found(query, **filters):
    """Return the titles search finds for `query`, best first."""
    return [story.title for story in search.search(search.parse(query), **filters)]


def result_titles(response):
    return [text(a) for a in parse(response).select(".result__title a")]


@pytest.fixture
def newsroom(clock):
    """Stories that match WORD in different places, and hidden ones that match best.

    The hidden stories are the newest and carry the word in their headline,
    so any leak would come first.
    """
    ports = make_section(name="Ports", slug="ports")
    politics = make_section(name="Politics", slug="politics")
    reporter = make_author(name="Samira Nassif", slug="samira-nassif")
    stories = {
        "title": make_article(
            title="Harbour cranes stand idle",
            standfirst="Dockers walk out over pay.",
            body="<p>The quays were silent on Monday.</p>",
            section=ports,
            authors=[reporter],
            publish_at=clock.now - timedelta(days=3),
        ),
        "standfirst": make_article(
            title="Quayside quiet",
            standfirst="Container cranes are parked at every berth.",
            body="<p>Nothing moved on Tuesday.</p>",
            section=ports,
            publish_at=clock.now - timedelta(days=2),
        ),
        "body": make_article(
            title="Port talks stall",
            standfirst="Unions and owners meet again next week.",
            body="<p>Negotiators met beside the cranes &amp; the gantries; "
            "a &lt;script&gt; tag in the text stays text.</p>",
            section=politics,
            tags=["Labour disputes"],
            publish_at=clock.now - timedelta(days=1),
        ),
        "other": make_article(
            title="Budget passes",
            standfirst="Parliament approves spending.",
            body="<p>The vote was close.</p>",
            section=politics,
            publish_at=clock.now - timedelta(hours=2),
        ),
    }
    hidden = {
        "draft": make_draft(title="Draft about cranes", section=ports),
        "scheduled": make_future(title="Scheduled cranes story", section=ports),
        "expired": make_article(
            title="Expired cranes story",
            section=ports,
            publish_at=clock.now - timedelta(days=5),
            expires_at=clock.now - timedelta(minutes=1),
        ),
        "unpublished": make_article(
            title="Pulled cranes story",
            section=ports,
            status=Article.Status.UNPUBLISHED,
        ),
        "taken_down": make_article(
            title="Taken down cranes story",
            section=ports,
            status=Article.Status.TAKEN_DOWN,
        ),
    }
    return stories, hidden


# ------------------------------------------------------------------ ranking


def test_a_headline_match_beats_a_standfirst_match_beats_a_newer_body_match(newsroom):
    assert found(WORD) == [
        "Harbour cranes stand idle",
        "Quayside quiet",
        "Port talks stall",
    ]


def test_equal_matches_come_newest_first(clock):
    for days, title in [(3, "Oldest"), (1, "Newest"), (2, "Middle")]:
        make_article(
            title=title,
            standfirst="Cranes idle.",
            body="<p>Cranes idle.</p>",
            publish_at=clock.now - timedelta(days=days),
        )

    assert found("cranes") == ["Newest", "Middle", "Oldest"]


def test_other_forms_of_a_word_match_it(newsroom):
    assert found("crane") == found(WORD)
    assert "Harbour cranes stand idle" in found("dockers walking")


def test_topics_and_bylines_are_searched(newsroom):
    assert found("labour disputes") == ["Port talks stall"]
    assert found("Nassif") == ["Harbour cranes stand idle"]


def test_every_word_must_match(newsroom):
    assert found("cranes gantries") == ["Port talks stall"]
    assert found("cranes budget") == []


def test_quoted_words_must_appear_together(newsroom):
    assert found('"container cranes"') == ["Quayside quiet"]
    assert found('"cranes container"') == []


def test_a_minus_leaves_out_stories_with_the_word(newsroom):
    assert found("cranes -gantries") == ["Harbour cranes stand idle", "Quayside quiet"]
    # Only exclusions: nothing to look for, so nothing is found.
    assert found("-gantries") == []


def test_common_words_alone_find_nothing_on_either_database(newsroom):
    assert found("the") == []
    assert found("the cranes") == found(WORD)


# ------------------------------------------------------------------ visibility


def test_drafts_scheduled_expired_unpublished_and_taken_down_stories_are_never_found(
    newsroom, client
):
    _, hidden = newsroom
    hidden_titles = {story.title for story in hidden.values()}

    for query in [WORD, "story", "draft", "scheduled", "expired", "pulled", "taken"]:
        assert not hidden_titles & set(found(query)), query
        response = client.get("/search/", {"q": query})
        assert not hidden_titles & set(result_titles(response)), query


def test_a_story_leaves_search_the_moment_it_stops_being_public(newsroom, clock):
    stories, _ = newsroom
    editor = make_user("Editor")
    story = stories["title"]
    assert story.title in found(WORD)

    workflow.unpublish(story, by=editor)
    assert story.title not in found(WORD)

    workflow.publish(story, by=editor, override_reason="Back")
    assert story.title in found(WORD)

    workflow.take_down(story, by=editor, reason="Legal")
    assert story.title not in found(WORD)


def test_a_story_leaves_search_when_its_expiry_time_passes(clock):
    make_article(title="Cranes today", expires_at=clock.now + timedelta(hours=1))
    assert found(WORD) == ["Cranes today"]

    clock.advance(hours=1)

    assert found(WORD) == []


def test_a_scheduled_story_is_found_from_its_publish_time(clock):
    make_future(title="Cranes tomorrow", publish_at=clock.now + timedelta(hours=1))
    assert found(WORD) == []

    clock.advance(hours=1)

    assert found(WORD) == ["Cranes tomorrow"]


# ------------------------------------------------------------------ the index


def test_an_edit_in_the_admin_is_found_by_its_new_words(clock):
    editor = make_user("Editor")
    story = make_draft(title="Harbour news", authors=[make_author()])
    client = logged_in(editor)

    post_form(client, story, open_form(client, story), title="Gantry cranes return")
    workflow.publish(Article.objects.get(pk=story.pk), by=editor, override_reason="x")

    assert found("gantry") == ["Gantry cranes return"]
    assert found("harbour") == []


def test_published_changes_to_a_live_story_are_found_once_published(clock):
    editor = make_user("Editor")
    story = make_article(title="Harbour news", authors=[make_author()])
    client = logged_in(editor)

    post_form(client, story, open_form(client, story), title="Gantry cranes return")
    # Pending: readers, and search, still see the live version.
    assert found("gantry") == []
    assert found("harbour") == ["Harbour news"]

    workflow.publish_pending(Article.objects.get(pk=story.pk), by=editor)

    assert found("gantry") == ["Gantry cranes return"]
    assert found("harbour") == []


def test_renaming_a_topic_or_author_in_the_admin_updates_their_stories(clock):
    author = make_author(name="Imogen Varley")
    make_article(title="Port report", tags=["Shipping"], authors=[author])
    admin = logged_in(make_user("Administrator", is_superuser=True))
    tag = Tag.objects.get(name="Shipping")

    admin.post(
        f"/admin/articles/tag/{tag.pk}/change/", {"name": "Maritime", "slug": tag.slug}
    )
    admin.post(
        f"/admin/articles/author/{author.pk}/change/",
        {"name": "Imogen Hart", "slug": author.slug, "bio": "", "user": ""},
    )

    assert found("maritime") == ["Port report"]
    assert found("shipping") == []
    assert found("hart") == ["Port report"]
    assert found("varley") == []


def test_a_deleted_story_leaves_the_index_and_its_number_is_not_haunted(clock):
    story = make_article(title="Cranes fall silent")
    pk = story.pk
    story.delete()
    search.index_stories([pk])

    # A story given the same primary key (a recovery) is found by its own words only.
    make_article(pk=pk, title="Budget passes", body="<p>Spending approved.</p>")

    assert found(WORD) == []
    assert found("budget") == ["Budget passes"]


# ------------------------------------------------------------------ the page


def test_results_are_linked_headlines_with_highlighted_snippets(newsroom, client):
    response = client.get("/search/", {"q": "cranes"})

    assert response.status_code == 200
    results = parse(response).select(".result")
    assert [text(one(r, ".result__title a")) for r in results] == [
        "Harbour cranes stand idle",
        "Quayside quiet",
        "Port talks stall",
    ]
    link = one(results[0], ".result__title a")["href"]
    assert link == newsroom[0]["title"].get_absolute_url()
    # A headline-only match shows the teaser; others show where the word is.
    assert not results[0].select("mark")
    assert [text(m) for m in one(results[1], ".result__snippet").select("mark")] == [
        "cranes"
    ]
    body_snippet = one(results[2], ".result__snippet")
    assert [text(m) for m in body_snippet.select("mark")] == ["cranes"]
    assert "cranes & the gantries" in text(body_snippet)
    # Text that looks like markup stays text.
    assert "<script>" in text(body_snippet)
    assert not body_snippet.select("script")


def test_snippets_are_made_for_the_results_shown_only(newsroom):
    stories, _ = newsroom
    terms = search.parse(WORD)

    snippets = search.snippets([stories["body"]], terms)

    assert list(snippets) == [stories["body"].pk]
    assert "<mark>cranes</mark>" in snippets[stories["body"].pk]
    assert search.snippets([], terms) == {}


def test_results_can_be_narrowed_to_a_section(newsroom, client):
    assert found(WORD, section_slug="politics") == ["Port talks stall"]

    response = client.get("/search/", {"q": WORD, "section": "ports"})

    assert result_titles(response) == ["Harbour cranes stand idle", "Quayside quiet"]
    selected = one(parse(response), "#search-section option[selected]")
    assert selected["value"] == "ports"


def test_results_can_be_narrowed_to_a_topic(newsroom, client):
    response = client.get("/search/", {"q": WORD, "tag": "labour-disputes"})

    assert result_titles(response) == ["Port talks stall"]
    page = parse(response)
    assert one(page, "input[type=hidden][name=tag]")["value"] == "labour-disputes"
    assert "Labour disputes" in text(one(page, ".search-filter"))


def test_an_unknown_topic_or_section_finds_nothing_without_an_error(newsroom, client):
    for params in [{"tag": "no-such-topic"}, {"section": "no-such-section"}]:
        response = client.get("/search/", {"q": WORD, **params})

        assert response.status_code == 200
        assert result_titles(response) == []
        assert "No stories match" in text(one(parse(response), ".search-results"))


def test_results_are_paged_and_the_pages_keep_the_query(clock, client):
    per_page = settings.ARTICLES_PER_PAGE
    for number in range(per_page + 1):
        make_article(
            title=f"Cranes {number}", publish_at=clock.now - timedelta(hours=number)
        )

    first = client.get("/search/", {"q": WORD, "section": ""})
    older = one(parse(first), ".pagination a[rel=next]")["href"]
    second = client.get(f"/search/{older}")

    assert len(result_titles(first)) == per_page
    assert "q=cranes" in older and "page=2" in older
    assert result_titles(second) == [f"Cranes {per_page}"]
    assert client.get("/search/", {"q": WORD, "page": 3}).status_code == 404


def test_the_empty_search_page_invites_a_query(client):
    response = client.get("/search/")

    assert response.status_code == 200
    page = parse(response)
    assert result_titles(response) == []
    assert "Type a few words" in text(one(page, ".search-results__summary"))
    assert one(page, "meta[name=robots]")["content"] == "noindex"


def test_every_reader_page_has_a_labelled_search_form_in_its_header(newsroom, client):
    stories, _ = newsroom
    for url in [
        "/",
        stories["title"].get_absolute_url(),
        "/sections/ports/",
        "/search/",
    ]:
        form = one(parse(client.get(url)), "header form[role=search]")

        assert form["action"] == "/search/"
        assert form["method"] == "get"
        field = one(form, "input[name=q]")
        assert field["type"] == "search"
        assert text(one(form, f"label[for={field['id']}]")) == "Search stories"
        assert text(one(form, "button[type=submit]")) == "Search"


# ------------------------------------------------------------------ hostile input

# (what a reader typed, whether it still finds "Harbour cranes stand idle").
# Every word typed must match, so stray words (NEAR, title, 1) find nothing.
HOSTILE_QUERIES = [
    ("", False),
    ("   ", False),
    ("x" * 5000, False),
    ("cranes " * 1000, True),
    ('"cranes', True),
    ('cranes"', True),
    ('"', False),
    ('""', False),
    ("*", False),
    ("cranes*", True),
    ("AND", False),
    ("OR", False),
    ("NOT", False),
    ("cranes AND", True),
    ("AND cranes", True),
    ("cranes OR", True),
    ("-", False),
    ("--", False),
    ("-cranes", False),
    ("NEAR", False),
    ("NEAR(cranes idle)", False),
    ("cranes NEAR/2 idle", False),
    ("title:cranes", False),
    ("{title standfirst}: cranes", False),
    ("^cranes", True),
    ("(cranes", True),
    ("cranes)", True),
    ("'; DROP TABLE articles_article; --", False),
    ("1' OR '1'='1", False),
    ('cranes" OR 1=1 --', False),
    ("cranes & | ! <-> :*", True),
    ("\x00", False),
    ("cranes\x00idle", True),
    ("\x00cranes", True),
    ("%", False),
    ("_", False),
    ("\\", False),
    ("\u200b", False),
    ("中文", False),
    ("🙂", False),
    ("<script>alert(1)</script>", False),
]


@pytest.mark.parametrize(
    ("query", "finds_story"), HOSTILE_QUERIES, ids=lambda q: repr(q)[:30]
)
def test_hostile_queries_answer_a_page_never_an_error(
    newsroom, client, query, finds_story
):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    page = parse(response)
    assert one(page, "#search-query")["value"] == search_terms.parse(query).text
    titles = result_titles(response)
    hidden = {story.title for story in newsroom[1].values()}
    assert not hidden & set(titles)
    assert ("Harbour cranes stand idle" in titles) is finds_story


def test_a_query_is_cut_to_a_bounded_size():
    terms = search.parse(" ".join(f"word{n}" for n in range(500)) + " " + "y" * 5000)

    assert len(terms.text) <= search_terms.MAX_QUERY_LENGTH
    assert len(terms.required) <= search_terms.MAX_TERMS


def test_parsing_keeps_words_phrases_and_exclusions_apart():
    terms = search.parse('Port "container cranes" -strike NEAR \x00 AND the')

    assert terms.required == (("port",), ("container", "cranes"), ("near",))
    assert terms.excluded == (("strike",),)


def test_only_the_newest_matches_are_ranked_when_a_query_matches_too_many(
    clock, monkeypatch
):
    monkeypatch.setattr("articles.search.RANKED_MATCHES", 2)
    make_article(
        title="Cranes, the best match",
        publish_at=clock.now - timedelta(days=3),
    )
    make_article(
        title="Newer", body="<p>Cranes.</p>", publish_at=clock.now - timedelta(days=2)
    )
    make_article(
        title="Newest", body="<p>Cranes.</p>", publish_at=clock.now - timedelta(days=1)
    )

    # Ranked among themselves; the older, better match is past the cut.
    assert found(WORD) == ["Newest", "Newer"]


def test_a_rare_match_older_than_many_others_is_still_found(clock, monkeypatch):
    monkeypatch.setattr("articles.search.RANKED_MATCHES", 2)
    make_article(title="Gantry cranes", publish_at=clock.now - timedelta(days=30))
    for days in range(1, 4):
        make_article(
            title=f"Cranes {days}", publish_at=clock.now - timedelta(days=days)
        )

    assert found("gantry") == ["Gantry cranes"]


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite keeps an FTS5 table instead"
)
def test_postgresql_keeps_the_search_document_in_the_story_row():
    # Out of the row (TOAST), every match tested while walking the newest
    # stories reads a second table: search at 100,000 stories took 3× longer.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'articles_article'::regclass AND attname = 'search_vector'"
        )
        assert cursor.fetchone() == ("m",)
