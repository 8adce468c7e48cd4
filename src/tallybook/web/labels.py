"""What the interface calls things: hedges, statuses, speaker kinds and measures, in the page's language."""

from __future__ import annotations

import re
import tomllib
from datetime import date
from functools import cache

from babel.dates import format_skeleton
from django.utils.translation import get_language, pgettext, pgettext_lazy

from tallybook import placenames
from tallybook.extraction.measures import DEFAULT_PACK

HEDGES = {
    "exact": pgettext_lazy("hedge", "exact"),
    "approx": pgettext_lazy("hedge", "approx"),
    "lower": pgettext_lazy("hedge", "lower"),
    "upper": pgettext_lazy("hedge", "upper"),
    "average": pgettext_lazy("hedge", "average"),
    "range": pgettext_lazy("hedge", "range"),
}
# The attribution rules (extraction/attribution/rules.py ORDER), named for a reviewer.
RULES = {
    "quotation": pgettext_lazy("rule", "quotation"),
    "according_to": pgettext_lazy("rule", "“according to”"),
    "relative_clause": pgettext_lazy("rule", "relative clause on the figure"),
    "reporting_verb": pgettext_lazy("rule", "reporting verb"),
    "data_owner": pgettext_lazy("rule", "owner of the data"),
    "in_document": pgettext_lazy("rule", "in a document"),
    "impersonal_body": pgettext_lazy("rule", "a body as where it was said"),
    "final_clause": pgettext_lazy("rule", "closing clause"),
    "misread_verb": pgettext_lazy("rule", "verb read as a noun"),
    "pointer_after": pgettext_lazy("rule", "a sentence pointing back"),
    "colon_intro": pgettext_lazy("rule", "an introducing line"),
    "attitude_verb": pgettext_lazy("rule", "verb of proposing or wanting"),
    "continuation": pgettext_lazy("rule", "continues the sentence before"),
}
STATUSES = {
    "new": pgettext_lazy("status", "new"),
    "accepted": pgettext_lazy("status", "accepted"),
    "corrected": pgettext_lazy("status", "corrected"),
    "rejected": pgettext_lazy("status", "rejected"),
}
HEAD_COUNT = pgettext_lazy("unit", "people")
MONEY = pgettext_lazy("unit", "money")
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
# the scope parts of a measure key ("casualties.killed@india", "raids.detentions@mosco@2024-11"):
# the pack's populations and concepts by id, rate periods by key; a place key shows as it is
POPULATIONS = {
    "russian-forces": pgettext_lazy("population", "Russian forces"),
    "ukrainian-forces": pgettext_lazy("population", "Ukrainian forces"),
    "south-africa": pgettext_lazy("population", "South Africans"),
    "africa": pgettext_lazy("population", "Africans"),
    "india": pgettext_lazy("population", "Indians"),
    "nepal": pgettext_lazy("population", "Nepalis"),
    "kazakhstan": pgettext_lazy("population", "Kazakhs"),
    "tajikistan": pgettext_lazy("population", "Tajiks"),
    "uzbekistan": pgettext_lazy("population", "Uzbeks"),
    "kyrgyzstan": pgettext_lazy("population", "Kyrgyz"),
    "central-asia": pgettext_lazy("population", "Central Asians"),
    "cuba": pgettext_lazy("population", "Cubans"),
    "ukrainian-civilians": pgettext_lazy("population", "Ukrainian civilians"),
    "volunteers": pgettext_lazy("population", "volunteers"),
    "prisoners": pgettext_lazy("population", "prisoners"),
    "mobilized": pgettext_lazy("population", "the mobilized"),
}
CONCEPTS = {
    "countries": pgettext_lazy("concept", "countries"),
    "regions": pgettext_lazy("concept", "regions"),
    "cities": pgettext_lazy("concept", "cities"),
    "front-line": pgettext_lazy("concept", "front line"),
    "tanks": pgettext_lazy("concept", "tanks"),
    "armoured-vehicles": pgettext_lazy("concept", "armoured vehicles"),
    "strikes": pgettext_lazy("concept", "strikes"),
    "cases": pgettext_lazy("concept", "cases"),
    "requests": pgettext_lazy("concept", "requests"),
    "protocols": pgettext_lazy("concept", "protocols"),
    "weeks": pgettext_lazy("concept", "weeks"),
    "surnames": pgettext_lazy("concept", "surnames"),
}
PERIODS = {
    "day": pgettext_lazy("period", "per day"),
    "week": pgettext_lazy("period", "per week"),
    "month": pgettext_lazy("period", "per month"),
    "year": pgettext_lazy("period", "per year"),
}
MONTH = re.compile(r"(\d{4})-(\d\d)")
SOURCE_KINDS = {  # ledger.models.SOURCE_KINDS
    "person": pgettext_lazy("kind", "person"),
    "org": pgettext_lazy("kind", "organisation"),
    "outlet": pgettext_lazy("kind", "media outlet"),
    "government": pgettext_lazy("kind", "government"),
}


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
    translated (context "measure"), else the id; then its scope in words ("… (Indians)",
    "… (mosco, November 2024)"). A discovered key names its concepts ("Unnamed: countries (%)")."""
    if not measure:
        return ""
    base, *scope = measure.split("@")
    lang = (lang or get_language() or "en")[:2]
    if base.startswith("~"):
        concepts, _, unit = base[1:].partition(":")
        what = ", ".join(str(CONCEPTS.get(c, c)) for c in concepts.split("+"))
        name = pgettext("measure", "Unnamed: %(what)s") % {"what": what}
        scope = ([unit_word(unit)] if unit else []) + scope
    else:
        names = _pack_labels().get(base, {})
        english = names.get("en")
        name = names.get(lang) or (pgettext("measure", english) if english else base)
    parts = [scope_word(part, lang) for part in scope]
    return f"{name} ({', '.join(parts)})" if parts else name


def scope_word(part: str, lang: str) -> str:
    """One scope part of a measure key in words: a population, a month, a rate period, or a place key."""
    month = MONTH.fullmatch(part)
    if month and 1 <= int(month[2]) <= 12:
        return format_skeleton("yMMMM", date(int(month[1]), int(month[2]), 1), locale=lang)
    if part.startswith("per-"):
        return str(PERIODS.get(part[4:], part))
    return str(POPULATIONS.get(part, part))


def unit_word(unit: str) -> str:
    """The unit class of a discovered key ("percent", "money", "km") as the interface shows it."""
    from .figures import unit_label

    return str(MONEY) if unit == "money" else unit_label(unit) or unit


def measure_choices(measures: list[str]) -> list[tuple[str, str]]:
    """(id, name) pairs, sorted by name."""
    return sorted(((m, measure_name(m)) for m in measures), key=lambda p: p[1].lower())


def hedge_choices() -> list[tuple[str, str]]:
    return [(h, str(label)) for h, label in HEDGES.items()]


# Incidents: their types (the pack's labels, translated with context "incident"), the precision
# of a place and of a date, and the names of countries and regions in the page's language.
PRECISIONS = {
    "exact": pgettext_lazy("precision", "exact place"),
    "city": pgettext_lazy("precision", "city"),
    "region": pgettext_lazy("precision", "region"),
    "country": pgettext_lazy("precision", "country"),
    "unknown": pgettext_lazy("precision", "not in the gazetteer"),
}
DATE_PRECISIONS = {
    "day": pgettext_lazy("date precision", "day"),
    "month": pgettext_lazy("date precision", "month"),
    "year": pgettext_lazy("date precision", "year"),
}


@cache
def _type_labels() -> dict[str, str]:
    """incident type -> the pack's English label."""
    from tallybook.extraction.triggers import load_incident_pack

    return {t.id: t.label for t in load_incident_pack().types.values()}


def incident_labels() -> list[str]:
    """The English labels of the bundled pack's incident types (each translated with context "incident")."""
    return sorted(set(_type_labels().values()))


def incident_type_name(type_id: str | None) -> str:
    """An incident type's name in the interface's language (the id when the pack lacks it)."""
    if not type_id:
        return ""
    label = _type_labels().get(type_id)
    return pgettext("incident", label) if label else type_id


def incident_type_choices() -> list[tuple[str, str]]:
    from tallybook.model import INCIDENT_TYPES

    return [(t, incident_type_name(t)) for t in INCIDENT_TYPES]


def country_name(code: str | None) -> str:
    """A country's name (ISO 3166-1 alpha-2 code) in the interface's language; the code when unknown."""
    return placenames.country_name(code, (get_language() or "en")[:2])


def region_name(code: str | None) -> str:
    """A region's name (ISO 3166-2 code) in the interface's language; the code when unknown."""
    return placenames.region_name(code, (get_language() or "en")[:2])
