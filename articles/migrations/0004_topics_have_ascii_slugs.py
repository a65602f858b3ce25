# Topics get ASCII, non-empty slugs. Tag links point at the `articles.Tag` proxy
# (the same taggit table, so Django's state only), and existing topics whose slug
# is Unicode or empty get a new one, which the URL pattern can match.

import re

import django.db.models.deletion
import taggit.managers
from django.db import migrations, models

from articles.text import ascii_slug

ASCII_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


def reslug_topics(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    taken = set(Tag.objects.values_list("slug", flat=True))
    for tag in Tag.objects.order_by("pk"):
        if ASCII_SLUG.match(tag.slug):
            continue
        base = ascii_slug(tag.name, fallback="topic")
        slug, number = base, 1
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        taken.add(slug)
        tag.slug = slug
        tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0003_image_model_moves_to_media"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.CreateModel(
            name="Tag",
            fields=[],
            options={
                "verbose_name": "topic",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("taggit.tag",),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="tags",
                    field=taggit.managers.TaggableManager(blank=True, help_text="A comma-separated list of tags.", through="articles.TaggedArticle", to="articles.Tag", verbose_name="Tags"),
                ),
                migrations.AlterField(
                    model_name="taggedarticle",
                    name="tag",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="%(app_label)s_%(class)s_items", to="articles.tag"),
                ),
            ],
        ),
        migrations.RunPython(reslug_topics, migrations.RunPython.noop),
    ]
