"""Who a figure is put on, read from the dependency parse.

Patterns: "according to X" («по словам / по данным X»); X as subject of a reporting verb that
governs the figure (or stands in its sentence); "X's figures", "data from X" («данные X»);
"estimated by X". Pronouns and definite descriptions ("he", "the ministry", «ведомство») take
the last person or organisation named. The parse may be spaCy's English labels or the
Universal Dependencies labels of the Russian front-end; both are read here.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..lexicons import Lexicon
from ..model import Speaker

PERSON_LABELS = {"PERSON", "PER"}
ORG_LABELS = {"ORG", "NORP", "GPE", "LOC"}
NAME_DEPS = {"compound", "flat", "flat:name", "flat:foreign", "nmod:poss"}
AGENT_DEPS = {"agent", "obl:agent"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}


@dataclass
class Attribution:
    speaker: Speaker | None
    cue: str | None


@dataclass
class Memory:
    """The people and bodies named so far in a document, for pronouns and short names."""

    persons: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    speakers: list[str] = field(default_factory=list)  # persons quoted, most recent last
    affiliations: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # person -> role, org
    genders: dict[str, str] = field(default_factory=dict)  # person -> Masc | Fem, where the morphology says

    def full_name(self, name: str) -> str:
        """The longest earlier name that ends with (or shares the stem of) this short name."""
        last = name.split()[-1]
        for full in reversed(self.persons):
            if len(full.split()) > len(name.split()) and full.split()[-1][:5] == last[:5]:
                return full
        return name

    def see(self, speaker: Speaker) -> None:
        (self.persons if speaker.kind == "person" else self.orgs).append(speaker.name)
        if speaker.kind == "person":
            self.speakers.append(speaker.name)
            if speaker.org or speaker.role:
                self.affiliations[speaker.name] = (speaker.role, speaker.org)

    def is_someone_else(self, name: str, role: str | None, org: str | None) -> bool:
        """Is `name` known to hold another office or belong to another body than the one a
        description gives? ("a NATO official" after a Russian general was quoted, «прокурор»
        after a foreign minister, are not them.)"""
        known_role, known_org = self.affiliations.get(name, (None, None))
        return _differ(org, known_org) or _differ(role, known_role)

    def last_person(self, gender: str | None = None) -> str | None:
        """The person a pronoun most likely means: the last one quoted, else the last named, of
        the pronoun's `gender` when both are known («она» is not Alexander Bastrykin)."""
        for names in (self.speakers, self.persons):
            for name in reversed(names):
                if self.may_be(name, gender):
                    return name
        return None

    def may_be(self, name: str, gender: str | None) -> bool:
        known = self.genders.get(name)
        return gender is None or known is None or known == gender


