"""The Content-Security-Policy holds in a real browser, and nothing of ours trips it.

The `csp_violations` fixture (conftest.py) fails any browser test whose pages
break the policy; these tests show it would notice, and walk the pages and the
admin's story form with it watching.
"""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import make_article, make_author, make_image, make_section

from .support import READER_PAGES, STORY_SLUG

PASSWORD = "correct-horse-battery-staple"


def policy_of(response):
    return response.headers["content-security-policy"]


def test_the_browser_refuses_inline_script_and_style_and_the_test_notices(
    page, live_server, demo_newsroom, csp_violations
):
    # Our real story page and its real policy, with an inline script and an
    # inline style slipped in on the way, as an injection would.
    def inject(route):
        response = route.fetch()
        body = response.text().replace(
            "</main>",
            '<p id="injected" style="color: rgb(255, 0, 0)">x</p>'
            "<script>document.title = 'hijacked';</script></main>",
        )
        route.fulfill(response=response, body=body)

    url = f"/stories/{STORY_SLUG}/"
    page.route(f"{live_server.url}{url}", inject)

    response = page.goto(url)

    assert "script-src 'self'" in policy_of(response)
    expect(page.locator("#injected")).to_be_visible()
    assert page.title() != "hijacked"
    colour = page.locator("#injected").evaluate("p => getComputedStyle(p).color")
    assert colour != "rgb(255, 0, 0)"
    # The reports reach the test asynchronously; wait (boundedly) for both.
    for _ in range(200):
        if len(csp_violations) >= 2:
            break
        page.wait_for_timeout(50)
    directives = sorted({violation["directive"] for violation in csp_violations})
    assert directives == ["script-src-elem", "style-src-attr"]
    csp_violations.clear()  # expected here; any other test would fail on them


def test_reader_pages_work_under_the_policy(page, demo_newsroom, csp_violations):
    for name, url in READER_PAGES.items():
        response = page.goto(url)
        assert response.status == 200, url
        policy = policy_of(response)
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "'unsafe-inline'" not in policy and "nonce-" not in policy
        # Stylesheets and images load from our own origin.
        assert page.evaluate("document.styleSheets.length") >= 1, name
        for image in page.locator("main img").all():
            image.scroll_into_view_if_needed()  # some load lazily
            expect(image).to_have_js_property("complete", True)
            assert image.evaluate("img => img.naturalWidth") > 0, (name, url)
    # The story page's own script ran: it shows the copy-link button.
    page.goto(READER_PAGES["story"])
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    assert csp_violations == []


@pytest.fixture
def desk(transactional_db):
    get_user_model().objects.create_superuser("desk", "desk@example.com", PASSWORD)
    section = make_section(name="Maritime", slug="maritime")
    writers = [
        make_author(name="Helena Marsh", slug="helena-marsh"),
        make_author(name="Tomás Reyes", slug="tomas-reyes"),
    ]
    older = make_article(
        title="Harbour cameras go live", slug="harbour-cameras", section=section
    )
    make_image(title="Crane at the eastern terminal")
    return {"writers": writers, "older": older}


def choose(page, select_id, search, option):
    page.locator(f"#{select_id} + .select2 .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill(search)
    page.locator(".select2-results__option:not(.loading-results)").filter(
        has_text=option
    ).click()
    expect(page.locator(f"#select2-{select_id}-container")).to_contain_text(option)


def test_the_story_form_works_under_the_policy(page, desk, csp_violations):
    page.goto("/admin/")
    page.get_by_label("Username").fill("desk")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#site-name")).to_contain_text("newsroom")

    response = page.goto("/admin/articles/article/add/")
    policy = policy_of(response)
    assert "'unsafe-inline'" not in policy
    # The editor's import map ran by this response's nonce.
    # (Browsers hide a nonce from getAttribute; the property keeps it.)
    nonce = page.locator('script[type="importmap"]').evaluate("s => s.nonce")
    assert nonce and f"'nonce-{nonce}'" in policy

    # The slug fills itself from the title (prepopulate.js)...
    page.get_by_label("Title:", exact=True).press_sequentially("Ports share cameras")
    expect(page.get_by_label("Slug")).to_have_value("ports-share-cameras")
    page.get_by_label("Standfirst").fill("The trial worked.")
    # ...the rich-text editor takes text and formatting, spaces intact...
    body = page.locator(".field-body .ProseMirror[contenteditable=true]")
    body.click()
    page.keyboard.type("Three ports ")
    page.locator('.field-body button[data-name="bold"]').click()
    page.keyboard.type("share")
    page.locator('.field-body button[data-name="bold"]').click()
    page.keyboard.type(" their cameras.")
    expect(body.locator("strong")).to_have_text("share")
    # ...autocompletes search and pick (select2)...
    choose(page, "id_section", "Mari", "Maritime")
    choose(page, "id_hero_image", "crane", "Crane at the eastern terminal")
    choose(page, "id_article_authors-0-author", "Hel", "Helena Marsh")
    # ...and inlines grow a row, with a working autocomplete in it.
    authors = page.locator("#article_authors-group")
    authors.locator(".add-row a").click()
    expect(authors.locator("tr.form-row.dynamic-article_authors")).to_have_count(2)
    page.locator("#id_article_authors-1-order").fill("1")
    choose(page, "id_article_authors-1-author", "Tom", "Tomás Reyes")
    choose(page, "id_related_links-0-target", "Harbour", "Harbour cameras go live")

    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_load_state()
    errors = page.locator(".errornote, .errorlist li").all_inner_texts()
    assert not errors, errors
    expect(page.locator(".messagelist .success")).to_contain_text("Ports share cameras")

    story = Article.objects.get(slug="ports-share-cameras")
    assert story.body == "<p>Three ports <strong>share</strong> their cameras.</p>"
    assert [author.name for author in story.byline_authors] == [
        "Helena Marsh",
        "Tomás Reyes",
    ]
    assert story.related_links.get().target == desk["older"]
    assert csp_violations == []
