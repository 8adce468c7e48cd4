"""The places a parsed sentence names, geocoded: named-entity toponyms (Russian ones in the
nominative) and the pack's place aliases ("the front", «зона СВО»)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..geo.gazetteer import gazetteer, key
from ..model import Candidate, Place

PLACE_LABELS = {"GPE", "LOC"}
ORIGIN_PREPS = {"from", "of", "из", "от"}  # "migrants from Central Asia": where they come from
AGAINST = {"against", "против"}
OF_PREPS = {"of"}  # "of" says whose only after a noun of people or belonging ("city of Kherson" locates)


@dataclass(frozen=True)
class Toponym:
    """A place named in a sentence: its tokens (first, last) and its raw name."""

    first: int
    last: int
    raw: str
    region_hint: bool
    lemmas: str = ""  # the words' lemmas, a second form to look up («Тулы» → тула)
    by_people: bool = False  # a city named by its people or an adjective: where they are, never who acts


def toponyms_of(sent: Span) -> list[Toponym]:
    """The sentence's toponyms in text order: tagged places, then names and aliases the tags
    missed, then cities named by their people or an adjective."""
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
    taken = {i for t in out for i in range(t.first, t.last + 1)}
    out.extend(t for t in _townsfolk(sent) if t.first not in taken)
    return sorted(out, key=lambda t: t.first)


def _townsfolk(sent: Span) -> list[Toponym]:
    """Cities named by their people («двое москвичей») or by an adjective («красноярское МВД»)."""
    g = gazetteer()
    out = []
    for tok in sent:
        if tok.ent_type_ in PLACE_LABELS:
            continue
        city = g.townsfolk.get(key(tok.lemma_))
        if city is None and tok.pos_ in ("ADJ", "NOUN"):
            city = g.city_of_adjective(key(tok.lemma_))
        if city is not None:
            out.append(Toponym(tok.i, tok.i, city, False, by_people=True))
    return out


LOCATIVES = {"in", "at", "near", "outside", "around", "across", "в", "во", "на", "под", "около"}


def _after_locatives(sent: Span, normal: dict) -> list[Toponym]:
    """Proper names after "in", «в», "the city of" (or a possessive of a place noun: "Kyiv's outskirts") that
    the tagger missed or took for a person or a body ("in Tula"), when the gazetteer knows them
    as a city, region or country."""
    out = []
    for tok in sent:
        if tok.pos_ != "PROPN" or tok.ent_type_ in PLACE_LABELS | {"NORP", "DATE"} or _in_long_name(tok):
            continue
        prep = tok.head if tok.dep_ == "pobj" else next((c for c in tok.children if c.dep_ == "case"), None)
        places = gazetteer().place_nouns
        locates = prep is not None and (
            prep.lower_ in LOCATIVES or (prep.lower_ == "of" and key(prep.head.lemma_) in places)
        )
        if not locates and not (tok.dep_ == "poss" and key(tok.head.lemma_) in places):
            continue
        for form in (tok.text, tok.lemma_):
            if gazetteer().by_key.get(key(form)):
                out.append(Toponym(tok.i, tok.i, form if form == tok.text else form.capitalize(), False, tok.lemma_))
                break
    return out


def _in_long_name(tok: Token) -> bool:
    """Is the token one word of a longer tagged name ("Moscow Times", "Kazan Federal University")?"""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and len(ent) > 1


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
    forms = [_forms(t) for t in toks]  # looked up once a token, not once an alias
    starts: dict[str, list[int]] = {}  # where each form stands: an alias's first word is matched whole
    for i, pair in enumerate(forms):
        for form in dict.fromkeys(pair):
            starts.setdefault(form, []).append(i)
    out: list[Toponym] = []
    taken: set[int] = set()
    for alias in g.aliases_longest_first:
        words = alias.split()
        for i in starts.get(words[0], ()):
            if i > len(toks) - len(words):
                break
            span = toks[i : i + len(words)]
            if any(t.i in taken for t in span) or not all(
                _form_is(forms[i + k], w, k > 0) for k, w in enumerate(words)
            ):
                continue
            after = span[-1].nbor(1) if span[-1].i + 1 < len(span[-1].doc) else None
            if alias in g.theatre_keys and after is not None and after.lower_ == "of":
                continue  # "in front of the building" is no front
            taken.update(t.i for t in span)
            out.append(Toponym(span[0].i, span[-1].i, g.alias_names[alias], False))
    return out


def _forms(tok: Token) -> tuple[str, str]:
    """The token's lemma and form as the gazetteer looks names up."""
    return key(tok.lemma_), key(tok.text)


def _form_is(forms: tuple[str, str], word: str, stem_ok: bool) -> bool:
    """The alias's word by lemma or form (a token's `_forms`); past its first word also by a
    five-letter stem (the first word by stem would take «российских» for Россия)."""
    return word in forms or (stem_ok and len(word) > 5 and any(f[:5] == word[:5] for f in forms))


