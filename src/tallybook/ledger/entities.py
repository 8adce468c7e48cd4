"""People and organisations from claims' speakers, with their mentions (the speaker links)."""
from __future__ import annotations

import re

from .models import Claim, Document, Entity, Mention

_SPACE = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^(the)\s+", re.IGNORECASE)


def normalised(name: str) -> str:
    """The name as compared: case-folded, spaces collapsed, without a leading "the"."""
    return _LEADING_THE.sub("", _SPACE.sub(" ", name).strip()).casefold()


def speaker_kind(claim: Claim) -> str:
    """person or org. Interim: model.Claim does not carry Speaker.kind, so a speaker with a role or
    an organisation is a person, and one without is taken for a person only if it looks like a name
    (two or three capitalised words, no lower-case word)."""
    if claim.speaker_role or claim.speaker_org:
        return "person"
    words = claim.speaker.split()
    looks_like_name = 1 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)
    return "person" if looks_like_name else "org"


def link_speakers(document: Document, claims: list[Claim]) -> int:
    """Entities and mentions for the speakers and speaker organisations of `claims`; mentions made."""
    cache: dict[tuple[str, str], Entity] = {}
    mentions = []
    for claim in claims:
        if claim.speaker:
            mentions.append(_mention(document, claim, speaker_kind(claim), claim.speaker, cache))
        if claim.speaker_org and claim.speaker_org != claim.speaker:
            mentions.append(_mention(document, claim, "org", claim.speaker_org, cache))
    Mention.objects.bulk_create(mentions)
    return len(mentions)


def prune_entities(ids: set[int]) -> int:
    """Delete those of the entities `ids` that no mention names any more; how many went."""
    deleted, _ = Entity.objects.filter(id__in=ids, mentions__isnull=True).delete()
    return deleted


def _mention(document: Document, claim: Claim, kind: str, name: str,
             cache: dict[tuple[str, str], Entity]) -> Mention:
    key = (kind, normalised(name))
    if key not in cache:
        cache[key], _ = Entity.objects.get_or_create(kind=kind, norm=key[1], defaults={"name": name})
    start = _where(document.text, name, claim.start)
    return Mention(entity=cache[key], document=document, claim=claim, start=start,
                   end=None if start is None else start + len(name))


def _where(text: str, name: str, near: int) -> int | None:
    """The offset of `name` closest before `near`, else the first after it, else None."""
    before = text.rfind(name, 0, near)
    if before >= 0:
        return before
    after = text.find(name, max(0, near - len(name) + 1))
    return after if after >= 0 else None
