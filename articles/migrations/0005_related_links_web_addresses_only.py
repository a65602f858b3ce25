# A related link's external address must be http or https, in the database too.
# Links already stored with another scheme (javascript:, data:, …) could only ever
# run code in a reader's browser; they are removed before the check is added.

import django.core.validators
from django.db import migrations, models

WEB_PREFIXES = ("http://", "https://")


def remove_unsafe_links(apps, schema_editor):
    RelatedLink = apps.get_model("articles", "RelatedLink")
    unsafe = [
        link.pk
        for link in RelatedLink.objects.exclude(url="").only("url")
        if not link.url.lower().startswith(WEB_PREFIXES)
    ]
    RelatedLink.objects.filter(pk__in=unsafe).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_topics_have_ascii_slugs"),
    ]

    operations = [
        migrations.RunPython(remove_unsafe_links, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="relatedlink",
            name="url",
            field=models.URLField(blank=True, help_text="…or a page elsewhere on the web (http:// or https://).", validators=[django.core.validators.URLValidator(message="Enter a full web address starting with http:// or https://.", schemes=("http", "https"))], verbose_name="external address"),
        ),
        migrations.AddConstraint(
            model_name="relatedlink",
            constraint=models.CheckConstraint(condition=models.Q(("url", ""), models.Q(("url__istartswith", "http://")), models.Q(("url__istartswith", "https://")), _connector="OR"), name="related_link_web_address_only"),
        ),
    ]
