"""Language detection with lingua, limited to the languages tallybook reads: for a whole
text, and sentence by sentence for a text that mixes them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..languages import DEFAULT, LANGUAGES

# a sentence ends at a line break, or after . ! ? … (and closing quotes) before a space
SENTENCE_END = re.compile(r"\n+|(?<=[.!?…])[\"»”')]*\s+")
MIN_LETTERS = 12  # a shorter sentence ("Kyiv, 3 March.") takes the language around it


@dataclass(frozen=True)
class Run:
    """A stretch of text in one language: text[start:end]."""

    start: int
    end: int
    lang: str


@cache
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_languages(
        *(getattr(Language, lang.name) for lang in LANGUAGES.values())
    ).build()


def detect(text: str) -> str:
    """The code of a registered language for a text ("en", "ru"); its alphabet decides when it
    clearly dominates (four times the letters of every other), else lingua."""
    letters = {code: len(lang.alphabet.findall(text)) for code, lang in LANGUAGES.items()}
    if not any(letters.values()):
        return DEFAULT
    best = max(letters, key=lambda code: letters[code])
    if all(letters[best] > 4 * n for code, n in letters.items() if code != best):
        return best
    found = _detector().detect_language_of(text)
    return next((code for code, lang in LANGUAGES.items() if found is not None and found.name == lang.name), DEFAULT)


def language_runs(text: str) -> list[Run]:
    """The text cut into runs of consecutive sentences of one language, covering all of it.
    A text in one language is one run; a sentence too short to tell takes the language of
    the run it stands in."""
    pieces = sentence_pieces(text)
    langs = [detect(text[a:b]) if _letters(text[a:b]) >= MIN_LETTERS else None for a, b in pieces]
    default = next((lang for lang in langs if lang), None) or detect(text)
    runs: list[Run] = []
    for (a, b), lang in zip(pieces, langs):
        lang = lang or (runs[-1].lang if runs else default)
        if runs and runs[-1].lang == lang:
            runs[-1] = Run(runs[-1].start, b, lang)
        else:
            runs.append(Run(a, b, lang))
    return runs or [Run(0, len(text), default)]


def sentence_pieces(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing whitespace included, covering the text."""
    ends = [m.end() for m in SENTENCE_END.finditer(text)] + [len(text)]
    pieces, start = [], 0
    for end in ends:
        if end > start:
            pieces.append((start, end))
            start = end
    return pieces


def _letters(s: str) -> int:
    return sum(len(lang.alphabet.findall(s)) for lang in LANGUAGES.values())
