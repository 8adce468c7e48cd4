"""A claim's columns, derived from the fields of model.Claim: every writer takes them from here.

JSON Lines and CSV of `tallybook extract`, the ledger's rows, its CSV / JSON Lines / Parquet
exports and the API's claim schema all list `CLAIM_COLUMNS`, so a field added to model.Claim
reaches each of them (and tests/test_claim_schema.py fails where it cannot, e.g. a ledger
column without its migration).
"""

from __future__ import annotations

import types
from dataclasses import dataclass, fields
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from .model import Claim

# model.Claim's `sentence` (start, end) is two flat columns wherever a row is flat.
FLAT = {"sentence": ("sentence_start", "sentence_end")}


@dataclass(frozen=True)
class Column:
    """One flat column: its name, scalar type (int, float, bool, str), nullability and, for a
    Literal field, the values it may take."""

    name: str
    type: type
    nullable: bool = False
    choices: tuple[str, ...] = ()

    @property
    def annotation(self) -> Any:
        """The Python type of the column's values (a Literal for a closed set), for schemas."""
        base: Any = Literal[self.choices] if self.choices else self.type
        return base | None if self.nullable else base

    @property
    def type_name(self) -> str:
        return self.type.__name__


def _scalar(hint: Any) -> tuple[type, bool, tuple[str, ...]]:
    """(scalar type, nullable, Literal choices) of a field's type hint."""
    args = get_args(hint)
    if get_origin(hint) in (Union, types.UnionType):
        inner = [a for a in args if a is not type(None)]
        base, _, choices = _scalar(inner[0])
        return base, len(inner) < len(args), choices
    if get_origin(hint) is Literal:
        return str, False, tuple(args)
    if get_origin(hint) is tuple:
        return args[0], False, ()
    return hint, False, ()


def _columns() -> tuple[Column, ...]:
    hints = get_type_hints(Claim)
    out = []
    for f in fields(Claim):
        base, nullable, choices = _scalar(hints[f.name])
        for name in FLAT.get(f.name, (f.name,)):
            out.append(Column(name, base, nullable, choices))
    return tuple(out)


CLAIM_COLUMNS: tuple[Column, ...] = _columns()
# The fields of Claim.as_record() (JSON Lines and the extract CSV), `sentence` as one field.
RECORD_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Claim))


def flat_values(claim: Claim) -> dict[str, Any]:
    """The claim's values by flat column name (sentence as sentence_start, sentence_end)."""
    values: dict[str, Any] = {}
    for f in fields(Claim):
        value = getattr(claim, f.name)
        if f.name in FLAT:
            values.update(zip(FLAT[f.name], value))
        else:
            values[f.name] = value
    return values
