# Hand the Image model over to the `media` app (Django's state only: the table
# was renamed by 0002 and the hero image's foreign key already points at it).

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_image_table_moves_to_media"),
        ("media", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="hero_image",
                    field=models.ForeignKey(blank=True, help_text="Shown at the top of the story and on its cards.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="media.image"),
                ),
                migrations.DeleteModel(name="Image"),
            ],
        ),
    ]
