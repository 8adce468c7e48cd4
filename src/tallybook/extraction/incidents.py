"""From text to incidents: what happened (a trigger of the pack), to which group, by whom,
where (geocoded) and when, and which of the text's claims count it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from ..geo.gazetteer import resolve
from ..model import Candidate, Claim, Incident, Place
from ..nlp import parse
from ..nlp.language import language_runs
from ..numbers import read_numbers
from .chunks import chunks
from .dates import When, date_near, dates_in, latest_year
from .pipeline import _as_date, _claims
from .places import Toponym, geocode, is_actor, is_located, is_origin, names_body, of_war, toponyms_of
from .triggers import Hit, IncidentPack, IncidentType, load_incident_pack

PERSON_LABELS = {"PERSON", "PER"}
GROUP_NAME_LABELS = {"NORP", "GPE", "LOC", "ORG"}  # proper names a group may carry ("Indians", "Uzbek")
CLAUSE_DEPS = {"relcl", "acl", "acl:relcl", "amod"}  # a clause or participle describing a noun
SUBJECT_DEPS = {"nsubj", "csubj"}
PASSIVE_SUBJECT_DEPS = {"nsubjpass", "nsubj:pass"}
OBJECT_DEPS = {"dobj", "obj", "iobj"}
AGENT_DEPS = {"agent", "obl:agent"}
NOUN_ARG_DEPS = {"pobj", "nmod", "obl"}
AFFECTED_STOP = {"who", "which", "that", "который", "которая", "которые"}


@dataclass
class _Context:
    """What reading a document has gathered so far: its places, for ranking and carrying on."""

    places: list[Candidate] = field(default_factory=list)
    last: dict[str, Place] = field(default_factory=dict)  # country -> the last place there
    seen: list[Incident] = field(default_factory=list)  # the incidents so far
    year: int | None = None  # the latest year the text states, when its publication date is unknown


def incidents(
    text: str, lang: str | None = None, published: str | date | None = None, pack: str | None = None
) -> list[Incident]:
    """The incidents `text` reports, in text order (claims indices as `tallybook.extract` gives)."""
    when = _as_date(published)
    ipack, measures_pack = packs_of(pack)
    runs = runs_of(text, lang)
    out: list[Incident] = []
    values: list[float] = []
    ctx = context_of(text, runs, when, ipack)
    for start, end, run_lang in runs:
        found, claims = _read_run(text[start:end], run_lang, when, ipack, measures_pack, ctx, len(values))
        out.extend(i.shifted(start) for i in found)
        values.extend(c.value for c in claims)
    return finished(out, values, text, ipack)


def context_of(text: str, runs: list[tuple[int, int, str]], when: date | None, ipack: IncidentPack) -> _Context:
    """A document's reading context; with no publication date, yearless dates take the latest
    year the text states."""
    ctx = _Context()
    if when is None:
        years = [latest_year(text[a:b], lg, ipack.dates[lg]) for a, b, lg in runs]
        ctx.year = max((y for y in years if y is not None), default=None)
    return ctx


def finished(found: list[Incident], values: list[float], text: str, ipack: IncidentPack) -> list[Incident]:
    """The document's incidents, one per action (merge_repeats), a title-case headline giving way
    to the body's telling."""
    headlines = {i.sentence for i in found if is_title_case(text[i.sentence[0] : i.sentence[1]])}
    return merge_repeats(found, values, tallies_of(ipack), headlines)


def is_title_case(line: str) -> bool:
    """Is the sentence a headline in title case ("Police Detain 40 Migrants In Raids"), which the
    body goes on to tell?"""
    words = [w for w in re.findall(r"[^\W\d_]+", line) if len(w) > 3]
    ending = line.rstrip()[-1:]
    return len(words) >= 3 and ending not in ".!?" and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def packs_of(pack: str | None) -> tuple[IncidentPack, str | None]:
    """The incident pack and the measures pack of a `--pack` file (one of the two, or neither)."""
    if pack and _has_types(pack):
        return load_incident_pack(pack), None
    return load_incident_pack(None), pack


def tallies_of(ipack: IncidentPack) -> set[str]:
    """The types that keep a running tally (merge_repeats)."""
    return {t.id for t in ipack.types.values() if t.tally}


def runs_of(text: str, lang: str | None) -> list[tuple[int, int, str]]:
    """(start, end, lang) of the runs of one language in `text`, piece by piece (extraction.chunks)."""
    return [run for a, b in chunks(text) for run in _runs(text, a, b, lang)]