class Attributor:
    """Finds speakers in the sentences of one document, remembering who was named."""

    def __init__(self, lex: Lexicon, doc: Doc):
        self.doc = doc
        self.verbs = lex.words("attribution", "verbs")
        self.data_nouns = lex.words("attribution", "data_nouns")
        self.documents = lex.words("attribution", "documents")
        self.bodies = lex.words("attribution", "bodies")
        self.generic = lex.words("attribution", "generic")
        self.person_pronouns = lex.words("attribution", "persons")
        self.body_pronouns = lex.words("attribution", "bodies_pronouns")
        self.roles = lex.words("attribution", "roles")
        self.final_forms = lex.words("attribution", "final_forms")
        self.according_preps = lex.words("attribution", "according_preps")
        self.memory = Memory()

    # -- memory ---------------------------------------------------------------------------
    def remember(self, sent: Span, upto: int | None = None) -> None:
        """Note the people and organisations named in `sent` (before token `upto`). A body that
        is the subject of its sentence is noted last, as the likelier antecedent of "the
        outlet" or «издание» than one named in passing."""
        subjects = []
        for ent in sent.ents:
            if upto is not None and ent.start >= upto:
                break
            if ent.label_ in PERSON_LABELS and len(ent.text) > 2:
                name = self.memory.full_name(_entity_name(ent))
                self.memory.persons.append(name)
                if _gender(ent.root) and name not in self.memory.genders:
                    self.memory.genders[name] = _gender(ent.root)
            elif ent.label_ == "ORG":
                is_subject = any(t.dep_ in SUBJECT_DEPS for t in ent)
                (subjects if is_subject else self.memory.orgs).append(self.name_of(ent[0]))
        self.memory.orgs.extend(subjects)

    # -- the patterns ----------------------------------------------------------------------
    def speaker_of(self, anchor: Token, quotes: list[tuple[int, int]] = ()) -> Attribution:
        """The speaker of the figure whose main token is `anchor`: the first source found by
        the patterns, in order, that resolves to someone. Inside a quotation, the reporting
        clause just before or after the quotation comes first, then those of the quotations
        it continues (`quotes`, nearest first); the figure's own sentence after them."""
        sent = anchor.sent
        first_cue = None
        finders = [self.according_to, self.reporting_verb, self.data_owner]
        if quotes:
            finders.insert(0, lambda a, s: self.quoted(a, quotes[0]))
            finders.extend(lambda a, s, q=q: self.quoted(a, q) for q in quotes[1:])
        for finder in finders:
            for source, cue in finder(anchor, sent):
                first_cue = first_cue or cue
                speaker = self.resolve(source)
                if speaker is not None:
                    self.memory.see(speaker)
                    return Attribution(speaker, cue)
        return Attribution(None, first_cue)

    def according_to(self, anchor: Token, sent: Span) -> list[tuple[Token, str]]:
        found = []
        for t in sent:
            prep = self.according_prep(t)
            if prep is not None:  # «по словам / по данным X»
                source = next((c for c in t.children if c.dep_ in ("nmod", "appos") and c.pos_ in ("PROPN", "NOUN")), None)
                if source is not None:
                    found.append((source, f"{prep.text} {t.text}"))
                continue
            if t.lower_ == "according" and t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ == "to":
                obj = next((c for c in self.doc[t.i + 1].children if c.dep_ == "pobj"), None)
                if obj is None:
                    obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    found.append((obj, "according to"))
        return found

    def reporting_verb(self, anchor: Token, sent: Span) -> list[tuple[Token, str]]:
        candidates = [a for a in anchor.ancestors if self.is_cue(a)]
        candidates += [t for t in sent if self.is_cue(t) and t not in candidates]
        found = []
        for verb in candidates:
            subj = self.subject_of(verb, anchor)
            if subj is not None:
                found.append((subj, verb.text))
        final = self.final_clause(sent)
        return found + ([final] if final else [])

    def is_cue(self, tok: Token) -> bool:
        """A reporting verb, or any verb whose subject is a document ("the poll has Trump at 44%")."""
        if tok.pos_ not in ("VERB", "AUX"):
            return False
        return tok.lemma_.lower() in self.verbs or any(
            c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in self.documents for c in tok.children)

    def is_data(self, tok: Token) -> bool:
        return tok.lemma_.lower() in self.data_nouns or tok.lower_ in self.data_nouns

    def according_prep(self, tok: Token) -> Token | None:
        """The preposition of a source noun in «по словам X», «по данным X», if `tok` is one."""
        if not self.according_preps or not self.is_data(tok):
            return None
        return next((c for c in tok.children if c.dep_ == "case" and c.lower_ in self.according_preps), None)

    def quoted(self, anchor: Token, quote: tuple[int, int]) -> list[tuple[Token, str]]:
        """A name introducing a quotation with a colon ('Jane Roe, Daily Post: "..."'), then
        subjects of reporting verbs within a short reach after, then before, the quotation."""
        start, end = quote
        after = [t for t in self.doc if end <= t.idx < end + 60]
        before = [t for t in self.doc if start - 80 <= t.idx < start][::-1]
        found = []
        colon = next((t for t in before if not t.is_space), None)
        if colon is not None and colon.text == ":":
            intro = self.doc[colon.sent.start:colon.i]
            named = [e for e in intro.ents if e.label_ in PERSON_LABELS] or [e for e in intro.ents if e.label_ == "ORG"]
            verb = self.doc[colon.i - 1] if colon.i else colon
            found += [(named[-1].root, verb.text if verb.lemma_.lower() in self.verbs else ":")] if named else []
        for t in after + before:
            if t.lemma_.lower() in self.verbs and t.pos_ in ("VERB", "AUX"):
                subj = self.subject_of(t, anchor)
                if subj is not None and not (start <= subj.idx < end):
                    found.append((subj, t.text))
        return found

    def final_clause(self, sent: Span) -> tuple[Token, str] | None:
        """"..., the UK Ministry of Defence intelligence update reports." parsed as a noun."""
        words = [t for t in sent if not (t.is_punct or t.is_space)]
        if len(words) < 3 or words[-1].lower_ not in self.final_forms or words[-1].pos_ in ("VERB", "AUX"):
            return None
        verb = words[-1]
        comma = max((t.i for t in sent if t.text == "," and t.i < verb.i), default=None)
        if comma is None:
            return None
        source = sent.doc[comma + 1:verb.i]
        if any(t.pos_ in ("VERB", "AUX") for t in source):  # "..., and pay for their TV shows."
            return None
        named = [t for t in source if t.ent_type_ in PERSON_LABELS | {"ORG"}]
        return (named[-1] if named else source.root), verb.text

    def subject_of(self, verb: Token, anchor: Token) -> Token | None:
        for c in verb.children:
            if c.dep_ in SUBJECT_DEPS:
                if anchor in c.subtree and c.i != anchor.i and self.doc[anchor.i].head == c:
                    return None  # the figure's own noun ("300 soldiers said")
                return c
            if c.dep_ in AGENT_DEPS:
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None or c.dep_ == "obl:agent":
                    return obj if obj is not None else c
        if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.pos_ in ("VERB", "AUX") and verb.head != verb:
            # "Kerry lost and was found to have...": a passive verb does not take the subject it joins
            passive = any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)
            return None if passive else self.subject_of(verb.head, anchor)
        if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
            # "ledgers showing ..." speak; "voters surveyed", "figures released" are spoken of
            return None if verb.tag_ == "VBN" or "Pass" in verb.morph.get("Voice") else verb.head
        return _name_beside(verb)

    def data_owner(self, anchor: Token, sent: Span) -> list[tuple[Token, str]]:
        found = []
        for t in sent:
            owner = self.owner_of(t) if self.is_data(t) else None
            if owner is not None:
                found.append((owner, f"{owner.text} {t.text}" if owner.i < t.i else f"{t.text} {owner.text}"))
        return found

    def owner_of(self, data: Token) -> Token | None:
        """Whose figures these are: "Gallup poll", "the ministry's data", "data from / released
        by Mediazona", «данные Минобороны»."""
        for c in data.children:
            if c.dep_ == "poss" and c.pos_ != "PRON" or c.dep_ == "compound" and _is_name(c):
                return c
            if c.dep_ == "nmod" and c.i > data.i and _is_name(c):
                return c
            preps = [c] if c.dep_ == "prep" else [g for g in c.children if g.dep_ in AGENT_DEPS] if c.dep_ == "acl" else []
            for prep in preps:
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if prep.lower_ in ("from", "by", "of") and obj is not None and _is_name(obj):
                    return obj
        return None

    # -- naming -----------------------------------------------------------------------------
    def resolve(self, tok: Token) -> Speaker | None:
        """A speaker for the source token: names expanded, pronouns and descriptions resolved."""
        low = tok.lower_
        person = next((c for c in tok.children if c.dep_ in ("appos", "compound", "nmod", "flat")
                       and c.ent_type_ in PERSON_LABELS and tok.ent_type_ not in PERSON_LABELS), None)
        if person is not None:
            role, org = self.role_org(tok)
            return Speaker(self.memory.full_name(self.name_of(person)), "person", role, org)
        if low in self.person_pronouns:
            # "Jane Roe, a senator, kept silent for 40 years, she said": the first person that is
            # a subject before the pronoun in its own sentence, else the last one quoted or named
            gender = _gender(tok)
            before = [e for e in tok.sent.ents if e.end <= tok.i and e.label_ in PERSON_LABELS
                      and SUBJECT_DEPS & {e.root.dep_, e.root.head.dep_} and _gender(e.root) in (None, gender)]
            name = self.memory.full_name(_entity_name(before[0])) if before else self.memory.last_person(gender)
            return Speaker(name, "person") if name else None
        if low in self.body_pronouns:
            if tok.dep_ == "nsubjpass" or tok.head.tag_ == "VBN":
                return None
            return Speaker(self.memory.orgs[-1], "org") if self.memory.orgs else None
        if tok.ent_type_ in PERSON_LABELS:
            role, org = self.role_org(tok)
            return Speaker(self.memory.full_name(self.name_of(tok)), "person", role, org)
        if tok.ent_type_ in ORG_LABELS or tok.pos_ == "PROPN":
            name = self.name_of(tok)
            full = self.memory.full_name(name)
            if full != name:  # a short name of a person named before ("Bastrykin")
                return Speaker(full, "person")
            return Speaker(name, "org")
        owner = self.owner_of(tok) if self.is_data(tok) else None
        if owner is not None:
            return self.resolve(owner)
        if tok.lemma_.lower() in self.generic or low in self.generic:
            body = _body_of(tok)  # «аналитики ISW», "analysts at Chatham House"
            return self.resolve(body) if body is not None else None
        if tok.lemma_.lower() in self.roles and tok.ent_type_ not in PERSON_LABELS:
            named = self.named_within(tok)
            plural = tok.tag_ == "NNS" or "Plur" in tok.morph.get("Number")
            if named is not None and (named.ent_type_ in PERSON_LABELS or plural or not self.memory.last_person()):
                return self.resolve(named)
            role, org = self.role_org(tok)
            name = self.memory.last_person()
            if name and not self.memory.is_someone_else(name, role, org):
                return Speaker(name, "person", role, org)
            if org:
                return Speaker(org, "org")
        named = self.named_within(tok)
        if named is not None and tok.pos_ == "NOUN":
            # "an analysis by The Washington Post", "the non-partisan group Public Citizen"
            return self.resolve(named)
        if tok.lemma_.lower() in self.bodies:
            own = self.name_of(tok)
            described = any(c.dep_ in ("amod", "compound", "poss") for c in tok.children)
            if not described and self.memory.orgs:
                return Speaker(self.memory.orgs[-1], "org")
            return Speaker(own, "org")
        if tok.pos_ == "NOUN" and any(c.dep_ in ("amod", "compound", "poss") for c in tok.children):
            return Speaker(self.name_of(tok), "org")
        return None

    def named_within(self, tok: Token) -> Token | None:
        """The first proper name inside a noun phrase (not inside a clause or quote of it)."""
        for c in tok.children:
            if c.dep_ in ("relcl", "ccomp", "punct", "det", "nummod"):
                continue
            for t in [c] + [g for g in c.subtree if g.dep_ in ("pobj", "compound", "appos", "poss", "agent", "prep", "acl")]:
                if (t.pos_ == "PROPN" or t.ent_type_ in PERSON_LABELS | {"ORG"}) and not t.like_num and t.ent_type_ not in ("DATE", "CARDINAL", "MONEY", "PERCENT", "TIME"):
                    return t
        return None

    def name_of(self, tok: Token) -> str:
        """The full name around `tok`: its entity span, or its compound chain."""
        if tok.ent_type_:
            ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                start = ent.start
                while (ent.label_ not in PERSON_LABELS  # a person's titles are their role, not their name
                       and start > 0 and tok.doc[start - 1].pos_ == "PROPN"
                       and tok.doc[start - 1].head.i in range(ent.start, ent.end)):
                    start -= 1  # "UK" + "Ministry of Defence"
                end = ent.end
                while end < len(tok.doc) and tok.doc[end].pos_ == "PROPN" and tok.doc[end].head.i in range(start, end):
                    end += 1  # «Минобороны» + «Великобритании»
                parts = (tok.doc[start:ent.start].text, _entity_name(ent), tok.doc[ent.end:end].text)
                return _clean(" ".join(p for p in parts if p))
        left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod") and c.pos_ != "PRON"]
        start = min([tok.i] + [c.left_edge.i for c in left])
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                end = c.right_edge.i + 1
                break
        # the head in its dictionary form where the language inflects it («правительства» → «правительство»)
        return _clean("".join(_base_form(t) + t.whitespace_ if t.i == tok.i else t.text_with_ws for t in tok.doc[start:end]))

    def org_of(self, role: Token) -> tuple[str | None, str | None]:
        """The rest of a role's title and its organisation: "head of the Committee" → (None,
        "Committee"); «глава СК России» → (None, "СК России"); «министр обороны России» →
        ("обороны", "Россия")."""
        prep = next((g for g in role.children if g.dep_ == "prep" and g.lower_ == "of"), None)
        if prep is not None:
            obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
            return None, (self.name_of(obj) if obj is not None else None)
        owners = [g for g in role.children if g.dep_ == "nmod" and g.i > role.i and g.ent_type_ not in PERSON_LABELS]
        named = [g for g in owners if g.ent_type_ or g.pos_ == "PROPN"]
        plain = [g for g in owners if g not in named]  # «министр [иностранных дел] [России]»
        title = " ".join(t.text for t in plain[0].subtree if not t.ent_type_ and not t.is_punct) if plain else None
        inner = (t for g in plain for t in g.subtree if t.ent_type_ and t.ent_type_ not in PERSON_LABELS)
        org = named[0] if named else next(inner, None)
        return title or None, (self.name_of(org) if org is not None else None)

    def role_org(self, tok: Token) -> tuple[str | None, str | None]:
        """Role and organisation from an apposition or title: "head of the Committee"."""
        doc = tok.doc
        for c in list(tok.children) + [tok]:
            if c.dep_ == "appos" or c is tok and c.ent_type_ not in PERSON_LABELS:
                if c.ent_type_ in PERSON_LABELS:
                    continue
                modifiers = [t.text for t in c.lefts if t.dep_ in ("compound", "amod")]
                title, org = self.org_of(c)
                return " ".join(modifiers + [_base_form(c)] + ([title] if title else [])), org
        titles = [c for c in tok.lefts if c.dep_ == "compound" and not c.ent_type_]
        if titles:
            role = doc[titles[0].left_edge.i:titles[-1].i + 1]
            owner = next((c for c in role.root.children if c.dep_ == "poss"), None)
            org = self.name_of(owner) if owner is not None else None
            words = [t.text for t in role if t.dep_ != "poss" and t.dep_ != "case" and (owner is None or t not in owner.subtree)]
            return " ".join(words) or None, org
        return None, None


