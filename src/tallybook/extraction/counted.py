"""What a figure counts, and what happened to it, read from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..lexicons import Lexicon, LexiconError


@dataclass(frozen=True)
class Cues:
    """The words of the lexicon's [counted] section that the phrase is read with."""

    speech: frozenset[str] = frozenset()  # lemmas of verbs of speech: who gives the figure, not what happened
    sourcing: frozenset[str] = frozenset()  # "according to X", «по данным X»: who says so, not what happened
    pronouns: frozenset[str] = frozenset()  # "of them", «из них»: the set named before
    reasons: frozenset[str] = frozenset()  # "thanks to X", «благодаря X»: why, not what happened
    antecedent_first: bool = True  # "migrants of them sent"; else as written, «из них отправили»
    units: frozenset[str] = frozenset()  # «рублей», "km": a figure of them measures the noun they complete
    measure_preps: frozenset[str] = frozenset()  # «штраф в 40 тысяч рублей», «контракт на сумму»
    months: frozenset[str] = frozenset()  # "2 March", «11 октября»: a day's date is when, not what happened

    @classmethod
    def of(cls, lex: Lexicon) -> Cues:
        reads = lex.text("counted", "partitive_reads")
        if reads not in PARTITIVE_READINGS:
            raise LexiconError(
                f"lexicon {lex.path.name}: counted.partitive_reads: {reads!r} is none of {PARTITIVE_READINGS}"
            )
        speech, sourcing, pronouns, reasons = (
            lex.words("counted", k) for k in ("speech", "sourcing", "pronouns", "reasons")
        )
        units = frozenset(" ".join(u.phrase) for u in lex.units() if u.kind in MEASURED_KINDS)
        preps = lex.words("counted", "measure_preps")
        months = lex.words("dates", "months")
        return cls(speech, sourcing, pronouns, reasons, reads == "antecedent", units, preps, months)


PARTITIVE_READINGS = ("antecedent", "pronoun")
MEASURED_KINDS = ("money", "distance", "area", "mass", "volume", "time")  # a sum, size or length of something


SKIP_DEPS = {"det", "punct", "quantmod", "nummod", "advmod", "cc", "case", "nummod:gov", "nummod:entity"}
MAX_WORDS = 14
CLAUSE_DEPS = {"relcl", "acl:relcl", "acl"}


def is_side_clause(token: Token) -> bool:
    """A clause set beside the noun's phrase, «17 человек, сообщает X»: who says so, not what the
    noun is (a noun after a dash is: «163 человека — мобилизованные»)."""
    return token.dep_ == "parataxis" and token.pos_ in ("VERB", "AUX")


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


NOUNS = ("NOUN", "PROPN")
# relations that only a noun phrase stands in: an adjective or participle in one is used as a
# noun («617 тысяч российских военных», «число погибших», "the wounded")
NOMINAL_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "obj", "dobj", "iobj", "obl", "nmod", "pobj"}


def is_nominal(token: Token) -> bool:
    """A noun, or an adjective or participle standing where a noun stands («военных» in «617 тысяч
    военных», whichever part of speech the tagger gave it)."""
    return token.pos_ in NOUNS or token.pos_ in ("ADJ", "VERB") and token.dep_ in NOMINAL_DEPS


MODIFIER_DEPS = {"nummod", "quantmod", "amod", "compound", "nummod:gov", "nummod:entity"}


def _modified_noun(anchor: Token, head: Token) -> Token | None:
    """ "300 reservists", «80 мигрантов»: the noun the number modifies."""
    is_modifier = anchor.dep_ in MODIFIER_DEPS or anchor.dep_ == "nmod"
    return head if is_modifier and is_nominal(head) else None


def _apposed_noun(anchor: Token, head: Token, span: set[int]) -> Token | None:
    """ "13,781 were volunteers - about 20% -": a figure set beside a noun measures that noun."""
    return head if anchor.dep_ == "appos" and head.pos_ == "NOUN" else None  # not a name: "Healey, an average of"


