"""Section fronts at archive scale (PostgreSQL only): published pages newest first, with what a front filters
on carried in the index, so any page of a front is an index-only walk (fronts.front_ids)."""

from django.db import migrations

CREATE = (
    "CREATE INDEX IF NOT EXISTS newsroom_front_order ON wagtailcore_page "
    "(first_published_at DESC, id DESC) INCLUDE (path, depth, content_type_id) WHERE live"
)
DROP = "DROP INDEX IF EXISTS newsroom_front_order"


def run(sql):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0002_search_stemming"), ("wagtailcore", "0001_initial")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
