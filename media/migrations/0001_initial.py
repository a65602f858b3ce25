# The Image model, taken over from the `articles` app: its table (renamed to
# media_image by articles 0002) already exists, so this changes Django's state only.

from django.db import migrations, models

import media.validators


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("articles", "0002_image_table_moves_to_media"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Image",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "file",
                            models.ImageField(
                                height_field="height",
                                help_text="JPEG, PNG, GIF or WebP.",
                                upload_to="images/%Y/%m/",
                                validators=[media.validators.validate_image_size],
                                width_field="width",
                            ),
                        ),
                        (
                            "thumbnail",
                            models.ImageField(
                                blank=True,
                                editable=False,
                                upload_to="images/thumbnails/",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                help_text="For finding it in the library.",
                                max_length=200,
                            ),
                        ),
                        (
                            "alt_text",
                            models.CharField(
                                blank=True,
                                help_text="What the picture shows, for readers who cannot see it. Leave empty only when the picture is decorative.",
                                max_length=300,
                                verbose_name="alt text",
                            ),
                        ),
                        ("caption", models.CharField(blank=True, max_length=300)),
                        (
                            "credit",
                            models.CharField(
                                blank=True,
                                help_text="Photographer or agency.",
                                max_length=200,
                            ),
                        ),
                        (
                            "width",
                            models.PositiveIntegerField(editable=False, null=True),
                        ),
                        (
                            "height",
                            models.PositiveIntegerField(editable=False, null=True),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "ordering": ["-created_at", "-pk"],
                    },
                ),
            ],
        ),
    ]
