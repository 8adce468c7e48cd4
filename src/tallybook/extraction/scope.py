"""A claim's measure with its scope: the pack measure that fits the words around the figure,
narrowed by unit, population, place or event and rate; else a discovered key shared by figures
of the same concepts in other documents (see the head of packs/recruitment.toml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from itertools import islice

from spacy.tokens import Doc, Span

from ..model import Claim
from .measures import Measure, Pack, Term, _pattern, load_pack

CURRENCIES = frozenset({"RUB", "USD", "EUR", "GBP", "INR", "UAH", "CNY"})
PEOPLE_UNITS = frozenset({None, "person"})
PARTITIVE = re.compile(r"^\s*(of them|of these|of those|of whom|of which|из них|из которых)\b", re.I)
PARTITIVE_BEFORE = re.compile(r"\b(of them|of these|of those|из них|из которых)[\s,]*$", re.I)
RATIO = re.compile(r"\w\s+(in|out of|из)\s+\w", re.I)  # "one in four": a share, never a count
# a clause ends at these marks (a decimal comma "1,5" is no mark)
CLAUSE_MARK = re.compile(r"[.;:!?()«»\"“”]|,(?!\d)")
LATIN = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh sch _ y _ e yu ya".split(),
    )
)


@dataclass(frozen=True)
class Place:
    start: int
    key: str


def unit_class(unit: str | None) -> str:
    """The unit a measure is kept in: person, money, percent, or the unit itself (km, year)."""
    if unit in PEOPLE_UNITS:
        return "person"
    if unit in CURRENCIES:
        return "money"
    return unit


def latin_key(name: str) -> str:
    """A short Latin key of a place name, alike for «Тюменская область» and "Tyumen region"."""
    first = name.lower().split()[0] if name.split() else ""
    return re.sub(r"[^a-z]", "", "".join(LATIN.get(ch, ch) for ch in first))[:5]


def places_of(doc: Doc, lang: str, pack: Pack) -> list[Place]:
    """The places of `doc` where something happened: after a locative word or naming a region,
    never a place that names the whole war or a population's country."""
    loc, region = pack.scope.locative.get(lang, frozenset()), pack.scope.region.get(lang, frozenset())
    normal = doc.user_data.get("normal", {})
    out = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        norm = (normal.get((ent.start_char, ent.end_char)) or ent.text).strip()
        if norm.lower() in pack.scope.national or norm.lower().split()[0] in pack.scope.national:
            continue
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        after = doc[ent.end].lower_ if ent.end < len(doc) else ""
        words = {t.lower_ for t in ent}
        if before in loc or after in region or words & region:
            key = latin_key(norm)
            if key:
                out.append(Place(ent.start_char, key))
    return out


def _own(text: str, claim: Claim, others: list[Claim], left: str, right: str) -> str:
    """The figure's own words for what happened: right of it alone when another figure stands
    just before ("30,000 found and 10,000 sent": "found" is the first figure's)."""
    between = text[max((o.end for o in others if o.end <= claim.start), default=-1) + 1 : claim.start]
    after_figure = bool(others) and any(o.end <= claim.start for o in others) and not CLAUSE_MARK.search(between)
    return right if after_figure and right else " ".join(x for x in (left, right) if x)


def _clause(text: str, claim: Claim, others: list[Claim]) -> tuple[str, str]:
    """The words left and right of the figure up to a clause mark or, when `others` are given,
    another figure of the sentence."""
    s0 = claim.sentence[0]
    left = text[s0 : claim.start]
    marks = [m.end() for m in CLAUSE_MARK.finditer(left)]
    lo = max([s0 + m for m in marks] + [o.end for o in others if o.end <= claim.start] + [s0])
    right = text[claim.end : claim.end + 200]
    m = CLAUSE_MARK.search(right)
    hi = claim.end + (m.start() if m else len(right))
    hi = min([hi] + [o.start for o in others if o.start >= claim.end])
    return " ".join(text[lo : claim.start].split()), " ".join(text[claim.end : hi].split())


