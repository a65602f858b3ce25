from django.db import migrations

# PostgreSQL moves any value over about 2 kB out of the row into a TOAST table,
# and a story's search document (1.1 kB on average, beside its body) pushed it
# there, so every `@@` test and every ranking fetched the document from a second
# table. Search walks its newest matches one by one, so that fetch was most of
# the cost (docs/benchmarks.md). MAIN keeps the document in the row and sends
# the body out first. Documents already out of the row move back in when they
# are next written, e.g. by `manage.py update_search_index`.
IN_ROW = "ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE MAIN"
DEFAULT = "ALTER TABLE articles_article ALTER COLUMN search_vector SET STORAGE EXTENDED"


def run_on_postgresql(sql):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0011_similar_stories"),
    ]

    operations = [
        migrations.RunPython(run_on_postgresql(IN_ROW), run_on_postgresql(DEFAULT)),
    ]
