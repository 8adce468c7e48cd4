"""Quotations: where direct speech starts and ends, so a figure inside a quote can take the
speaker of the reporting clause next to it ("...," Shoigu said)."""

from __future__ import annotations

import re

OPENERS = {"“", "«", "„"}
CLOSERS = {"”", "»"}
MARKS = re.compile(r"''|[\"“”«»„]")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of quotations, the quote marks included, paragraph by
    paragraph. Curly marks and guillemets open and close by their shape (“ closes a „); a
    straight mark ('"' or the typewriter "''") opens after a space or at a line's start and
    closes elsewhere, so one stray mark cannot flip every later pair. A quotation left open
    runs to the end of its paragraph, the convention of quotes running over several paragraphs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        spans.extend((pos + s, pos + e) for s, e in _paragraph_spans(para))
        pos += len(para) + 1
    return sorted(spans)


def _paragraph_spans(para: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in MARKS.finditer(para):
        mark, at = m.group(), m.start()
        if _opens(para, mark, at, stack):
            stack.append((mark, at))
        elif stack:
            spans.append((stack.pop()[1], m.end()))
    spans.extend((at, len(para.rstrip())) for _, at in stack if len(para.rstrip()) > at + 1)
    return spans


def _opens(para: str, mark: str, at: int, stack: list[tuple[str, int]]) -> bool:
    """Does the mark at `at` open a quotation?"""
    if mark in CLOSERS:
        return False
    if mark == "“":
        return not (stack and stack[-1][0] == "„")
    if mark in OPENERS:
        return True
    before = para[at - 1] if at else " "
    after = para[at + len(mark)] if at + len(mark) < len(para) else " "
    if before.isspace() or before in "([—–-:":
        return not after.isspace()
    return False


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
