# A story's hero image can no longer be deleted from under it (was SET_NULL).
# Django enforces on_delete itself, so the database schema does not change.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_refresh_roles_topics_label"),
        ("media", "0002_library_pipeline"),
    ]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="hero_image",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown at the top of the story and on its cards.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="media.image",
            ),
        ),
    ]
