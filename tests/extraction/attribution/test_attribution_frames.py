"""Frames around a figure that name its source, each on a hand-built parse: a relative clause on the
figure's noun, an aside with a clause of its own, a verb the tagger read as a noun, a document held
or issued by its writer, figures named in a claim or a plan of their owner."""

from __future__ import annotations

import pytest
from attribution_docs import build
from test_attribution_rules import attribute

# "Kyiv disputed the 300 deaths Moscow reported."
RELATIVE_EN = [
    ("Kyiv", 1, "nsubj", "PROPN"),
    ("disputed", 1, "ROOT", "VERB", "dispute"),
    ("the", 4, "det", "DET"),
    ("300", 4, "nummod", "NUM"),
    ("deaths", 1, "dobj", "NOUN", "death"),
    ("Moscow", 6, "nsubj", "PROPN"),
    ("reported", 4, "relcl", "VERB", "report"),
    (".", 1, "punct", "PUNCT"),
]

# «Киев оспорил 300 погибших, о которых сообщила Москва.»
RELATIVE_RU = [
    ("Киев", 1, "nsubj", "PROPN", "киев"),
    ("оспорил", 1, "ROOT", "VERB", "оспорить"),
    ("300", 3, "nummod:gov", "NUM"),
    ("погибших", 1, "obj", "NOUN", "погибший"),
    (",", 7, "punct", "PUNCT"),
    ("о", 6, "case", "ADP", "о"),
    ("которых", 7, "obl", "PRON", "который"),
    ("сообщила", 3, "acl:relcl", "VERB", "сообщить"),
    ("Москва", 7, "nsubj", "PROPN", "москва"),
    (".", 1, "punct", "PUNCT"),
]


@pytest.mark.parametrize(
    "lang,rows,ents,anchor,name",
    [
        ("en", RELATIVE_EN, [(0, 1, "GPE"), (5, 6, "GPE")], 3, "Moscow"),
        ("ru", RELATIVE_RU, [(0, 1, "LOC"), (8, 9, "LOC")], 2, "Москва"),
    ],
)
def test_a_relative_clause_on_the_figures_noun_names_its_source(lang, rows, ents, anchor, name):
    found = attribute(lang, build(lang, rows, ents), anchor)
    assert (found.speaker.name, found.rule) == (name, "relative_clause")


