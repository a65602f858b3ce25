"""`manage.py seed_demo`: the demo newsroom, and synthetic archives for scale tests."""

from functools import partial
from io import StringIO

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    RelatedLink,
    Section,
    Tag,
    TaggedArticle,
)
from demo import content, illustrations
from media.models import Image
from media.renditions import plan
from tests.soup import one, parse, text

pytestmark = pytest.mark.django_db

MODELS = [
    Section,
    Author,
    Image,
    Article,
    ArticleAuthor,
    RelatedLink,
    Tag,
    TaggedArticle,
]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out, verbosity=0)
    return out.getvalue()


@pytest.fixture
def small_drawings(monkeypatch):
    """Draw hero illustrations at a fifth of their size: same code, far quicker."""
    monkeypatch.setattr(
        "demo.seeding.draw_illustration",
        partial(illustrations.draw_illustration, size=(320, 180)),
    )


@pytest.fixture
def demo(clock, small_drawings):
    seed()
    return Article.objects.published()


# ------------------------------------------------------------- demo stories


def test_seed_demo_twice_leaves_the_same_rows_and_files(clock, settings):
    seed()
    first = counts()
    files = sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file())
    updated = dict(Article.objects.values_list("slug", "updated_at"))
    clock.advance(hours=1)

    seed()

    assert counts() == first
    assert (
        sorted(p.name for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()) == files
    )
    # Unchanged stories are not saved again, so none claims to be "Updated".
    assert dict(Article.objects.values_list("slug", "updated_at")) == updated


def test_seed_demo_reports_what_it_loaded(clock, small_drawings):
    output = seed()

    assert output.startswith(f"Demo newsroom ready: {Article.objects.count()} stories.")


def test_demo_has_at_least_twelve_public_stories(demo):
    assert demo.count() >= 12
    assert demo.count() == Article.objects.count()


def test_demo_stories_span_at_least_four_sections_and_four_authors(demo):
    assert demo.values("section").distinct().count() >= 4
    bylined = Author.objects.filter(articles__in=demo).distinct()
    assert bylined.count() >= 4


def test_every_demo_story_has_three_to_six_tags(demo):
    tag_counts = demo.annotate(n=Count("tagged_items")).values_list("n", flat=True)

    assert all(3 <= n <= 6 for n in tag_counts)


def test_every_demo_story_has_a_described_hero_image_on_disk(demo):
    for story in demo.select_related("hero_image"):
        image = story.hero_image
        assert image is not None, story.slug
        assert image.alt_text and image.caption and image.credit, story.slug
        assert image.file.storage.exists(image.file.name)
        assert image.renditions["card"] and image.renditions["hero"], story.slug
        for name in image.file_names():
            assert image.file.storage.exists(name), name


def test_demo_hero_images_store_their_full_size_and_renditions(clock):
    seed()

    sizes = set(Image.objects.values_list("width", "height"))
    assert sizes == {illustrations.SIZE}
    renditions = Image.objects.first().renditions
    assert [(r["width"], r["height"]) for r in renditions["card"]] == [
        (480, 270),
        (800, 450),
    ]
    assert [(r["width"], r["height"]) for r in renditions["social"]] == [(1200, 630)]


def test_demo_illustrations_go_through_the_upload_pipeline_some_with_focal_points(
    demo,
):
    images = list(Image.objects.all())

    assert all(image.file.name.startswith("originals/") for image in images)
    focused = [image for image in images if (image.focal_x, image.focal_y) != (50, 50)]
    assert len(focused) >= 4
    for image in focused:
        size, focal = (image.width, image.height), (image.focal_x, image.focal_y)
        assert image.renditions == plan(image.file.name, size, focal)


def test_pages_with_demo_images_never_reopen_the_picture_files(
    client, demo, monkeypatch
):
    def refuse(*args, **kwargs):
        raise AssertionError("a page opened an image file to read its size")

    monkeypatch.setattr(FileSystemStorage, "open", refuse)

    assert client.get("/").status_code == 200
    assert client.get(demo.first().get_absolute_url()).status_code == 200


def test_every_demo_story_has_a_byline_and_several_paragraphs(demo):
    for story in demo:
        assert story.byline_authors, story.slug
        assert story.body.count("<p>") >= 3, story.slug


def test_some_demo_stories_have_curated_related_links_including_external(demo):
    assert RelatedLink.objects.filter(target__isnull=False).exists()
    assert RelatedLink.objects.filter(target__isnull=True).exclude(url="").exists()


def test_demo_quotations_are_block_quotes(demo):
    assert demo.filter(body__contains="<blockquote>").exists()


def test_demo_home_page_leads_with_the_editors_choice_not_the_newest(client, demo):
    page = parse(client.get("/"))

    lead = text(one(one(page, "section.lead"), "h2"))
    assert lead == demo.get(slug=content.FRONT_PAGE[0]).title
    assert lead != demo.newest_first().first().title
    top = [text(h) for h in one(page, "section.top-stories").select("h3")]
    assert top[:2] == [demo.get(slug=slug).title for slug in content.FRONT_PAGE[1:]]


