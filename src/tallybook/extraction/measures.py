"""Domain packs: measures as data, and the match of a claim to one of them."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..languages import LANGUAGES

DEFAULT_PACK = Path(__file__).resolve().parent.parent / "packs" / "recruitment.toml"


# A measure id: dotted lower-case words ("casualties.killed"); it sits in URLs (/measures/ID/)
MEASURE_ID = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
MEASURE_ID_MAX = 80


def is_measure_id(text: str) -> bool:
    """Whether `text` is a well-formed measure id (no "/", spaces or other characters)."""
    return len(text) <= MEASURE_ID_MAX and MEASURE_ID.fullmatch(text) is not None


class PackError(ValueError):
    """A domain pack that cannot be read."""


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    unit: str | None
    needs_period: bool
    wording: dict[str, tuple[tuple[str, ...], ...]]  # lang -> word lists, one of each must match

    def hits(self, text: str, lang: str) -> int:
        """How many words of this measure `text` holds; 0 when any list has none."""
        lists = self.wording.get(lang) or ()
        if not lists:
            return 0
        low = text.lower()
        total = 0
        for words in lists:
            found = sum(1 for w in words if re.search(_pattern(w), low))
            if not found:
                return 0
            total += found
        return total


def _pattern(word: str) -> str:
    """A pack word as a regex: a prefix of a word, or a whole word when it ends in "$"."""
    if word.endswith("$"):
        return rf"(?<!\w){re.escape(word[:-1])}(?!\w)"
    return rf"(?<!\w){re.escape(word)}"


@dataclass(frozen=True)
class Pack:
    name: str
    version: int
    measures: tuple[Measure, ...]

    def match(self, counted: str | None, sentence: str, lang: str, period: str | None) -> str | None:
        """The id of the best-fitting measure for a claim, or None: on what is counted alone,
        then with its sentence ("of them ... sent to the front"), then on the sentence."""
        best, best_hits = None, 0
        for text in (counted, f"{counted} {sentence}" if counted else None, sentence):
            if not text:
                continue
            for m in self.measures:
                if m.needs_period and not period:
                    continue
                h = m.hits(text, lang)
                if h > best_hits:
                    best, best_hits = m.id, h
            if best:
                return best
        return None


@cache
def load_pack(path: str | None = None) -> Pack:
    """Read a pack file (TOML); the bundled recruitment pack by default."""
    file = Path(path) if path else DEFAULT_PACK
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise PackError(f"{file}: not a readable pack ({e})") from e
    measures = []
    for i, m in enumerate(data.get("measure", [])):
        if "id" not in m:
            raise PackError(f"{file}: measure #{i + 1} has no id")
        if not isinstance(m["id"], str) or not is_measure_id(m["id"]):
            raise PackError(f"{file}: measure #{i + 1}: id {m['id']!r} is not dotted lower-case words (a.b_c)")
        wording = {lang: tuple(tuple(w.lower() for w in words) for words in m[lang])
                   for lang in LANGUAGES if lang in m}
        measures.append(Measure(m["id"], m.get("label", m["id"]), m.get("unit"), bool(m.get("period")), wording))
    info = data.get("pack", {})
    return Pack(info.get("name", file.stem), int(info.get("version", 1)), tuple(measures))