def _figure_words(anchor: Token, span: set[int]) -> list[Token]:
    """The figure's own words, its anchor first: any of them may carry "of" or the governed noun."""
    return [anchor, *(anchor.doc[i] for i in sorted(span))]


def _partitive(anchor: Token, head: Token, span: set[int]) -> Token | None:
    """ "15 of the regions", "one per cent of the reserve": what the figure is a part of (the "of"
    may hang on any word of the figure)."""
    words = _figure_words(anchor, span)
    of = next((c for t in words for c in t.children if c.dep_ == "prep" and c.lower_ == "of" and c.i not in span), None)
    obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return obj if obj is not None and obj.i not in span else None


def _governed_noun(anchor: Token, head: Token, span: set[int]) -> Token | None:
    """«80 мигрантов» where the parser makes the number the head: the noun it governs, from
    whichever word of the figure («от 45 до 65% всех смертей»: the «%» governs «смертей»)."""
    words = _figure_words(anchor, span)
    return next(
        (
            c
            for t in words
            for c in t.children
            if c.dep_ in ("nmod", "obl", "nsubj") and is_nominal(c) and c.i > anchor.i and c.i not in span
        ),
        None,
    )


def _copular_attribute(anchor: Token, head: Token, span: set[int]) -> Token | None:
    """ "13,781 were volunteers": what the figure is."""
    if not (anchor.dep_.startswith("nsubj") and head.lemma_ in ("be", "быть")):
        return None
    return next((c for c in head.children if c.dep_ == "attr" and c.pos_ in NOUNS), None)


def _of_noun(anchor: Token, head: Token, span: set[int]) -> Token | None:
    """ "a monthly payment of $3,000", "an increase of nearly 300": what the figure is."""
    if anchor.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" and head.head.i not in span:
        return head.head
    return None


def _participle_noun(anchor: Token, head: Token, span: set[int]) -> Token | None:
    """ "the first payment standing at €4,800", "salaries starting at €1,825", «выплаты, достигающие
    200 тысяч рублей»: the figure completes a participle, which says what the noun it modifies is."""
    verb = head.head if anchor.dep_ == "pobj" and head.pos_ == "ADP" else head
    is_participle = verb.dep_ == "acl" and "Part" in verb.morph.get("VerbForm", [])  # not a headline's verb
    if anchor.dep_ not in ("dobj", "obj", "attr", "pobj", "obl") or not is_participle:
        return None
    return verb.head if verb.head.pos_ in NOUNS and verb.head.i not in span else None


def _verb_subject(anchor: Token, head: Token, span: set[int]) -> Token | None:
    """ "the army comprises 617,000": the figure is what the verb's subject has or is."""
    if anchor.dep_ not in ("attr", "dobj", "pobj") or head.pos_ not in ("AUX", "VERB"):
        return None
    subj = next((c for c in head.children if c.dep_.startswith("nsubj")), None)
    return subj if subj is not None and subj.i not in span else None


DASHES = {"—", "–", "-"}


def dash_subject(token: Token) -> Token | None:
    """«Доля добровольцев — 27%», «Потери армии — 500 человек»: a figure after a dash, where a
    verb would stand, says what the noun before the dash is (not a place: «В Татарстане — 5605»)."""
    head = token.head
    if token.dep_ != "parataxis" or head.pos_ not in NOUNS or head.i > token.i:
        return None
    if any(c.dep_ == "case" for c in head.children):
        return None
    return head if any(c.dep_ == "punct" and c.text in DASHES and c.i < token.i for c in token.children) else None


# How the parse says what a figure counts, tried in this order; the first that finds a noun wins.
NOUN_RULES = (
    ("modified noun", lambda anchor, head, span: _modified_noun(anchor, head)),
    ("partitive", _partitive),
    ("apposed noun", _apposed_noun),
    ("governed noun", _governed_noun),
    ("copular attribute", _copular_attribute),
    ("of noun", _of_noun),
    ("participle noun", _participle_noun),
    ("verb subject", _verb_subject),
    ("dash subject", lambda anchor, head, span: dash_subject(anchor)),
)


