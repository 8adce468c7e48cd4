# PostgreSQL: trigram indexes for the substring filters on speaker and organisation (icontains,
# which Django writes as UPPER(col::text) LIKE UPPER('%…%')). Without them every such filter reads
# the whole claims table. pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+):
# the owner of the database may create it. SQLite needs nothing here.

from django.db import migrations

COLUMNS = ("speaker", "speaker_org")


def install(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for column in COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS ledger_claim_{column}_trgm ON ledger_claim "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"DROP INDEX IF EXISTS ledger_claim_{column}_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0005_claim_published_on"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