def test_demo_section_page_leads_with_its_pinned_story(client, demo):
    [(section, story)] = content.SECTION_LEADS.items()

    page = parse(client.get(f"/sections/{section}/"))

    assert text(one(one(page, "section.list-lead"), "h2")) == demo.get(slug=story).title


def test_every_demo_story_page_renders_with_three_related_cards(client, demo):
    for story in demo:
        response = client.get(story.get_absolute_url())
        assert response.status_code == 200, story.slug
        related = one(parse(response), "aside.related")
        assert len(related.select("article.related-card")) == 3, story.slug


# -------------------------------------------------------- synthetic archive


def test_synthetic_stories_are_added_with_bylines_and_tags(clock, small_drawings):
    output = seed("--articles", "60", "--no-demo")

    synthetic = Article.objects.filter(slug__startswith="synthetic-")
    assert synthetic.count() == 60
    assert Article.objects.count() == 60
    assert "60 added, 0 already there" in output
    tag_counts = synthetic.annotate(n=Count("tagged_items", distinct=True)).values_list(
        "n", flat=True
    )
    assert all(3 <= n <= 5 for n in tag_counts)
    byline_counts = synthetic.annotate(
        n=Count("article_authors", distinct=True)
    ).values_list("n", flat=True)
    assert all(1 <= n <= 2 for n in byline_counts)
    assert not synthetic.filter(hero_image__isnull=True).exists()
    # Sizes are stored, so loading a card never has to reopen the picture.
    assert not Image.objects.filter(width__isnull=True).exists()


def test_synthetic_stories_are_not_added_twice(clock, small_drawings):
    seed("--articles", "60", "--no-demo")
    first = counts()

    output = seed("--articles", "60", "--no-demo")

    assert counts() == first
    assert "0 added, 60 already there" in output


def test_asking_for_more_synthetic_stories_adds_only_the_missing_ones(
    clock, small_drawings
):
    seed("--articles", "20", "--no-demo")

    output = seed("--articles", "30", "--no-demo")

    assert Article.objects.filter(slug__startswith="synthetic-").count() == 30
    assert "10 added, 20 already there" in output


def test_synthetic_drafts_are_not_public(clock, small_drawings):
    seed("--articles", "60", "--no-demo")

    drafts = Article.objects.filter(status=Article.Status.DRAFT)
    assert drafts.exists()
    assert not Article.objects.published().filter(pk__in=drafts).exists()
    assert Article.objects.published().count() == 60 - drafts.count()


def test_synthetic_archive_is_the_same_on_every_run(clock, small_drawings):
    seed("--articles", "30", "--no-demo")
    first = list(Article.objects.order_by("slug").values_list("slug", "title", "body"))
    Article.objects.all().delete()

    seed("--articles", "30", "--no-demo")

    assert (
        list(Article.objects.order_by("slug").values_list("slug", "title", "body"))
        == first
    )


def test_synthetic_stories_join_the_demo_newsroom(clock, small_drawings, client):
    seed("--articles", "60")

    assert Article.objects.filter(slug__startswith="synthetic-").count() == 60
    assert Article.objects.exclude(slug__startswith="synthetic-").count() >= 12
    assert Tag.objects.values("slug").distinct().count() == Tag.objects.count()
    assert client.get("/").status_code == 200


def test_the_newest_stories_loaded_in_bulk_get_their_related_stories_ranked(
    clock, small_drawings, monkeypatch
):
    monkeypatch.setattr("demo.management.commands.seed_demo.RANKED_AT_SEED", 10)

    seed("--articles", "200", "--no-demo")

    public = Article.objects.published().newest_first()
    ranked = Article.objects.filter(similar_story_ids__isnull=False).newest_first()
    # Stories scheduled for later (every 97th) are newer by publish time, but
    # the quota goes to public ones.
    assert Article.objects.filter(publish_at__gt=clock.now).count() == 2
    assert list(ranked) == list(public[:10])
    # Synthetic stories share topics, so every ranked one has similar stories.
    assert all(story.similar_story_ids for story in ranked)


@pytest.mark.parametrize("articles", ["-1", "1000001"])
def test_synthetic_count_out_of_range_is_a_command_error(clock, articles):
    with pytest.raises(CommandError, match="--articles must be between 0 and"):
        seed("--articles", articles, "--no-demo")

    assert not Article.objects.exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's statistics are left alone"
)
def test_synthetic_stories_are_analysed_before_their_related_stories_are_ranked(
    clock, small_drawings, monkeypatch
):
    rows_seen_by_planner = []
    monkeypatch.setattr(
        "demo.management.commands.seed_demo.rank_similar_of_each",
        lambda ids, progress=None: rows_seen_by_planner.append(planner_rows()),
    )

    seed("--articles", "37", "--no-demo")

    assert rows_seen_by_planner == [37]


def planner_rows():
    """Return how many stories PostgreSQL's statistics say there are."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reltuples FROM pg_class WHERE oid = 'articles_article'::regclass"
        )
        return round(cursor.fetchone()[0])