def counted_noun(anchor: Token, span: set[int]) -> Token | None:
    """The noun the figure counts, by the first rule of NOUN_RULES that finds one; the head the
    rules see is the first one outside the figure's own words."""
    head = anchor.head
    while head.i in span and head.head.i != head.i:
        head = head.head
    if head.i in span:
        return None
    return next((noun for _, rule in NOUN_RULES if (noun := rule(anchor, head, span)) is not None), None)


def counted_of(
    tokens: list[Token],
    antecedent: str | None = None,
    cues: Cues = Cues(),
    figures: frozenset[int] = frozenset(),
) -> str | None:
    """The counted noun phrase with its modifiers and the verb that says what happened. With an
    `antecedent` ("10,000 of them were sent"), that phrase stands for the noun, and what
    happened is read from the figure itself. `cues` name the words that say who gives the
    figure ("announced", "according to"), not what happened to what it counts. `figures` are the
    token indices of the sentence's other claims, whose phrases are left out."""
    span = {t.i for t in tokens}
    anchor = anchor_of(tokens)
    if antecedent is not None:  # "[migrants] of them sent to the front": the set it is part of, kept
        words = sorted(set(partitive_of(anchor, cues.pronouns) + happened_to(anchor, cues, figures)), key=lambda t: t.i)
        lead = [antecedent] if cues.antecedent_first else []
        return " ".join(lead + [t.text for t in words if t.i not in span]) or None
    noun = counted_noun(anchor, span)
    if noun is None and (twin := parallel_noun(anchor, figures)) is not None:
        modifiers = [c for c in twin.children if c.dep_ in ("amod", "compound") and c.i not in figures]
        words = [twin, *modifiers] + happened_to(anchor, cues, figures)
        return " ".join(t.text for t in sorted(set(words), key=lambda t: t.i) if t.i not in span)
    if noun is None:  # "two were wounded", "almost 100 are missing": the figure is the subject
        words = own_clause(anchor, span, figures) or happened_to(anchor, cues, figures)
        return " ".join(t.text for t in words if t.i not in span) or None
    # «617 тысяч человек находятся»: the number governs its noun, so the number's clause is the noun's
    doer = anchor if noun.head.i == anchor.i and noun.i > anchor.i else noun
    if doer.head.i in span:  # «более 30 рабочих были депортированы»: the parser hangs the noun on the hedge
        doer = next((t for t in tokens if t.head.i not in span), doer)
    holder = holder_of(doer, span | figures, cues)
    own = [c for c in anchor.children if c.dep_ == "amod" and c.pos_ == "ADJ" and c.i not in span]  # "5,937 dead"
    words = own + noun_phrase(noun, span, figures) + [t for t in happened_to(holder, cues, figures) if t.i not in span]
    if holder.i != doer.i:
        inner = {t.i for t in doer.subtree}
        words += [t for t in noun_phrase(holder, span, figures) if t.i not in inner]
    words = sorted(set(words), key=lambda t: t.i)[: MAX_WORDS + 4]
    text = " ".join(t.text for t in words).strip()
    return text or None


def own_clause(anchor: Token, span: set[int], figures: frozenset[int]) -> list[Token]:
    """The clause that a figure naming no noun carries itself: "around 10,000 sent to the war
    zone", «10 тыс. направленных в зону СВО» (a clause holding another figure is that one's)."""
    clauses = [c for c in anchor.children if c.dep_ in CLAUSE_DEPS and c.i not in span]
    words = [t for c in clauses for t in c.subtree if not t.is_punct]
    return [] if any(t.i in figures for t in words) else sorted(words, key=lambda t: t.i)


