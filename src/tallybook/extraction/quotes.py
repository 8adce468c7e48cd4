"""Quotations: where direct speech starts and ends, so a figure inside a quote can take the
speaker of the reporting clause next to it ("...," Shoigu said)."""

from __future__ import annotations

import re

OPEN_CLOSE = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = re.compile(r'"')
DOUBLED = re.compile(r"''")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of quotations, the quote marks included."""
    spans: list[tuple[int, int]] = []
    for opener, closer in OPEN_CLOSE.items():
        pos = 0
        while (start := text.find(opener, pos)) >= 0:
            end = text.find(closer, start + 1)
            if end < 0:
                break
            spans.append((start, end + 1))
            pos = end + 1
    for mark in (STRAIGHT, DOUBLED):  # '"…"' and the typewriter convention "''…''"
        marks = [m.start() for m in mark.finditer(text)]
        width = 2 if mark is DOUBLED else 1
        spans.extend((marks[k], marks[k + 1] + width) for k in range(0, len(marks) - 1, 2))
    return sorted(spans)


class Quotes:
    """Look-ups of the quotation around a character offset."""

    def __init__(self, text: str):
        self.text = text
        self.spans = quote_spans(text)

    def around(self, pos: int) -> tuple[int, int] | None:
        """The innermost quotation holding `pos`, or None."""
        holding = [(s, e) for s, e in self.spans if s <= pos < e]
        return max(holding, default=None)

    def chain(self, pos: int, reach: int = 200) -> list[tuple[int, int]]:
        """The quotation holding `pos`, then the ones that run on before it in the same
        paragraph ('"...," said X. "..."'), nearest first: one speaker's continued words."""
        quote = self.around(pos)
        found = [quote] if quote else []
        while quote is not None:
            gap_end = quote[0]
            quote = max(
                (
                    (s, e)
                    for s, e in self.spans
                    if e <= gap_end and gap_end - e <= reach and "\n" not in self.text[e:gap_end]
                ),
                default=None,
            )
            if quote is not None:
                found.append(quote)
        return found
