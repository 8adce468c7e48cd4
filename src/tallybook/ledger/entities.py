"""People, organisations and places as entities, with their mentions (and the speaker links)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from tallybook.model import Name

from .models import Claim, Document, Entity, Mention

_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)


@lru_cache(maxsize=65536)  # the same names recur in every document of a batch
def normalised(name: str) -> str:
    """The name as compared: case-folded, spaces collapsed, without a leading "the"."""
    return _LEADING_THE.sub("", _SPACE.sub(" ", name).strip()).casefold()


Found = tuple[str, str, int | None, int | None, Any]  # kind, name, start, end, the claim it is the speaker of


def link_entities(document: Document, claims: list[Claim], names: list[Name]) -> int:
    """Entities and mentions for `document` (see found_in), the speakers its claims in the
    ledger name beside `claims`."""
    speakers = set(Claim.objects.filter(document=document, speaker_kind="person").values_list("speaker", flat=True))
    found = found_in(document.text, claims, names, speakers)
    entities = entities_for([(kind, name) for kind, name, _, _, _ in found])
    mentions = [
        Mention(entity=entities[kind, normalised(name)], document=document, claim=claim, start=start, end=end)
        for kind, name, start, end, claim in found
    ]
    Mention.objects.bulk_create(mentions)
    return len(mentions)


def found_in(text: str, claims: Iterable[Any], names: Iterable[Name], speakers: set[str]) -> list[Found]:
    """The mentions of a text: each claim's speaker and speaker's organisation (tied to the
    claim), and the organisations and places the text names. A person the text names is
    linked only when it is one of the document's person `speakers`: people enter the ledger as
    public speakers, never as the subjects of a report. `claims`: anything with a claim's
    start, speaker, speaker_kind and speaker_org."""
    found: list[Found] = []
    for claim in claims:
        org = claim.speaker_org if claim.speaker_org != claim.speaker else None
        for kind, name in ((claim.speaker_kind or "person", claim.speaker), ("org", org)):
            if name:
                start = _where(text, name, claim.start)
                found.append((kind, name, start, None if start is None else start + len(name), claim))
    for name in names:
        speaker = _speaker_named(normalised(name.norm), speakers)
        if speaker is not None:  # whatever the tagger took it for ("Bastrykin" tagged ORG)
            found.append(("person", speaker, name.start, name.end, None))
        elif name.kind != "person":
            found.append((name.kind, name.norm, name.start, name.end, None))
    return found


LOOKUP = 10_000  # names a query: under SQLite's limit of bound parameters


def entities_for(wanted: list[tuple[str, str]]) -> dict[tuple[str, str], Entity]:
    """The entities for (kind, name) pairs, keyed by (kind, normalised name); a missing one is made,
    named as first given (speakers come before the tagger's names: "UK Ministry of Defence", not
    "The UK Ministry of Defence"), in the order first given. Three queries however many names: look up, insert the new
    (rows a concurrent writer made first are ignored), look up again."""
    first_name: dict[tuple[str, str], str] = {}
    for kind, name in wanted:
        first_name.setdefault((kind, normalised(name)), name)
    norms = sorted({norm for _, norm in first_name})

    def lookup() -> dict[tuple[str, str], Entity]:
        return {
            (e.kind, e.norm): e
            for k in range(0, len(norms), LOOKUP)
            for e in Entity.objects.filter(norm__in=norms[k : k + LOOKUP])
            if (e.kind, e.norm) in first_name
        }

    have = lookup()
    missing = [Entity(kind=k, norm=n, name=first_name[k, n]) for k, n in first_name if (k, n) not in have]
    if missing:
        Entity.objects.bulk_create(missing, ignore_conflicts=True)
        have = lookup()
    return have


def _speaker_named(norm: str, speakers: set[str]) -> str | None:
    """The person speaker this normalised name names, in full or by surname ("Bastrykin")."""
    for speaker in speakers:
        full = normalised(speaker)
        if norm == full or (" " in full and full.rsplit(" ", 1)[-1] == norm):
            return speaker
    return None


def prune_entities(ids: set[int]) -> int:
    """Delete those of the entities `ids` that no mention names any more; how many went."""
    deleted, _ = Entity.objects.filter(id__in=ids, mentions__isnull=True).delete()
    return deleted


def _where(text: str, name: str, near: int) -> int | None:
    """The offset of `name` closest before `near`, else the first after it, else None."""
    before = text.rfind(name, 0, near)
    if before >= 0:
        return before
    after = text.find(name, max(0, near - len(name) + 1))
    return after if after >= 0 else None
