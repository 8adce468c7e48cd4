"""The values that cross module boundaries: numbers read from text, speakers, claims."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Literal, get_args

Hedge = Literal["exact", "approx", "lower", "upper", "range", "average"]
HEDGES: tuple[str, ...] = get_args(Hedge)

# Kinds of number expression. Only the first four can be claims; the rest are read so that
# callers can see them, and are excluded by the rules of the eval guidelines.
Kind = Literal[
    "cardinal", "money", "percent", "vague", "year", "date", "time", "age", "ordinal", "identifier", "pronoun"
]
KINDS = frozenset(get_args(Kind))
CLAIM_KINDS = frozenset({"cardinal", "money", "percent", "vague"})

SpeakerKind = Literal["person", "org"]


@dataclass(frozen=True)
class Number:
    """One number expression: its span, value (low end of a range), hedge and kind."""

    start: int
    end: int
    text: str
    value: float
    value_max: float | None = None
    hedge: Hedge = "exact"
    kind: Kind = "cardinal"
    unit: str | None = None

    @property
    def vague(self) -> bool:
        return self.kind == "vague"

    @property
    def is_claim(self) -> bool:
        return self.kind in CLAIM_KINDS


@dataclass(frozen=True)
class Speaker:
    """Who a figure is put on: a person or a body, with role and organisation when given."""

    name: str
    kind: SpeakerKind = "person"
    role: str | None = None
    org: str | None = None


@dataclass(frozen=True)
class Claim:
    """A number that counts or measures something, with what, who said it, and when.

    Its fields are the one schema of a claim: every writer (JSON Lines, CSV, Parquet, the
    ledger's rows, the API) takes its columns from them through tallybook.schema.
    """

    start: int
    end: int
    text: str
    value: float
    value_max: float | None
    hedge: Hedge
    unit: str | None
    counted: str | None
    speaker: str | None
    speaker_role: str | None
    speaker_org: str | None
    cue: str | None
    period: str | None
    time_ref: str | None
    measure: str | None
    sentence: tuple[int, int]
    confidence: float
    lang: str
    vague: bool = False
    speaker_kind: SpeakerKind | None = None  # when there is a speaker
    speaker_id: str | None = None  # the source's stable key (extraction/sources.py), None for a description
    via: str | None = None  # who relayed the speaker's figure ("X told Reuters": Reuters)
    rule: str | None = None  # the attribution construction that found the speaker

    def shifted(self, offset: int) -> Claim:
        """The same claim with its offsets moved by `offset` (text cut from a larger one)."""
        if not offset:
            return self
        return replace(
            self,
            start=self.start + offset,
            end=self.end + offset,
            sentence=(self.sentence[0] + offset, self.sentence[1] + offset),
        )

    def as_record(self) -> dict:
        """A flat dict in the JSON Lines shape of the eval README."""
        record = asdict(self)
        record["sentence"] = list(self.sentence)
        return record


@dataclass(frozen=True)
class Name:
    """A person, organisation or place named in the text; `norm` is its dictionary form
    (nominative for Russian: «в Москве» gives "Москва")."""

    start: int
    end: int
    text: str
    kind: str  # person | org | place
    norm: str

    def shifted(self, offset: int) -> Name:
        return replace(self, start=self.start + offset, end=self.end + offset) if offset else self


@dataclass(frozen=True)
class Reading:
    """What one text holds for the ledger: its claims and the names it gives."""

    claims: list[Claim]
    names: list[Name]


@dataclass(frozen=True)
class Document:
    """One source text as read from a file, page, feed entry, post or record.

    `source` is where it came from (a path or URL) and `locator` picks it out within that
    source ("" for a whole file, "post/123", "entry/<id>", "line/7"). `pages` holds the
    character offset at which each PDF page starts in `text` (empty for other formats).
    `published` is ISO 8601 ("2024-06-20" or with a time), or None when unknown.
    `source_note` is the source a report names for itself (a header's "Source:" line).
    """

    text: str
    source: str
    locator: str = ""
    format: str = "txt"
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    lang: str | None = None
    pages: tuple[int, ...] = ()
    source_note: str | None = None


@dataclass(frozen=True)
class Candidate:
    """One place a toponym may name, from the gazetteer."""

    name: str
    country: str | None  # ISO 3166-1 alpha-2
    region: str | None  # ISO 3166-2, for a region
    precision: str  # exact | city | region | country
    lat: float | None
    lon: float | None
    population: int = 0
    geonameid: int | None = None
    name_ru: str | None = None


@dataclass(frozen=True)
class Place:
    """A toponym as the text gives it (`raw`, nominative for Russian) and what it resolved to;
    precision "unknown" when no gazetteer knows it (kept, never dropped)."""

    raw: str
    name: str | None
    country: str | None
    region: str | None
    precision: str  # exact | city | region | country | unknown
    lat: float | None
    lon: float | None
    candidates: tuple[Candidate, ...] = ()
    start: int | None = None  # where the text names it (None: taken from the context)
    end: int | None = None


INCIDENT_TYPES = (
    "raid",
    "detention",
    "draft_notice",
    "enlistment",
    "contract",
    "citizenship",
    "deployment",
    "death",
    "captivity",
    "deportation",
    "protest",
    "law",
    "attack",
    "other",
)


@dataclass(frozen=True)
class Incident:
    """One reported event: its type, the words naming it, who did it to which group, where and
    when, and the claims (figures) that count it. `affected` is a group as the text names it,
    never a private person."""

    type: str
    start: int
    end: int
    text: str
    sentence: tuple[int, int]
    lang: str
    actor: str | None = None
    affected: str | None = None
    place: Place | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    date_precision: str | None = None  # day | month | year
    claims: tuple[int, ...] = ()  # indices into the document's claims (tallybook.extract order)
    figures: tuple[str, ...] = ()  # those claims' texts
    plover: str | None = None
    acled_sub_event: str | None = None
    naming: str = "verb"  # verb: the text reports the action; noun: it mentions it ("the raids", «погибших»)

    def shifted(self, offset: int) -> Incident:
        """The same incident with its offsets moved by `offset`."""
        if not offset:
            return self
        place = self.place
        if place is not None and place.start is not None and place.end is not None:
            place = replace(place, start=place.start + offset, end=place.end + offset)
        return replace(
            self,
            start=self.start + offset,
            end=self.end + offset,
            place=place,
            sentence=(self.sentence[0] + offset, self.sentence[1] + offset),
        )

    def as_record(self) -> dict:
        """A flat dict in the JSON Lines shape of the shared incident evaluation."""
        p = self.place
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "place": p.raw if p else None,
            "place_name": p.name if p else None,
            "country": p.country if p else None,
            "region": p.region if p else None,
            "precision": p.precision if p else None,
            "lat": p.lat if p else None,
            "lon": p.lon if p else None,
            "date": self.date,
            "date_precision": self.date_precision,
            "actor": self.actor,
            "affected": self.affected,
            "claims": list(self.claims),
            "figures": list(self.figures),
            "plover": self.plover,
            "acled_sub_event": self.acled_sub_event,
            "sentence": list(self.sentence),
            "lang": self.lang,
            "naming": self.naming,
        }
