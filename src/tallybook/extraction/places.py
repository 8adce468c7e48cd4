"""The places a parsed sentence names, geocoded: named-entity toponyms (Russian ones in the
nominative) and the pack's place aliases ("the front", «зона СВО»)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from ..geo.gazetteer import gazetteer, key
from ..model import Candidate, Place

PLACE_LABELS = {"GPE", "LOC"}
ORIGIN_PREPS = {"from", "of", "из", "от"}  # "migrants from Central Asia": where they come from


@dataclass(frozen=True)
class Toponym:
    """A place named in a sentence: its tokens (first, last) and its raw name."""

    first: int
    last: int
    raw: str
    region_hint: bool
    lemmas: str = ""  # the words' lemmas, a second form to look up («Тулы» → тула)


def toponyms_of(sent: Span) -> list[Toponym]:
    """The sentence's toponyms in text order: tagged places, then aliases the tags missed."""
    doc = sent.doc
    normal = doc.user_data.get("normal", {})
    words = gazetteer().region_words
    out: list[Toponym] = []
    for ent in sent.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        raw = normal.get((ent.start_char, ent.end_char)) or ent.text
        last = ent.end - 1
        hint = key(ent[-1].lemma_) in words
        nxt = _next_word(ent)
        if nxt is not None and key(nxt.lemma_) in words:
            hint, last = True, nxt.i
        out.append(Toponym(ent.start, last, raw.strip(), hint, " ".join(t.lemma_ for t in ent)))
    taken = {i for t in out for i in range(t.first, t.last + 1)}
    out.extend(t for t in _after_locatives(sent, normal) if t.first not in taken)
    taken = {i for t in out for i in range(t.first, t.last + 1)}
    out.extend(t for t in _aliases(sent) if not any(i in taken for i in range(t.first, t.last + 1)))
    return sorted(out, key=lambda t: t.first)


LOCATIVES = {"in", "near", "outside", "в", "во", "под", "около"}


def _after_locatives(sent: Span, normal: dict) -> list[Toponym]:
    """Proper names after "in", «в» that the tagger missed or took for a person ("in Tula"),
    when the gazetteer knows them as a city, region or country."""
    out = []
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.ent_type_ in PLACE_LABELS | {"ORG", "NORP", "DATE"}:
            continue
        prep = tok.head if tok.dep_ == "pobj" else next((c for c in tok.children if c.dep_ == "case"), None)
        if prep is None or prep.lower_ not in LOCATIVES:
            continue
        for form in (tok.text, tok.lemma_):
            if gazetteer().by_key.get(key(form)):
                out.append(Toponym(tok.i, tok.i, form if form == tok.text else form.capitalize(), False, tok.lemma_))
                break
    return out


def _next_word(ent: Span) -> Token | None:
    """The word after a toponym, past "and X" of a pair ("Kaliningrad and Smolensk regions")."""
    doc = ent.doc
    i = ent.end
    while i < len(doc) and i < ent.end + 4:
        tok = doc[i]
        if tok.is_punct or tok.lower_ in ("and", "и") or tok.ent_type_ in PLACE_LABELS:
            i += 1
            continue
        return tok
    return None


def _aliases(sent: Span) -> list[Toponym]:
    """The pack's aliases in the sentence, word by word on lemma, form or a five-letter stem
    ("зоне боевых действий" → «зона боевых действий», "front lines" → "front line")."""
    g = gazetteer()
    toks = [t for t in sent]
    out, taken = [], set()
    for alias in sorted(g.alias_keys, key=lambda a: -len(a.split())):
        words = alias.split()
        for i in range(len(toks) - len(words) + 1):
            span = toks[i : i + len(words)]
            if any(t.i in taken for t in span) or not all(
                _word_is(t, w, k > 0) for k, (t, w) in enumerate(zip(span, words))
            ):
                continue
            taken.update(t.i for t in span)
            out.append(Toponym(span[0].i, span[-1].i, g.alias_names[alias], False))
    return out


def _word_is(tok: Token, word: str, stem_ok: bool) -> bool:
    """The alias's word by lemma or form; past its first word also by a five-letter stem (the
    first word by stem would take «российских» for Россия)."""
    forms = (key(tok.lemma_), key(tok.text))
    return word in forms or (stem_ok and len(word) > 5 and any(f[:5] == word[:5] for f in forms))


def is_origin(top: Toponym, doc) -> bool:
    """Is the toponym where people come from ("citizens of India", «граждане Индии», "from
    Nepal"), not where the event happens?"""
    tok = doc[top.first]
    head = tok.head if tok.dep_ in ("compound", "flat", "amod") else tok
    for child in head.children:
        if child.dep_ in ("case",) and child.lower_ in ORIGIN_PREPS:
            return True
    if head.head.lower_ in ORIGIN_PREPS:
        return True
    # a Russian genitive after a noun of people: «граждане Индии», «мигрантов из Узбекистана»
    return (
        head.dep_ == "nmod"
        and head.head.pos_ == "NOUN"
        and "Case=Gen" in str(head.morph)
        and head.head.lemma_ in PEOPLE_NOUNS
    )


PEOPLE_NOUNS = {
    "гражданин",
    "уроженец",
    "выходец",
    "житель",
    "мигрант",
    "наёмник",
    "наемник",
    "солдат",
    "военный",
    "страна",
    "государство",
    "country",
    "citizen",
    "national",
    "native",
    "resident",
}
ACTOR_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "poss", "nmod:poss"}


def is_actor(top: Toponym, doc) -> bool:
    """Is the toponym the one who acts or speaks ("Russia has been recruiting", "Kenya said",
    "Russia's Investigative Committee"), not where the event happens?"""
    tok = doc[top.first]
    head = tok.head if tok.dep_ in ("compound", "flat") else tok
    return head.dep_ in ACTOR_DEPS


def geocode(top: Toponym, context: list[Candidate], doc) -> Place:
    """The place a toponym names, ranked by the document's places so far (`context`)."""
    from ..geo.gazetteer import resolve

    place = resolve(top.raw, context, top.region_hint)
    if place.precision == "unknown" and top.lemmas:
        by_lemma = resolve(top.lemmas, context, top.region_hint)
        place = replace(by_lemma, raw=_title(top.lemmas)) if by_lemma.precision != "unknown" else place
    return replace(place, start=doc[top.first].idx, end=doc[top.last].idx + len(doc[top.last].text))


def _title(lemmas: str) -> str:
    """Lemmas as a name: «тула» → Тула, "ростов-на-дону" → Ростов-на-дону."""
    return " ".join(w[:1].upper() + w[1:] for w in lemmas.split())