def _runs(text: str, start: int, end: int, lang: str | None) -> list[tuple[int, int, str]]:
    """The runs of one language in text[start:end] (a piece of a long text, extraction.chunks)."""
    if lang in ("en", "ru"):
        return [(start, end, lang)]
    return [(start + r.start, start + r.end, r.lang) for r in language_runs(text[start:end])]


def merge_repeats(
    found: list[Incident],
    values: list[float],
    tallies: frozenset[str] | set[str] = frozenset(),
    headlines: frozenset[tuple[int, int]] | set[tuple[int, int]] = frozenset(),
) -> list[Incident]:
    """One action is one incident: a later mention of an incident of the same type that names no
    other place, date or figure of its own is the same incident again (its figures join the
    first). A verb that reports the action again is the same incident only when it shares a
    figure with it, or when the type keeps a running tally (`tallies`). `values` are the values
    of the document's claims, by index. An incident of a headline (`headlines`: sentence spans)
    gives way to the body's telling of it."""
    kept: list[Incident] = []
    for inc in found:
        k = next(
            (j for j in reversed(range(len(kept))) if _same_event(kept[j], inc, values, inc.type in tallies)), None
        )
        if k is None:
            kept.append(inc)
        else:
            first = kept[k]
            told = inc if first.sentence in headlines else first
            kept[k] = replace(told, claims=first.claims + inc.claims, figures=first.figures + inc.figures)
    return kept


def _same_event(first: Incident, later: Incident, values: list[float], tally: bool) -> bool:
    if first.type != later.type:
        return False
    shared = {values[i] for i in first.claims} & {values[i] for i in later.claims}
    if not tally and not shared and (later.naming == "verb" or (first.claims and later.claims)):
        return False  # reported again with figures of its own, or as a new action: another event
    if later.date is not None and later.date != first.date:
        return False
    p = later.place
    if p is None or p.start is None or not later.sentence[0] <= p.start < later.sentence[1]:
        return True  # no place of its own
    q = first.place
    return q is not None and _compatible(q, p)


def _compatible(q: Place, p: Place) -> bool:
    """Can two places be one event's: the same, or one a country or unknown name that may hold
    the other ("Ukraine" and "the SVO zone")?"""
    if (q.name or q.raw) == (p.name or p.raw) or "unknown" in (p.precision, q.precision):
        return True
    return q.country == p.country and "country" in (p.precision, q.precision)


