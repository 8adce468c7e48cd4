# Full-text search: FTS5 tables and triggers on SQLite, GIN indexes on PostgreSQL (see fts.py).

from django.db import migrations


def install(apps, schema_editor):
    from tallybook.ledger import fts

    fts.install(schema_editor)


def uninstall(apps, schema_editor):
    from tallybook.ledger import fts

    fts.uninstall(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
