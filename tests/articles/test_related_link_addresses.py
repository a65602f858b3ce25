"""A related link's external address is http or https, whatever path wrote it."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction

from articles.models import RelatedLink
from tests.factories import make_article
from tests.soup import parse

pytestmark = pytest.mark.django_db

HOSTILE_ADDRESSES = [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "JAVASCRIPT:alert(document.cookie)",
    " javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\nscript:alert(1)",
    "javascript&colon;alert(1)",
    "&#106;avascript:alert(1)",
    "javascript://example.org/%0Aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/file",
    "//evil.example/",
    "https:alert(1)",
]


def unsaved_link(story, url):
    return RelatedLink(article=story, url=url, title="Read this")


@pytest.mark.parametrize("url", HOSTILE_ADDRESSES)
def test_save_refuses_an_address_that_is_not_http_or_https(clock, url):
    story = make_article()

    with pytest.raises(ValidationError) as refused:
        unsaved_link(story, url).save()

    assert "url" in refused.value.message_dict
    assert not RelatedLink.objects.exists()


@pytest.mark.parametrize("url", HOSTILE_ADDRESSES)
def test_bulk_create_cannot_store_an_address_that_is_not_http_or_https(clock, url):
    story = make_article()

    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedLink.objects.bulk_create([unsaved_link(story, url)])

    assert not RelatedLink.objects.exists()


@pytest.mark.parametrize("url", HOSTILE_ADDRESSES)
def test_update_cannot_turn_an_address_into_one_that_is_not_http_or_https(clock, url):
    story = make_article()
    link = RelatedLink.objects.create(
        article=story, url="https://example.org/report", title="Read this"
    )

    with pytest.raises(IntegrityError), transaction.atomic():
        RelatedLink.objects.filter(pk=link.pk).update(url=url)

    link.refresh_from_db()
    assert link.url == "https://example.org/report"


@pytest.mark.parametrize(
    "url", ["https://example.org/a", "http://example.org/b", "HTTPS://Example.org/c"]
)
def test_web_addresses_are_stored_with_a_lower_case_scheme(clock, url):
    story = make_article()

    link = RelatedLink.objects.create(article=story, url=url, title="Read this")

    link.refresh_from_db()
    assert link.url.startswith(("https://", "http://"))
    assert link.url.split("://", 1)[1] == url.split("://", 1)[1]


@pytest.fixture
def without_the_address_check():
    """Let a test write the kind of row stored before the database refused it."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("PRAGMA ignore_check_constraints = ON")
            yield
            cursor.execute("PRAGMA ignore_check_constraints = OFF")
        else:
            # Rolled back with the test's transaction.
            cursor.execute(
                "ALTER TABLE articles_relatedlink "
                "DROP CONSTRAINT related_link_web_address_only"
            )
            yield


@pytest.mark.parametrize("url", HOSTILE_ADDRESSES)
def test_a_stored_hostile_address_is_never_rendered_as_a_link(
    client, clock, without_the_address_check, url
):
    story = make_article()
    RelatedLink.objects.bulk_create(
        [
            RelatedLink(article=story, url=url, title="Hostile", order=0),
            RelatedLink(
                article=story, url="https://example.org/", title="Safe", order=1
            ),
        ]
    )

    response = client.get(story.get_absolute_url())

    assert response.status_code == 200
    related = parse(response).select(".related a")
    assert [(a.get_text(strip=True), a["href"]) for a in related] == [
        ("Safe", "https://example.org/")
    ]
    assert "Hostile" not in response.content.decode()