def _has_types(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as f:
            return "[types." in f.read()
    except OSError:
        return False


def _read_run(
    text: str,
    lang: str,
    when: date | None,
    ipack: IncidentPack,
    measures_pack: str | None,
    ctx: _Context,
    claim_base: int,
) -> tuple[list[Incident], list[Claim]]:
    if not text.strip():
        return [], []
    doc = parse(text, lang)
    claims = run_claims(text, lang, doc, when, measures_pack)
    return doc_incidents(doc, lang, when, ipack, claims, claim_base, ctx), claims


def run_claims(text: str, lang: str, doc: Doc, when: date | None, measures_pack: str | None) -> list[Claim]:
    """The claims the incidents of a run are linked to (every number, web addresses not blanked)."""
    numbers = read_numbers(text, lang)
    return _claims(text, lang, doc, numbers, when, measures_pack) if any(n.is_claim for n in numbers) else []


def doc_incidents(
    doc: Doc, lang: str, when: date | None, ipack: IncidentPack, claims: list[Claim], claim_base: int, ctx: _Context
) -> list[Incident]:
    """The incidents of one parsed run, sentence by sentence, its places kept in `ctx`."""
    out: list[Incident] = []
    for sent in doc.sents:
        places = []
        for t in toponyms_of(sent):
            places.append((t, geocode(t, ctx.places, doc)))
            if places[-1][1].candidates:  # the document's places so far rank the next ones
                ctx.places.append(places[-1][1].candidates[0])
        out.extend(_sentence_incidents(sent, lang, when, ipack, places, claims, claim_base, ctx))
        for t, p in places:
            _remember(ctx, t, p, doc)
    return out


def _remember(ctx: _Context, top: Toponym, place: Place, doc: Doc) -> None:
    """Keep a city or region where things happen (`is_located`) for the next sentences that
    name no place of their own; a zone ("the Far East") does not replace a city or region of its
    country (it holds them)."""
    if not place.country or place.precision not in ("exact", "city", "region") or not is_located(top, doc):
        return
    held = ctx.last.get(place.country)
    if _rank_precision(place) < 2 and held is not None and _rank_precision(held) >= 2:
        return
    ctx.last[place.country] = place


def _sentence_incidents(
    sent: Span,
    lang: str,
    when: date | None,
    ipack: IncidentPack,
    places: list[tuple[Toponym, Place]],
    claims: list[Claim],
    claim_base: int,
    ctx: _Context,
) -> list[Incident]:
    if _is_generic(sent, ipack.generic[lang]):
        return []
    hits = [
        told
        for h in _hits(sent, ipack, lang)
        if (told := _as_told(h, ipack)) is not h
        or (
            (ipack.types[h.type].in_clause or not _in_clause(h.head))
            and not _is_unreal(h.head, ipack, lang)
            and not (lang == "en" and _is_habitual(h.head))
        )
    ]
    hits = _one_per_type(hits)
    if not hits:
        return []
    dates = dates_in(sent.text, lang, when, ipack.dates[lang], ctx.year)
    linked = _link_claims(hits, claims, sent)
    out = []
    for k, h in enumerate(hits):
        head = h.head
        first, last = min(t.i for t in h.tokens), max(t.i for t in h.tokens)
        span = sent.doc[first : last + 1]
        itype = ipack.types[h.type]
        w = date_near([d for d in dates if _dates_it(d, head, sent)], head.idx - sent.start_char)
        idx = linked.get(k, [])
        out.append(
            Incident(
                type=h.type,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                sentence=(sent.start_char, sent.end_char),
                lang=lang,
                actor=actor_of(head),
                affected=affected_of(head),
                place=_place_for(h, hits, places, itype, ctx),
                date=w.value if w else None,
                date_precision=w.precision if w else None,
                claims=tuple(claim_base + i for i in idx),
                figures=tuple(claims[i].text for i in idx),
                plover=itype.plover,
                acled_sub_event=itype.acled_sub_event,
                naming=_naming(head),
            )
        )
    return out


def _dates_it(w: When, head: Token, sent: Span) -> bool:
    """Does the date stand in the trigger's clause, a clause that reports or governs it ("said
    on Monday that police had raided"), or one joined to it ("detained and deported on
    Monday")? Not in a clause of its own ("after ... were killed", "who arrived in May")."""
    at = sent.start_char + w.start
    tok = next((t for t in sent if t.idx + len(t.text) > at), sent[-1])
    clause = sent.doc[_clause_of(tok)]
    ours = sent.doc[_clause_of(head)]
    if clause.i == ours.i or (clause.dep_ == "conj" and clause.head.i == ours.i):
        return True
    if ours.dep_ == "conj" and ours.head.i == clause.i:
        return True
    cur = ours
    while cur.dep_ in ("ccomp", "xcomp", "parataxis") and cur.head.i != cur.i:
        cur = sent.doc[_clause_of(cur.head)]
        if cur.i == clause.i:
            return True
    return False


def _hits(sent: Span, ipack: IncidentPack, lang: str) -> list[Hit]:
    from .triggers import hits_of

    return hits_of(sent, ipack.triggers[lang])


def _is_generic(sent: Span, words: tuple[str, ...]) -> bool:
    low = " " + " ".join(t.lower_ for t in sent) + " "
    return any(f" {w} " in low for w in words)


def _describes(tok: Token) -> bool:
    """Does the token head a clause or a declined participle that describes people («погибших в
    Макеевке»)?"""
    morph = str(tok.morph)
    return _in_clause(tok) or (tok.pos_ == "VERB" and "VerbForm=Part" in morph and "Case=" in morph)


def _in_clause(tok: Token) -> bool:
    """Does the token head a relative or participial clause that describes a noun?"""
    return tok.dep_ in CLAUSE_DEPS and tok.pos_ in ("VERB", "AUX") and tok.head.pos_ in ("NOUN", "PROPN", "PRON")


def _as_told(h: Hit, ipack: IncidentPack) -> Hit:
    """The hit as the text tells it: told in the future, an event of a type with `future` is
    the decision announcing it ("will be mobilized": a law)."""
    future = ipack.types[h.type].future
    if future and _is_future(h.head):
        return replace(h, type=future)
    return h


def _is_future(tok: Token) -> bool:
    return "Tense=Fut" in str(tok.morph) or any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in tok.children)


