"""Revisions: every save is kept whole, two can be compared, one can be restored,
and a deleted story can be recovered; each right checked on the server."""

import pytest
import reversion
from django.contrib.messages import get_messages
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from reversion.models import Version

from articles import workflow
from articles.models import Article, AuditEntry
from articles.revisions import (
    deleted_stories,
    snapshot_from_revision,
    snapshot_from_version,
    story_versions,
)
from articles.roles import CONTRIBUTOR, EDITOR
from articles.snapshots import take_snapshot
from tests.factories import make_article, make_author, make_draft, make_user
from tests.soup import form_values, one, parse, text

pytestmark = pytest.mark.django_db


# ------------------------------------------------------------ helpers


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def history_url(article):
    return reverse("admin:articles_article_revisions", args=[article.pk])


def restore_url(article, version):
    return reverse("admin:articles_article_restore", args=[article.pk, version.pk])


def recover_url(version):
    return reverse("admin:articles_article_recover", args=[version.pk])


def set_rows(data, prefix, rows):
    """Make the inline `prefix` hold `rows` (dicts of field → value), in place."""
    initial = int(data[f"{prefix}-INITIAL_FORMS"][0])
    for n, row in enumerate(rows):
        for field, value in row.items():
            data[f"{prefix}-{n}-{field}"] = [str(value)]
    for n in range(len(rows), initial):
        data[f"{prefix}-{n}-DELETE"] = ["on"]
    data[f"{prefix}-TOTAL_FORMS"] = [str(max(len(rows), initial))]


def save_in_admin(client, article, *, tags=None, bylines=None, links=None, **fields):
    """Open the story's form, change what is given, and press Save."""
    data = form_values(one(parse(client.get(change_url(article))), "form#article_form"))
    data.update({field: [value] for field, value in fields.items()})
    if tags is not None:
        data["tags"] = [", ".join(tags)]
    if bylines is not None:
        set_rows(
            data,
            "article_authors",
            [{"author": a.pk, "order": n} for n, a in enumerate(bylines)],
        )
    if links is not None:
        blank = {"target": "", "url": "", "title": ""}
        set_rows(data, "related_links", [{**blank, **row} for row in links])
    data["_save"] = ["Save"]
    response = client.post(change_url(article), data)
    assert response.status_code == 302, [
        formset.errors for formset in response.context["inline_admin_formsets"]
    ] or response.context["adminform"].form.errors
    return response


def last_message(response):
    """Return the message the request left for the user (earlier ones were unread)."""
    return [str(message) for message in get_messages(response.wsgi_request)][-1]


def stored(article):
    """Return the story's content as the database holds it now."""
    return take_snapshot(Article.objects.get(pk=article.pk))


def stored_revisions(article):
    return story_versions(article).count()


@pytest.fixture
def editor():
    return make_user(EDITOR)


@pytest.fixture
def contributor():
    return make_user(CONTRIBUTOR)


@pytest.fixture
def people():
    return {name: make_author(name=name) for name in ("Amal", "Bashir", "Chen", "Dana")}


@pytest.fixture
def earlier():
    return make_article(title="Earlier coverage")


# ------------------------------------------------------------ recording


def test_each_admin_save_records_who_when_and_the_whole_story(
    editor, people, earlier, clock
):
    story = make_draft(title="Harbour patrols")
    client = logged_in(editor)
    clock.advance(minutes=5)

    save_in_admin(
        client,
        story,
        title="Harbour patrols go electric",
        # Neither alphabetical nor by primary key: the order the editor typed.
        tags=["Ports", "Arms control"],
        bylines=[people["Dana"], people["Amal"]],
        links=[
            {"order": 0, "target": earlier.pk},
            {"order": 1, "url": "https://example.org/r", "title": "The report"},
        ],
    )

    latest = story_versions(story).first()
    assert latest.revision.user == editor
    assert latest.revision.date_created == clock.now
    assert latest.revision.comment == "Edited in the admin"
    kept = snapshot_from_version(latest)
    assert kept["title"] == "Harbour patrols go electric"
    assert kept["tags"] == ["Ports", "Arms control"]
    assert kept["bylines"] == [people["Dana"].pk, people["Amal"].pk]
    assert [(row["target"], row["title"]) for row in kept["related"]] == [
        (earlier.pk, ""),
        (None, "The report"),
    ]
    assert kept == stored(story)
    assert snapshot_from_revision(latest.revision, story) == kept


