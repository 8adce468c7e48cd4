"""Incident types and their triggers, read from the pack (`packs/incidents.toml`), and the
matching of triggers against a parsed sentence."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from ..model import INCIDENT_TYPES
from .measures import PackError

INCIDENTS_PACK = Path(__file__).resolve().parent.parent / "packs" / "incidents.toml"
MAX_DEPTH = 3  # how deep under its head a dependent lemma of a "a > b" trigger may sit
TYPE_KEYS = ("label", "plover", "acled_event", "acled_sub_event", "default_place", "in_clause", "en", "ru")


@dataclass(frozen=True)
class Trigger:
    """One trigger: lemma steps, joined as a sequence (" ") or as head and dependent (" > ")."""

    type: str
    steps: tuple[str, ...]
    chained: bool  # True: head > dependent > ...; False: consecutive tokens

    @property
    def weight(self) -> int:
        return len(self.steps)


@dataclass(frozen=True)
class IncidentType:
    id: str
    label: str
    plover: str
    acled_event: str
    acled_sub_event: str
    default_place: str
    in_clause: bool
    tally: bool = False
    front: bool = False  # happens at the front: a war's place is its place
    carry: bool = True  # with no place of its own, happens where the story's last event did
    object_is_place: bool = True  # False: the object is addressed ("urged Russia"), not a place
    future: str = ""  # the type an event of this type told in the future is ("law": the decision)
    actor_is_place: bool = False  # a government's act: the country acting is where it happens


@dataclass(frozen=True)
class IncidentPack:
    types: dict[str, IncidentType]
    triggers: dict[str, tuple[Trigger, ...]]  # lang -> triggers, heaviest first
    generic: dict[str, tuple[str, ...]]
    unreal: dict[str, frozenset[str]]
    dates: dict[str, dict[str, tuple[str, ...]]]
    negation: dict[str, frozenset[str]]
    condition: dict[str, frozenset[str]]


@dataclass(frozen=True)
class Hit:
    """A trigger found in a sentence: its type and the tokens it covers (head token first)."""

    type: str
    tokens: tuple[Token, ...]
    weight: int

    @property
    def head(self) -> Token:
        """The token of the trigger the others hang from ("papers" of "call-up papers")."""
        ids = {t.i for t in self.tokens}
        return next((t for t in self.tokens if t.head.i not in ids or t.head.i == t.i), self.tokens[0])


def _trigger(type_id: str, text: str) -> Trigger:
    if ">" in text:
        return Trigger(type_id, tuple(s.strip().lower() for s in text.split(">")), True)
    return Trigger(type_id, tuple(text.lower().split()), False)


@cache
def load_incident_pack(path: str | None = None) -> IncidentPack:
    """The incident types of a pack file (default: the recruitment pack's incidents.toml)."""
    p = Path(path) if path else INCIDENTS_PACK
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise PackError(f"{p}: cannot read incident pack ({e})") from None
    try:
        return _pack_of(data, p, path)
    except KeyError as e:
        raise PackError(f"{p}: incident pack lacks {e}") from None


def _pack_of(data: dict, p: Path, path: str | None) -> IncidentPack:
    if "types" not in data:
        if path:
            return load_incident_pack(None)
        raise PackError(f"{p}: no [types] tables")
    types: dict[str, IncidentType] = {}
    triggers: dict[str, list[Trigger]] = {"en": [], "ru": []}
    for tid, t in data["types"].items():
        missing = [k for k in TYPE_KEYS if k not in t]
        if tid not in INCIDENT_TYPES or missing:
            raise PackError(f"{p}: incident type {tid!r}: " + (f"lacks {missing}" if missing else "unknown type"))
        types[tid] = IncidentType(
            tid,
            t["label"],
            t["plover"],
            t["acled_event"],
            t["acled_sub_event"],
            t["default_place"],
            bool(t["in_clause"]),
            bool(t.get("tally", False)),
            bool(t.get("front", False)),
            bool(t.get("carry", True)),
            bool(t.get("object_is_place", True)),
            str(t.get("future", "")),
            bool(t.get("actor_is_place", False)),
        )
        for lang in triggers:
            triggers[lang].extend(_trigger(tid, s) for s in t[lang])
    bad = {t.future for t in types.values() if t.future and t.future not in types}
    if bad:
        raise PackError(f"{p}: `future` names unknown incident types {sorted(bad)}")
    ordered = {lang: tuple(sorted(ts, key=lambda tr: -tr.weight)) for lang, ts in triggers.items()}
    generic = {lang: tuple(w.lower() for w in data["generic"][lang]) for lang in ("en", "ru")}
    dates = {lang: {k: tuple(v) for k, v in data["dates"][lang].items()} for lang in ("en", "ru")}
    unreal, negation, condition = (
        {lang: frozenset(w.lower() for w in data[table][lang]) for lang in ("en", "ru")}
        for table in ("unreal", "negation", "condition")
    )
    return IncidentPack(types, ordered, generic, unreal, dates, negation, condition)


def _lemma_is(tok: Token, step: str) -> bool:
    """Does the token have this lemma ("lemma", "prefix*", "lemma/VERB": only as that part of speech)?"""
    return _fits(_form_of(tok), step)


def _form_of(tok: Token) -> tuple[str, str, str, bool]:
    """What a step reads of a token: its lemma (ё as е), lower-case form, part of speech, is_alpha."""
    return tok.lemma_.lower().replace("ё", "е"), tok.lower_, tok.pos_, tok.is_alpha


def _fits(form: tuple[str, str, str, bool], step: str) -> bool:
    """Does a token of this `_form_of` fit the step?"""
    word, pos, prefix = _step(step)
    lemma, lower, tok_pos, alpha = form
    if pos is not None and tok_pos != pos:
        return False
    if prefix:
        return lemma.startswith(word) and alpha
    return lemma == word or lower == word


@cache
def _step(step: str) -> tuple[str, str | None, bool]:
    """A step as (its word, ё as е; the part of speech it asks for, or None; a prefix?)."""
    pos = None
    if "/" in step:
        step, pos = step.split("/", 1)
        pos = pos.upper()
    step = step.replace("ё", "е")
    return (step[:-1], pos, True) if step.endswith("*") else (step, pos, False)


def _dependent(tok: Token, step: str, depth: int = MAX_DEPTH) -> Token | None:
    """A dependent of `tok`, at most `depth` levels down, whose lemma is `step`."""
    if step.startswith("*"):  # "призвать > */verb": any verb the head takes as its complement
        return next((c for c in tok.children if c.dep_ == "xcomp" and _lemma_is(c, step)), None)
    for child in tok.children:
        if _lemma_is(child, step):
            return child
        if depth > 1:
            found = _dependent(child, step, depth - 1)
            if found is not None:
                return found
    return None


def _match_at(tok: Token, trig: Trigger, sent: Span) -> tuple[Token, ...] | None:
    if not _lemma_is(tok, trig.steps[0]):
        return None
    if trig.chained:
        got, cur = [tok], tok
        for step in trig.steps[1:]:
            nxt = _dependent(cur, step)
            if nxt is None:
                return None
            got.append(nxt)
            cur = nxt
        return tuple(got)
    toks = [tok]
    for k, step in enumerate(trig.steps[1:], 1):
        i = tok.i + k
        if i >= sent.end or not _lemma_is(tok.doc[i], step):
            return None
        toks.append(tok.doc[i])
    return tuple(toks)


def hits_of(sent: Span, triggers: tuple[Trigger, ...]) -> list[Hit]:
    """The triggers of `sent`, heaviest first claiming their tokens: a token one trigger has
    taken is not the head of a lighter one."""
    taken: set[int] = set()
    hits: list[Hit] = []
    tokens = list(sent)
    forms = [_form_of(tok) for tok in tokens]  # read once a token, not once a trigger
    at: dict[str, list[int]] = {}  # where each lemma and form stands, for a first step of a whole word
    for k, (lemma, lower, _, _) in enumerate(forms):
        for word in dict.fromkeys((lemma, lower)):
            at.setdefault(word, []).append(k)
    for trig in triggers:
        word, _, prefix = _step(trig.steps[0])
        for k in range(len(tokens)) if prefix else at.get(word, ()):
            tok = tokens[k]
            if tok.i in taken or not _fits(forms[k], trig.steps[0]):
                continue
            toks = _match_at(tok, trig, sent)
            if toks is None or any(t.i in taken for t in toks):
                continue
            taken.update(t.i for t in toks)
            hits.append(Hit(trig.type, toks, trig.weight))
    return sorted(hits, key=lambda h: h.tokens[0].i)
