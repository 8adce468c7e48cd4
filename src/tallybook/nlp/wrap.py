"""Hard-wrapped text: a line break inside a sentence is not the end of a paragraph."""

from __future__ import annotations

# characters a sentence, a headline or a heading ends with
ENDS = frozenset(".!?:;…»\"”“')]")


def wraps_on(before: str, gap: str, after: str) -> bool:
    """Does the line ending in `before` run on, across the whitespace `gap`, into the line starting
    with `after`? Only over one line break, after no closing mark, into a lower-case word or a
    digit group («…отловили 30 тысяч мигрантов,» / «получивших паспорт…», "Порядка 10" / "тысяч")."""
    before = before.rstrip()
    return gap.count("\n") == 1 and bool(before) and before[-1] not in ENDS and after[:1].islower()
