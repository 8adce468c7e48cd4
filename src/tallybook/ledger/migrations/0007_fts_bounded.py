# PostgreSQL: the full-text indexes over at most fts.PG_LIMIT characters of each row, so a long
# document can be stored (a tsvector over 1 MB is refused). SQLite's FTS5 tables are unchanged.

from django.db import migrations


def rebuild(apps, schema_editor):
    from tallybook.ledger import fts

    if schema_editor.connection.vendor == "postgresql":
        fts.uninstall(schema_editor)
        fts.install(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0006_speaker_trigrams"),
    ]

    operations = [
        migrations.RunPython(rebuild, migrations.RunPython.noop),
    ]