def _is_unreal(tok: Token, ipack: IncidentPack, lang: str) -> bool:
    """Not an event: an obligation, plan or proposal ("must register", "called for them to be
    registered", «должны встать на учёт»), a negated or conditional one ("were not called up",
    "if they receive citizenship"), or a noun that is the object of such a word ("to avoid
    deportation")."""
    modals = ipack.unreal[lang]
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    if (
        verb.dep_ == "conj"
        and verb.pos_ in ("VERB", "AUX")
        and verb.head.tag_ == "VB"
        and _negated(verb.head, ipack.negation[lang])
    ):
        return True  # "not to recruit its citizens and to return them": the first verb's negation
    if _negated(verb, ipack.negation[lang]) or any(
        c.dep_ == "mark" and c.lower_ in ipack.condition[lang] for c in verb.children
    ):
        return True
    if tok.pos_ == "NOUN" and tok.dep_ in OBJECT_DEPS and tok.head.lemma_.lower() in modals:
        return True
    if any(c.dep_ in ("prep", "case", "mark") and c.lower_ in ipack.negation[lang] for c in tok.children) or (
        tok.dep_ == "pcomp" and tok.head.lower_ in ipack.negation[lang]
    ):
        return True  # "without signing a contract", «без подписания контракта»
    if any(c.dep_ in ("aux", "aux:pass") and c.lemma_.lower() in modals for c in tok.children):
        return True
    morph = str(tok.morph)
    infinitive = "VerbForm=Inf" in morph or tok.tag_ in ("VB", "VBG") or any(c.lower_ == "to" for c in tok.children)
    cur = tok
    while cur.dep_ == "conj" and cur.head.i != cur.i and cur.head.pos_ in ("VERB", "AUX"):
        cur = cur.head  # "to recruit ... and to return": the conjunct's governor is the first's
    governor = cur.head
    while infinitive and governor is not cur and governor.dep_ in ("xcomp", "ccomp") and governor.head is not governor:
        governor = governor.head
    return (
        infinitive
        and cur.dep_ in ("xcomp", "ccomp", "advcl", "csubj", "acl", "pcomp", "nmod")
        and governor.lemma_.lower() in modals
    )


def _negated(verb: Token, words: frozenset[str]) -> bool:
    """Is the verb negated? Not when it is an ability refused ("could not file applications"):
    that is a restriction, an event."""
    if any(c.dep_ == "aux" and c.lower_ in ("can", "could", "cannot") for c in verb.children):
        return False
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in words for c in verb.children)


def _is_habitual(tok: Token) -> bool:
    """An English verb in the simple present, of itself or of the verb it completes ("Russia
    recruits students", "continues to recruit"): how things go, not an event."""
    cur = tok
    while cur.dep_ == "xcomp" and cur.head.i != cur.i:
        cur = cur.head
    return cur.tag_ in ("VBZ", "VBP") and cur.pos_ == "VERB" and not any(c.dep_.startswith("aux") for c in cur.children)


def _strength(h: Hit) -> tuple[int, bool]:
    return h.weight, _naming(h.head) == "verb"


def _one_per_type(hits: list[Hit]) -> list[Hit]:
    """One incident per type and sentence: its heaviest trigger, then one a verb reports (the
    action, not a noun that counts such events), then the first."""
    best: dict[str, Hit] = {}
    for h in hits:
        if h.type not in best or _strength(h) > _strength(best[h.type]):
            best[h.type] = h
    return sorted(best.values(), key=lambda h: h.tokens[0].i)


def _link_claims(hits: list[Hit], claims: list[Claim], sent: Span) -> dict[int, list[int]]:
    """Each claim of the sentence goes to the incident whose trigger is nearest to it."""
    out: dict[int, list[int]] = {}
    for i, c in enumerate(claims):
        if not (sent.start_char <= c.start < sent.end_char):
            continue
        k = min(range(len(hits)), key=lambda j: abs(hits[j].tokens[0].idx - c.start))
        out.setdefault(k, []).append(i)
    return out


