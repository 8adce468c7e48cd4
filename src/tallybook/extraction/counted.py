"""What a figure counts, and what happened to it, read from the dependency parse."""

from __future__ import annotations

from spacy.tokens import Token

SKIP_DEPS = {"det", "punct", "quantmod", "nummod", "advmod", "cc", "case", "nummod:gov", "nummod:entity"}
MAX_WORDS = 14
CLAUSE_DEPS = {"relcl", "acl:relcl", "acl"}


def anchor_of(tokens: list[Token]) -> Token:
    """The token that carries the number in the parse: the last numeric token, else the last,
    raised to its head while that head is inside the expression («10 тысяч» → «тысяч»)."""
    nums = [t for t in tokens if t.like_num or t.pos_ == "NUM"]
    anchor = (nums or tokens)[-1]
    inside = {t.i for t in tokens}
    for _ in tokens:
        if anchor.head.i == anchor.i or anchor.head.i not in inside:
            break
        anchor = anchor.head
    return anchor


def counted_noun(anchor: Token, span: set[int]) -> Token | None:
    """The noun the figure counts: its head noun, "15 of X" → X, or a copular subject."""
    head = anchor.head
    while head.i in span and head.head.i != head.i:
        head = head.head
    if head.i in span:
        return None
    if anchor.dep_ in ("nummod", "quantmod", "amod", "compound", "nummod:gov", "nummod:entity") or (
        anchor.dep_ == "nmod" and head.pos_ in ("NOUN", "PROPN")
    ):
        if head.pos_ in ("NOUN", "PROPN"):
            return head
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        obj = next((g for g in of.children if g.dep_ == "pobj"), None)
        if obj is not None:
            return obj
    for c in anchor.children:  # Russian: the number governs its noun ("80 мигрантов")
        if c.dep_ in ("nmod", "obl", "nsubj") and c.pos_ in ("NOUN", "PROPN") and c.i > anchor.i:
            return c
    if anchor.dep_.startswith("nsubj") and head.lemma_ in ("be", "быть"):
        attr = next((c for c in head.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
        if attr is not None:
            return attr  # "13,781 were volunteers": what the figure is
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i not in span:
        return head.head  # "a monthly payment of $3,000", "an increase of nearly 300": what the figure is
    if anchor.dep_ in ("attr", "dobj", "pobj") and head.pos_ in ("AUX", "VERB"):
        subj = next((c for c in head.children if c.dep_.startswith("nsubj")), None)
        if subj is not None and subj.i not in span:
            return subj
    return None


def counted_of(
    tokens: list[Token],
    antecedent: str | None = None,
    reporting: frozenset[str] = frozenset(),
    figures: frozenset[int] = frozenset(),
) -> str | None:
    """The counted noun phrase with its modifiers and the verb that says what happened. With an
    `antecedent` ("10,000 of them were sent"), that phrase stands for the noun, and what
    happened is read from the figure itself. Verbs whose lemma is in `reporting` ("announce",
    «сообщать») say who gives the figure, not what happened to what it counts. `figures` are the
    token indices of the sentence's other claims, whose phrases are left out."""
    span = {t.i for t in tokens}
    anchor = anchor_of(tokens)
    if antecedent is not None:
        words = happened_to(anchor, reporting, figures)
        return " ".join([antecedent] + [t.text for t in words])
    noun = counted_noun(anchor, span)
    if noun is None:  # "two were wounded", "almost 100 are missing": the figure is the subject
        words = happened_to(anchor, reporting, figures)
        return " ".join(t.text for t in words if t.i not in span) or None
    # «617 тысяч человек находятся»: the number governs its noun, so the number's clause is the noun's
    doer = anchor if noun.head.i == anchor.i and noun.i > anchor.i else noun
    words = noun_phrase(noun, span) + happened_to(doer, reporting, figures)
    words = sorted(set(words), key=lambda t: t.i)[: MAX_WORDS + 4]
    text = " ".join(t.text for t in words).strip()
    return text or None


def counted_phrase(tokens: list[Token]) -> str | None:
    """The counted noun phrase alone, without what happened to it: the antecedent of a later
    "of them"."""
    span = {t.i for t in tokens}
    noun = counted_noun(anchor_of(tokens), span)
    return " ".join(t.text for t in noun_phrase(noun, span)) or None if noun is not None else None


def noun_phrase(noun: Token, span: set[int]) -> list[Token]:
    """The noun with its modifiers, leaving out a clause that carries a figure of its own
    ("68 foreigners, 58 of whom left" → "foreigners")."""
    own_figure = {
        t.i for c in noun.children if c.dep_ in CLAUSE_DEPS and any(g.like_num for g in c.subtree) for t in c.subtree
    }
    words = [
        t
        for t in noun.subtree
        if t.i not in span
        and t.i not in own_figure
        and t.dep_ not in SKIP_DEPS
        and not t.is_punct
        and not (t.dep_ == "prep" and all(g.i in span for g in t.children))  # "payment of [$3,000]"
    ]
    return [t for t in words if abs(t.i - noun.i) <= MAX_WORDS]


COMPLEMENT_DEPS = {"prep", "prt", "obl", "dative", "acomp", "oprd", "npadvmod", "obl:tmod", "dobj", "obj"}
HAPPENED_WORDS = 12  # complements kept in all: where, when, how, not the whole sentence
QUANTITY_OF = {"nsubj", "nsubjpass", "nsubj:pass", "obj", "dobj"}


def happened_to(
    noun: Token, reporting: frozenset[str] = frozenset(), figures: frozenset[int] = frozenset()
) -> list[Token]:
    """The verb of which `noun` is subject or object, with its object and complements: what, where, when, how
    ("sent to the front", «встали на воинский учёт в ЦВО после рейдов»), on either side of the
    verb, leaving out any that hold another claim's figure (a year or a date stays: "in January 2024"). "an average of 913 soldiers die":
    the soldiers are what the subject ("average") counts."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in QUANTITY_OF:
        noun = noun.head.head
    verb = noun.head
    if noun.dep_ not in QUANTITY_OF or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in reporting:
        return []
    words = [verb] + _doer(noun, verb, figures)
    for c in verb.children:
        if c.dep_ not in COMPLEMENT_DEPS or c.i == noun.i or abs(c.i - verb.i) > MAX_WORDS:
            continue
        phrase = [t for t in c.subtree if not t.is_punct]  # articles kept: "sent to the front"
        if any(t.i in figures for t in phrase):
            continue
        if sum(t.dep_ != "det" for t in words + phrase) > HAPPENED_WORDS + 1:
            break
        words.extend(phrase)
    return sorted(words, key=lambda t: t.i)


OBJECT_OF = {"obj", "dobj", "attr"}
SUBJECT_OF = {"nsubj", "nsubj:pass", "nsubjpass"}
DOER_WORDS = 8


def _doer(noun: Token, verb: Token, figures: frozenset[int]) -> list[Token]:
    """Who did it, when the counted noun is the verb's object: "Russia will call up 300,000
    reservists", "the army comprises 617,000 people" (a pronoun or a clause holding another
    figure is left out)."""
    if noun.dep_ not in OBJECT_OF:
        return []
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_OF), None)
    if subj is None or subj.pos_ == "PRON":
        return []
    phrase = [t for t in subj.subtree if not t.is_punct and t.dep_ not in ("det", "cc")]
    if any(t.i in figures or t.like_num for t in phrase):
        return []
    return phrase[:DOER_WORDS]
