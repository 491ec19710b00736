"""Pages are routed by url_path (models/pages.py ShortRouteMixin: one query for the deepest page on the
path), and feeds find a section by it, but Wagtail's page table has no index on url_path: every section
front and article request read the whole page table (a sequential scan of 100,000 rows at archive scale,
bench/results.md). A plain b-tree index answers both `url_path = …` and `url_path IN (…)`."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0008_search_vector"), ("wagtailcore", "0001_initial")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS newsroom_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS newsroom_page_url_path",
        )
    ]
