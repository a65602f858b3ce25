# The clean-upload pipeline: renditions replace the thumbnail; alt text or
# decorative; a focal point; originals stored under random names.

import django.core.validators
from django.core.files.storage import default_storage
from django.db import migrations, models, transaction

import media.fields
import media.files


def mark_decorative_images(apps, schema_editor):
    """An image saved with no alt text was decorative: the field's help said so."""
    Image = apps.get_model("media", "Image")
    Image.objects.filter(alt_text="").update(is_decorative=True)


def delete_thumbnails(apps, schema_editor):
    """Delete the old thumbnails, at addresses anyone could guess, once this commits.

    Renditions replace them; `manage.py regenerate_renditions --clean-originals`
    makes them for images stored before this migration.
    """
    Image = apps.get_model("media", "Image")
    names = [name for name in Image.objects.values_list("thumbnail", flat=True) if name]

    def delete():
        for name in names:
            default_storage.delete(name)

    transaction.on_commit(delete)


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="image",
            name="focal_x",
            field=models.PositiveSmallIntegerField(
                default=50,
                help_text="0 is the left edge, 100 the right. Crops keep this point in frame.",
                validators=[django.core.validators.MaxValueValidator(100)],
                verbose_name="focal point across (%)",
            ),
        ),
        migrations.AddField(
            model_name="image",
            name="focal_y",
            field=models.PositiveSmallIntegerField(
                default=50,
                help_text="0 is the top edge, 100 the bottom.",
                validators=[django.core.validators.MaxValueValidator(100)],
                verbose_name="focal point down (%)",
            ),
        ),
        migrations.AddField(
            model_name="image",
            name="is_decorative",
            field=models.BooleanField(
                default=False,
                help_text="Tick only when the picture adds nothing a reader would miss; screen readers then skip it.",
                verbose_name="decorative",
            ),
        ),
        migrations.AddField(
            model_name="image",
            name="renditions",
            field=models.JSONField(blank=True, default=dict, editable=False),
        ),
        migrations.RunPython(mark_decorative_images, migrations.RunPython.noop),
        migrations.RunPython(delete_thumbnails, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="image",
            name="thumbnail",
        ),
        migrations.AlterField(
            model_name="image",
            name="alt_text",
            field=models.CharField(
                blank=True,
                help_text="What the picture shows, for readers who cannot see it.",
                max_length=300,
                verbose_name="alt text",
            ),
        ),
        migrations.AlterField(
            model_name="image",
            name="caption",
            field=models.CharField(
                blank=True,
                help_text="Shown under the picture. Left empty, it is filled from the caption the photographer or agency put in the file, if any.",
                max_length=300,
            ),
        ),
        migrations.AlterField(
            model_name="image",
            name="credit",
            field=models.CharField(
                blank=True,
                help_text="Photographer or agency. Left empty, it is filled from the credit and copyright in the file, if any.",
                max_length=200,
            ),
        ),
        migrations.AlterField(
            model_name="image",
            name="file",
            field=media.fields.OriginalImageField(
                help_text="A JPEG, PNG, WebP or GIF photo or illustration. Location and camera details are removed when it is stored.",
                max_length=200,
                upload_to=media.files.original_path,
            ),
        ),
        migrations.AddConstraint(
            model_name="image",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("is_decorative", True),
                    models.Q(("alt_text", ""), _negated=True),
                    _connector="OR",
                ),
                name="image_alt_text_or_decorative",
                violation_error_message="Describe what the picture shows for readers who cannot see it, or tick “Decorative” if it adds nothing a reader would miss.",
            ),
        ),
        migrations.AddConstraint(
            model_name="image",
            constraint=models.CheckConstraint(
                condition=models.Q(("focal_x__lte", 100), ("focal_y__lte", 100)),
                name="image_focal_point_inside",
            ),
        ),
    ]
