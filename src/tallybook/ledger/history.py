"""A claim's history: each change with who, when, why, and the fields before and after.

Claims are written by the extractor in bulk, without history records. The first time a claim
is saved again (a review, an admin edit, a move on re-ingest), `record_as_extracted` first
records the row as it stands, so that every change has a "before".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .models import Claim


@dataclass(frozen=True)
class Change:
    """One recorded change; `user` is None when tallybook itself made it (extraction, re-ingest)."""

    when: datetime
    user: str | None
    reason: str
    fields: list[tuple[str, object, object]]  # (field, before, after)


def record_as_extracted(sender, instance: Claim, raw: bool = False, **kwargs) -> None:
    """pre_save of Claim: record the stored row as the extractor wrote it, once, before a first change."""
    if raw or instance.pk is None or instance.history.exists():
        return
    stored = Claim.objects.filter(pk=instance.pk).first()
    if stored is None:
        return
    row = {f.attname: getattr(stored, f.attname) for f in Claim._meta.concrete_fields}
    # a claim reviewed before the ledger kept history holds its reviews' changes already
    reason = "as stored before history was kept" if stored.reviews.exists() else "as extracted"
    Claim.history.model.objects.create(
        **row,
        history_date=stored.added,
        history_type="+",
        history_user=None,
        history_change_reason=f"{reason} (tallybook {stored.extractor_version})",
    )


def record_history(claim: Claim, user, reason: str, fields: list[str] | None = None) -> None:
    """Save `claim`, its history record naming `user` (None: tallybook itself) and `reason`."""
    claim._history_user = user
    claim._change_reason = reason
    try:
        claim.save(update_fields=fields)
    finally:
        del claim._history_user, claim._change_reason


def history_of(claim: Claim) -> list[Change]:
    """The changes of `claim`, newest first. The oldest record is the claim as extracted."""
    records = list(claim.history.select_related("history_user").order_by("history_date", "history_id"))
    changes = []
    for before, after in zip([None, *records], records):
        delta = after.diff_against(before).changes if before is not None else []
        user = after.history_user.get_username() if after.history_user else None
        changes.append(
            Change(
                when=after.history_date,
                user=user,
                reason=after.history_change_reason or "",
                fields=[(c.field, c.old, c.new) for c in delta],
            )
        )
    return changes[::-1]