def test_a_remark_after_a_comma_on_the_figure_is_not_its_source():
    # "Ward put it at $40, which Lee called a disgrace."
    doc = build(
        "en",
        [
            ("Ward", 1, "nsubj", "PROPN"),
            ("put", 1, "ROOT", "VERB", "put"),
            ("it", 1, "dobj", "PRON"),
            ("at", 1, "prep", "ADP"),
            ("$", 5, "quantmod", "SYM"),
            ("40", 3, "pobj", "NUM"),
            (",", 5, "punct", "PUNCT"),
            ("which", 9, "dobj", "PRON"),
            ("Lee", 9, "nsubj", "PROPN"),
            ("called", 5, "relcl", "VERB", "call"),
            ("a", 11, "det", "DET"),
            ("disgrace", 9, "oprd", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON"), (8, 9, "PERSON")],
    )
    found = attribute("en", doc, 5)
    assert (found.speaker.name, found.rule) == ("Ward", "reporting_verb")


# "Hale said 250 would come (in fact, Roe has proposed 10)."
ASIDE_EN = [
    ("Hale", 1, "nsubj", "PROPN"),
    ("said", 1, "ROOT", "VERB", "say"),
    ("250", 4, "nsubj", "NUM"),
    ("would", 4, "aux", "AUX"),
    ("come", 1, "ccomp", "VERB", "come"),
    ("(", 11, "punct", "PUNCT"),
    ("in", 11, "prep", "ADP"),
    ("fact", 6, "pobj", "NOUN"),
    (",", 11, "punct", "PUNCT"),
    ("Roe", 11, "nsubj", "PROPN"),
    ("has", 11, "aux", "AUX", "have"),
    ("proposed", 4, "conj", "VERB", "propose"),
    ("10", 11, "dobj", "NUM"),
    (")", 11, "punct", "PUNCT"),
    (".", 1, "punct", "PUNCT"),
]

# «Хейл заявил, что приедут 250 человек (Роу предложил 10).»
ASIDE_RU = [
    ("Хейл", 1, "nsubj", "PROPN", "хейл"),
    ("заявил", 1, "ROOT", "VERB", "заявить"),
    (",", 4, "punct", "PUNCT"),
    ("что", 4, "mark", "SCONJ", "что"),
    ("приедут", 1, "ccomp", "VERB", "приехать"),
    ("250", 6, "nummod:gov", "NUM"),
    ("человек", 4, "nsubj", "NOUN", "человек"),
    ("(", 9, "punct", "PUNCT"),
    ("Роу", 9, "nsubj", "PROPN", "роу"),
    ("предложил", 4, "conj", "VERB", "предложить"),
    ("10", 9, "obj", "NUM"),
    (")", 9, "punct", "PUNCT"),
    (".", 1, "punct", "PUNCT"),
]


@pytest.mark.parametrize(
    "lang,rows,ents,outer,inner",
    [
        ("en", ASIDE_EN, [(0, 1, "PERSON"), (9, 10, "PERSON")], (2, "Hale"), (12, "Roe")),
        ("ru", ASIDE_RU, [(0, 1, "PER"), (8, 9, "PER")], (5, "Хейл"), (10, "Роу")),
    ],
)
def test_an_aside_with_a_clause_of_its_own_keeps_the_outer_speaker_out(lang, rows, ents, outer, inner):
    doc = build(lang, rows, ents)
    assert attribute(lang, doc, outer[0]).speaker.name == outer[1]
    found = attribute(lang, doc, inner[0])
    assert (found.speaker.name, found.rule) == (inner[1], "attitude_verb")


def misread(after: tuple) -> list[tuple]:
    """ "The Sanders campaign projects <after> …", "projects" tagged a plural noun, as the English tagger does."""
    return [
        ("The", 3, "det", "DET"),
        ("Sanders", 3, "compound", "PROPN"),
        ("campaign", 3, "compound", "NOUN"),
        ("projects", 3, "ROOT", "NOUN", "project", "Number=Plur"),
        after,
    ]


def test_a_reporting_verb_read_as_a_plural_noun_still_speaks():
    # "The Sanders campaign projects that the tax raises 75 billion."
    rows = misread(("that", 7, "mark", "SCONJ")) + [
        ("the", 6, "det", "DET"),
        ("tax", 7, "nsubj", "NOUN"),
        ("raises", 3, "relcl", "VERB", "raise"),
        ("75", 9, "compound", "NUM"),
        ("billion", 7, "dobj", "NUM"),
        (".", 3, "punct", "PUNCT"),
    ]
    found = attribute("en", build("en", rows, [(1, 2, "ORG")]), 9)
    assert (found.speaker.name, found.rule) == ("Sanders", "misread_verb")


def test_a_plural_noun_before_a_preposition_is_a_noun():
    # "The Sanders campaign projects in 40 states stalled."
    rows = misread(("in", 3, "prep", "ADP")) + [
        ("40", 6, "nummod", "NUM"),
        ("states", 4, "pobj", "NOUN", "state"),
        ("stalled", 7, "ROOT", "VERB", "stall"),
        (".", 7, "punct", "PUNCT"),
    ]
    rows[3] = ("projects", 7, "nsubj", "NOUN", "project", "Number=Plur")
    assert attribute("en", build("en", rows, [(1, 2, "ORG")]), 5).speaker is None


def test_a_statement_speaks_for_whoever_issued_it():
    # "Carr released a statement confirming that 216 staffers stay."
    doc = build(
        "en",
        [
            ("Carr", 1, "nsubj", "PROPN"),
            ("released", 1, "ROOT", "VERB", "release"),
            ("a", 3, "det", "DET"),
            ("statement", 1, "dobj", "NOUN"),
            ("confirming", 3, "acl", "VERB", "confirm"),
            ("that", 8, "mark", "SCONJ"),
            ("216", 7, "nummod", "NUM"),
            ("staffers", 8, "nsubj", "NOUN", "staffer"),
            ("stay", 4, "ccomp", "VERB", "stay"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    found = attribute("en", doc, 6)
    assert (found.speaker.name, found.cue) == ("Carr", "confirming")


def test_a_briefing_held_to_announce_speaks_for_who_held_it():
    # "Obama held a briefing to boast that unemployment fell below 5 percent."
    doc = build(
        "en",
        [
            ("Obama", 1, "nsubj", "PROPN"),
            ("held", 1, "ROOT", "VERB", "hold"),
            ("a", 3, "det", "DET"),
            ("briefing", 1, "dobj", "NOUN"),
            ("to", 5, "aux", "PART"),
            ("boast", 3, "relcl", "VERB", "boast", "VerbForm=Inf"),
            ("that", 8, "mark", "SCONJ"),
            ("unemployment", 8, "nsubj", "NOUN"),
            ("fell", 5, "ccomp", "VERB", "fall"),
            ("below", 8, "prep", "ADP"),
            ("5", 11, "nummod", "NUM"),
            ("percent", 9, "pobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    found = attribute("en", doc, 10)
    assert (found.speaker.name, found.rule) == ("Obama", "reporting_verb")


# "Despite Smith's claim that 40 votes were lost, the count stood."
CLAIM_EN = [
    ("Despite", 12, "prep", "ADP"),
    ("Smith", 3, "poss", "PROPN"),
    ("'s", 1, "case", "PART"),
    ("claim", 0, "pobj", "NOUN"),
    ("that", 8, "mark", "SCONJ"),
    ("40", 6, "nummod", "NUM"),
    ("votes", 8, "nsubjpass", "NOUN", "vote"),
    ("were", 8, "auxpass", "AUX", "be"),
    ("lost", 3, "acl", "VERB", "lose"),
    (",", 12, "punct", "PUNCT"),
    ("the", 11, "det", "DET"),
    ("count", 12, "nsubj", "NOUN"),
    ("stood", 12, "ROOT", "VERB", "stand"),
    (".", 12, "punct", "PUNCT"),
]

# «Вопреки заявлению Смита о 40 голосах, подсчёт устоял.»
CLAIM_RU = [
    ("Вопреки", 1, "case", "ADP", "вопреки"),
    ("заявлению", 8, "obl", "NOUN", "заявление"),
    ("Смита", 1, "nmod", "PROPN", "смит"),
    ("о", 5, "case", "ADP", "о"),
    ("40", 5, "nummod", "NUM"),
    ("голосах", 1, "nmod", "NOUN", "голос"),
    (",", 8, "punct", "PUNCT"),
    ("подсчёт", 8, "nsubj", "NOUN", "подсчёт"),
    ("устоял", 8, "ROOT", "VERB", "устоять"),
    (".", 8, "punct", "PUNCT"),
]


@pytest.mark.parametrize(
    "lang,rows,ents,anchor,name",
    [("en", CLAIM_EN, [(1, 2, "PERSON")], 5, "Smith"), ("ru", CLAIM_RU, [(2, 3, "PER")], 4, "Смита")],
)
def test_figures_inside_a_claim_are_its_owners(lang, rows, ents, anchor, name):
    found = attribute(lang, build(lang, rows, ents), anchor)
    assert (found.speaker.name, found.rule) == (name, "data_owner")


def test_figures_in_an_average_are_its_owners_and_a_date_owns_no_poll():
    # "Wednesday's Quinnipiac poll has Lee ahead by 6 points in the Acme average."
    doc = build(
        "en",
        [
            ("Wednesday", 3, "poss", "PROPN"),
            ("'s", 0, "case", "PART"),
            ("Quinnipiac", 3, "compound", "PROPN"),
            ("poll", 4, "nsubj", "NOUN"),
            ("has", 4, "ROOT", "VERB", "have"),
            ("Lee", 4, "dobj", "PROPN"),
            ("ahead", 4, "advmod", "ADV"),
            ("by", 6, "prep", "ADP"),
            ("6", 9, "nummod", "NUM"),
            ("points", 7, "pobj", "NOUN", "point"),
            (".", 4, "punct", "PUNCT"),
            ("Kim", 12, "nsubj", "PROPN"),
            ("trails", 12, "ROOT", "VERB", "trail"),
            ("by", 12, "prep", "ADP"),
            ("9", 15, "nummod", "NUM"),
            ("points", 13, "pobj", "NOUN", "point"),
            ("in", 12, "prep", "ADP"),
            ("the", 19, "det", "DET"),
            ("Acme", 19, "compound", "PROPN"),
            ("average", 16, "pobj", "NOUN"),
            (".", 12, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "DATE"), (2, 3, "ORG"), (5, 6, "PERSON"), (11, 12, "PERSON"), (18, 19, "ORG")],
    )
    assert attribute("en", doc, 8).speaker.name == "Quinnipiac"
    found = attribute("en", doc, 14)
    assert (found.speaker.name, found.rule) == ("Acme", "in_document")
