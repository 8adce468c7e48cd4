"""From the token a construction points at to a speaker: names expanded, pronouns and
descriptions resolved against what the document named before, and what is never a speaker
(a place in a locative phrase, a date, an abstract noun, the figure's own noun) refused."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ...model import Speaker
from ..sources import is_known_surname, is_outlet
from .memory import Memory

PERSON_LABELS = {"PERSON", "PER"}
ORG_LABELS = {"ORG", "NORP", "GPE", "LOC"}
PLACE_LABELS = {"GPE", "LOC"}
NAMED_LABELS = PERSON_LABELS | {"ORG"}
NOT_NAMES = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
LOCATIVE_CASES = {"in", "at", "в", "во", "на"}


class Namer:
    """Resolves source tokens to speakers with the lexicon of one language."""

    def __init__(self, words, memory: Memory):
        self.w = words  # Words: the attribution vocabulary
        self.memory = memory

    def resolve(self, tok: Token) -> Speaker | None:
        """A speaker for the source token, or None when it names no one."""
        if self.never(tok):
            return None
        person = next(
            (
                c
                for c in tok.children
                if c.dep_ in ("appos", "compound", "nmod", "flat")
                and c.ent_type_ in PERSON_LABELS
                and tok.ent_type_ not in PERSON_LABELS
            ),
            None,
        )
        if person is not None:  # "the head of the committee, Alexander Bastrykin"
            role, org = self.role_org(tok)
            return self.person(self.name_of(person), role, org)
        for resolver in (self.pronoun, self.named, self.owned, self.document, self.collective, self.role, self.body):
            found = resolver(tok)
            if found is not None:
                return found if isinstance(found, Speaker) else None
        return None

    # -- what is never a speaker --------------------------------------------------------
    def never(self, tok: Token) -> bool:
        """A date or number; a place in a locative phrase ("in Kemerovo", «в Москве»)."""
        if tok.ent_type_ in NOT_NAMES or tok.like_num or tok.pos_ == "NUM":
            return True
        if tok.ent_type_ in PLACE_LABELS or tok.ent_type_ == "LOC":
            return self.locative(tok)
        return False

    @staticmethod
    def locative(tok: Token) -> bool:
        case = [c.lower_ for c in tok.children if c.dep_ == "case"]
        return (tok.head.dep_ == "prep" and tok.head.lower_ in LOCATIVE_CASES) or bool(set(case) & LOCATIVE_CASES)

    # -- resolvers, tried in order; each returns a Speaker, False (settled: no one) or None --
    def pronoun(self, tok: Token) -> Speaker | bool | None:
        """ "he", «она», "its", «по его мнению»: a person or body that is a subject before the
        pronoun in its own sentence ("Jane Roe, a senator, kept silent for 40 years, she said";
        «Пентагон заявил, что, по его мнению, …»), else the last one quoted or named."""
        low = tok.lower_
        person, body = low in self.w.persons, low in self.w.bodies_pronouns
        if not (person or body):
            return None
        if not person and (tok.dep_ in ("nsubjpass", "nsubj:pass") or tok.head.tag_ == "VBN"):
            return False
        wanted = gender(tok)
        labels = (PERSON_LABELS if person else set()) | ({"ORG"} if body or self.w.is_possessive(tok) else set())
        before = [
            e
            for e in tok.sent.ents
            if e.end <= tok.i
            and e.label_ in labels
            and SUBJECT_DEPS & {e.root.dep_, e.root.head.dep_}
            and (e.label_ not in PERSON_LABELS or gender(e.root) in (None, wanted))
        ]
        if before:
            ent = before[0]
            if ent.label_ in PERSON_LABELS:
                return Speaker(self.memory.full_name(entity_name(ent)), "person")
            return Speaker(self.name_of(ent.root), "org")
        if person:
            name = self.memory.last_person(wanted)
            return Speaker(name, "person") if name else False
        org = self.memory.last_org()
        return Speaker(org, "org") if org else False

    def named(self, tok: Token) -> Speaker | None:
        if tok.ent_type_ in PERSON_LABELS:
            name = self.name_of(tok)
            if (
                is_outlet(name) is not None
            ):  # a body the registry knows, whatever the recogniser took it for ("Verstka")
                return Speaker(name, "org")
            role, org = self.role_org(tok)
            return self.person(name, role, org)
        if tok.ent_type_ in ORG_LABELS or tok.pos_ == "PROPN" or self.unknown_name(tok):
            name = self.name_of(tok)
            full = self.memory.full_name(name)
            if full != name or (tok.pos_ == "PROPN" and " " not in name and is_known_surname(name)):
                return Speaker(full, "person")  # a short name of a person named before or known ("Bastrykin")
            return Speaker(name, "org")
        return None

    def unknown_name(self, tok: Token) -> bool:
        """A capitalised word the tagger took for a common noun, and none of the words for
        bodies, roles, documents or people in general ("RealClearPolitics", not "the Ministry"); at
        the start of a sentence, only one described in an apposition, or a person's surname or a
        body's name word named before ("Sanders supports …", "Forbes shot back …")."""
        keys = ("bodies", "roles", "documents", "data_nouns", "generic", "staff")
        if any(self.w.has(tok, k) for k in keys) or is_name(tok):
            return False
        capital = tok.pos_ == "NOUN" and tok.text[:1].isupper()
        described = any(c.dep_ == "appos" for c in tok.children)  # "Teck, the Canadian mining company, says"
        return name_like(tok) or capital and (described or self.memory.named_before(tok.text))

    def owned(self, tok: Token) -> Speaker | None:
        """A document or figure speaks for its owner ("the ministry's data" → the ministry)."""
        owner = self.owner_of(tok) if self.w.is_data(tok) else None
        return self.resolve(owner) if owner is not None else None

    def document(self, tok: Token) -> Speaker | bool | None:
        """A document with no owner named is the one it cites ("the report, which cites Ukrainian
        intelligence"), else the last quoted body's ("the post stated"), else no one's."""
        if not self.w.has(tok, "documents") or self.named_within(tok) is not None:
            return None
        cited = self.cited_by(tok)
        if cited is not None:
            return self.resolve(cited) or False
        writer = self.writer_of(tok)
        if writer is not None:  # "X released a statement confirming …", "X wrote in an article that …"
            return self.resolve(writer) or False
        if (
            tok.tag_ == "NNS"
            or "Plur" in tok.morph.get("Number", [])
            or (
                tok.lang_ == "en"
                and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children)
            )
        ):
            return False  # "polls show", "a report said": no one in particular
        org = self.memory.last_org(quoted=True)
        return Speaker(org, "org") if org else False

    def writer_of(self, document: Token) -> Token | None:
        """The subject of the verb whose object a document is, or that the document is "in":
        "X released a statement confirming …", "X said in a memo that …", «X заявил в интервью»."""
        verb = document.head
        in_it = document.dep_ == "obl" and any(
            c.dep_ == "case" and c.lower_ in self.w.document_preps for c in document.children
        )  # «заявил в интервью»
        if document.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in self.w.document_preps:
            verb = verb.head if verb.head.pos_ != "ADV" else verb.head.head  # "X shot back in an article"
        elif not in_it and document.dep_ not in ("dobj", "obj"):
            return None
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.pos_ != "PRON"), None)

    def collective(self, tok: Token) -> Speaker | bool | None:
        """People in general speak for a named body they belong to («аналитики ISW»), else
        for no one; a body's staff ("the journalists", «следователи») for the body quoted last."""
        if self.w.has(tok, "generic"):
            body = _body_of(tok)
            return (self.resolve(body) or False) if body is not None else False
        if self.w.has(tok, "staff"):
            body = _body_of(tok)
            if body is not None:
                return self.resolve(body) or False
            org = self.memory.last_org(fits=lambda name: self.w.may_mean(tok, name), quoted=True)
            return Speaker(org, "org") if org else False
        return None

    def role(self, tok: Token) -> Speaker | None:
        """A role noun: the person it names, else the person it describes ("the Ohio governor",
        «глава государства»), else the last person quoted when not someone else, else its body."""
        if not self.w.has(tok, "roles") or tok.ent_type_ in PERSON_LABELS:
            return None
        named = self.named_within(tok) or _person_after(tok)
        plural = tok.tag_ == "NNS" or "Plur" in tok.morph.get("Number", [])
        if named is not None and (named.ent_type_ in PERSON_LABELS or plural):
            return self.resolve(named)
        role, org = self.role_org(tok)
        if plural:  # "Ukrainian officials": an unnamed description, kept as it is written; "officials": no one
            if org:
                return Speaker(org, "org")
            described = any(c.dep_ in ("amod", "compound", "nmod", "poss") for c in tok.children)
            return Speaker(self.name_of(tok), "org") if described else None
        modifiers = " ".join(t.text for t in tok.subtree if t.i != tok.i and not t.is_punct and t.pos_ != "DET")
        name = self.memory.described(modifiers) if modifiers else None
        if name:
            return Speaker(name, "person", role, org)
        placed = any(c.dep_ in ("amod", "compound") and c.ent_type_ in PLACE_LABELS for c in tok.children)
        if placed or named is not None and named.ent_type_ in PLACE_LABELS:
            # "Colorado's delegation chairman", "the California secretary of state", «губернатор Курской
            # области»: someone not named before
            return Speaker(self.name_of(tok), "person", role, org)
        name = None if self.introduced(tok) else self.memory.last_person()
        if name and not self.memory.is_someone_else(name, role, org, self.w.heads):
            return Speaker(name, "person", role, org)
        if named is not None:
            return self.resolve(named)
        return Speaker(org, "org") if org else None

    def cited_by(self, tok: Token) -> Token | None:
        """What a relative clause of `tok` cites: "the report, which cites Z", «доклад, который
        ссылается на Z»."""
        clause = next(
            (c for c in tok.children if c.dep_ in ("relcl", "acl:relcl") and self.w.has(c, "relay_verbs")), None
        )
        return cited_in(clause) if clause is not None else None

    def introduced(self, tok: Token) -> bool:
        """ "a spokesman", «один из чиновников»: someone new, not the person named before."""
        return any(c.dep_ in ("det", "nummod") and self.w.has(c, "indefinites") for c in tok.children)

    def body(self, tok: Token) -> Speaker | None:
        """A body noun: the body it names within ("an analysis by The Washington Post"), itself
        when described ("the Nepalese government", "Kyiv's general staff", «региональное МВД»), else the body it points back
        to ("the ministry" → the last ministry named), else itself ("authorities")."""
        named = self.named_within(tok)
        owned = (  # "Kyiv's general staff", «посольство Непала»: a place's own body
            named is not None
            and named.head == tok
            and (named.dep_ == "poss" or (named.dep_ == "nmod" and named.ent_type_ in PLACE_LABELS))
        )
        if named is not None and tok.pos_ == "NOUN" and not (owned and self.w.has(tok, "bodies")):
            return self.resolve(named)
        if not self.w.has(tok, "bodies"):
            return None
        described = any(c.dep_ in ("amod", "compound", "poss", "nmod") and c.pos_ != "DET" for c in tok.children)
        if described:
            return Speaker(self.name_of(tok), "org")
        if "Plur" not in tok.morph.get("Number", []) and tok.tag_ != "NNS":
            org = self.memory.last_org(tok.lemma_ or tok.text, lambda name: self.w.may_mean(tok, name))
            if org:
                return Speaker(org, "org")
        return Speaker(self.name_of(tok), "org")

    # -- naming -----------------------------------------------------------------------------
    def person(self, name: str, role: str | None, org: str | None) -> Speaker:
        full = self.memory.full_name(name)
        if role or org:
            self.memory.describe(full, " ".join(w for w in (role, org) if w))
        return Speaker(full, "person", role, org)

    def owner_of(self, data: Token) -> Token | None:
        """Whose figures these are: "Gallup poll", "the ministry's data", "his figures", "data
        from / released by Mediazona", «данные Минобороны», «по его информации»."""
        for c in data.children:
            if c.ent_type_ in NOT_NAMES:
                continue  # "Wednesday's poll": a date, not an owner
            if c.dep_ in ("poss", "nmod:poss") and (c.pos_ != "PRON" or self.w.is_possessive(c)):
                return c
            if c.dep_ == "det" and self.w.is_possessive(c):  # «его», «их» as determiners
                return c
            if c.dep_ == "compound" and name_like(c):
                return c
            if c.dep_ == "nmod" and c.i > data.i and is_name(c):
                return c
            preps = (
                [c]
                if c.dep_ == "prep"
                else [g for g in c.children if g.dep_ in ("agent", "obl:agent", "prep")]
                if c.dep_ in ("acl", "amod")
                else []
            )
            for prep in preps:
                obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
                if obj is None or prep.lower_ not in ("from", "by", "of", "for"):  # "research conducted for X"
                    continue
                if name_like(obj) or (c is not prep and obj.pos_ == "NOUN") or self.w.has(obj, "bodies"):
                    return obj  # "data from Mediazona", "a survey by the organization"; "data released by state regulators"
            if c.dep_ in ("relcl", "acl:relcl"):  # "figures her campaign released"
                subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubj:pass") and g.pos_ != "PRON"), None)
                if subj is not None:
                    return subj
        return self.compound_name(data)

    def compound_name(self, data: Token) -> Token | None:
        """A name in the compounds before a data noun, however the tagger labelled it ("the
        RealClearPolitics polling average"), not a place that only describes it."""
        for c in data.children:
            if c.dep_ != "compound" or c.i > data.i:
                continue
            for t in c.subtree:
                if (t.pos_ == "PROPN" or name_like(t)) and t.ent_type_ not in PLACE_LABELS | NOT_NAMES:
                    return t
        return None

    def named_within(self, tok: Token) -> Token | None:
        """The first proper name inside a noun phrase (not inside a clause or quote of it)."""
        for c in tok.children:
            if c.dep_ in ("relcl", "ccomp", "punct", "det", "nummod", "acl:relcl", "acl"):
                continue
            for t in [c] + [
                g
                for g in c.subtree
                if g.dep_ in ("pobj", "compound", "appos", "poss", "agent", "prep", "nmod", "flat", "flat:name")
            ]:
                if (
                    (t.pos_ == "PROPN" or t.ent_type_ in NAMED_LABELS or (t.dep_ == "compound" and name_like(t)))
                    and not t.like_num
                    and t.ent_type_ not in NOT_NAMES
                ):
                    if t.ent_type_ in PLACE_LABELS and c.dep_ in ("amod", "compound"):
                        continue  # "Ukrainian officials", "the Ohio governor": a place describes, not names
                    return t
        return None

    def name_of(self, tok: Token) -> str:
        """The full name around `tok`: its entity span, or its noun phrase (the head in its
        dictionary form, a Russian genitive chain kept: «пресс-служба регионального управления МВД»)."""
        doc = tok.doc
        if tok.ent_type_:
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                if ent.start < ent.end - 1 and self.w.has(doc[ent.start], "relay_verbs"):
                    return clean(doc[ent.start + 1 : ent.end].text)  # "Citing Bastrykin" tagged one name
                start = ent.start
                while (
                    ent.label_ not in PERSON_LABELS  # a person's titles are their role, not their name
                    and start > 0
                    and doc[start - 1].pos_ == "PROPN"
                    and doc[start - 1].head.i in range(ent.start, ent.end)
                ):
                    start -= 1  # "UK" + "Ministry of Defence"
                owner = doc[start - 2] if start >= 2 and doc[start - 1].dep_ == "case" else None
                if (
                    owner is not None
                    and owner.dep_ == "poss"
                    and owner.pos_ == "PROPN"
                    and owner.head.i in range(start, ent.end)
                ):
                    start -= 2  # "Ukraine's" + "defence ministry"
                end = ent.end
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].head.i in range(start, end):
                    end += 1  # «Минобороны» + «Великобритании»
                parts = (doc[start : ent.start].text, entity_name(ent), doc[ent.end : end].text)
                return clean(" ".join(p for p in parts if p))
        left = [
            c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod") and c.pos_ not in ("PRON", "DET")
        ]
        start = min([tok.i] + [c.left_edge.i for c in left])
        end = tok.i + 1
        for c in tok.rights:
            if c.dep_ == "prep" and c.lower_ == "of" or c.dep_ == "nmod" and "Gen" in c.morph.get("Case", []):
                if not any(t.pos_ in ("VERB", "AUX", "PUNCT") for t in c.subtree):
                    end = c.right_edge.i + 1
                    if c.dep_ == "prep":
                        break
        return clean("".join(base_form(t) + t.whitespace_ if t.i == tok.i else t.text_with_ws for t in doc[start:end]))

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
                return " ".join(modifiers + [base_form(c)] + ([title] if title else [])), org
        titles = [c for c in tok.lefts if c.dep_ == "compound" and not c.ent_type_]
        if titles:
            role = doc[titles[0].left_edge.i : titles[-1].i + 1]
            owner = next((c for c in role.root.children if c.dep_ == "poss"), None)
            org = self.name_of(owner) if owner is not None else None
            words = [
                t.text
                for t in role
                if t.dep_ != "poss" and t.dep_ != "case" and (owner is None or t not in owner.subtree)
            ]
            return " ".join(words) or None, org
        name = tok
        while name.dep_ in ("flat", "flat:name", "compound") and name.head.ent_type_ in PERSON_LABELS:
            name = name.head
        if (
            name.dep_ in ("appos", "flat", "flat:name", "nmod")
            and name.head is not name
            and self.w.has(name.head, "roles")
        ):
            return self.role_org(name.head)  # the name stands beside its title: «Министр обороны Андрей Белоусов»
        return None, None


