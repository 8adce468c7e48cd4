"""Figures across sources: each claim's interval and time, grouping by measure, conflicts,
revisions, and each figure's origin with its echoes. Pure Python over `Figure` values, so the
ledger, the CLI and the web app share one reading (no Django here).

Intervals, by the claim's hedge (the convention, documented in the README):
    exact [v, v]; range [lo, hi]; lower [v, inf); upper [0, v]; average [v, v];
    approx [v * (1 - APPROX_BAND), v * (1 + APPROX_BAND)].
A count of names ("we have identified the names of 70,112") is a floor whatever its hedge:
[v, inf). An estimate keeps its hedge's interval.

Time: the figure's `time_ref`, else its document's publication date, with its precision
(year, month or day); two times are comparable when they fall in one period of the coarser
precision.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from itertools import combinations

APPROX_BAND = 0.10
PRECISIONS = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class Figure:
    """One claim as the comparison sees it."""

    id: int
    doc: str  # the document's source (path or URL)
    published: date | None
    measure: str | None
    value: float
    value_max: float | None
    hedge: str
    speaker: str | None
    time_ref: str | None = None
    names_count: bool = False  # a count of names: a floor
    cumulative: bool = True  # a running total (deaths so far), not a rate or a one-off
    sentence: str = ""
    lang: str = "en"
    unit: str | None = None
    speaker_id: str | None = None  # the source entity's key (extractor's speaker_id)
    entity: str | None = None  # the source entity's name (the ledger's Source), else as written
    via: str | None = None  # who relayed the speaker's figure ("according to Reuters", «со ссылкой на»)

    @property
    def source(self) -> str | None:
        """Who the figure is put on: its source entity's name, else the speaker as written."""
        return self.entity or self.speaker

    @property
    def interval(self) -> tuple[float, float]:
        return interval(self.value, self.value_max, self.hedge, self.names_count)

    @property
    def when(self) -> tuple[str, str] | None:
        """(ISO time, precision) the figure refers to, or None when neither time is known."""
        return when(self.time_ref, self.published)


def interval(value: float, value_max: float | None, hedge: str, names_count: bool = False) -> tuple[float, float]:
    """The interval a hedged figure stands for (the module's convention)."""
    if names_count:
        return value, math.inf
    if hedge == "range" or value_max is not None:
        return value, value_max if value_max is not None else value
    if hedge == "lower":
        return value, math.inf
    if hedge == "upper":
        return 0.0, value
    if hedge == "approx":
        return value * (1 - APPROX_BAND), value * (1 + APPROX_BAND)
    return value, value


def when(time_ref: str | None, published: date | None) -> tuple[str, str] | None:
    """The time a figure refers to, as (ISO text, precision): its time_ref, else the publication date."""
    text = (time_ref or "")[:10]
    if len(text) in PRECISIONS and text[:4].isdigit():
        return text, PRECISIONS[len(text)]
    if published:
        return published.isoformat(), "day"
    return None


def comparable(a: Figure, b: Figure) -> bool:
    """Do the two figures refer to one period (at the coarser of their precisions)?"""
    ta, tb = a.when, b.when
    if not ta or not tb:
        return False
    n = min(len(ta[0]), len(tb[0]))
    return ta[0][:n] == tb[0][:n]


def meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def group(figures: list[Figure]) -> dict[str, list[Figure]]:
    """The figures by measure, each figure in exactly one group; a figure with no measure is a
    group of its own ("(none) ID")."""
    out: dict[str, list[Figure]] = defaultdict(list)
    for f in figures:
        out[f.measure or f"(none) {f.id}"].append(f)
    return dict(out)


@dataclass(frozen=True)
class Candidate:
    """A discovered measure ("~countries@africa") that figures of several documents share: a
    reviewer can name it, merge it into a pack measure, split it or add it to the pack."""

    key: str
    figures: tuple[Figure, ...]

    @property
    def documents(self) -> int:
        return len({f.doc for f in self.figures})


def candidates(figures: list[Figure]) -> list[Candidate]:
    """Discovered keys held by figures of two documents or more, the most documents first."""
    found = [
        Candidate(k, tuple(fs))
        for k, fs in group(figures).items()
        if k.startswith("~") and len({f.doc for f in fs}) > 1
    ]
    return sorted(found, key=lambda c: (-c.documents, c.key))


@dataclass(frozen=True)
class Conflict:
    """Two figures of one measure that cannot both be right; `kind` says why."""

    measure: str
    a: Figure  # the earlier (or, at one time, the first by id)
    b: Figure
    kind: str  # "disagree": one period, intervals apart; "below-floor": a later total under an earlier floor

    @property
    def sides(self) -> tuple[Figure, Figure]:
        return self.a, self.b


def _ordered(a: Figure, b: Figure) -> tuple[Figure, Figure]:
    ka = (a.when or ("9999", ""))[0], a.published or date.max, a.id
    kb = (b.when or ("9999", ""))[0], b.published or date.max, b.id
    return (a, b) if ka <= kb else (b, a)


