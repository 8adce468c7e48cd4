# tallybook load: the partitions of shards it stored, skipped when loaded again.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0012_incident_newest"),
    ]

    operations = [
        migrations.CreateModel(
            name="LoadedShard",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("digest", models.CharField(help_text="sha256 of the partition's files", max_length=64, unique=True)),
                ("path", models.TextField(help_text="its documents file, as loaded")),
                ("loaded", models.DateTimeField(auto_now_add=True)),
            ],
        ),
    ]