def _nearest(terms: tuple[Term, ...], left: str, right: str, lang: str) -> Term | None:
    """The term whose word stands nearest the figure (left: by the word's end), first on ties."""
    best, best_d = None, None
    low_right, low_left = right.lower(), left.lower()
    for t in terms:
        at_right, at_left = t.first_at(low_right, lang), t.last_end(low_left, lang)
        for d in (at_right[0] if at_right else None, None if at_left is None else len(left) - at_left):
            if d is not None and (best_d is None or d < best_d):
                best, best_d = t, d
    return best


def _period_key(period: str | None, pack: Pack) -> str | None:
    """The pack's key of a rate period ("each day" -> day); None without one, or when the pack
    declares no [periods] (its measures then take rates as they are)."""
    if not period or not pack.scope.periods:
        return None
    low = period.lower()
    return next((k for k, phrases in pack.scope.periods.items() if any(p in low for p in phrases)), low)


def _concepts(texts: list[str], lang: str, pack: Pack) -> list[Term]:
    low = " ".join(t.lower() for t in texts if t)
    return [c for c in pack.concepts if c.first_at(low, lang) is not None]


@dataclass
class _Run:
    """What the scoping of one run of text carries from claim to claim."""

    text: str
    lang: str
    pack: Pack
    places: list[Place]
    lead: str | None
    published: date | None
    population: str | None = None
    context: str = ""
    sentence_population: dict[int, str | None] = field(default_factory=dict)
    lead_text: str = ""
    lead_population: str | None = None
    nationality: str | None = None  # the last nationality named: a figure of no population takes it


def key_of(claim: Claim, run: _Run, others: list[Claim]) -> str | None:
    """The measure key of one claim (and the run's memory of the last population, context)."""
    pack, lang = run.pack, run.lang
    left, right = _clause(run.text, claim, others)
    wide_left, wide_right = _clause(run.text, claim, [])
    own = _own(run.text, claim, others, left, right)
    if PARTITIVE.fullmatch(right):  # «20 000 из них, по его словам, уже находятся на передовой»
        own += " " + run.text[claim.end : claim.sentence[1]]
    near = " ".join(x for x in (claim.counted, own) if x)
    sentence = run.text[claim.sentence[0] : claim.sentence[1]]
    texts = [(near, own)]
    if run.context and (PARTITIVE.match(right) or PARTITIVE_BEFORE.search(run.text[claim.sentence[0] : claim.start])):
        texts.append((f"{near} {run.context}", own))
    texts += [(sentence, own), (f"{near} {run.lead_text}", own)]
    pop = _population(claim, wide_left, wide_right, run, others)
    unit = "ratio" if RATIO.search(claim.text) else unit_class(claim.unit)
    thing = _thing_after(wide_right, lang, pack)
    measure = None if thing else pack.first_fit(texts, lang, claim.period, unit)
    run.context = near
    run.sentence_population[claim.start] = pop
    if measure is None:
        return _discovered([near], unit, pop, lang, pack, thing)
    return _scoped(measure, claim, pop, run)


def _population(claim: Claim, left: str, right: str, run: _Run, others: list[Claim]) -> str | None:
    """The population named nearest the figure in its clause; else that of the figure before it
    in the sentence; else the nearest in the sentence; else, for "citizens" of no named country,
    the last one named; else the one the document's lead names. None for the pack's default."""
    pops = run.pack.populations
    found = _nearest(pops, f"{claim.counted or ''} {left}", right, run.lang)
    if found:
        run.population = found.id
        if not found.category:
            run.nationality = found.id
        return None if found.default else found.id
    before = [o for o in others if o.end <= claim.start]
    if before and run.sentence_population.get(before[-1].start):
        return run.sentence_population[before[-1].start]
    s0, s1 = claim.sentence
    found = _nearest(
        tuple(t for t in pops if not t.default), run.text[s0 : claim.start], run.text[claim.end : s1], run.lang
    )
    if found:
        return found.id
    citizens = run.pack.scope.citizens.get(run.lang, ())
    near = f"{left} {right} {claim.counted or ''}".lower()
    if run.population and any(_pattern(w).search(near) for w in citizens):
        return run.population
    return run.lead_population or run.nationality


