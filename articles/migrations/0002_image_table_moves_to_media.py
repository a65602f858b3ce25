# The image library moves to the `media` app. Its table is renamed in place, so
# every row, file name and foreign key is kept; media's 0001 then takes the model
# over in Django's state, and articles 0003 lets go of it.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="image", table="media_image"),
            ],
        ),
    ]
