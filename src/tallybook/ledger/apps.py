"""The ledger as a Django app (used as a library: no manage.py, no project)."""
from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "tallybook.ledger"
    label = "ledger"
    verbose_name = "tallybook ledger"
    default_auto_field = "django.db.models.BigAutoField"