def cited_in(relay: Token) -> Token | None:
    """Whom a relay word cites: the noun it takes ("citing Z", "which cites Z", «со ссылкой на Z»,
    «ссылается на данные Z»)."""
    return next(
        (
            g
            for g in relay.subtree
            if g is not relay
            and g.pos_ in ("PROPN", "NOUN")
            and g.dep_ in {"dobj", "dative", "iobj", "obj", "nmod", "obl", "pobj"}
        ),
        None,
    )


def name_like(tok: Token) -> bool:
    """A name, or a capitalised noun inside a sentence the tagger took for a common noun
    ("a poll by RealClearPolitics")."""
    return is_name(tok) or (
        tok.pos_ == "NOUN" and tok.text[:1].isupper() and not tok.is_sent_start and not tok.ent_type_
    )


def _person_after(role: Token) -> Token | None:
    """A person named right after a role's phrase that the parse left outside it («представитель
    Хочу жить Виталий Матвиенко»): within two words, no verb or punctuation between."""
    doc, end = role.doc, max(t.i for t in role.subtree) + 1
    for i in range(end, min(end + 2, role.sent.end)):
        if doc[i].ent_type_ in PERSON_LABELS:
            return doc[i]
        if doc[i].is_punct or doc[i].pos_ in ("VERB", "AUX"):
            return None
    return None


