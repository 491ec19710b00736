"""Reader search's own full-text column on PostgreSQL (newsroom/search_pg.py reads it).

newsroom_articlepage.search_vector holds the article's words weighted headline (A, the title when the
headline is empty) > standfirst (B) > body paragraphs and pull quotes (C), kept by a trigger on every
insert and update of the article row (Django saves the page row first, so the title is already there;
COPY fires it too), with a GIN index. Filling it for existing articles is one UPDATE. The column is not
on the Django model: only search_pg.py reads it, and SQLite and Elasticsearch never see it. Wagtail's own
index (wagtailsearch_indexentry) stays as it was, for the admin's search.
"""

from django.db import migrations

FUNCTION = r"""
CREATE OR REPLACE FUNCTION newsroom_article_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    body_text text;
BEGIN
    SELECT string_agg(coalesce(block->>'value', block->'value'->>'quote'), ' ') INTO body_text
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW.body::jsonb) = 'array' THEN NEW.body::jsonb
                                   ELSE '[]'::jsonb END) AS block
    WHERE block->>'type' IN ('paragraph', 'pull_quote');
    NEW.search_vector :=
        setweight(to_tsvector('english', coalesce(nullif(NEW.headline, ''),
                  (SELECT title FROM wagtailcore_page WHERE id = NEW.page_ptr_id), '')), 'A')
        || setweight(to_tsvector('english', coalesce(NEW.standfirst, '')), 'B')
        || setweight(to_tsvector('english', coalesce(body_text, '')), 'C');
    RETURN NEW;
END
$$
"""

CREATE = [
    "ALTER TABLE newsroom_articlepage ADD COLUMN IF NOT EXISTS search_vector tsvector",
    FUNCTION,
    "DROP TRIGGER IF EXISTS newsroom_article_search_vector ON newsroom_articlepage",
    "CREATE TRIGGER newsroom_article_search_vector BEFORE INSERT OR UPDATE ON newsroom_articlepage "
    "FOR EACH ROW EXECUTE FUNCTION newsroom_article_search_vector()",
    "UPDATE newsroom_articlepage SET search_vector = NULL",  # the trigger fills it
    "CREATE INDEX IF NOT EXISTS newsroom_article_search ON newsroom_articlepage USING gin (search_vector)",
]
DROP = [
    "DROP TRIGGER IF EXISTS newsroom_article_search_vector ON newsroom_articlepage",
    "DROP FUNCTION IF EXISTS newsroom_article_search_vector()",
    "ALTER TABLE newsroom_articlepage DROP COLUMN IF EXISTS search_vector",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0007_roles_desk")]

    operations = [migrations.RunPython(run(CREATE), run(DROP))]