def verdict(a: Figure, b: Figure) -> str | None:
    """ "disagree", "below-floor", "revision" (a grown running total) or None (no disagreement)."""
    a, b = _ordered(a, b)
    if comparable(a, b):
        return None if meet(a.interval, b.interval) else "disagree"
    if not (a.when and b.when) or not (a.cumulative and b.cumulative):
        return None  # rates and one-offs of different times are different quantities
    if b.interval[1] < a.interval[0]:
        return "below-floor"
    return "revision" if b.interval[0] > a.interval[1] else None


def conflicts(figures: list[Figure]) -> list[Conflict]:
    """Every pair of one measure that disagrees, by the rules of `verdict`, earliest first.
    Figures with no measure, or of one speaker in one document, are never compared."""
    out = []
    for measure, fs in sorted(group([f for f in figures if f.measure]).items()):
        for x, y in combinations(fs, 2):
            if x.doc == y.doc and x.source == y.source:
                continue
            kind = verdict(x, y)
            if kind in ("disagree", "below-floor"):
                a, b = _ordered(x, y)
                out.append(Conflict(measure, a, b, kind))
    return sorted(out, key=lambda c: (c.measure, _sort_key(c.a), _sort_key(c.b)))


def _sort_key(f: Figure) -> tuple:
    return (f.published or date.max, f.id)


def same_figure(a: Figure, b: Figure) -> bool:
    """One figure restated: the same value within its hedge (an approx figure's band), same range."""
    if (a.value_max is None) != (b.value_max is None):
        return False
    if a.value_max is not None and b.value_max is not None:
        return math.isclose(a.value, b.value) and math.isclose(a.value_max, b.value_max)
    if "approx" in (a.hedge, b.hedge):
        return abs(a.value - b.value) <= APPROX_BAND * max(abs(a.value), abs(b.value))
    return math.isclose(a.value, b.value)


@dataclass(frozen=True)
class Origin:
    """A figure's first statement (earliest document) and its echoes: later documents restating
    it. An echo is never independent confirmation."""

    measure: str
    origin: Figure
    echoes: tuple[Figure, ...]

    @property
    def relays(self) -> list[Relay]:
        """Who repeated whom: each echo's document (or the outlet it names as `via`) restating
        the figure of the source it credits, else of the origin's source."""
        return [relay(self.origin, e) for e in self.echoes]


@dataclass(frozen=True)
class Relay:
    """One restatement: `by` (the relaying outlet or document) repeated `of` (the source credited)."""

    echo: Figure
    by: str
    of: str | None
    credited: bool  # the echo names the source itself; False: it states the figure as its own or unattributed


def relay(origin: Figure, echo: Figure) -> Relay:
    """`echo` as a relay of `origin`: its `via`, else its document, repeating its source, else the origin's."""
    by = echo.via or echo.doc
    return Relay(echo, by, echo.source or origin.source, echo.source is not None)


def origins(figures: list[Figure]) -> list[Origin]:
    """Each figure of each measure with its origin and echoes (one per document), earliest first."""
    out: list[Origin] = []
    for measure, fs in sorted(group([f for f in figures if f.measure]).items()):
        chains: list[list[Figure]] = []
        for f in sorted(fs, key=_sort_key):
            chain = next((c for c in chains if same_figure(c[0], f)), None)
            if chain is None:
                chains.append([f])
            elif all(e.doc != f.doc for e in chain):
                chain.append(f)
        out.extend(Origin(measure, c[0], tuple(c[1:])) for c in chains)
    return out


def latest_by_source(figures: list[Figure]) -> dict[str, Figure]:
    """Each source entity's latest figure of one measure (its names as one); unattributed under "—"."""
    out: dict[str, Figure] = {}
    for f in sorted(figures, key=lambda f: ((f.when or ("", ""))[0], f.published or date.min, f.id)):
        out[f.source or "—"] = f
    return out


def pack_facts(measure: str | None, sentence: str, lang: str, pack: str | None = None) -> tuple[bool, bool]:
    """(a count of names, a running total) for a claim of `measure` in `sentence`, from the pack."""
    from .extraction.measures import load_pack

    m = load_pack(pack).by_id(measure.split("@")[0]) if measure else None
    if m is None:
        return False, True
    return m.counts_names(sentence, lang), m.kind == "cumulative"


def figures_of(
    claims, text: str, doc: str, published: date | None, first_id: int = 0, pack: str | None = None
) -> list[Figure]:
    """Figures of the `model.Claim`s extracted from one document's `text`."""
    out = []
    for i, c in enumerate(claims):
        sentence = text[c.sentence[0] : c.sentence[1]]
        names, cumulative = pack_facts(c.measure, sentence, c.lang, pack)
        out.append(
            Figure(
                first_id + i,
                doc,
                published,
                c.measure,
                c.value,
                c.value_max,
                c.hedge,
                c.speaker,
                c.time_ref,
                names,
                cumulative,
                sentence,
                c.lang,
                c.unit,
                c.speaker_id,
                None,
                c.via,
            )
        )
    return out
