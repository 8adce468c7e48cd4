"""Domain packs: measures, populations and concepts as data, and the match of words to them."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

DEFAULT_PACK = Path(__file__).resolve().parent.parent / "packs" / "recruitment.toml"
SCOPES = ("national", "local", "event")
KINDS = ("cumulative", "rate", "one-off")


# A pack's measure id: dotted lower-case words ("casualties.killed"). A claim's measure is one,
# with its scope ("casualties.killed@india", "raids.detentions@mosco@2025-07"), or a discovered
# key ("~countries@africa", "~front-line:km"); either sits in URLs (/measures/ID/).
PACK_ID = re.compile(r"[a-z0-9_]+(?:\.[a-z0-9_]+)*")
MEASURE_ID = re.compile(
    r"(?:[a-z0-9_]+(?:\.[a-z0-9_]+)*|~[a-z0-9-]+(?:\+[a-z0-9-]+)*(?::[a-z0-9_]+)?)(?:@[a-z0-9_-]+)*"
)
MEASURE_ID_MAX = 80


def is_measure_id(text: str) -> bool:
    """Whether `text` is a well-formed measure id or scoped key (no "/", spaces or other characters)."""
    return len(text) <= MEASURE_ID_MAX and MEASURE_ID.fullmatch(text) is not None


class PackError(ValueError):
    """A domain pack that cannot be read."""


Wording = dict[str, tuple[tuple[str, ...], ...]]  # lang -> word lists, one of each must match


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    unit: str | None
    needs_period: bool
    wording: Wording
    kind: str = "cumulative"
    scope: str = "national"
    lead: bool = True  # a local scope may come from the document's lead, not only the sentence
    except_populations: frozenset[str] = frozenset()
    method_names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def hits(self, text: str, lang: str) -> int:
        """How many words of this measure `text` holds; 0 when any list has none."""
        return _hits(self.wording.get(lang) or (), _words_in(text.lower()))

    def counts_names(self, text: str, lang: str) -> bool:
        """Does `text` say the figure is a count of names (a floor, not an estimate)?"""
        low = text.lower()
        return any(_pattern(w).search(low) for w in self.method_names.get(lang, ()))


@dataclass(frozen=True)
class Term:
    """A population or a concept: one id, its words in each language."""

    id: str
    words: dict[str, tuple[str, ...]]
    thing: bool = False  # a concept whose figures count things, not people
    default: bool = False  # the population a pack's measures mean when none is named
    category: bool = False  # a kind of people (volunteers, a side's forces), not a nationality

    def first_at(self, low: str, lang: str) -> tuple[int, int] | None:
        """Where the first of this term's words stands in `low` (start, end), or None."""
        found = [(m.start(), m.end()) for p in _held(self.words.get(lang, ()), low) if (m := p.search(low))]
        return min(found) if found else None

    def last_end(self, low: str, lang: str) -> int | None:
        """The end of the last of the term's words in `low`, or None."""
        ends = [m.end() for p in _held(self.words.get(lang, ()), low) for m in p.finditer(low)]
        return max(ends) if ends else None


def _hits(lists: tuple[tuple[str, ...], ...], held: WordsIn) -> int:
    if not lists:
        return 0
    total = 0
    for words in lists:
        found = sum(1 for w in words if w in held)
        if not found:
            return 0
        total += found
    return total


class WordsIn:
    """Which pack words a lower-cased text holds, each word searched for once: every measure of
    a pack is tried on the same few texts (the counted words, the sentence), and they share words."""

    def __init__(self, low: str):
        self.low = low
        self.seen: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        hit = self.seen.get(word)
        if hit is None:
            hit = self.seen[word] = _text(word) in self.low and _pattern(word).search(self.low) is not None
        return hit


@lru_cache(maxsize=1024)
def _words_in(low: str) -> WordsIn:
    """The WordsIn of `low`, kept a while: a sentence is tried for each of its figures."""
    return WordsIn(low)


def _text(word: str) -> str:
    """The text every match of a pack word holds: a regex runs only where it is found, and most
    words of a pack are in no given sentence."""
    return word.removesuffix("$")


def _held(words: tuple[str, ...], low: str) -> list[re.Pattern]:
    """The regexes of the pack `words` whose text `low` holds."""
    return [p for text, p in _searched(words) if text in low]


@lru_cache(maxsize=4096)
def _searched(words: tuple[str, ...]) -> tuple[tuple[str, re.Pattern], ...]:
    """Pack words as (their text, their regex), made once."""
    return tuple((_text(w), _pattern(w)) for w in words)


