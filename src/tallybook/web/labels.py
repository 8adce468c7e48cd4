"""What the interface calls things: hedges, statuses, speaker kinds and measures, in the page's language."""
from __future__ import annotations

import tomllib
from functools import cache

from django.utils.translation import get_language, pgettext_lazy

from tallybook.extraction.measures import DEFAULT_PACK

HEDGES = {"exact": pgettext_lazy("hedge", "exact"), "approx": pgettext_lazy("hedge", "approx"),
          "lower": pgettext_lazy("hedge", "lower"), "upper": pgettext_lazy("hedge", "upper"),
          "average": pgettext_lazy("hedge", "average"), "range": pgettext_lazy("hedge", "range")}
STATUSES = {"new": pgettext_lazy("status", "new"), "accepted": pgettext_lazy("status", "accepted"),
            "corrected": pgettext_lazy("status", "corrected"), "rejected": pgettext_lazy("status", "rejected")}
HEAD_COUNT = pgettext_lazy("unit", "people")
KINDS = {"person": pgettext_lazy("kind", "person"), "org": pgettext_lazy("kind", "body")}


@cache
def _pack_labels() -> dict[str, dict[str, str]]:
    """measure id -> {lang: label} from the bundled pack (`label`, and `label_<lang>` per language)."""
    data = tomllib.loads(DEFAULT_PACK.read_text(encoding="utf-8"))
    out = {}
    for m in data.get("measure", []):
        names = {"en": m.get("label", m["id"])}
        names.update({k[len("label_"):]: v for k, v in m.items() if k.startswith("label_")})
        out[m["id"]] = names
    return out


def measure_name(measure: str | None, lang: str | None = None) -> str:
    """A measure's name in the interface's language (its id when the pack has no name for it)."""
    if not measure:
        return ""
    names = _pack_labels().get(measure, {})
    lang = (lang or get_language() or "en")[:2]
    return names.get(lang) or names.get("en") or measure


def measure_choices(measures: list[str]) -> list[tuple[str, str]]:
    """(id, name) pairs, sorted by name."""
    return sorted(((m, measure_name(m)) for m in measures), key=lambda p: p[1].lower())


def hedge_choices() -> list[tuple[str, str]]:
    return [(h, str(label)) for h, label in HEDGES.items()]
