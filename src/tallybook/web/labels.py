"""What the interface calls things: hedges, statuses, speaker kinds and measures, in the page's language."""

from __future__ import annotations

import tomllib
from functools import cache

from django.utils.translation import get_language, pgettext, pgettext_lazy

from tallybook.extraction.measures import DEFAULT_PACK

HEDGES = {
    "exact": pgettext_lazy("hedge", "exact"),
    "approx": pgettext_lazy("hedge", "approx"),
    "lower": pgettext_lazy("hedge", "lower"),
    "upper": pgettext_lazy("hedge", "upper"),
    "average": pgettext_lazy("hedge", "average"),
    "range": pgettext_lazy("hedge", "range"),
}
STATUSES = {
    "new": pgettext_lazy("status", "new"),
    "accepted": pgettext_lazy("status", "accepted"),
    "corrected": pgettext_lazy("status", "corrected"),
    "rejected": pgettext_lazy("status", "rejected"),
}
HEAD_COUNT = pgettext_lazy("unit", "people")
# the units the number reader names (lexicons' [units]) beside a figure; symbols are display.SYMBOLS
UNITS = {
    "km": pgettext_lazy("unit", "km"),
    "sq km": pgettext_lazy("unit", "sq km"),
    "m": pgettext_lazy("unit", "m"),
    "kg": pgettext_lazy("unit", "kg"),
    "mg": pgettext_lazy("unit", "mg"),
    "ml": pgettext_lazy("unit", "ml"),
    "l": pgettext_lazy("unit", "l"),
    "mile": pgettext_lazy("unit", "miles"),
    "t": pgettext_lazy("unit", "t"),
    "hour": pgettext_lazy("unit", "hours"),
    "day": pgettext_lazy("unit", "days"),
    "week": pgettext_lazy("unit", "weeks"),
    "month": pgettext_lazy("unit", "months"),
    "year": pgettext_lazy("unit", "years"),
    "person": HEAD_COUNT,
}
SORTS = {
    "value": pgettext_lazy("sort", "value, smallest first"),
    "-value": pgettext_lazy("sort", "value, largest first"),
    "published": pgettext_lazy("sort", "oldest first"),
    "-published": pgettext_lazy("sort", "newest first"),
    "measure": pgettext_lazy("sort", "measure, A to Z"),
    "-measure": pgettext_lazy("sort", "measure, Z to A"),
    "speaker": pgettext_lazy("sort", "speaker, A to Z"),
    "-speaker": pgettext_lazy("sort", "speaker, Z to A"),
    "id": pgettext_lazy("sort", "first added first"),
    "-id": pgettext_lazy("sort", "last added first"),
}
KINDS = {"person": pgettext_lazy("kind", "person"), "org": pgettext_lazy("kind", "body")}


@cache
def _pack_labels() -> dict[str, dict[str, str]]:
    """measure id -> {lang: label} from the bundled pack (`label`, and `label_<lang>` per language)."""
    data = tomllib.loads(DEFAULT_PACK.read_text(encoding="utf-8"))
    out = {}
    for m in data.get("measure", []):
        names = {"en": m.get("label", m["id"])}
        names.update({k[len("label_") :]: v for k, v in m.items() if k.startswith("label_")})
        out[m["id"]] = names
    return out


def pack_labels() -> list[str]:
    """The English names of the bundled pack's measures (each translated with context "measure")."""
    return sorted({names["en"] for names in _pack_labels().values()})


def measure_name(measure: str | None, lang: str | None = None) -> str:
    """A measure's name in the interface's language: the pack's `label_<lang>`, else its `label`
    translated (context "measure"), else the id. A scope after "@" is kept ("… @india")."""
    if not measure:
        return ""
    base, at, scope = measure.partition("@")
    names = _pack_labels().get(base, {})
    lang = (lang or get_language() or "en")[:2]
    english = names.get("en")
    name = names.get(lang) or (pgettext("measure", english) if english else base)
    return f"{name} @{scope}" if at else name


def measure_choices(measures: list[str]) -> list[tuple[str, str]]:
    """(id, name) pairs, sorted by name."""
    return sorted(((m, measure_name(m)) for m in measures), key=lambda p: p[1].lower())


def hedge_choices() -> list[tuple[str, str]]:
    return [(h, str(label)) for h, label in HEDGES.items()]
