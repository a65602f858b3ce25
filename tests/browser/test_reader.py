"""A reader's journey through the site, the copy-link button and the share links."""

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from articles.models import Article, Author
from tests.factories import make_article, make_author

SHARE_NETWORKS = {
    # network: (scheme and host, path, {query parameter: what it must carry})
    "x": ("https://x.com", "/intent/post", {"url": "{url}", "text": "{title}"}),
    "facebook": ("https://www.facebook.com", "/sharer/sharer.php", {"u": "{url}"}),
    "linkedin": (
        "https://www.linkedin.com",
        "/sharing/share-offsite/",
        {"url": "{url}"},
    ),
    "whatsapp": ("https://wa.me", "/", {"text": "{title} {url}"}),
    "telegram": ("https://t.me", "/share/url", {"url": "{url}", "text": "{title}"}),
    "email": ("mailto:", "", {"subject": "{title}", "body": "{url}"}),
}


def story_url(live_server, article):
    return f"{live_server.url}{article.get_absolute_url()}"


def test_reader_goes_from_home_to_story_related_card_tag_and_author(
    page, live_server, demo_newsroom
):
    # The demo's editors chose the lead (demo/content.py, FRONT_PAGE).
    lead = Article.objects.published().placed_on(None).first()

    page.goto("/")
    page.locator(".lead-story__title a").click()
    expect(page).to_have_url(story_url(live_server, lead))
    expect(page.locator("h1")).to_have_text(lead.title)

    related = page.locator(".related").get_by_role("heading", name="Related content")
    expect(related).to_be_visible()
    card_link = page.locator(
        ".related-card:not(.related-card--external) .related-card__title a"
    ).first
    card_title = card_link.inner_text()
    card_link.click()
    story = Article.objects.get(title=card_title)
    expect(page).to_have_url(story_url(live_server, story))
    expect(page.locator("h1")).to_have_text(story.title)

    # A tag this story shares with others, so its page leads somewhere new.
    tag = next(
        tag
        for tag in story.tags.order_by("name")
        if Article.objects.published().filter(tags=tag).exclude(pk=story.pk).exists()
    )
    page.locator(".story__tags").get_by_role("link", name=tag.name, exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/tags/{tag.slug}/")
    expect(page.locator("h1")).to_have_text(tag.name)
    titles = page.locator(".card__title a")
    expect(titles.filter(has_text=story.title)).to_have_count(1)

    # Cards name their authors in plain text; the byline on the story links them.
    other = titles.filter(has_not_text=story.title).first
    other_title = other.inner_text()
    other.click()
    expect(page.locator("h1")).to_have_text(other_title)
    author = Author.objects.filter(articles__title=other_title).first()
    page.locator(".story__byline").get_by_role("link", name=author.name).click()
    expect(page).to_have_url(f"{live_server.url}/authors/{author.slug}/")
    expect(page.locator("h1")).to_have_text(author.name)
    expect(page.locator(".card__title a").filter(has_text=other_title)).to_have_count(1)


@pytest.fixture
def story(transactional_db):
    """A story whose headline needs encoding in every share link."""
    return make_article(
        title="Ports & drones: who’s watching? #1 in 100% of “cases”",
        slug="ports-and-drones",
        authors=[make_author(name="Ana Ortiz")],
    )


def test_copy_link_puts_the_story_address_on_the_clipboard(
    new_context, live_server, story
):
    context = new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(story.get_absolute_url())

    status = page.locator(".share__status")
    expect(status).to_be_empty()
    page.get_by_role("button", name="Copy link").click()
    expect(status).to_have_text("Link copied")
    clipboard = page.evaluate("navigator.clipboard.readText()")
    assert clipboard == story_url(live_server, story)
    assert clipboard == page.url


def expected_query(network, *, url, title):
    _, _, params = SHARE_NETWORKS[network]
    return {
        name: [value.format(url=url, title=title)] for name, value in params.items()
    }


def test_share_links_carry_the_story_address_and_headline(page, live_server, story):
    page.goto(story.get_absolute_url())
    url = story_url(live_server, story)

    links = page.locator(".share a[data-network]")
    networks = links.evaluate_all("links => links.map(link => link.dataset.network)")
    assert sorted(networks) == sorted(SHARE_NETWORKS)
    for network, (origin, path, _) in SHARE_NETWORKS.items():
        href = links.and_(page.locator(f'[data-network="{network}"]')).get_attribute(
            "href"
        )
        assert href.startswith(f"{origin}{path}?"), href
        query = parse_qs(urlsplit(href).query, strict_parsing=True)
        assert query == expected_query(network, url=url, title=story.title), network


def test_each_share_link_opens_its_network_in_a_new_tab(
    page, context, live_server, story
):
    reached = []

    def stub_network(route):
        reached.append(route.request.url)
        route.fulfill(content_type="text/html", body="<title>Network stub</title>")

    page.goto(story.get_absolute_url())
    url = story_url(live_server, story)
    for network, (origin, path, _) in SHARE_NETWORKS.items():
        if network == "email":
            continue  # mailto: hands over to the mail program, not to a tab.
        # The network's site is a stub: nothing leaves the machine.
        context.route(f"{origin}/**", stub_network)
        link = page.locator(f'.share a[data-network="{network}"]')
        with page.expect_popup() as popup_info:
            link.click()
        popup = popup_info.value
        popup.wait_for_load_state()
        assert popup.url == link.get_attribute("href")
        assert urlsplit(popup.url)._replace(query="").geturl() == f"{origin}{path}"
        query = parse_qs(urlsplit(popup.url).query)
        assert query == expected_query(network, url=url, title=story.title), network
        assert reached[-1] == popup.url
        popup.close()
    assert len(reached) == len(SHARE_NETWORKS) - 1
    assert page.url == url, "the story stays open in its own tab"


def test_share_row_works_without_javascript(new_context, story):
    page = new_context(java_script_enabled=False).new_page()
    page.goto(story.get_absolute_url())

    expect(page.locator(".share a[data-network]")).to_have_count(len(SHARE_NETWORKS))
    expect(page.get_by_role("button", name="Copy link")).to_be_hidden()


def test_reader_searches_from_the_header_and_opens_a_result(
    page, live_server, demo_newsroom
):
    page.goto("/")
    box = page.get_by_role("search").get_by_label("Search stories")
    box.fill("radar coast")
    box.press("Enter")

    expect(page).to_have_url(f"{live_server.url}/search/?q=radar+coast")
    expect(page.locator("h1")).to_have_text("Search")
    expect(page.get_by_role("status")).to_contain_text("radar coast")
    first = page.locator(".result").first
    expect(first.locator("mark").first).to_be_visible()
    title = first.locator(".result__title a").inner_text()

    # Narrow to another section: the words stay, the results change.
    page.get_by_label("Section", exact=True).select_option(label="Middle East")
    page.locator(".search-form").get_by_role("button", name="Search").click()
    expect(page).to_have_url(
        f"{live_server.url}/search/?q=radar+coast&section=middle-east"
    )
    expect(page.get_by_label("Words to find")).to_have_value("radar coast")
    expect(page.locator(".result__title a").filter(has_text=title)).to_have_count(0)

    page.go_back()
    page.locator(".result__title a").first.click()
    expect(page.locator("h1")).to_have_text(title)
