"""Deep pages of a section front (PostgreSQL only). newsroom_front_order (0003) walks every published page
newest first and filters out the other sections' entries: page 2,000 of a section holding half the archive
passed over 44,000 entries to keep 24,000 (bench/results.md). These indexes lead with the section's path
(the first 12 characters of a page's path name its top-level section, 16 its subsection), so a front walks
only its own entries (fronts.front_ids). Not partial: PostgreSQL keeps statistics for a full index's
expression (ANALYZE), and without them it guesses a section holds 0.5% of the pages and sorts instead.
The path itself is included: the planner reads an index alone only when every column the query names
is in it, and the query names path (inside left())."""

from django.db import migrations

PREFIXES = (12, 16)


def create(length):
    return (
        f"CREATE INDEX IF NOT EXISTS newsroom_front_by_section_{length} ON wagtailcore_page "
        f"(left(path, {length}), first_published_at DESC, id DESC) "
        "INCLUDE (path, live, depth, content_type_id)"
    )


def drop(length):
    return f"DROP INDEX IF EXISTS newsroom_front_by_section_{length}"


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0009_page_url_path"), ("wagtailcore", "0001_initial")]

    operations = [
        migrations.RunPython(run([create(n) for n in PREFIXES]), run([drop(n) for n in PREFIXES]))
    ]