@cache
def _pattern(word: str) -> re.Pattern:
    """A pack word as a regex: a prefix of a word, or a whole word when it ends in "$"."""
    if word.endswith("$"):
        return re.compile(rf"(?<!\w){re.escape(word[:-1])}(?!\w)")
    return re.compile(rf"(?<!\w){re.escape(word)}")


@dataclass(frozen=True)
class Scope:
    """The pack's words for scoping: national places, locative and region words, citizens."""

    national: frozenset[str] = frozenset()
    locative: dict[str, frozenset[str]] = field(default_factory=dict)
    region: dict[str, frozenset[str]] = field(default_factory=dict)
    citizens: dict[str, tuple[str, ...]] = field(default_factory=dict)
    periods: dict[str, tuple[str, ...]] = field(default_factory=dict)  # period key -> phrases


@dataclass(frozen=True)
class Pack:
    name: str
    version: int
    measures: tuple[Measure, ...]
    populations: tuple[Term, ...] = ()
    concepts: tuple[Term, ...] = ()
    scope: Scope = Scope()

    def by_id(self, measure_id: str) -> Measure | None:
        """The first measure of the pack with this id (its first wording)."""
        return next((m for m in self.measures if m.id == measure_id), None)

    def first_fit(
        self, texts: list[tuple[str, str]], lang: str, period: str | None, unit: str = "person"
    ) -> Measure | None:
        """The first measure, in pack order, that fits one of `texts`, tried in turn: each a pair
        (words, own words), where every word list must hit the words and the last list (what
        happened) the figure's own words, so context lends the counted head, never the event."""
        for full, own in texts:
            if not full:
                continue
            held, own_held = _words_in(full.lower()), _words_in(own.lower())
            for m in self.measures:
                if (m.unit or "person") != unit or (m.needs_period and not period):
                    continue
                lists = m.wording.get(lang) or ()
                if lists and _hits(lists, held) and _hits(lists[-1:], own_held):
                    return m
        return None

    def match(self, counted: str | None, sentence: str, lang: str, period: str | None) -> str | None:
        """The id of the first-fitting measure of a people count, on what is counted alone,
        then with its sentence ("of them ... sent to the front"), then on the sentence."""
        texts = [(counted, counted), (f"{counted} {sentence}", sentence) if counted else ("", ""), (sentence, sentence)]
        m = self.first_fit(texts, lang, period)
        return m.id if m else None


def _words(data: dict, lang: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in data.get(lang, ()))


def _measure(m: dict) -> Measure:
    wording = {lang: tuple(tuple(w.lower() for w in words) for words in m[lang]) for lang in ("en", "ru") if lang in m}
    scope, kind = m.get("scope", "national"), m.get("kind", "cumulative")
    if scope not in SCOPES or kind not in KINDS:
        raise ValueError(f"measure {m['id']}: scope must be one of {SCOPES}, kind one of {KINDS}")
    names = m.get("method_names", {})
    return Measure(
        m["id"],
        m.get("label", m["id"]),
        m.get("unit"),
        bool(m.get("period")),
        wording,
        kind,
        scope,
        bool(m.get("lead", True)),
        frozenset(m.get("except_populations", ())),
        {lang: _words(names, lang) for lang in names},
    )


def _scope(data: dict) -> Scope:
    s = data.get("scope", {})
    per_lang = {
        k: {lang: frozenset(_words(s.get(k, {}), lang)) for lang in s.get(k, {})} for k in ("locative", "region")
    }
    return Scope(
        frozenset(w.lower() for w in s.get("national", ())),
        per_lang["locative"],
        per_lang["region"],
        {lang: _words(s.get("citizens", {}), lang) for lang in s.get("citizens", {})},
        {k: tuple(v) for k, v in data.get("periods", {}).items()},
    )


def _terms(data: dict, key: str) -> tuple[Term, ...]:
    return tuple(
        Term(
            t["id"],
            {lang: _words(t, lang) for lang in ("en", "ru") if lang in t},
            bool(t.get("thing")),
            bool(t.get("default")),
            bool(t.get("category")),
        )
        for t in data.get(key, [])
    )


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
        if not isinstance(m["id"], str) or not PACK_ID.fullmatch(m["id"]):
            raise PackError(f"{file}: measure #{i + 1}: id {m['id']!r} is not dotted lower-case words (a.b_c)")
        try:
            measures.append(_measure(m))
        except (ValueError, TypeError) as e:
            raise PackError(f"{file}: {e}") from e
    info = data.get("pack", {})
    return Pack(
        info.get("name", file.stem),
        int(info.get("version", 1)),
        tuple(measures),
        _terms(data, "population"),
        _terms(data, "concept"),
        _scope(data),
    )
