"""The ledger as a Django app (used as a library: no manage.py, no project)."""

from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "tallybook.ledger"
    label = "ledger"
    verbose_name = "tallybook ledger"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.backends.signals import connection_created
        from django.db.models.signals import pre_save

        from .history import record_as_extracted
        from .models import Claim
        from .stems import register

        pre_save.connect(record_as_extracted, sender=Claim, dispatch_uid="ledger-claim-as-extracted")
        connection_created.connect(register, dispatch_uid="ledger-sqlite-stems")
