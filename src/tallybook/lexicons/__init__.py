"""Per-language vocabulary, loaded once from the TOML files beside this module."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

HERE = Path(__file__).parent


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    """Phrases as word tuples, longest first, so the longest cue wins."""
    return tuple(sorted((tuple(p.lower().split()) for p in items), key=len, reverse=True))


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Everything language-specific that the number reader and extractor look up."""

    lang: str
    data: dict

    @lru_cache(maxsize=None)
    def words(self, *path: str) -> frozenset[str]:
        node = self._node(path)
        return frozenset(w.lower() for w in (node if isinstance(node, list) else node))

    def values(self, *path: str) -> dict[str, float]:
        """word → value; a table may also map a value to the list of its forms ("2" = ["два", "две"])."""
        out: dict[str, float] = {}
        for k, v in self._node(path).items():
            if isinstance(v, list):
                out.update((w.lower(), float(k)) for w in v)
            else:
                out[k.lower()] = float(v)
        return out

    def phrases(self, *path: str) -> tuple[tuple[str, ...], ...]:
        return _phrases(self._node(path))

    @lru_cache(maxsize=None)
    def phrase_classes(self, *path: str) -> list[tuple[tuple[str, ...], str]]:
        """(phrase, class) pairs of a table of lists, longest phrase first."""
        pairs = [(tuple(p.lower().split()), cls) for cls, items in self._node(path).items() for p in items]
        return sorted(pairs, key=lambda pc: len(pc[0]), reverse=True)

    def _node(self, path: tuple[str, ...]):
        node = self.data
        for key in path:
            node = node.get(key, {})
        return node


@cache
def lexicon(lang: str) -> Lexicon:
    """The lexicon of `lang` ("en", "ru")."""
    path = HERE / f"{lang}.toml"
    with path.open("rb") as f:
        return Lexicon(lang, tomllib.load(f))