def _place_for(
    h: Hit, hits: list[Hit], places: list[tuple[Toponym, Place]], itype: IncidentType, ctx: _Context
) -> Place | None:
    """The place of an incident: a place in the phrase of a noun trigger ("raids in Tula"); else
    the most precise place of the trigger's clause, nearest it first; else of the rest of the sentence (the trigger's own words included: "sent to the
    SVO zone"), outside the describing clauses of its other incidents ("relatives of those
    killed in X"); a bare country refined by the story's last city or region there; else that last
    place in the country the type defaults to, else that country; none when the type has no
    default. Never where people come from, who acts, nor (for events away from the front) the
    war's place."""
    head = h.head
    doc = head.doc
    own = {t.i for t in h.tokens}
    chain = _clause_chain(head)
    located = [(t, p) for t, p in places if _locates(t, doc, head, itype)]
    near = [
        (t, p)
        for t, p in located
        if not own & set(range(t.first, t.last + 1)) and _clause_of(doc[t.first]) in chain and not names_body(t, doc)
    ]
    others = {o.head.i for o in hits if o is not h and _describes(o.head)} - chain  # "those killed in X"
    rest = [(t, p) for t, p in located if _clause_of(doc[t.first]) not in others]
    attached = [(t, p) for t, p in near if _attached(doc[t.first], head)]
    pick = _nearest_precise(attached, head) or _nearest_precise(near, head) or _nearest_precise(rest, head)
    if pick is None and itype.actor_is_place:
        pick = next((p for t, p in places if _subject_of(t, doc, head)), None)
    if pick is not None and pick.precision != "country":
        return pick
    if pick is None and not itype.default_place:
        return None
    country = pick if pick is not None else resolve(itype.default_place)
    carried = ctx.last.get(country.country or "") if itype.carry else None
    return carried or country


def _subject_of(top: Toponym, doc: Doc, head: Token) -> bool:
    """Is the toponym the subject of the trigger's clause ("Nepal suspended", «Россия призовет»),
    or of the verb that reports it ("South Africa said it would probe")?"""
    tok = doc[top.last]
    if tok.dep_ not in ("nsubj", "nsubj:pass", "nsubjpass"):
        return False
    cur = doc[_clause_of(head)]
    while True:
        if tok.head.i == cur.i:
            return True
        if cur.dep_ not in ("ccomp", "xcomp") or cur.head.i == cur.i:
            return False
        cur = doc[_clause_of(cur.head)]


def _attached(tok: Token, head: Token) -> bool:
    """Is the token in the phrase a noun trigger heads ("detentions in the Kaliningrad region")?"""
    cur = tok
    while cur.i != head.i and cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        cur = cur.head
    return cur.i == head.i and head.pos_ in ("NOUN", "PROPN")


def _nearest_precise(places: list[tuple[Toponym, Place]], head: Token) -> Place | None:
    if not places:
        return None
    return min(places, key=lambda tp: (-_rank_precision(tp[1]), abs(tp[0].first - head.i)))[1]


def _locates(top: Toponym, doc: Doc, head: Token, itype: IncidentType) -> bool:
    """Can the toponym be where the incident happened (not an origin, an actor, the one a
    demand is addressed to, or a war's place for an event away from the front)?"""
    if is_origin(top, doc) or is_actor(top, doc):
        return False
    if not itype.front and of_war(top, doc):
        return False
    tok = doc[top.first]
    return itype.object_is_place or not (tok.dep_ in OBJECT_DEPS and tok.head.i == head.i)


def _clause_chain(tok: Token) -> set[int]:
    """The trigger's clause and the clauses it completes ("enticed to join": both verbs)."""
    doc = tok.doc
    cur = _clause_of(tok)
    out = {cur}
    while doc[cur].dep_ == "xcomp" and doc[cur].head.i != cur:
        cur = _clause_of(doc[cur].head)
        out.add(cur)
    return out


def _naming(head: Token) -> str:
    """ "verb" when a finite verb or a passive ("were killed", «были убиты») reports the action,
    "noun" for a noun or a participle naming it."""
    if head.pos_ not in ("VERB", "AUX") or _in_clause(head):
        return "noun"
    passive = any(c.dep_ in ("aux", "aux:pass", "auxpass") for c in head.children) or "Variant=Short" in str(head.morph)
    return "verb" if "VerbForm=Part" not in str(head.morph) or passive else "noun"


def _clause_of(tok: Token) -> int:
    """The index of the verb whose clause holds the token (the token itself for a verb)."""
    cur = tok
    while cur.pos_ not in ("VERB", "AUX") and cur.head.i != cur.i:
        cur = cur.head
    return cur.i


