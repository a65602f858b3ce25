"""Story bodies keep our allow-list of markup, whatever writes them; teasers cut cleanly."""

import pytest

from articles.models import Article
from articles.sanitise import sanitise_html
from articles.text import teaser
from tests.factories import make_article, make_section
from tests.soup import one, parse, text

# (hostile HTML, strings that must not survive, text that should survive)
HOSTILE = {
    "script": (
        "<p>Before</p><script>alert('owned')</script><p>After</p>",
        ["<script", "alert("],
        ["Before", "After"],
    ),
    "script-uppercase": (
        "<p>Text</p><SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        ["<script", "evil.example"],
        ["Text"],
    ),
    "onclick": (
        '<p onclick="steal(document.cookie)">Click me</p>',
        ["onclick", "steal("],
        ["Click me"],
    ),
    "onerror": (
        '<img src="x" onerror="steal()"><p>Caption</p>',
        ["onerror", "steal(", "<img"],
        ["Caption"],
    ),
    "onmouseover-on-link": (
        '<a href="https://example.org/" onmouseover="steal()">Hover</a>',
        ["onmouseover", "steal("],
        ["Hover", 'href="https://example.org/"'],
    ),
    "javascript-url": (
        '<a href="javascript:alert(1)">Prize</a>',
        ["javascript:", "alert("],
        ["Prize"],
    ),
    "javascript-url-mixed-case": (
        '<a href="JaVaScRiPt:alert(1)">Prize</a>',
        ["javascript:", "alert("],
        ["Prize"],
    ),
    "javascript-url-entity-encoded": (
        '<a href="&#106;avascript:alert(1)">Prize</a>',
        ["javascript:", "alert(", "&#106;"],
        ["Prize"],
    ),
    "javascript-url-with-whitespace": (
        '<a href=" javascript:alert(1)">Prize</a>',
        ["javascript:", "alert("],
        ["Prize"],
    ),
    "data-url": (
        '<a href="data:text/html;base64,PHNjcmlwdD4=">Open</a>',
        ["data:", "base64"],
        ["Open"],
    ),
    "style-attribute": (
        '<p style="position:fixed;top:0">Overlay</p>',
        ["style", "position:fixed"],
        ["Overlay"],
    ),
    "style-element": (
        "<style>body{display:none}</style><p>Visible</p>",
        ["<style", "display:none"],
        ["Visible"],
    ),
    "iframe": (
        '<iframe src="https://evil.example/"></iframe><p>Story</p>',
        ["<iframe", "evil.example"],
        ["Story"],
    ),
    "svg-onload": (
        '<svg onload="steal()"><circle r="1"/></svg><p>Chart</p>',
        ["<svg", "onload", "steal("],
        ["Chart"],
    ),
    "form": (
        '<form action="https://evil.example/"><input name="password"></form>',
        ["<form", "<input", "evil.example"],
        [],
    ),
    "object-embed": (
        '<object data="x.swf"></object><embed src="x.swf"><p>Media</p>',
        ["<object", "<embed", "x.swf"],
        ["Media"],
    ),
}

ALLOWED_BODY = (
    "<h2>A heading</h2>"
    "<p>Some <strong>bold</strong> and <em>italic</em> words, and "
    '<a href="https://example.org/report">a link</a>.</p>'
    "<blockquote><p>A pull quote.</p></blockquote>"
    "<ul><li>First point</li><li>Second point</li></ul>"
)


def assert_clean(html, forbidden, kept):
    lowered = html.lower()
    for needle in forbidden:
        assert needle.lower() not in lowered, f"{needle!r} survived in {html!r}"
    for needle in kept:
        assert needle in html, f"{needle!r} was lost from {html!r}"


# ---------------------------------------------------------- sanitise_html()


@pytest.mark.parametrize(("html", "forbidden", "kept"), HOSTILE.values(), ids=HOSTILE)
def test_sanitise_html_strips_hostile_markup(html, forbidden, kept):
    assert_clean(sanitise_html(html), forbidden, kept)


def test_sanitise_html_keeps_the_markup_editors_use():
    tree = parse(sanitise_html(ALLOWED_BODY))

    assert text(one(tree, "h2")) == "A heading"
    assert text(one(tree, "strong")) == "bold"
    assert text(one(tree, "em")) == "italic"
    assert text(one(one(tree, "blockquote"), "p")) == "A pull quote."
    assert [text(li) for li in one(tree, "ul").select("li")] == [
        "First point",
        "Second point",
    ]
    link = one(tree, "a")
    assert link["href"] == "https://example.org/report"
    assert text(link) == "a link"


def test_sanitise_html_marks_links_so_they_pass_no_referrer_or_opener():
    link = one(parse(sanitise_html('<a href="https://example.org/">x</a>')), "a")

    assert set(link["rel"]) == {"noopener", "noreferrer", "nofollow"}


def test_sanitise_html_keeps_mailto_links_and_drops_unknown_schemes():
    html = sanitise_html(
        '<a href="mailto:desk@example.org">Mail</a><a href="ftp://example.org/">F</a>'
    )

    links = parse(html).select("a")
    assert links[0]["href"] == "mailto:desk@example.org"
    assert not links[1].has_attr("href")


def test_sanitise_html_turns_empty_input_into_an_empty_string():
    assert sanitise_html(None) == ""
    assert sanitise_html("   ") == ""


