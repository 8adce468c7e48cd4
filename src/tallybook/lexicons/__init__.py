"""Per-language vocabulary, loaded once from the TOML files beside this module.

Every key the code reads must be in the file: a missing key is a LexiconError naming the file
and the key, never an empty list (a typo would otherwise switch a rule off without a word).
Both languages declare the same keys (tests/test_lexicons.py); a list that does not apply to
a language is declared empty, with a comment saying why.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
# What a unit's kind makes of its number: "money" and "percent" are kinds of Number; the
# symbols of these kinds belong to the expression ("15%", "$5", "100 руб.").
NUMBER_KINDS = ("money", "percent")


class LexiconError(LookupError):
    """A key the code reads is missing from a lexicon, or has the wrong shape."""


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, longest first, so the longest cue wins."""
    return tuple(sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True))


@dataclass(frozen=True)
class Unit:
    """A unit phrase of `[units.KIND]`: its words, the unit it names and the unit's kind."""

    phrase: tuple[str, ...]
    unit: str
    kind: str

    @property
    def is_symbol(self) -> bool:
        """ "%", "$", "руб.", "us$": not a plain word, so it belongs to the number it follows or leads."""
        return not self.phrase[0].isalpha()


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything language-specific that the number reader and extractor look up."""

    lang: str
    data: dict
    path: Path = field(default=HERE)
    _memo: dict = field(default_factory=dict, repr=False)

    def words(self, *path: str) -> frozenset[str]:
        """A list of words (or phrases) as a set, lower-cased."""
        return self._cached(("words", path), lambda: frozenset(w.lower() for w in self._list(path)))

    def values(self, *path: str) -> dict[str, float]:
        """word → value; a table may also map a value to the list of its forms ("2" = ["два", "две"])."""

        def build() -> dict[str, float]:
            out: dict[str, float] = {}
            for k, v in self._table(path).items():
                if isinstance(v, list):
                    out.update((w.lower(), float(k)) for w in v)
                else:
                    out[k.lower()] = float(v)
            return out

        return self._cached(("values", path), build)

    def phrases(self, *path: str) -> tuple[tuple[str, ...], ...]:
        return self._cached(("phrases", path), lambda: _phrases(self._list(path)))

    def phrase_classes(self, *path: str) -> list[tuple[tuple[str, ...], str]]:
        """(phrase, class) pairs of a table of lists, longest phrase first."""

        def build() -> list[tuple[tuple[str, ...], str]]:
            pairs = [
                (tuple(p.lower().split()), cls)
                for cls, items in self._table(path).items()
                for p in self._list((*path, cls))
            ]
            return sorted(pairs, key=lambda pc: len(pc[0]), reverse=True)

        return self._cached(("classes", path), build)

    def units(self) -> tuple[Unit, ...]:
        """Every unit phrase of `[units.KIND]` tables, longest phrase first."""

        def build() -> tuple[Unit, ...]:
            found = [
                Unit(tuple(p.lower().split()), unit, kind)
                for kind in self._table(("units",))
                for unit in self._table(("units", kind))
                for p in self._list(("units", kind, unit))
            ]
            return tuple(sorted(found, key=lambda u: len(u.phrase), reverse=True))

        return self._cached(("units",), build)

    def unit_kinds(self) -> dict[str, str]:
        """unit → its kind ("USD" → "money", "km" → "distance")."""
        return {u.unit: u.kind for u in self.units()}

    def text(self, *path: str) -> str:
        """A single string setting."""
        node = self._node(path)
        if not isinstance(node, str):
            raise LexiconError(f"{self._where(path)}: expected a string")
        return node

    def _cached(self, key: tuple, build: Any) -> Any:
        if key not in self._memo:
            self._memo[key] = build()
        return self._memo[key]

    def _list(self, path: tuple[str, ...]) -> list[str]:
        node = self._node(path)
        if not isinstance(node, list):
            raise LexiconError(f"{self._where(path)}: expected a list of words")
        return node

    def _table(self, path: tuple[str, ...]) -> dict[str, Any]:
        node = self._node(path)
        if not isinstance(node, dict):
            raise LexiconError(f"{self._where(path)}: expected a table")
        return node

    def _node(self, path: tuple[str, ...]) -> Any:
        node: Any = self.data
        for n, key in enumerate(path):
            if not isinstance(node, dict) or key not in node:
                raise LexiconError(f"{self._where(path[: n + 1])}: no such key")
            node = node[key]
        return node

    def _where(self, path: tuple[str, ...]) -> str:
        return f"lexicon {self.path.name}: {'.'.join(path)}"


def load_lexicon(path: Path, lang: str) -> Lexicon:
    """The lexicon in the TOML file `path`."""
    try:
        with path.open("rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise LexiconError(f"lexicon {path}: not readable ({e})") from e
    return Lexicon(lang, data, path)


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang` ("en", "ru")."""
    return load_lexicon(HERE / f"{lang}.toml", lang)
