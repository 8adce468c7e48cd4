"""The constructions that put a figure on a source, one named rule each.

A rule takes the attributor (the document, its vocabulary, what it named so far) and the
figure's main token, and yields candidate sources, best first: the token naming the source,
the words that cue it, and the relay it came through ("X told Reuters", «сообщает Y со ссылкой
на Z»). The attributor tries the rules in `ORDER` and keeps the first candidate that resolves to
someone. Adding a construction is one function here, its name in `ORDER`, and its tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from spacy.tokens import Token

from .naming import NAMED_LABELS, PERSON_LABELS

if TYPE_CHECKING:
    from .attributor import Attributor


class Candidate(NamedTuple):
    source: Token
    cue: str
    via: Token | None = None
    final: bool = False  # an explicit source naming no one ("friends and foes say"): look no further
    carries: bool = False  # an account the next sentence may go on with, whatever rule found it


SOURCE_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "ROOT", "appos", "parataxis", "conj"}

Rule = Callable[["Attributor", Token], Iterable[Candidate]]
RULES: dict[str, Rule] = {}

# Outer frames first: a figure inside a quotation is the quotation's speaker's, whatever the
# quotation itself cites; then the cues of its own sentence; then the sentences around it.
ORDER = (
    "quotation",
    "according_to",
    "relative_clause",
    "reporting_verb",
    "data_owner",
    "in_document",
    "impersonal_body",
    "final_clause",
    "misread_verb",
    "pointer_after",
    "colon_intro",
    "attitude_verb",
    "continuation",
)

# Rules whose source a following sentence with none of its own continues: an account framed as a
# source's ("according to X", X's data, a document's findings), not one person's closed statement
# ("…, the ministry said."); a candidate of another rule may carry too (`Candidate.carries`: a poll or
# report as the subject of a reporting verb, see Attributor.is_record).
CARRIED = {"according_to", "data_owner", "in_document", "continuation"}


def rule(name: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        RULES[name] = fn
        return fn

    return register


@rule("quotation")
def quotation(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """'"… 500 …," said X' / «"…", — заявил X» / 'X said: "…"', and the quotations it continues."""
    for quote in a.quote_chain:
        yield from a.quote_sources(quote, anchor)


@rule("according_to")
def according_to(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """ "according to X", «по словам / по данным X», "by the AP's tally"; one in an aside only for
    the aside's figures ("81 percent (the actual number is 15, according to X)")."""
    doc = a.doc
    for t in anchor.sent:
        found = None
        prep = a.according_prep(t)
        if prep is not None:
            source = next(
                (
                    c
                    for c in t.children
                    if c.dep_ in ("nmod", "appos", "det", "nmod:poss")
                    and (c.pos_ in ("PROPN", "NOUN") or a.w.is_possessive(c))
                ),
                None,
            )
            found = Candidate(source, f"{prep.text} {t.text}") if source is not None else None
        elif t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            obj = next((c for c in doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if obj is None:
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            found = Candidate(obj, "according to") if obj is not None else None
        elif t.lower_ == "by" and t.dep_ == "prep":  # "by the AP's tally", "by Kyiv's count"
            data = next((c for c in t.children if c.dep_ == "pobj" and a.w.is_data(c)), None)
            owner = a.namer.owner_of(data) if data is not None else None
            found = Candidate(owner, f"by {data.text}") if owner is not None and data is not None else None
        if found is not None and a.in_own_aside(t, anchor):
            yield found


@rule("reporting_verb")
def reporting_verb(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """X said / told / estimated / proposed … (the outermost verb that governs the figure first),
    "…, said the spokesman", "as X said", «…, сообщает X»; not a verb of a contrasted clause
    ("…, while X said there were more")."""
    aside = a.closed_aside(anchor)  # "(Obama has proposed 10,000)": the aside's own verb, not the outer one
    governing = [t for t in a.governing(anchor) if a.reaches(t, aside)]
    beside = [
        t
        for t in a.cues(anchor.sent)
        if a.reaches(t, aside)
        and t not in governing
        and not a.contrasted(t)
        and not any(c.dep_ == "poss" for c in t.children)  # "his worst showing in the survey" is a noun
        and not a.within_said(t, governing)  # "20 percent said they believe …": what was said
        and not (t.dep_ == "acl" and anchor not in t.head.subtree)  # "measures added by X", "a poll giving X 30%"
    ]
    for verb in governing + beside:
        subj = a.subject_of(verb, anchor)
        if subj is not None:
            found = a.candidate(verb, subj)
            yield found._replace(final=verb in governing and a.unnamed_people(subj, verb), carries=a.is_record(subj))


@rule("relative_clause")
def relative_clause(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """ "the 22.3 billion gallons Congress had sought", "the 300 deaths the ministry reported": a
    relative clause on the figure's own noun, its verb reporting or wanting, its subject named."""
    noun = a.figure_noun(anchor)
    for clause in noun.children:
        if clause.dep_ not in ("relcl", "acl:relcl") or not (a.w.is_cue(clause) or a.w.is_attitude(clause)):
            continue
        if a.remark(clause):
            continue
        subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
        if subj is not None and subj.tag_ not in ("WDT", "WP") and "Rel" not in subj.morph.get("PronType", []):
            yield Candidate(subj, clause.text)


@rule("attitude_verb")
def attitude_verb(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """X proposed / promised / called for / plans … a figure in the verb's complement."""
    aside = a.closed_aside(anchor)
    for verb in [t for t in anchor.ancestors if a.w.is_attitude(t) and a.reaches(t, aside)][::-1]:
        subj = a.subject_of(verb, anchor)
        if subj is not None:
            yield Candidate(subj, verb.text)


@rule("data_owner")
def data_owner(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """ "X's figures", "data from X", «данные Минобороны»."""
    for t in anchor.sent:
        speaking = t.dep_ in SOURCE_DEPS or (t.head != t and a.w.is_cue(t.head))
        if not speaking and anchor not in t.subtree:
            continue  # "searches of Clinton data": data spoken of, not speaking; "X's claim that 500 …" speaks
        owner = a.namer.owner_of(t) if a.w.is_data(t) else None
        if owner is not None:
            yield Candidate(owner, f"{owner.text} {t.text}" if owner.i < t.i else f"{t.text} {owner.text}")


@rule("in_document")
def in_document(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """ "in a CNN/ORC poll", "in the ministry's report", "in the RealClearPolitics average",
    «в докладе ISW»: the document's (or the figures') owner."""
    for t in anchor.sent:
        if not (a.w.has(t, "documents") or a.w.is_data(t)):
            continue
        preps = [c.lower_ for c in t.children if c.dep_ == "case"] + ([t.head.lower_] if t.head.dep_ == "prep" else [])
        if not set(preps) & a.w.document_preps:
            continue
        owner = a.namer.owner_of(t) or a.namer.named_within(t)
        if owner is not None:
            yield Candidate(owner, f"{preps[0]} {t.text}")


@rule("impersonal_body")
def impersonal_body(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """«В МВД сообщили», «рассказали в пресс-службе управления»: a body as the place of speech."""
    verbs = [t for t in anchor.ancestors if a.w.is_cue(t)] + a.cues(anchor.sent)
    for verb in verbs:
        if any(c.dep_ in ("nsubj", "nsubj:pass") for c in verb.children):
            continue
        body = a.body_as_place(verb)
        if body is not None:
            yield Candidate(body, f"{verb.text} {body.text}")


@rule("final_clause")
def final_clause(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """ "…, the UK Ministry of Defence intelligence update reports." parsed as a noun."""
    found = a.final_clause(anchor.sent)
    if found is not None:
        yield found


@rule("misread_verb")
def misread_verb(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """ "Trump claims he is worth $10 billion", "The Sanders campaign projects that …": a reporting
    or attitude verb before the figure that the tagger read as a plural noun; the word before it speaks."""
    doc = a.doc
    for t in doc[anchor.sent.start : anchor.i]:
        if not a.w.misread_verb(t) or t.i == anchor.sent.start or t.i + 1 >= len(doc):
            continue
        after = doc[t.i + 1]
        if after.pos_ in ("ADP", "PUNCT", "CCONJ") and after.lower_ not in a.w.complementisers:
            continue  # "claims of fraud", "reports, …": a noun after all
        before = doc[t.i - 1]
        if t.head == before:  # "Trump claims" read as one noun phrase, "Trump" its head
            yield Candidate(before, t.text)
        elif before.head == t and before.dep_ == "compound":  # "The Sanders campaign projects"
            words = [c for c in t.lefts if c.dep_ == "compound"]
            yield Candidate(named_token(words) or before, t.text)


@rule("pointer_after")
def pointer_after(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """A sentence after the figure's that points back to it: "This was stated by X", "X said this
    on Monday", «Об этом заявил X», «Об этом сообщили в пресс-службе X»."""
    yield from a.pointer_sources(anchor.sent)


@rule("colon_intro")
def colon_intro(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """A line introducing what follows: "X: …" as a headline or lead, "What X said:" over a list,
    "X wrote:" over a quotation running several paragraphs."""
    yield from a.intro_sources(anchor.idx)


@rule("continuation")
def continuation(a: Attributor, anchor: Token) -> Iterator[Candidate]:
    """A sentence right after an attributed one, in the same paragraph and with no cue of its own,
    goes on reporting the same source ("According to the poll, X has 27 percent. Y trails at 13.")."""
    found = a.continued(anchor.sent)
    if found is not None:
        yield found


def named_token(tokens: Iterable[Token]) -> Token | None:
    """The last person named among `tokens`, else the last body."""
    tokens = list(tokens)
    person = [t for t in tokens if t.ent_type_ in PERSON_LABELS]
    named = person or [t for t in tokens if t.ent_type_ in NAMED_LABELS]
    return named[-1] if named else None
