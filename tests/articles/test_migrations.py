"""A database made before the image library moved to `media` migrates forward intact."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import png_bytes

# The schema of the last commit before the move: what `make run` left behind.
BEFORE = [
    ("articles", "0001_initial"),
    (
        "taggit",
        "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
    ),
]


def migrate(targets):
    """Migrate to `targets` and return the app registry of that state."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def old_database(transactional_db, settings, tmp_path):
    """Roll the schema back to before the move; restore the latest afterwards."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    apps = migrate(BEFORE)
    yield apps
    migrate(latest)


def fill_old_database(apps):
    """Write a small newsroom through the old models, as `make run` would have."""
    Image = apps.get_model("articles", "Image")
    Section = apps.get_model("articles", "Section")
    Article = apps.get_model("articles", "Article")
    Tag = apps.get_model("taggit", "Tag")
    TaggedArticle = apps.get_model("articles", "TaggedArticle")
    RelatedLink = apps.get_model("articles", "RelatedLink")

    # Named files, as `make run` saved them: ImageField reads the size of a named one.
    image = Image(title="Harbour at dusk", alt_text="Cranes")
    image.file.save("harbour.png", ContentFile(png_bytes(), name="h.png"), save=False)
    image.thumbnail.save(
        "harbour-480.jpg", ContentFile(png_bytes(), name="t.jpg"), save=False
    )
    image.save()
    section = Section.objects.create(name="Europe", slug="europe")
    now = timezone.now()
    story = Article.objects.create(
        title="Port checks tighten",
        slug="port-checks-tighten",
        body="<p>Body.</p>",
        section=section,
        hero_image=image,
        status="published",
        publish_at=now,
        first_published_at=now,
    )
    other = Article.objects.create(
        title="Second story", slug="second-story", section=section, status="draft"
    )
    tags = [
        Tag.objects.create(name="Ports", slug="ports"),
        Tag.objects.create(name="Côte d'Ivoire", slug="côte-divoire"),
        Tag.objects.create(name="中文", slug="中文"),
        Tag.objects.create(name="!!!", slug=""),
    ]
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object=story, tag=tag) for tag in tags
    )
    RelatedLink.objects.bulk_create(
        [
            RelatedLink(article=story, target=other, order=0),
            RelatedLink(
                article=story, url="https://example.org/a", title="Kept", order=1
            ),
            RelatedLink(
                article=story, url="javascript:alert(1)", title="Hostile", order=2
            ),
        ]
    )
    return image, story


def test_images_stories_and_links_survive_the_move_to_the_media_app(old_database):
    image, story = fill_old_database(old_database)

    # Right after the move, the thumbnail (later replaced by renditions) is intact.
    moved_apps = migrate([("media", "0001_initial")])
    moved = moved_apps.get_model("media", "Image").objects.get(pk=image.pk)
    assert moved.thumbnail.name == image.thumbnail.name
    apps = migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    Image = apps.get_model("media", "Image")
    Article = apps.get_model("articles", "Article")
    moved = Image.objects.get(pk=image.pk)
    assert (moved.title, moved.alt_text, moved.width, moved.height) == (
        "Harbour at dusk",
        "Cranes",
        64,
        36,
    )
    assert moved.file.name == image.file.name
    assert Article.objects.get(pk=story.pk).hero_image_id == image.pk
    assert Article.objects.count() == 2
    links = apps.get_model("articles", "RelatedLink").objects.order_by("order")
    assert [(link.target_id is not None, link.title) for link in links] == [
        (True, ""),
        (False, "Kept"),
    ]


def test_topics_with_unicode_or_empty_slugs_get_ascii_ones(old_database):
    fill_old_database(old_database)

    apps = migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    slugs = dict(apps.get_model("taggit", "Tag").objects.values_list("name", "slug"))
    assert slugs == {
        "Ports": "ports",
        "Côte d'Ivoire": "cote-divoire",
        "中文": "zhongwen",
        "!!!": "topic",
    }
    tagged = apps.get_model("articles", "TaggedArticle").objects.count()
    assert tagged == 4
