"""Reader search: English stemming on the embedded default, trigram suggestions on PostgreSQL.

- SQLite: Wagtail builds its FTS5 table with the plain unicode61 tokenizer, so 'withdraws' would not
  find 'withdrawing'. The table is rebuilt with the Porter stemmer in front (its rows copied over; it keeps
  its name, which the triggers that fill it use). PostgreSQL stems with the 'english' config.
- PostgreSQL: pg_trgm for "Did you mean" (similar topic names when a search finds nothing).
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

FTS = "wagtailsearch_indexentry_fts"
TOKENIZER = "porter unicode61 remove_diacritics 2"


def rebuild_fts(tokenizer):
    def rebuild(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "sqlite" or FTS not in connection.introspection.table_names():
            return
        with connection.cursor() as cursor:
            # SQLite re-checks every trigger when a table is renamed: set Wagtail's aside meanwhile.
            cursor.execute(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%{FTS}%'"
            )
            triggers = cursor.fetchall()
            for name, _ in triggers:
                cursor.execute(f'DROP TRIGGER "{name}"')
            cursor.execute(
                f"CREATE VIRTUAL TABLE {FTS}_new USING fts5(autocomplete, body, title, tokenize='{tokenizer}')"
            )
            cursor.execute(
                f"INSERT INTO {FTS}_new(rowid, autocomplete, body, title) SELECT rowid, autocomplete, body, title FROM {FTS}"
            )
            cursor.execute(f"DROP TABLE {FTS}")
            cursor.execute(f"ALTER TABLE {FTS}_new RENAME TO {FTS}")
            for _, sql in triggers:
                cursor.execute(sql)

    return rebuild


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(rebuild_fts(TOKENIZER), rebuild_fts("unicode61")),
    ]