def gender(tok: Token) -> str | None:
    """Masc or Fem, when the morphology gives it (Russian names and pronouns, English pronouns)."""
    found = [g for g in tok.morph.get("Gender", []) if g in ("Masc", "Fem")]
    return found[0] if len(found) == 1 else None


def is_name(tok: Token) -> bool:
    """A person's or body's name, not a date ("a March poll")."""
    return tok.ent_type_ in PERSON_LABELS | ORG_LABELS or tok.pos_ == "PROPN" and not tok.ent_type_


def clean(name: str) -> str:
    name = name.strip(" ,.;:\"'“”«»")
    for article in ("the ", "The "):
        if name.startswith(article):
            name = name[len(article) :]
    if name.endswith("'s") or name.endswith("’s"):
        name = name[:-2]
    return name.strip()


def _body_of(tok: Token) -> Token | None:
    """A named organisation attached right after a common noun, itself or through a preposition:
    «аналитики ISW», "analysts at Chatham House", «источники в Минобороны»."""
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


def entity_name(ent: Span) -> str:
    """An entity's name, in the nominative where the front-end gives one («Александр Бастрыкин»)."""
    normal = ent.doc.user_data.get("normal", {}).get((ent.start_char, ent.end_char))
    return clean(normal or ent.text)


def base_form(tok: Token) -> str:
    """A head word in its dictionary form where the language inflects it («главы» → «глава»)."""
    case = tok.morph.get("Case", [])
    if not case or not tok.lemma_:
        return tok.text
    if case == ["Nom"] and tok.text.lower() != tok.lemma_:
        return tok.text  # already nominative: «правительства» (plural) stays plural
    if tok.pos_ == "PROPN" and tok.text[:1].isupper():
        return tok.lemma_[:1].upper() + tok.lemma_[1:]  # a name keeps its capital: «Бастрыкина» → «Бастрыкин»
    return tok.lemma_
