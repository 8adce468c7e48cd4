# The incidents pages' default order (newest documents first, text order), as the claims' index.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("ledger", "0011_claim_via_rule"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="incident",
            index=models.Index(fields=["-published_on", "-document", "start", "id"], name="ledger_incident_newest"),
        ),
    ]
