"""People, organisations and places as entities, with their mentions (and the speaker links)."""
from __future__ import annotations

import re

from tallybook.model import Name

from .models import Claim, Document, Entity, Mention

_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)


def normalised(name: str) -> str:
    """The name as compared: case-folded, spaces collapsed, without a leading "the"."""
    return _LEADING_THE.sub("", _SPACE.sub(" ", name).strip()).casefold()


def link_entities(document: Document, claims: list[Claim], names: list[Name]) -> int:
    """Entities and mentions for `document`: each claim's speaker and speaker's organisation
    (mentions tied to the claim), and the organisations and places the text names. A person the
    text names is linked only when the document puts a figure on them: people enter the ledger
    as public speakers, never as the subjects of a report."""
    cache: dict[tuple[str, str], Entity] = {}
    mentions = []
    for claim in claims:
        if claim.speaker:
            mentions.append(_claim_mention(document, claim, claim.speaker_kind or "person", claim.speaker, cache))
        if claim.speaker_org and claim.speaker_org != claim.speaker:
            mentions.append(_claim_mention(document, claim, "org", claim.speaker_org, cache))
    speakers = set(Claim.objects.filter(document=document, speaker_kind="person").values_list("speaker", flat=True))
    for name in names:
        speaker = _speaker_named(normalised(name.norm), speakers)
        if speaker is not None:  # whatever the tagger took it for ("Bastrykin" tagged ORG)
            entity = _entity("person", speaker, cache)
        elif name.kind == "person":
            continue
        else:
            entity = _entity(name.kind, name.norm, cache)
        mentions.append(Mention(entity=entity, document=document, start=name.start, end=name.end))
    Mention.objects.bulk_create(mentions)
    return len(mentions)


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


def _claim_mention(document: Document, claim: Claim, kind: str, name: str,
                   cache: dict[tuple[str, str], Entity]) -> Mention:
    start = _where(document.text, name, claim.start)
    return Mention(entity=_entity(kind, name, cache), document=document, claim=claim, start=start,
                   end=None if start is None else start + len(name))


def _entity(kind: str, name: str, cache: dict[tuple[str, str], Entity]) -> Entity:
    """The entity of that kind and normalised name, made on first sight."""
    key = (kind, normalised(name))
    if key not in cache:
        cache[key], _ = Entity.objects.get_or_create(kind=kind, norm=key[1], defaults={"name": name})
    return cache[key]


def _where(text: str, name: str, near: int) -> int | None:
    """The offset of `name` closest before `near`, else the first after it, else None."""
    before = text.rfind(name, 0, near)
    if before >= 0:
        return before
    after = text.find(name, max(0, near - len(name) + 1))
    return after if after >= 0 else None