def test_a_second_save_keeps_the_first_as_it_was(editor, people, clock):
    story = make_draft(body="<p>First words.</p>")
    client = logged_in(editor)
    save_in_admin(client, story, tags=["Ports"], bylines=[people["Amal"]])
    clock.advance(hours=1)

    save_in_admin(
        client,
        story,
        body="<p>Second words.</p>",
        tags=["Borders", "Ports"],
        bylines=[people["Bashir"]],
    )

    newer, older = story_versions(story)[:2]
    assert snapshot_from_version(older)["tags"] == ["Ports"]
    assert snapshot_from_version(older)["bylines"] == [people["Amal"].pk]
    assert snapshot_from_version(older)["body"] == "<p>First words.</p>"
    assert snapshot_from_version(newer)["tags"] == ["Borders", "Ports"]
    assert newer.revision.date_created > older.revision.date_created


def test_history_page_lists_every_revision_with_who_when_and_what(editor, clock):
    story = make_draft()
    client = logged_in(editor)
    save_in_admin(client, story, title="Second title")
    workflow.submit_for_review(story, by=editor)

    page = parse(client.get(history_url(story)))

    rows = page.select("table.revision-history tbody tr")
    assert [text(row.select("td")[1]) for row in rows] == [
        "Submitted for review",
        "Edited in the admin",
    ]
    assert {text(row.select("td")[0]) for row in rows} == {editor.get_full_name()}
    compare = one(page, "form[method=get]")
    assert compare["action"] == reverse(
        "admin:articles_article_compare", args=[story.pk]
    )
    assert len(page.select("input[type=radio][name=before]")) == 2


def test_story_form_links_to_its_history(editor, clock):
    story = make_draft()

    page = parse(logged_in(editor).get(change_url(story)))

    assert one(page, f'.object-tools a[href="{history_url(story)}"]')


def test_history_is_refused_to_staff_who_may_not_see_stories(clock):
    story = make_draft()

    response = logged_in(make_user()).get(history_url(story))

    assert response.status_code == 403


def test_history_page_makes_as_many_queries_for_30_revisions_as_for_3(editor, clock):
    few, many = make_draft(), make_draft()
    for story, saves in ((few, 3), (many, 30)):
        for n in range(saves):
            with reversion.create_revision():
                reversion.set_user(editor)
                reversion.set_comment(f"Save {n}")
                story.title = f"Version {n}"
                story.save()
    client = logged_in(editor)
    client.get(history_url(few))  # warm the session and content-type caches

    counts = []
    for story in (few, many):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(history_url(story))
        assert response.status_code == 200
        counts.append(len(queries))

    assert len(parse(response).select("table.revision-history tbody tr")) == 30
    assert counts[0] == counts[1]


# ------------------------------------------------------------ comparing


def test_compare_shows_each_changed_field_before_and_after(
    editor, people, earlier, clock
):
    story = make_draft(
        title="<b>Bold</b> claims", body="<p>The patrol left at dawn.</p>"
    )
    client = logged_in(editor)
    save_in_admin(client, story, tags=["Ports"], bylines=[people["Amal"]])
    clock.advance(hours=1)
    save_in_admin(
        client,
        story,
        title="Quiet claims",
        body="<p>The patrol left at noon.</p>",
        tags=["Ports", "Borders"],
        bylines=[people["Bashir"]],
        links=[{"order": 0, "target": earlier.pk}],
    )
    newer, older = story_versions(story)[:2]

    response = client.get(
        reverse("admin:articles_article_compare", args=[story.pk]),
        # Picked the "wrong" way round: the page still reads older → newer.
        {"before": newer.pk, "after": older.pk},
    )

    page = parse(response)
    table = one(page, "table.revision-changes")
    rows = {
        text(row.select_one("th")): [text(cell) for cell in row.select("td")]
        for row in table.select("tbody tr")
    }
    assert rows["Headline"] == ["<b>Bold</b> claims", "Quiet claims"]
    assert rows["Topics"] == ["Ports", "Ports, Borders"]
    assert rows["Byline"] == ["Amal", "Bashir"]
    assert rows["Related content"] == ["—", "story: Earlier coverage"]
    assert "Standfirst" not in rows
    assert table.find("b") is None  # the old headline's markup is shown, not obeyed
    body = one(table, ".word-diff")
    assert [text(d) for d in body.select("del")] == ["dawn."]
    assert [text(i) for i in body.select("ins")] == ["noon."]