def partitive_of(anchor: Token, pronouns: frozenset[str]) -> list[Token]:
    """ "of them", «из них»: the words after the figure that make it part of a set named before
    (not a relative "of whom", «из которых», which reads as nothing without its clause)."""
    return [
        t
        for c in anchor.children
        if c.dep_ in ("prep", "nmod", "obl") and c.i > anchor.i and any(g.lower_ in pronouns for g in c.subtree)
        for t in c.subtree
        if not t.is_punct
    ]


def parallel_noun(anchor: Token, figures: frozenset[int]) -> Token | None:
    """The noun of the figure in a parallel clause, for a figure that names none: "killing three
    people and wounding another two", «26 человек погибли, а семь числятся пропавшими» (the
    twin stands to its verb as this figure to its own, and carries another claim's figure)."""
    verb = anchor.head
    if anchor.dep_ not in QUANTITY_OF or verb.pos_ != "VERB":
        return None
    twins = [c for c in verb.children if c.dep_ == "conj"] + ([verb.head] if verb.dep_ == "conj" else [])
    for twin in twins:
        for c in twin.children:
            if c.dep_ == anchor.dep_ and c.pos_ in NOUNS and any(g.i in figures for g in c.children):
                return c
    return None


def holder_of(noun: Token, taken: set[int], cues: Cues = Cues()) -> Token:
    """The noun that the counted noun completes, walked up while there is one: "the names and
    ranks of 557 soldiers" → names, «о гибели 1351 человека» → гибели, «возвращением тел 10
    погибших» → возвращением; a sum or size completes what it measures through a preposition
    too: «выплату в 195 тысяч рублей» → выплату, «штраф в размере 40 тысяч рублей» → штраф, or
    as its modifier: "a 30-day ceasefire" → ceasefire; a figure after a dash completes the noun
    before it: «Потери армии — 500 человек» → Потери.
    What happened is said of it, and it belongs to the phrase."""
    measured = noun.lower_ in cues.units
    while True:
        head = noun.head
        cases = [c.lower_ for c in noun.children if c.dep_ == "case"]
        if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
            head = head.head  # "the names of [557 soldiers]"
        elif measured and noun.dep_ in ("compound", "amod") and head.pos_ == "NOUN":
            pass  # "a 30-day ceasefire", "a 2,000-km front line": the unit says what the noun measures
        elif dash_subject(noun) is not None:
            pass  # «Потери армии — 500 человек»: the noun before the dash
        elif not (
            noun.dep_ == "nmod" and head.pos_ == "NOUN" and (not cases or measured and cases[0] in cues.measure_preps)
        ):
            return noun  # only a bare genitive completes a noun in Russian («списки граждан», not «граждан из списка»)
        if head.i in taken or head.i == noun.i:
            return noun
        noun = head


def counted_phrase(tokens: list[Token], figures: frozenset[int] = frozenset()) -> str | None:
    """The counted noun phrase alone, without what happened to it: the antecedent of a later
    "of them"."""
    span = {t.i for t in tokens}
    noun = counted_noun(anchor_of(tokens), span)
    return " ".join(t.text for t in noun_phrase(noun, span, figures)) or None if noun is not None else None


def noun_phrase(noun: Token, span: set[int], figures: frozenset[int] = frozenset()) -> list[Token]:
    """The noun with its modifiers, leaving out a clause or conjunct that carries a figure of its
    own ("68 foreigners, 58 of whom left" → "foreigners"; «747 танков и 2,3 тыс. бронемашин» →
    «танков»). The noun itself stays whatever the parser called it, and so does a negation."""
    own_figure = {
        t.i
        for c in noun.children
        if c.dep_ in CLAUSE_DEPS and any(g.i in figures or g.i in span for g in c.subtree)
        for t in c.subtree
    } | _branches_with(noun, figures, keep=span)
    aside = {t.i for c in noun.subtree if is_side_clause(c) and c.i != noun.i for t in c.subtree}
    words = [
        t
        for t in noun.subtree
        if t.i not in span
        and t.i not in own_figure
        and t.i not in aside
        and (
            t.i == noun.i
            or is_negation(t)  # «россиян, которые не встали на учёт»
            or t.dep_ not in SKIP_DEPS
            and not t.is_punct
            and not (t.dep_ == "prep" and all(g.i in span for g in t.children))  # "payment of [$3,000]"
        )
    ]
    return [t for t in words if abs(t.i - noun.i) <= MAX_WORDS]


