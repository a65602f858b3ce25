"""Bad input gets a friendly 404 or 405, never a 500; the error pages stand alone."""

import pytest
from django.template.loader import render_to_string

from tests.factories import make_article, make_author, make_section
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db

NOT_FOUND_TEXT = "We couldn’t find that page"
LIST_PAGES = ["/", "/sections/world/", "/tags/drones/", "/authors/samira/"]


@pytest.fixture
def newsroom(clock):
    section = make_section(name="World", slug="world")
    author = make_author(name="Samira Nassif", slug="samira")
    return make_article(
        slug="public", section=section, authors=[author], tags=["Drones"]
    )


def assert_friendly_not_found(response):
    assert response.status_code == 404
    html = response.content.decode()
    assert NOT_FOUND_TEXT in html
    home_link = one(one(parse(response), "div.error-page"), "a")
    assert (text(home_link), home_link["href"]) == ("Go to the home page", "/")
    assert "Traceback" not in html


@pytest.mark.parametrize("path", LIST_PAGES)
@pytest.mark.parametrize(
    "page",
    [
        "abc",
        "0",
        "-1",
        "99999",
        "500",
        "1.5",
        "1e3",
        "0x10",
        "²",
        "9" * 5000,
    ],
    ids=lambda page: page if len(page) < 10 else "5000-digits",
)
def test_list_page_with_a_bad_page_number_is_not_found(client, newsroom, path, page):
    assert_friendly_not_found(client.get(path, {"page": page}))


@pytest.mark.parametrize("path", LIST_PAGES)
@pytest.mark.parametrize("page", ["1", "", " 1 "])
def test_list_page_with_page_one_or_no_number_is_found(client, newsroom, path, page):
    response = client.get(path, {"page": page})

    assert response.status_code == 200
    assert "/stories/public/" in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/stories/no-such-story/",
        "/sections/no-such-section/",
        "/tags/no-such-tag/",
        "/authors/no-such-author/",
        "/no-such-page/",
    ],
)
def test_unknown_address_is_a_friendly_not_found(client, newsroom, path):
    assert_friendly_not_found(client.get(path))


@pytest.mark.parametrize("path", [*LIST_PAGES, "/stories/public/"])
@pytest.mark.parametrize("method", ["post", "put", "delete"])
def test_reader_pages_refuse_methods_that_change_things(client, newsroom, path, method):
    response = getattr(client, method)(path)

    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}


@pytest.mark.parametrize("path", [*LIST_PAGES, "/stories/public/"])
def test_reader_pages_answer_head_requests(client, newsroom, path):
    assert client.head(path).status_code == 200


def test_not_found_page_keeps_the_site_navigation(client, newsroom):
    page = parse(client.get("/stories/no-such-story/"))

    nav = one(page, "nav.site-nav")
    assert [text(a) for a in nav.select("a")] == ["Home", "World"]


def test_server_error_template_renders_alone_without_the_database(
    django_assert_num_queries,
):
    with django_assert_num_queries(0):
        html = render_to_string("500.html")

    page = parse(html)
    assert text(one(page, "h1")) == "Something went wrong on our side"
    assert text(one(page, 'a[href="/"]')) == "Go to the home page"
    assert "{%" not in html and "{{" not in html
    assert page.select('link[rel="stylesheet"]') == []


def test_crashing_page_answers_with_the_friendly_server_error_page(
    client, newsroom, monkeypatch
):
    def crash(**values):
        raise RuntimeError("the database went away")

    monkeypatch.setattr("articles.page_queries.home_line_up", crash)
    client.raise_request_exception = False

    response = client.get("/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert "the database went away" not in html
    assert "Traceback" not in html
