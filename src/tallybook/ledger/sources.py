"""Sources in the ledger: each claim's speaker_id names one Source (person or body) with the
names it is written by; filters by speaker or organisation go through them, and reviewers merge,
split, rename and set kind or parent, with history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from simple_history.utils import update_change_reason

from tallybook.extraction.sources import registry

from .models import SOURCE_KINDS, Claim, Source, SourceKey, SourceName

_KINDS = {"person": "person", "org": "org"}


def folded(name: str) -> str:
    """A name as searched: casefolded (every script), spaces collapsed."""
    return " ".join(name.casefold().split())


def link_sources(claims: Iterable[Any]) -> None:
    """A Source for each new speaker_id of `claims` (named as the registry names it, else as
    first written), and each name written added to its Source's names. `claims`: anything with
    a claim's speaker_id, speaker and speaker_kind (ledger rows, or a batch's values in order)."""
    written = {(c.speaker_id, c.speaker): c.speaker_kind for c in claims if c.speaker_id and c.speaker}
    if not written:
        return
    have = {k.key: k.source for k in SourceKey.objects.filter(key__in={k for k, _ in written}).select_related("source")}
    named = set(SourceName.objects.filter(source__keys__key__in=list(have)).values_list("source_id", "folded"))
    for (key, name), kind in written.items():
        source = have.get(key) or have.setdefault(key, source_for_key(key, name, kind))
        if (source.id, folded(name)) not in named:
            add_name(source, name)
            named.add((source.id, folded(name)))


def source_for_key(key: str, name: str, kind: str | None = None) -> Source:
    """The Source of `key`, made (with its registry name, kind, role, organisation) when new."""
    found = SourceKey.objects.filter(key=key).select_related("source").first()
    if found:
        return found.source
    try:
        return _new_source(key, name, kind)
    except IntegrityError:  # a concurrent ingest made it first
        return SourceKey.objects.select_related("source").get(key=key).source


def _new_source(key: str, name: str, kind: str | None) -> Source:
    with transaction.atomic():
        known = registry().sources.get(key)
        source = Source.objects.create(
            name=known.name if known else name,
            kind=known.kind if known else _KINDS.get(kind or "", "org"),
            role=known.role if known else None,
        )
        SourceKey.objects.create(key=key, source=source)
        add_name(source, source.name)
        if known:
            for n in (known.name, *known.names):
                add_name(source, n)
            for field, ref in (("org", known.org), ("parent", known.parent)):
                if ref and ref != key:
                    ref_key = registry().countries[ref].id if ref in registry().countries else ref
                    ref_row = registry().sources.get(ref_key)
                    if ref_row:
                        setattr(source, field, source_for_key(ref_key, ref_row.name))
            source.save()
    return source


def add_name(source: Source, name: str) -> None:
    SourceName.objects.get_or_create(source=source, folded=folded(name), defaults={"name": name})


def entity_names() -> dict[str, tuple[str, int, str]]:
    """Every folded name → ("source", id, the Source's name), for grouping names by entity."""
    return {
        folded: ("source", sid, name)
        for folded, sid, name in SourceName.objects.values_list("folded", "source_id", "source__name")
    }


def matching(text: str) -> QuerySet:
    """Sources any of whose names holds `text`, case-insensitively in any script."""
    ids = SourceName.objects.filter(folded__contains=folded(text)).values("source_id")
    return Source.objects.filter(id__in=ids)


def named(name: str) -> Source | None:
    """The Source one of whose names is `name` (any case, either script), the most claims first."""
    found = list(Source.objects.filter(names__folded=folded(name)).distinct())
    return max(found, key=lambda s: claims_of(s).count()) if found else None


def keys_of(sources, with_people: bool = False) -> list[str]:
    """The speaker_ids of `sources` (and of their units; of their people when asked)."""
    ids = set(s.id for s in sources)
    frontier = set(ids)
    while frontier:
        related = Q(parent_id__in=frontier) | (Q(org_id__in=frontier) if with_people else Q(pk__in=[]))
        frontier = set(Source.objects.filter(related).values_list("id", flat=True)) - ids
        ids |= frontier
    return list(SourceKey.objects.filter(source_id__in=ids).values_list("key", flat=True))


def by_speaker(text: str, path: str = "") -> Q:
    """Claims by the sources whose names hold `text` (any of their names, any case or script),
    and claims whose speaker as written holds it; `path` leads from the queried model to the claim."""
    return Q(**{f"{path}speaker_id__in": keys_of(matching(text))}) | Q(**{f"{path}speaker__icontains": text})


def by_org(text: str, path: str = "") -> Q:
    """Claims of the bodies whose names hold `text`: their own, their units' and their people's,
    and claims whose speaker's organisation as written holds it."""
    return Q(**{f"{path}speaker_id__in": keys_of(matching(text), with_people=True)}) | Q(
        **{f"{path}speaker_org__icontains": text}
    )


def claims_of(source: Source, with_people: bool = False) -> QuerySet:
    """Every claim of `source` under any of its names."""
    return Claim.objects.filter(speaker_id__in=keys_of([source], with_people))


def names_seen(source: Source) -> list[str]:
    """The names `source`'s claims were written by, most claims first."""
    from django.db.models import Count

    rows = claims_of(source).values("speaker").annotate(n=Count("id")).order_by("-n", "speaker")
    return [r["speaker"] for r in rows]


def keys_with_names(source: Source) -> list[tuple[str, list[str]]]:
    """`source`'s own keys, each with the names its claims were written by."""
    keys = list(SourceKey.objects.filter(source=source).order_by("key").values_list("key", flat=True))
    written: dict[str, set[str]] = {k: set() for k in keys}
    for key, name in Claim.objects.filter(speaker_id__in=keys).values_list("speaker_id", "speaker").distinct():
        if name:
            written[key].add(name)
    return [(k, sorted(written[k])) for k in keys]


# --- reviewers' corrections, each kept in the history with who and why --------------------------


class SourceError(ValueError):
    """A correction that cannot be made (the message says why, in one line)."""


@dataclass(frozen=True)
class SourceChange:
    """One recorded change of a Source or of one of its keys; `user` None: tallybook itself."""

    when: datetime
    user: str | None
    reason: str
    fields: list[tuple[str, object, object]]  # (field, before, after); a key's move is ("key", from, to)


EDITABLE = ("name", "kind", "role", "org", "parent")


def _text(value: str, what: str, required: bool = True) -> str:
    value = " ".join((value or "").split())
    if "\x00" in value:
        raise SourceError(f"{what}: holds a NUL character")
    if required and not value:
        raise SourceError(f"{what}: empty")
    if len(value) > 300:
        raise SourceError(f"{what}: longer than 300 characters")
    return value


def _saved(row, user, reason: str) -> None:
    row._history_user = user
    row.save()
    update_change_reason(row, reason)


def merge(source: Source, into: Source, user=None, reason: str = "") -> Source:
    """`source` becomes part of `into`: its keys and names move, and it is deleted."""
    if source.pk == into.pk:
        raise SourceError(f"merge: {source.name} cannot be merged into itself")
    reason = _text(reason, "reason", required=False)
    with transaction.atomic():
        for k in SourceKey.objects.filter(source=source):
            k.source = into
            _saved(k, user, reason or f"merged into {into.name}")
        for n in SourceName.objects.filter(source=source):
            add_name(into, n.name)
        Source.objects.filter(org=source).update(org=into)
        Source.objects.filter(parent=source).update(parent=into)
        if into.org_id == source.pk or into.parent_id == source.pk:
            into.org = None if into.org_id == source.pk else into.org
            into.parent = None if into.parent_id == source.pk else into.parent
        _saved(into, user, reason or f"{source.name} merged into it")
        source._history_user = user
        source._change_reason = reason or f"merged into {into.name}"
        source.delete()
    return into


def split(source: Source, keys: list[str], name: str, user=None, reason: str = "") -> Source:
    """A new Source named `name` that takes `keys` (and their names) from `source`."""
    name, reason = _text(name, "name"), _text(reason, "reason", required=False)
    own = set(SourceKey.objects.filter(source=source).values_list("key", flat=True))
    keys = sorted(set(keys))
    if not keys or not set(keys) <= own:
        raise SourceError(f"split: choose keys of {source.name} ({', '.join(sorted(own))})")
    if set(keys) == own:
        raise SourceError(f"split: {source.name} must keep at least one key")
    with transaction.atomic():
        new = Source(name=name, kind=source.kind, parent=source.parent, org=source.org)
        _saved(new, user, reason or f"split from {source.name}")
        for k in SourceKey.objects.filter(source=source, key__in=keys):
            k.source = new
            _saved(k, user, reason or f"split from {source.name}")
        written = set(Claim.objects.filter(speaker_id__in=keys).values_list("speaker", flat=True))
        kept = set(Claim.objects.filter(speaker_id__in=own - set(keys)).values_list("speaker", flat=True))
        kept |= {source.name} | _registry_names(own - set(keys))
        kept_folded = {folded(n) for n in kept if n}
        for n in SourceName.objects.filter(source=source, name__in=written):
            add_name(new, n.name)
            if n.folded not in kept_folded:
                n.delete()
        if folded(name) not in kept_folded:  # the new name finds the new source only
            SourceName.objects.filter(source=source, folded=folded(name)).delete()
        add_name(new, name)
    return new


def _registry_names(keys: set[str]) -> set[str]:
    """The names the registry gives the sources of `keys` (a split leaves them where they are)."""
    known = [registry().sources.get(k) for k in keys]
    return {n for s in known if s for n in (s.name, *s.names)}


def edit(source: Source, user=None, reason: str = "", **changes) -> Source:
    """Rename, set kind, role, organisation or parent; one history record."""
    changes = _checked(source, changes)
    if not changes:
        raise SourceError(f"edit: nothing to change on {source.name}")
    for field, value in changes.items():
        setattr(source, field, value)
    reason = _text(reason, "reason", required=False)
    with transaction.atomic():
        _saved(source, user, reason or "edited: " + ", ".join(changes))
        if "name" in changes:
            add_name(source, changes["name"])
    return source


def _checked(source: Source, changes: dict) -> dict:
    """The changes that change something; SourceError for a field or value that cannot be set."""
    out = {}
    for field, value in changes.items():
        if field not in EDITABLE:
            raise SourceError(f"edit: {field} is not a field of a source ({', '.join(EDITABLE)})")
        if field == "name":
            value = _text(value, "name")
        elif field == "role":
            value = _text(value, "role", required=False) or None
        elif field == "kind" and value not in SOURCE_KINDS:
            raise SourceError(f"edit: kind {value!r} is not one of {', '.join(SOURCE_KINDS)}")
        elif field in ("org", "parent") and value is not None:
            _no_cycle(source, value, field)
        if getattr(source, field) != value:
            out[field] = value
    return out


def _no_cycle(source: Source, other: Source, field: str) -> None:
    seen, at = set(), other
    while at is not None and at.pk not in seen:
        if at.pk == source.pk:
            raise SourceError(f"edit: {other.name} cannot be the {field} of {source.name} (a loop)")
        seen.add(at.pk)
        at = getattr(at, field)


def history(source: Source) -> list[SourceChange]:
    """The changes of `source` and the moves of keys to it, newest first (who, when, why, fields)."""
    records = list(Source.history.filter(id=source.pk).select_related("history_user").order_by("history_date"))
    ids = SourceKey.history.filter(source_id=source.pk).values("id")
    rows = list(SourceKey.history.filter(id__in=ids).select_related("history_user").order_by("id", "history_date"))
    refs = {r.source_id for r in rows} | {v for r in records for v in (r.org_id, r.parent_id) if v}
    names = dict(Source.history.filter(id__in=refs).values_list("id", "name"))
    names |= dict(Source.objects.filter(id__in=refs).values_list("id", "name"))

    def shown(field: str, value):
        return names.get(value, value) if field in ("org", "parent") and value else value

    out = []
    for before, after in zip([None, *records], records):
        delta = after.diff_against(before).changes if before is not None else []
        out.append(_change(after, [(c.field, shown(c.field, c.old), shown(c.field, c.new)) for c in delta]))
    for before, after in zip([None, *rows], rows):
        if before is None or before.id != after.id or before.source_id == after.source_id:
            continue
        if source.pk in (before.source_id, after.source_id):
            moved = (f"key {after.key}", names.get(before.source_id), names.get(after.source_id))
            out.append(_change(after, [moved]))
    return sorted(out, key=lambda c: c.when, reverse=True)


def _change(rec, fields) -> SourceChange:
    user = rec.history_user.get_username() if rec.history_user else None
    return SourceChange(rec.history_date, user, rec.history_change_reason or "", fields)