def test_compare_needs_two_versions_of_this_story(editor, clock):
    story, other = make_draft(), make_draft()
    client = logged_in(editor)
    save_in_admin(client, story, title="Mine")
    save_in_admin(client, other, title="Theirs")
    mine, theirs = story_versions(story).first(), story_versions(other).first()

    response = client.get(
        reverse("admin:articles_article_compare", args=[story.pk]),
        {"before": mine.pk, "after": theirs.pk},
    )

    assert response.status_code == 302
    assert response["Location"] == history_url(story)
    assert last_message(response) == "Choose two different versions to compare."


# ------------------------------------------------------------ restoring


@pytest.fixture
def rewritten(editor, people, earlier, clock):
    """A story saved once, rewritten completely an hour later, then published."""
    story = make_draft(title="First headline", body="<p>First body.</p>")
    client = logged_in(editor)
    save_in_admin(
        client,
        story,
        tags=["Ports", "Arms control"],
        bylines=[people["Dana"], people["Amal"]],
        links=[
            {"order": 0, "target": earlier.pk},
            {"order": 1, "url": "https://example.org/r", "title": "The report"},
        ],
    )
    first = story_versions(story).first()
    clock.advance(hours=1)
    save_in_admin(
        client,
        story,
        title="Second headline",
        body="<p>Second body.</p>",
        tags=["Borders"],
        bylines=[people["Bashir"]],
        links=[{"order": 0, "url": "https://example.org/x", "title": "Other"}],
    )
    story.refresh_from_db()
    workflow.publish(story, by=editor)
    clock.advance(hours=1)
    story.refresh_from_db()
    return story, first


def test_restoring_brings_back_text_topics_byline_and_links(
    editor, people, earlier, rewritten, clock
):
    story, first = rewritten
    was = Article.objects.get(pk=story.pk)

    response = logged_in(editor).post(restore_url(story, first))

    assert response.status_code == 302
    assert response["Location"] == change_url(story)
    story.refresh_from_db()
    assert story.title == "First headline"
    assert story.body == "<p>First body.</p>"
    assert [tag.name for tag in story.topics] == ["Ports", "Arms control"]
    assert story.byline_authors == [people["Dana"], people["Amal"]]
    assert [(link.target, link.url) for link in story.related_links.all()] == [
        (earlier, ""),
        (None, "https://example.org/r"),
    ]
    # Its state and times are today's, not the draft's it came from.
    assert story.status == Article.Status.PUBLISHED
    assert story.is_public
    assert story.publish_at == was.publish_at
    assert story.first_published_at == was.first_published_at
    assert story.lock_version > was.lock_version


def test_a_restore_is_itself_a_whole_revision_and_on_the_record(
    editor, rewritten, clock
):
    story, first = rewritten
    before_count = stored_revisions(story)

    logged_in(editor).post(restore_url(story, first))

    assert stored_revisions(story) == before_count + 1
    latest = story_versions(story).first()
    assert latest.revision.user == editor
    assert latest.revision.comment.startswith("Restored the version of ")
    assert snapshot_from_version(latest) == {
        **snapshot_from_version(first),
        "slug": story.slug,
    }
    entry = AuditEntry.objects.filter(article=story).first()
    assert entry.action == AuditEntry.Action.RESTORED
    assert entry.user == editor
    assert entry.reason == latest.revision.comment
    assert entry.changes["Headline"] == ["Second headline", "First headline"]