def _branches_with(root: Token, figures: frozenset[int], keep: set[int]) -> set[int]:
    """The tokens of each branch under `root` that holds another claim's figure and none of `keep`
    (the figure's own tokens): what that other figure counts, not this one."""
    on_path = {root.i} | {a.i for k in keep for a in root.doc[k].ancestors} | keep
    out: set[int] = set()
    for f in figures:
        branch = root.doc[f]
        if branch.i in on_path or root.i not in {a.i for a in branch.ancestors}:
            continue
        while branch.head.i not in on_path:
            branch = branch.head
        out.update(t.i for t in branch.subtree)
    return out


# what a verb takes that says what happened: its object, where, when, how, to what end
COMPLEMENT_DEPS = {
    "prep", "prt", "obl", "dative", "acomp", "oprd", "npadvmod", "obl:tmod", "dobj", "obj", "iobj", "xcomp", "agent",
}  # fmt: skip
HAPPENED_WORDS = 12  # complements kept in all: where, when, how, not the whole sentence
AUX_DEPS = {"aux", "auxpass", "aux:pass"}
# how the counted noun stands to the verb that says what happened to it: its subject, object,
# indirect object ("gave 150 migrants summonses", «вручили повестки 150 мигрантам»), the object of
# its preposition ("admitted to 500 deaths", «изучают кладбища в 60 городах»), a relation the
# parser left unnamed (dep), or a number the parser hangs on the verb as its modifier («500 из них
# [nummod] отправили на фронт»)
QUANTITY_OF = {
    "nsubj", "nsubjpass", "nsubj:pass", "obj", "dobj", "iobj", "dative", "prep", "obl", "acomp", "nummod", "dep",
}  # fmt: skip


def happened_to(noun: Token, cues: Cues = Cues(), figures: frozenset[int] = frozenset()) -> list[Token]:
    """The verb of which `noun` is subject or object, with its object and complements: what, where, when, how
    ("sent to the front", «встали на воинский учёт в ЦВО после рейдов»), on either side of the
    verb, leaving out any that hold another claim's figure (a year or a date stays: "in January 2024");
    its negation ("had not published", «не встали»), and the verbs joined to it that share its
    subject ("were deported or charged with offences", «убиты или ранены»). "an average of 913
    soldiers die": the soldiers are what the subject ("average") counts; "15 of the 85 regions had
    not published": what happened is the 15's, not the 85's. A figure in a verb's prepositional
    phrase ("fatalities have not dipped below 100") takes the verb as for an object, and a noun
    joined to another ("lost 90 tanks and 40 planes", «уничтожили 747 танков и 2,3 тыс.
    бронемашин») stands to the verb as the first of them does."""
    while noun.dep_ == "conj" and (noun.head.pos_ == "NUM" or is_nominal(noun.head)):
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ in QUANTITY_OF:
        if noun.head.head.i in figures:
            return []
        noun = noun.head.head
    if noun.dep_ == "npadvmod" and noun.head.dep_ == "acomp":
        noun = noun.head  # "the line is 2,000 km long": the adjective stands to the verb
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        noun = noun.head  # "admitted to 500 deaths": the preposition stands to the verb
    verb = noun.head
    if verb.dep_ in AUX_DEPS:  # "90 [are] missing", as a parser may hang the subject on the auxiliary
        verb = verb.head
    if noun.dep_ not in QUANTITY_OF or not is_predicate(verb) or verb.lemma_.lower() in cues.speech:
        return []
    words = [verb]
    for v in [verb] + _shared_conjuncts(verb, figures):
        if v.i != verb.i:
            words.append(v)
        words.extend(c for c in v.children if is_negation(c))
        for c in v.children:
            if c.dep_ not in COMPLEMENT_DEPS or c.i == noun.i or abs(c.i - verb.i) > MAX_WORDS:
                continue
            phrase = [t for t in c.subtree if not t.is_punct]  # articles kept: "sent to the front"
            if any(t.i in figures for t in phrase) or _is_aside(phrase, cues):
                continue
            if sum(t.dep_ != "det" for t in words + phrase) > HAPPENED_WORDS + 1:
                break
            words.extend(phrase)
    return sorted(set(words + _doer(noun, verb, figures)), key=lambda t: t.i)  # who did it: outside the budget


