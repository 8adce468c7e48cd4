"""A document's claims, names and incidents from one parse of each run of text: what `ingest`
stores, the same as `tallybook.read` and `tallybook.incidents` give, for half the parsing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Claim, Incident, Name, Reading
from ..nlp import parse
from .incidents import context_of, doc_incidents, finished, packs_of, run_claims, runs_of
from .pipeline import _as_date, _read_run, _without_links
from .sources import with_speaker_ids


@dataclass(frozen=True)
class Analysis:
    """Everything the ledger keeps of one text: its Reading (claims, names) and its incidents."""

    reading: Reading
    incidents: list[Incident]


def analyse(
    text: str, lang: str | None = None, published: str | date | None = None, pack: str | None = None
) -> Analysis:
    """`tallybook.read(text)` and `tallybook.incidents(text)` at once, each run parsed once."""
    when = _as_date(published)
    ipack, measures_pack = packs_of(pack)
    claims: list[Claim] = []
    names: list[Name] = []
    found: list[Incident] = []
    values: list[float] = []
    runs = runs_of(text, lang)
    ctx = context_of(text, runs, when, ipack)
    for start, end, run_lang in runs:
        run = text[start:end]
        doc = parse(run, run_lang) if run.strip() else None
        reading = _read_run(run, run_lang, when, pack, True, doc)
        claims.extend(c.shifted(start) for c in reading.claims)
        names.extend(n.shifted(start) for n in reading.names)
        if doc is None:
            continue
        linked = reading.claims
        if measures_pack != pack or _without_links(run) != run:  # incidents count every number
            linked = run_claims(run, run_lang, doc, when, measures_pack)
        found.extend(i.shifted(start) for i in doc_incidents(doc, run_lang, when, ipack, linked, len(values), ctx))
        values.extend(c.value for c in linked)
    return Analysis(Reading(with_speaker_ids(claims, text), names), finished(found, values, text, ipack))