def _gender(tok: Token) -> str | None:
    """Masc or Fem, when the morphology gives it (Russian names and pronouns, English pronouns)."""
    found = [g for g in tok.morph.get("Gender") if g in ("Masc", "Fem")]
    return found[0] if len(found) == 1 else None


def _is_name(tok: Token) -> bool:
    """A person's or body's name, not a date ("a March poll")."""
    return tok.ent_type_ in PERSON_LABELS | ORG_LABELS or tok.pos_ == "PROPN" and not tok.ent_type_


def _clean(name: str) -> str:
    name = name.strip(" ,.;:\"'“”")
    for article in ("the ", "The "):
        if name.startswith(article):
            name = name[len(article):]
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    return name.strip()


def _body_of(tok: Token) -> Token | None:
    """A named organisation attached right after a common noun, itself or through a preposition:
    «аналитики ISW», "analysts at Chatham House" (not one deeper in a clause of the noun)."""
    if tok.pos_ != "NOUN":
        return None
    for c in tok.rights:
        if c.dep_ in ("nmod", "appos", "compound") and c.ent_type_ == "ORG":
            return c
        if c.dep_ == "prep":
            obj = next((g for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "ORG"), None)
            if obj is not None:
                return obj
    return None


def _differ(a: str | None, b: str | None) -> bool:
    """Two known descriptions that share no word stem ("NATO" and "General Staff")."""
    if not a or not b:
        return False
    stems = [{w[:4].lower() for w in s.split()} for s in (a, b)]
    return not stems[0] & stems[1]


def _entity_name(ent: Span) -> str:
    """An entity's name, in the nominative where the front-end gives one («Александр Бастрыкин»)."""
    normal = ent.doc.user_data.get("normal", {}).get((ent.start_char, ent.end_char))
    return _clean(normal or ent.text)


def _base_form(tok: Token) -> str:
    """A role word in its dictionary form where the language inflects it («главы» → «глава»)."""
    case = tok.morph.get("Case")
    if not case or not tok.lemma_:
        return tok.text
    if case == ["Nom"] and tok.text.lower() != tok.lemma_:
        return tok.text  # already nominative: «правительства» (plural) stays plural
    return tok.lemma_


def _name_beside(verb: Token) -> Token | None:
    """A name just before or just after a reporting verb left without a subject by the parse
    («... жертв Шойгу сообщил, что ...»): the nearest person or organisation, no verb between."""
    doc = verb.doc
    for step in (-1, 1):
        i = verb.i + step
        while 0 <= i < len(doc) and abs(i - verb.i) <= 3 and doc[i].pos_ not in ("VERB", "AUX", "PUNCT"):
            if doc[i].ent_type_ in PERSON_LABELS | {"ORG"}:
                return doc[i]
            i += step
    return None