def is_predicate(token: Token) -> bool:
    """A verb, or a Russian short adjective, which is a predicate of its own («известно о 163
    погибших», «готовы к отправке 40 человек»)."""
    return token.pos_ in ("VERB", "AUX") or token.pos_ == "ADJ" and "Short" in token.morph.get("Variant", [])


def _is_aside(phrase: list[Token], cues: Cues) -> bool:
    """A verb's complement that is not what happened: the figure's source ("according to local
    authorities", «по данным Минобороны»: the speaker's field); why it happened ("thanks to the
    talks", «благодаря усилиям МИД»); a day's date ("on 2 March", «11 октября»: the claim's time,
    where a period, "in January 2024", «за прошлый год», bounds the count and stays); a pronoun
    alone («этим воспользовались»), which says nothing."""
    words = [t.lower_ for t in phrase]
    if any(" ".join(words[:n]) in cues.sourcing | cues.reasons for n in (1, 2, 3)):
        return True
    days = [k for k, t in enumerate(phrase) if t.text.isdigit() and 1 <= int(t.text) <= 31]
    if any(words[k + step] in cues.months for k in days for step in (-1, 1) if 0 <= k + step < len(words)):
        return True
    return len(phrase) == 1 and phrase[0].pos_ == "PRON"


def is_negation(token: Token) -> bool:
    """ "not", "never", «не»: a word that turns what happened round, never left out."""
    return token.dep_ == "neg" or "Neg" in token.morph.get("Polarity", [])


def _shared_conjuncts(verb: Token, figures: frozenset[int]) -> list[Token]:
    """The verbs joined to `verb` that take its subject, having none of their own ("were deported
    or charged", «убиты или ранены»), near enough to be one event."""
    return [
        c
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ == "VERB"
        and abs(c.i - verb.i) <= MAX_WORDS
        and not any(g.dep_ in SUBJECT_OF for g in c.children)
        and not any(t.i in figures for t in c.subtree)  # "killing three and wounding [two]": the two's
    ]


OBJECT_OF = {
    "obj",
    "dobj",
    "iobj",
    "dative",
    "attr",
    "prep",
    "obl",
    "acomp",
}  # the counted noun is not the verb's subject
SUBJECT_OF = {"nsubj", "nsubj:pass", "nsubjpass"}
DOER_WORDS = 8


def _doer(noun: Token, verb: Token, figures: frozenset[int]) -> list[Token]:
    """Who did it, when the counted noun is the verb's object: "Russia will call up 300,000
    reservists", "the army comprises 617,000 people", or what the figure is of, when it is in
    the verb's prepositional phrase: "weekly fatalities have not dipped below 100" (a pronoun or
    a clause holding another figure is left out)."""
    if noun.dep_ not in OBJECT_OF:
        return []
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_OF), None)
    if subj is None or subj.pos_ == "PRON":
        return []
    phrase = [t for t in subj.subtree if not t.is_punct and t.dep_ not in ("det", "cc")]
    if any(t.i in figures or t.like_num for t in phrase):
        return []
    return phrase[:DOER_WORDS]
