"""What every reader page carries besides the news: icons, footer, about page,
page headers, share row, and no empty boxes where a story lacks something."""

import pytest

from tests.factories import make_article, make_author, make_draft, make_section
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db


def test_favicon_ico_sends_browsers_to_the_static_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("/img/favicon.ico")


def test_every_page_links_its_icons_from_our_static_files(client, clock):
    page = parse(client.get("/"))

    icons = {link["rel"][0]: link["href"] for link in page.select("link[rel*=icon]")}
    assert icons["icon"].startswith("/static/img/favicon")
    assert icons["apple-touch-icon"] == "/static/img/apple-touch-icon.png"


def test_footer_lists_sections_about_contact_and_feeds(client, clock):
    make_section(name="Europe", slug="europe")

    footer = one(parse(client.get("/")), "footer.site-footer")

    links = {text(a): a["href"] for a in footer.select("a")}
    assert links["Europe"] == "/sections/europe/"
    assert links["About us"] == "/about/"
    assert links["Contact"] == "/about/#contact"
    assert links["RSS feed"] == "/feed/"
    assert links["Atom feed"] == "/feed/atom/"


def test_about_page_has_a_contact_heading_the_footer_links_to(client, clock):
    page = parse(client.get("/about/"))

    assert text(one(page, "h1")) == "About us"
    assert text(one(page, "h2#contact")) == "Contact"


@pytest.mark.parametrize(
    "url, kicker",
    [
        ("/sections/europe/", "Section"),
        ("/tags/ports/", "Topic"),
        ("/authors/imogen/", "Author"),
    ],
)
def test_section_topic_and_author_pages_share_one_header(client, clock, url, kicker):
    make_article(
        section=make_section(name="Europe", slug="europe"),
        authors=[make_author(name="Imogen Varley", slug="imogen")],
        tags=["Ports"],
    )

    main = one(parse(client.get(url)), "main")

    header = one(main, "header.page-header")
    assert text(one(header, "p.page-kicker")) == kicker
    assert one(header, "h1")
    # One rule under the header: no second heading rule before the list.
    assert main.select(".block-heading") == []


def test_a_story_without_byline_standfirst_or_picture_has_no_empty_boxes(
    editor_client, clock
):
    draft = make_draft(standfirst="", publish_at=None)

    page = parse(editor_client.get(draft.get_absolute_url()))

    assert page.select(".story__meta, .story__standfirst, .story__hero") == []


def test_previews_have_no_share_row_and_no_share_script(editor_client, clock):
    draft = make_draft()

    page = parse(editor_client.get(draft.get_absolute_url()))

    assert text(one(page, "p.preview-banner")).startswith("Preview")
    assert page.select("section.share") == []
    assert page.select("script[src]") == []


def test_share_buttons_are_icons_with_names_for_screen_readers(client, clock):
    story = make_article()

    share = one(parse(client.get(story.get_absolute_url())), "section.share")

    facebook = one(share, 'a[data-network="facebook"]')
    assert one(facebook, "svg")["aria-hidden"] == "true"
    assert text(facebook) == "Share on Facebook (opens in a new tab)"
    native = one(share, "li.share__native")
    assert native.has_attr("hidden")
    assert one(native, "button")["data-share-url"] == (
        f"http://testserver{story.get_absolute_url()}"
    )
