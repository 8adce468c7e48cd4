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
    return [(s, e) for s, e, _ in _spans(text)]


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """Quotation spans and whether each is left open at its paragraph's end (it runs on). A
    paragraph after one left open that closes a quotation it did not open continues it, from
    its start ("«… (paragraph) … ожидают оформления»")."""
    spans: list[tuple[int, int, bool]] = []
    pos, runs_on = 0, False
    for para in text.split("\n"):
        if para.strip():
            found = _paragraph_spans(para, runs_on)
            spans.extend((pos + s, pos + e, o) for s, e, o in found)
            runs_on = any(o for _, _, o in found)
        pos += len(para) + 1
    return sorted(spans)


def _paragraph_spans(para: str, continued: bool = False) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    stack: list[tuple[str, int]] = []
    for m in MARKS.finditer(para):
        mark, at = m.group(), m.start()
        if _opens(para, mark, at, stack):
            stack.append((mark, at))
        elif stack:
            spans.append((stack.pop()[1], m.end(), False))
        elif continued and mark in CLOSERS | {'"'}:  # the paragraph's first mark closes: it goes on
            spans.append((len(para) - len(para.lstrip()), m.end(), False))
        continued = False
    spans.extend((at, len(para.rstrip()), True) for _, at in stack if len(para.rstrip()) > at + 1)
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
        found = _spans(text)
        self.spans = [(s, e) for s, e, _ in found]
        self.running = [(s, e) for s, e, runs_on in found if runs_on]  # left open at a paragraph's end

    def around(self, pos: int) -> tuple[int, int] | None:
        """The innermost quotation holding `pos`, or None."""
        holding = [(s, e) for s, e in self.spans if s <= pos < e]
        return max(holding, default=None)

    def chain(self, pos: int, reach: int = 200) -> list[tuple[int, int]]:
        """The quotation holding `pos`, then the ones that run on before it in the same
        paragraph ('"...," said X. "..."') or from the paragraphs before, left open at their
        end (a quotation over several paragraphs), nearest first: one speaker's continued words."""
        quote = self.around(pos)
        found = [quote] if quote else []
        while quote is not None:
            quote = self._before(quote, reach) or self._run_on_into(quote)
            if quote is not None:
                found.append(quote)
        return found

    def _before(self, quote: tuple[int, int], reach: int) -> tuple[int, int] | None:
        gap_end = quote[0]
        return max(
            (
                (s, e)
                for s, e in self.spans
                if e <= gap_end and gap_end - e <= reach and "\n" not in self.text[e:gap_end]
            ),
            default=None,
        )

    def _run_on_into(self, quote: tuple[int, int]) -> tuple[int, int] | None:
        """The quotation of the paragraph before, left open there, that `quote` continues
        (when `quote` opens its own paragraph)."""
        line = self.text.rfind("\n", 0, quote[0]) + 1
        if self.text[line : quote[0]].strip():
            return None
        return next((q for q in self.running if q[1] <= line and not self.text[q[1] : line].strip()), None)