def _thing_after(right: str, lang: str, pack: Pack) -> Term | None:
    """A concept of things named as the head after the figure ("21 countries", "15 of Russia's 85
    regions"): its first two words, or five after a partitive "of"."""
    words = right.lower().split()
    citizens = pack.scope.citizens.get(lang, ())
    if words and any(words[0].startswith(w) for w in citizens):
        return None  # "200 citizens of the country": people, whatever follows
    head = " ".join(words[:5] if words and words[0] in ("of", "из") else words[:2])
    return next((c for c in pack.concepts if c.thing and c.first_at(head, lang) is not None), None)


def _discovered(texts: list[str], unit: str, pop: str | None, lang: str, pack: Pack, thing: Term | None) -> str | None:
    """A key for a figure no measure fits: its unit, the concepts named near it, its population."""
    concepts = [thing] if thing else _concepts(texts[:1], lang, pack)
    if not concepts:
        return None
    key = "~" + "+".join(sorted(c.id for c in concepts)) + ("" if unit == "person" else f":{unit}")
    return key + (f"@{pop}" if pop else "")


def _scoped(m: Measure, claim: Claim, pop: str | None, run: _Run) -> str:
    """The measure's id with its scope: population, place or event, rate period."""
    key = m.id
    if pop and pop not in m.except_populations:
        key += f"@{pop}"
    if m.scope in ("local", "event"):
        place = _place_in(claim.sentence, run.places) or (run.lead if m.lead else None)
        if place:
            key += f"@{place}"
        if m.scope == "event":
            month = (claim.time_ref or (run.published.isoformat() if run.published else ""))[:7]
            if re.fullmatch(r"\d{4}-\d\d", month):
                key += f"@{month}"
    period = _period_key(claim.period, run.pack)
    if period and not (m.kind == "rate" and period == "day"):
        key += f"@per-{period}"
    return key


def _place_in(sentence: tuple[int, int], places: list[Place]) -> str | None:
    return next((p.key for p in places if sentence[0] <= p.start < sentence[1]), None)


def _lead_sentences(doc: Doc) -> list[Span]:
    """The document's first three sentences that hold words (a line of figures or dashes is none)."""
    return list(islice((s for s in doc.sents if any(ch.isalpha() for ch in s.text)), 3))


def _lead_place(sents: list[Span], places: list[Place]) -> str | None:
    """Where the document is set: a place of its first sentence, or one named twice, first
    within its first three sentences (`sents`, from _lead_sentences)."""
    if not sents or not places:
        return None
    first = next((p.key for p in places if p.start < sents[0].end_char), None)
    if first:
        return first
    lead_end = sents[min(2, len(sents) - 1)].end_char
    keys = [p.key for p in places]
    return next((p.key for p in places if p.start < lead_end and keys.count(p.key) > 1), None)


def _lead_population(lead: str, lang: str, pack: Pack) -> str | None:
    """The one nationality the document's first sentence names, if it names exactly one."""
    low = lead.lower()
    found = {t.id for t in pack.populations if not t.category and t.first_at(low, lang) is not None}
    return found.pop() if len(found) == 1 else None


def scope_measures(
    claims: list[Claim], text: str, doc: Doc, lang: str, pack: str | None = None, published: date | None = None
) -> list[Claim]:
    """The claims of one run of text, each with its scoped measure key."""
    p = load_pack(pack)
    places = places_of(doc, lang, p)
    sents = _lead_sentences(doc)
    run = _Run(text, lang, p, places, _lead_place(sents, places), published)
    run.lead_text = sents[0].text if sents else ""
    run.lead_population = _lead_population(run.lead_text, lang, p)
    by_sentence: dict[tuple[int, int], list[Claim]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence, []).append(c)
    out = []
    for c in claims:
        others = [o for o in by_sentence[c.sentence] if o is not c]
        out.append(replace(c, measure=key_of(c, run, others)))
    return out