def test_restore_page_shows_what_would_change_and_changes_nothing(
    editor, rewritten, clock
):
    story, first = rewritten
    count, content = stored_revisions(story), stored(story)
    audit = AuditEntry.objects.count()

    response = logged_in(editor).get(restore_url(story, first))

    page = parse(response)
    rows = {
        text(row.select_one("th")): [text(cell) for cell in row.select("td")]
        for row in one(page, "table.revision-changes").select("tbody tr")
    }
    assert rows["Headline"] == ["Second headline", "First headline"]
    assert one(page, "form[method=post] input[type=submit]")["value"] == (
        "Restore this version"
    )
    assert stored_revisions(story) == count
    assert stored(story) == content
    assert AuditEntry.objects.count() == audit


def test_contributor_cannot_restore_someone_elses_story(editor, contributor, clock):
    story = make_draft(title="First headline", created_by=editor)
    client = logged_in(editor)
    save_in_admin(client, story, title="First headline, edited")
    first = story_versions(story).first()
    save_in_admin(client, story, title="Second headline")
    count, content = stored_revisions(story), stored(story)

    response = logged_in(contributor).post(restore_url(story, first))

    assert response.status_code == 200
    assert last_message(response) == (
        "You may only restore earlier versions of stories you may edit."
    )
    assert stored(story) == content
    assert stored_revisions(story) == count
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.RESTORED).exists()
    page = parse(logged_in(contributor).get(history_url(story)))
    assert page.select('a[href*="/restore/"]') == []


def test_contributor_may_restore_their_own_draft(contributor, clock):
    story = make_draft(title="Draft one")
    workflow.create(story, by=contributor)
    first = story_versions(story).first()
    client = logged_in(contributor)
    save_in_admin(client, story, title="Draft two")

    response = client.post(restore_url(story, first))

    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "Draft one"


def test_a_version_of_another_story_cannot_be_restored_into_this_one(editor, clock):
    story, other = make_draft(title="Mine"), make_draft(title="Theirs")
    save_in_admin(logged_in(editor), other, title="Theirs, edited")
    theirs = story_versions(other).first()

    response = logged_in(editor).post(restore_url(story, theirs))

    assert response.status_code == 404
    with pytest.raises(workflow.ValidationError, match="another story"):
        workflow.restore_revision(story, by=editor, version=theirs)
    story.refresh_from_db()
    assert story.title == "Mine"


def test_restoring_leaves_out_authors_and_stories_deleted_since(
    editor, people, earlier, rewritten, clock
):
    story, first = rewritten
    people["Dana"].delete()
    earlier.delete()

    response = logged_in(editor).post(restore_url(story, first))

    story.refresh_from_db()
    assert story.byline_authors == [people["Amal"]]
    assert [link.url for link in story.related_links.all()] == ["https://example.org/r"]
    assert "an author in its byline was deleted" in last_message(response)
    assert "a story it linked to was deleted" in last_message(response)


def test_a_restore_waits_while_a_live_story_has_pending_changes(
    editor, rewritten, clock
):
    story, first = rewritten
    workflow.save_pending(story, by=editor, snapshot=take_snapshot(story))

    with pytest.raises(workflow.ValidationError, match="pending changes"):
        workflow.restore_revision(story, by=editor, version=first)


def test_publishing_pending_changes_keeps_their_topics_and_byline_in_the_revision(
    editor, people, clock
):
    story = make_article(tags=["Ports"], authors=[people["Amal"]])
    wanted = {
        **take_snapshot(story),
        "tags": ["Borders", "Ports"],
        "bylines": [people["Chen"].pk, people["Bashir"].pk],
    }
    workflow.save_pending(story, by=editor, snapshot=wanted)

    workflow.publish_pending(story, by=editor)

    assert snapshot_from_version(story_versions(story).first()) == wanted


# ------------------------------------------------------------ recovering


def delete_in_admin(client, article):
    url = reverse("admin:articles_article_delete", args=[article.pk])
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()


@pytest.fixture
def deleted(editor, people, earlier, clock):
    """A live story with a byline, topics and links, deleted in the admin."""
    story = make_draft(title="Gone for now", slug="gone-for-now")
    client = logged_in(editor)
    save_in_admin(
        client,
        story,
        tags=["Ports", "Arms control"],
        bylines=[people["Dana"], people["Amal"]],
        links=[
            {"order": 0, "target": earlier.pk},
            {"order": 1, "url": "https://example.org/r", "title": "The report"},
        ],
    )
    story.refresh_from_db()
    workflow.publish(story, by=editor)
    clock.advance(hours=1)
    delete_in_admin(client, story)
    return story.pk


