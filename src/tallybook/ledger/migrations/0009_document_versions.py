# Documents keep their earlier texts (a changed copy of the same source or the same URL), and the
# source a report names for itself (its header's "Source:" line). Search by stems (fts.py):
# SQLite gets a stems table beside each full-text table, PostgreSQL its index over the `russian`
# configuration.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def install(apps, schema_editor):
    from tallybook.ledger import fts

    fts.install(schema_editor)


def uninstall(apps, schema_editor):
    pass  # the stems tables go with the tables they index; 0002's install() stands


class Migration(migrations.Migration):
    dependencies = [("ledger", "0008_sources"), migrations.swappable_dependency(settings.AUTH_USER_MODEL)]

    operations = [
        migrations.AddField(
            model_name="document",
            name="source_note",
            field=models.TextField(blank=True, help_text="the source the report names (its 'Source:' line)", null=True),
        ),
        migrations.CreateModel(
            name="DocumentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("source", models.TextField()),
                ("title", models.TextField(blank=True, null=True)),
                ("published", models.CharField(blank=True, max_length=40, null=True)),
                ("text", models.TextField()),
                ("content_hash", models.CharField(max_length=64)),
                ("stored", models.DateTimeField(help_text="when this text was stored")),
                ("replaced", models.DateTimeField(auto_now_add=True, help_text="when a newer text replaced it")),
                (
                    "document",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="versions", to="ledger.document"
                    ),
                ),
            ],
            options={"ordering": ["replaced", "id"]},
        ),
        migrations.AlterField(
            model_name="review",
            name="action",
            field=models.CharField(
                choices=[("accept", "accept"), ("correct", "correct"), ("reject", "reject"), ("undo", "undo")],
                max_length=10,
            ),
        ),
        migrations.CreateModel(
            name="Comment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("author", models.CharField(help_text="name as it was at the time", max_length=150)),
                ("text", models.TextField()),
                ("created", models.DateTimeField(auto_now_add=True)),
                (
                    "claim",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="comments", to="ledger.claim"
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={"ordering": ["created", "id"]},
        ),
        migrations.CreateModel(
            name="Assignment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("by", models.CharField(max_length=150)),
                ("created", models.DateTimeField(auto_now=True)),
                (
                    "claim",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE, related_name="assignment", to="ledger.claim"
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="assignments",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
        migrations.RunPython(install, uninstall),
    ]