def _head_of(top: Toponym, doc: Doc, deps: tuple[str, ...] = ("compound", "flat", "amod")) -> Token:
    """The token that carries the toponym's role: past the name's own words, and from a later
    conjunct to the first ("from Cuba, Serbia and Mali": Serbia's role is Cuba's)."""
    tok = doc[top.first]
    head = tok.head if tok.dep_ in deps else tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    return head


def is_origin(top: Toponym, doc: Doc) -> bool:
    """Is the toponym where people come from or whose they are ("citizens of India", «граждане
    Индии», "from Nepal", «гражданство РФ», «войне России»), not where the event happens?"""
    if top.by_people:
        return False
    head = _head_of(top, doc)
    whose = gazetteer().whose_nouns
    for child in head.children:
        if child.dep_ == "case" and child.lower_ in ORIGIN_PREPS:
            return child.lower_ not in OF_PREPS or key(head.head.lemma_) in whose
    prep = head.head
    if prep.lower_ in ORIGIN_PREPS and head.dep_ == "pobj":
        return prep.lower_ not in OF_PREPS or key(prep.head.lemma_) in whose
    # a Russian genitive after a noun of people, belonging, war or report: «граждане Индии»
    return (
        head.dep_ == "nmod"
        and head.head.pos_ in ("NOUN", "PROPN")
        and "Case=Gen" in str(head.morph)
        and not any(c.dep_ == "case" for c in head.children)
        and key(head.head.lemma_) in whose
    )


ACTOR_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "poss", "nmod:poss"}
SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass"}


def is_actor(top: Toponym, doc: Doc) -> bool:
    """Is the toponym the one who acts or speaks ("Russia has been recruiting", "Kenya said",
    "Russia's Investigative Committee"), not where the event happens? Not a possessive that
    locates ("Kyiv's outskirts"), nor a subject the parser doubled (another stands nearer the verb)."""
    if top.by_people or top.region_hint or doc[top.last].dep_ == "compound":
        return False  # "the Kemerovo region", «Тюменская область», "Moscow police": a territory, not one who acts
    head = _head_of(top, doc, ("compound", "flat"))
    if head.dep_ not in ACTOR_DEPS:
        return _in_subject(head)
    if head.dep_ in ("poss", "nmod:poss"):
        return key(head.head.lemma_) not in gazetteer().place_nouns
    verb = head.head
    others = [c for c in verb.children if c.dep_ in SUBJECTS and c.i != head.i]
    return not any(abs(c.i - verb.i) < abs(head.i - verb.i) for c in others)


def _in_subject(tok: Token) -> bool:
    """Is the token inside a subject's phrase, not attached by a locative ("countries like Cuba",
    «Вооружённые силы России»; not "authorities in Moscow")?"""
    cur = tok
    while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
        if cur.lower_ in LOCATIVES or any(c.dep_ == "case" and c.lower_ in LOCATIVES for c in cur.children):
            return False
        if cur.dep_ in SUBJECTS:
            return cur.i != tok.i
        cur = cur.head
    return False


def is_located(top: Toponym, doc: Doc) -> bool:
    """Does the text say something happens there: the toponym marked as a place (a preposition,
    a case, a modifier: "in Tula", «в Туле», "Tula police"), not a bare subject or object of a
    verb ("accuse Moscow"), an origin, an actor or a body's name? Such places carry on."""
    head = _head_of(top, doc)
    if head.dep_ in ("dobj", "obj", "iobj", "appos", "ROOT"):
        return False
    return not (is_origin(top, doc) or is_actor(top, doc) or names_body(top, doc))


def names_body(top: Toponym, doc: Doc) -> bool:
    """Is the toponym part of a body's name («УМВД России по Тульской области»): it locates the
    body, not the event, and is not carried on to the next sentences."""
    head = _head_of(top, doc)
    return head.dep_ == "nmod" and head.head.ent_type_ == "ORG"


def of_war(top: Toponym, doc: Doc) -> bool:
    """Is the toponym named as a war's («для участия в конфликте на Украине», "its war in
    Ukraine")? Such a place is where front events happen, not recruiting."""
    head = _head_of(top, doc)
    if any(c.dep_ == "case" and c.lower_ in AGAINST for c in head.children) or (
        head.dep_ == "pobj" and head.head.lower_ in AGAINST
    ):
        return True  # the side fought against ("to fight against Ukraine")
    gov = head.head.head if head.head.pos_ == "ADP" and head.dep_ == "pobj" else head.head
    return gov.i != head.i and key(gov.lemma_) in gazetteer().war_nouns


def geocode(top: Toponym, context: list[Candidate], doc: Doc) -> Place:
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