def _rank_precision(p: Place) -> float:
    """Cities over regions over zones (a region without a code: "Siberia") over countries."""
    rank = {"exact": 4.0, "city": 3.0, "region": 2.0, "country": 1.0}.get(p.precision, 0.0)
    return rank - 0.5 if p.precision == "region" and p.region is None else rank


def actor_of(head: Token) -> str | None:
    """Who did it: the trigger's subject (active), its agent ("by the police"), or, for a
    noun trigger, the subject of the verb it is the object of ("police carried out raids")."""
    for child in head.children:
        if child.dep_ in AGENT_DEPS:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), child)
            return _phrase(pobj, allow_person=True)
        if child.dep_ in SUBJECT_DEPS:
            return _phrase(child, allow_person=True)
    if head.pos_ in ("NOUN", "PROPN"):
        for child in head.children:
            if child.dep_ in ("compound", "amod") and child.ent_type_ in ("ORG", "NORP", "GPE"):
                return _phrase(child, allow_person=False)
        verb = head.head
        if head.dep_ in OBJECT_DEPS and verb is not head:
            for child in verb.children:
                if child.dep_ in SUBJECT_DEPS:
                    return _phrase(child, allow_person=True)
    return None


def affected_of(head: Token) -> str | None:
    """To which group: the trigger's object or passive subject (the subject of "die"), or
    the people a noun trigger names ("deaths of soldiers"). Never a person's name."""
    for deps in (PASSIVE_SUBJECT_DEPS, OBJECT_DEPS):
        for child in head.children:
            if child.dep_ in deps:
                return _phrase(child, allow_person=False)
    if head.pos_ in ("VERB",) and head.lemma_.lower() in INTRANSITIVE_SUFFERING:
        for child in head.children:
            if child.dep_ in SUBJECT_DEPS:
                return _phrase(child, allow_person=False)
    if head.dep_ in CLAUSE_DEPS and head.head.pos_ == "NOUN":
        return _phrase(head.head, allow_person=False)
    for child in head.children:
        if child.dep_ in ("prep", "nmod") and child.pos_ in ("ADP", "NOUN"):
            target = next((c for c in child.children if c.dep_ == "pobj"), child if child.pos_ == "NOUN" else None)
            if target is not None and target.pos_ == "NOUN":
                return _phrase(target, allow_person=False)
    return None


INTRANSITIVE_SUFFERING = {
    "die",
    "perish",
    "погибнуть",
    "умереть",
    "погибать",
    "вернуться",
    "return",
    "surrender",
    "сдаться",
}


def _phrase(tok: Token, allow_person: bool) -> str | None:
    """The noun phrase `tok` heads: its left modifiers, and an "of"/genitive complement."""
    if tok.pos_ == "PRON" or tok.lower_ in AFFECTED_STOP:
        return None
    if not allow_person and (tok.ent_type_ in PERSON_LABELS or _is_name(tok)):
        return None  # a person (the tagger may miss a name: any proper name not of a group)
    if tok.ent_type_ in PERSON_LABELS or (tok.ent_type_ == "ORG" and tok.ent_iob_ in ("B", "I")):
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None:
            return tok.doc.user_data.get("normal", {}).get((ent.start_char, ent.end_char)) or ent.text
    left = [
        c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod:poss", "poss") and c.ent_type_ not in PERSON_LABELS
    ]
    start = min([tok.i] + [c.left_edge.i for c in left])
    end = tok.i
    for c in tok.rights:
        if c.dep_ in ("prep",) and c.lower_ in ("of", "from", "with", "in") or c.dep_ == "nmod":
            if any(t.ent_type_ in PERSON_LABELS for t in c.subtree):
                break
            if any(t.lower_ in AFFECTED_STOP or t.dep_ in CLAUSE_DEPS for t in c.subtree):
                break
            end = max(end, c.right_edge.i)
            break
    span = tok.doc[start : end + 1]
    words = [t for t in span if not t.is_punct or t.text == "-"]
    if not allow_person:
        words = [t for t in words if t.ent_type_ not in PERSON_LABELS and not _is_name(t)]
    text = "".join(t.text_with_ws for t in words).strip(" ,")
    return text or None


def _is_name(tok: Token) -> bool:
    """A proper name that is not a people's, place's or body's: taken for a person's."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in GROUP_NAME_LABELS