# ---------------------------------------------------- on every model save


@pytest.mark.django_db
@pytest.mark.parametrize(("html", "forbidden", "kept"), HOSTILE.values(), ids=HOSTILE)
def test_body_is_sanitised_when_created_through_the_manager(html, forbidden, kept):
    story = Article.objects.create(
        title="Hostile", slug="hostile", body=html, section=make_section()
    )

    story.refresh_from_db()
    assert_clean(story.body, forbidden, kept)


@pytest.mark.django_db
def test_body_is_sanitised_when_an_existing_story_is_saved_again(clock):
    story = make_article(body="<p>Fine</p>")

    story.body = '<p onclick="x()">Edited</p><script>alert(1)</script>'
    story.save()

    story.refresh_from_db()
    assert story.body == "<p>Edited</p>"


@pytest.mark.django_db
def test_allowed_markup_survives_a_save(clock):
    story = make_article(body=ALLOWED_BODY)

    story.refresh_from_db()
    tree = parse(story.body)
    assert [element.name for element in tree.select("*")] == [
        "h2", "p", "strong", "em", "a", "blockquote", "p", "ul", "li", "li",
    ]  # fmt: skip


@pytest.mark.django_db
def test_story_page_serves_the_sanitised_body(client, clock):
    story = make_article(
        body='<p>Safe</p><script>alert("x")</script><img src=x onerror="steal()">'
    )

    html = client.get(story.get_absolute_url()).content.decode()
    body = one(parse(html), "div.story__body")

    assert text(one(body, "p")) == "Safe"
    assert body.select("script") == []
    assert body.select("img") == []
    assert "steal()" not in html


@pytest.mark.django_db
def test_body_is_sanitised_when_saved_through_the_admin_form(admin_client, clock):
    section = make_section()
    hostile = (
        "<p>Opening <strong>line</strong>.</p>"
        '<p onclick="steal()">Tap</p>'
        '<a href="javascript:alert(1)">Prize</a>'
        "<script>alert('owned')</script>"
        '<iframe src="https://evil.example/"></iframe>'
        "<blockquote><p>Kept quote.</p></blockquote>"
    )

    response = admin_client.post(
        "/admin/articles/article/add/",
        {
            "title": "From the admin",
            "slug": "from-the-admin",
            "standfirst": "",
            "body": hostile,
            "section": section.pk,
            "tags": "",
            "publish_at_0": "",
            "publish_at_1": "",
            "article_authors-TOTAL_FORMS": "0",
            "article_authors-INITIAL_FORMS": "0",
            "internal_notes-TOTAL_FORMS": "0",
            "internal_notes-INITIAL_FORMS": "0",
            "related_links-TOTAL_FORMS": "0",
            "related_links-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    body = Article.objects.get(slug="from-the-admin").body
    assert_clean(
        body,
        ["onclick", "steal(", "javascript:", "<script", "alert(", "<iframe", "evil"],
        ["<strong>line</strong>", "Tap", "Prize", "<blockquote><p>Kept quote.</p>"],
    )


# ---------------------------------------------------------------- teaser()

WORDS = " ".join(f"word{n}" for n in range(60))


def test_teaser_leaves_short_text_alone():
    assert teaser("A short standfirst.") == "A short standfirst."


def test_teaser_leaves_text_of_exactly_the_limit_alone():
    standfirst = "x" * 140

    assert teaser(standfirst) == standfirst


def test_teaser_cuts_long_text_at_a_word_boundary_ending_in_an_ellipsis():
    result = teaser(WORDS)

    assert result.endswith("…")
    kept = result.removesuffix("…")
    assert len(kept) <= 140
    assert WORDS.startswith(kept)
    assert WORDS[len(kept)] == " "
    assert kept.split() == WORDS.split()[: len(kept.split())]


def test_teaser_respects_a_custom_limit():
    assert teaser("one two three four", limit=10) == "one two…"


def test_teaser_drops_trailing_punctuation_before_the_ellipsis():
    assert teaser("alpha beta, gamma delta", limit=12) == "alpha beta…"


def test_teaser_cuts_a_single_overlong_word_at_the_limit():
    assert teaser("x" * 200, limit=10) == "x" * 10 + "…"


def test_teaser_strips_tags_and_collapses_whitespace():
    assert teaser("<p>One\n\n  <strong>two</strong></p>  <p>three</p>") == (
        "One two three"
    )


def test_teaser_of_nothing_is_empty():
    assert teaser("") == ""
    assert teaser(None) == ""


@pytest.mark.django_db
def test_article_teaser_prefers_the_standfirst_then_the_body(clock):
    with_standfirst = make_article(standfirst="The standfirst.", body="<p>Body.</p>")
    without = make_article(standfirst="", body="<p>Only the <em>body</em>.</p>")

    assert with_standfirst.teaser == "The standfirst."
    assert without.teaser == "Only the body."


@pytest.mark.django_db
def test_the_body_editor_and_every_save_share_one_sanitiser(clock):
    body_field = Article._meta.get_field("body")
    hostile = '<p onclick="x()">Hi <b>there</b><script>alert(1)</script></p>'

    assert body_field.sanitize is sanitise_html
    assert body_field.clean(hostile, Article()) == sanitise_html(hostile)
    assert make_article(body=hostile).body == "<p>Hi there</p>"