def test_deleted_stories_are_listed_from_the_story_list(editor, deleted, clock):
    client = logged_in(editor)
    changelist = parse(client.get(reverse("admin:articles_article_changelist")))
    listing = reverse("admin:articles_article_recoverlist")
    assert one(changelist, f'.object-tools a[href="{listing}"]')

    page = parse(client.get(listing))

    rows = page.select("table.deleted-stories tbody tr")
    assert [text(row.select_one("th")) for row in rows] == ["Gone for now"]
    version = deleted_stories().get()
    assert one(rows[0], "a")["href"] == recover_url(version)


def test_recovering_brings_a_story_back_unpublished_with_byline_topics_and_links(
    editor, people, earlier, deleted, client, clock
):
    version = deleted_stories().get()

    response = logged_in(editor).post(recover_url(version))

    story = Article.objects.get(pk=deleted)
    assert response["Location"] == change_url(story)
    assert story.status == Article.Status.UNPUBLISHED
    assert not story.is_public
    assert client.get("/stories/gone-for-now/").status_code == 404
    assert story.title == "Gone for now"
    assert [tag.name for tag in story.topics] == ["Ports", "Arms control"]
    assert story.byline_authors == [people["Dana"], people["Amal"]]
    assert [(link.target, link.url) for link in story.related_links.all()] == [
        (earlier, ""),
        (None, "https://example.org/r"),
    ]
    assert story.first_published_at is not None  # it was published once
    entry = AuditEntry.objects.filter(article=story).first()
    assert (entry.action, entry.user) == (AuditEntry.Action.RECOVERED, editor)
    assert story_versions(story).first().revision.comment == "Recovered after deletion"
    assert not deleted_stories().exists()


def test_a_recovered_story_whose_address_was_taken_gets_a_new_one(
    editor, deleted, clock
):
    make_article(title="The newcomer", slug="gone-for-now")

    response = logged_in(editor).post(recover_url(deleted_stories().get()))

    assert Article.objects.get(pk=deleted).slug == "gone-for-now-recovered"
    assert "another story now uses its address" in last_message(response)


def test_a_story_taken_down_then_deleted_comes_back_taken_down(editor, clock):
    story = make_article(title="Legal problem")
    workflow.take_down(story, by=editor, reason="Court order")
    delete_in_admin(logged_in(editor), story)

    story, _ = workflow.recover_deleted(deleted_stories().get(), by=editor)

    assert story.status == Article.Status.TAKEN_DOWN
    assert story.takedown_reason == "Court order"


def test_contributor_cannot_recover_a_deleted_story(contributor, deleted, clock):
    version = deleted_stories().get()

    response = logged_in(contributor).post(recover_url(version))

    assert last_message(response) == (
        "Only editors may recover deleted stories. Ask an editor to do it."
    )
    assert not Article.objects.filter(pk=deleted).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.RECOVERED).exists()


def test_recover_page_describes_the_story_and_changes_nothing(editor, deleted, clock):
    version = deleted_stories().get()
    revisions = Version.objects.count()

    page = parse(logged_in(editor).get(recover_url(version)))

    rows = {
        text(row.select_one("th")): text(row.select_one("td"))
        for row in one(page, "table.deleted-story").select("tr")
    }
    assert rows["Headline"] == "Gone for now"
    assert rows["Byline"] == "Dana, Amal"
    assert not Article.objects.filter(pk=deleted).exists()
    assert Version.objects.count() == revisions


def test_a_story_that_exists_cannot_be_recovered(editor, clock):
    story = make_draft()
    save_in_admin(logged_in(editor), story, title="Still here")
    version = story_versions(story).first()

    assert logged_in(editor).post(recover_url(version)).status_code == 404
    with pytest.raises(workflow.ValidationError, match="not the last version"):
        workflow.recover_deleted(version, by=editor)
