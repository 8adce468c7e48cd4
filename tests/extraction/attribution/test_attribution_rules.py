"""Each attribution construction on a hand-built parse (English spaCy labels or Russian UD labels)."""

from __future__ import annotations

import pytest
from attribution_docs import build

from tallybook.extraction.attribution import ORDER, RULES, Attributor
from tallybook.extraction.quotes import Quotes
from tallybook.lexicons import lexicon


def attribute(lang, doc, anchor, remember_before=True):
    """The attribution of the figure at token `anchor`, the sentences before it remembered."""
    att = Attributor(lexicon(lang), doc)
    for sent in doc.sents:
        if sent.start > anchor and remember_before:
            break
        if sent.end <= anchor:
            att.remember(sent)
    return att.speaker_of(doc[anchor], Quotes(doc.text).chain(doc[anchor].idx))


def test_every_rule_in_the_order_is_registered_once():
    assert sorted(ORDER) == sorted(RULES)
    assert len(set(ORDER)) == len(ORDER)


def test_pointer_sentence_after_the_figure_en():
    # "Two men were detained. This was stated by Ivan Petrov."
    doc = build(
        "en",
        [
            ("Two", 1, "nummod", "NUM"),
            ("men", 3, "nsubjpass", "NOUN", "man"),
            ("were", 3, "auxpass", "AUX", "be"),
            ("detained", 3, "ROOT", "VERB", "detain"),
            (".", 3, "punct", "PUNCT"),
            ("This", 7, "nsubjpass", "PRON"),
            ("was", 7, "auxpass", "AUX", "be"),
            ("stated", 7, "ROOT", "VERB", "state"),
            ("by", 7, "agent", "ADP"),
            ("Ivan", 10, "compound", "PROPN"),
            ("Petrov", 8, "pobj", "PROPN"),
            (".", 7, "punct", "PUNCT"),
        ],
        ents=[(9, 11, "PERSON")],
    )
    found = attribute("en", doc, 1)
    assert (found.speaker.name, found.rule) == ("Ivan Petrov", "pointer_after")


def test_pointer_sentence_after_the_figure_ru():
    # «Задержаны двое мужчин. Об этом заявила Ирина Волк.»
    doc = build(
        "ru",
        [
            ("Задержаны", 0, "ROOT", "VERB", "задержать"),
            ("двое", 2, "nummod:gov", "NUM"),
            ("мужчин", 0, "nsubj:pass", "NOUN", "мужчина"),
            (".", 0, "punct", "PUNCT"),
            ("Об", 5, "case", "ADP", "о"),
            ("этом", 6, "obl", "PRON", "это"),
            ("заявила", 6, "ROOT", "VERB", "заявить"),
            ("Ирина", 6, "nsubj", "PROPN"),
            ("Волк", 7, "flat:name", "PROPN"),
            (".", 6, "punct", "PUNCT"),
        ],
        ents=[(7, 9, "PER")],
    )
    found = attribute("ru", doc, 1)
    assert (found.speaker.name, found.rule) == ("Ирина Волк", "pointer_after")


PARAGRAPH_POINTER = [  # "Two men were detained.\n\n[Five were held.] This was stated by Ivan Petrov."
    ("Two", 1, "nummod", "NUM"),
    ("men", 3, "nsubjpass", "NOUN", "man"),
    ("were", 3, "auxpass", "AUX", "be"),
    ("detained", 3, "ROOT", "VERB", "detain"),
    (".", 3, "punct", "PUNCT"),
    ("\n\n", 3, "dep", "SPACE"),
]
HELD = [
    ("Five", 2, "nsubjpass", "NUM"),
    ("were", 2, "auxpass", "AUX", "be"),
    ("held", 2, "ROOT", "VERB", "hold"),
    (".", 2, "punct", "PUNCT"),
]
STATED = [
    ("This", 2, "nsubjpass", "PRON"),
    ("was", 2, "auxpass", "AUX", "be"),
    ("stated", 2, "ROOT", "VERB", "state"),
    ("by", 2, "agent", "ADP"),
    ("Ivan", 5, "compound", "PROPN"),
    ("Petrov", 3, "pobj", "PROPN"),
    (".", 2, "punct", "PUNCT"),
]


def _shifted(rows, by):
    """Rows whose heads count from their own first row, placed `by` rows on."""
    return [(r[0], r[1] + by, *r[2:]) for r in rows]


@pytest.mark.parametrize("between, speaker", [([], "Ivan Petrov"), (HELD, None)])
def test_a_pointer_opening_the_next_paragraph_speaks_for_the_figure_before_it_only(between, speaker):
    first = len(PARAGRAPH_POINTER)
    rows = PARAGRAPH_POINTER + _shifted(between, first) + _shifted(STATED, first + len(between))
    name_at = first + len(between) + 4
    doc = build("en", rows, ents=[(name_at, name_at + 2, "PERSON")])
    found = attribute("en", doc, 1)
    assert (found.speaker.name if found.speaker else None) == speaker


def test_a_pointer_does_not_reach_over_a_sentence_with_its_own_speaker():
    # "Two men were detained. Anna Lee said more were held. This was stated by Ivan Petrov."
    doc = build(
        "en",
        [
            ("Two", 1, "nummod", "NUM"),
            ("men", 3, "nsubjpass", "NOUN", "man"),
            ("were", 3, "auxpass", "AUX", "be"),
            ("detained", 3, "ROOT", "VERB", "detain"),
            (".", 3, "punct", "PUNCT"),
            ("Anna", 6, "compound", "PROPN"),
            ("Lee", 7, "nsubj", "PROPN"),
            ("said", 7, "ROOT", "VERB", "say"),
            ("more", 9, "nsubj", "ADJ"),
            ("held", 7, "ccomp", "VERB", "hold"),
            (".", 7, "punct", "PUNCT"),
            ("This", 13, "nsubjpass", "PRON"),
            ("was", 13, "auxpass", "AUX", "be"),
            ("stated", 13, "ROOT", "VERB", "state"),
            ("by", 13, "agent", "ADP"),
            ("Ivan", 16, "compound", "PROPN"),
            ("Petrov", 14, "pobj", "PROPN"),
            (".", 13, "punct", "PUNCT"),
        ],
        ents=[(5, 7, "PERSON"), (15, 17, "PERSON")],
    )
    assert attribute("en", doc, 1).speaker is None


def test_a_body_as_the_place_of_speech_ru():
    # «В МВД сообщили, что задержаны 30 человек.»
    doc = build(
        "ru",
        [
            ("В", 1, "case", "ADP", "в"),
            ("МВД", 2, "obl", "PROPN", "мвд"),
            ("сообщили", 2, "ROOT", "VERB", "сообщить"),
            (",", 5, "punct", "PUNCT"),
            ("что", 5, "mark", "SCONJ"),
            ("задержаны", 2, "ccomp", "VERB", "задержать"),
            ("30", 7, "nummod", "NUM"),
            ("человек", 5, "nsubj:pass", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ents=[(1, 2, "ORG")],
    )
    found = attribute("ru", doc, 6)
    assert (found.speaker.name, found.speaker.kind, found.rule) == ("МВД", "org", "impersonal_body")


def test_a_place_in_a_locative_phrase_is_never_a_speaker_ru():
    # «В Москве сообщили, что задержаны 30 человек.»
    doc = build(
        "ru",
        [
            ("В", 1, "case", "ADP", "в"),
            ("Москве", 2, "obl", "PROPN", "москва"),
            ("сообщили", 2, "ROOT", "VERB", "сообщить"),
            (",", 5, "punct", "PUNCT"),
            ("что", 5, "mark", "SCONJ"),
            ("задержаны", 2, "ccomp", "VERB", "задержать"),
            ("30", 7, "nummod", "NUM"),
            ("человек", 5, "nsubj:pass", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ],
        ents=[(1, 2, "LOC")],
    )
    assert attribute("ru", doc, 6).speaker is None


def test_relay_citing_en():
    # "The Post reports, citing the ministry, that 500 men were drafted."
    doc = build(
        "en",
        [
            ("The", 1, "det", "DET"),
            ("Post", 2, "nsubj", "PROPN"),
            ("reports", 2, "ROOT", "VERB", "report"),
            (",", 2, "punct", "PUNCT"),
            ("citing", 2, "advcl", "VERB", "cite"),
            ("the", 6, "det", "DET"),
            ("ministry", 4, "dobj", "NOUN"),
            (",", 2, "punct", "PUNCT"),
            ("that", 12, "mark", "SCONJ"),
            ("500", 10, "nummod", "NUM"),
            ("men", 12, "nsubjpass", "NOUN", "man"),
            ("were", 12, "auxpass", "AUX", "be"),
            ("drafted", 2, "ccomp", "VERB", "draft"),
            (".", 2, "punct", "PUNCT"),
        ],
        ents=[(0, 2, "ORG")],
    )
    found = attribute("en", doc, 9)
    assert found.speaker.name == "ministry" or found.speaker.kind == "org"
    assert found.via is not None and found.via.name == "Post"
    assert found.speaker.name != "Post"


def test_relay_so_ssylkoy_ru():
    # «Призваны 200 человек, сообщает «Коммерсант» со ссылкой на Минобороны.»
    doc = build(
        "ru",
        [
            ("Призваны", 0, "ROOT", "VERB", "призвать"),
            ("200", 2, "nummod", "NUM"),
            ("человек", 0, "nsubj:pass", "NOUN"),
            (",", 4, "punct", "PUNCT"),
            ("сообщает", 0, "parataxis", "VERB", "сообщать"),
            ("«", 6, "punct", "PUNCT"),
            ("Коммерсант", 4, "nsubj", "PROPN"),
            ("»", 6, "punct", "PUNCT"),
            ("со", 9, "case", "ADP", "с"),
            ("ссылкой", 4, "obl", "NOUN", "ссылка"),
            ("на", 11, "case", "ADP"),
            ("Минобороны", 9, "nmod", "PROPN"),
            (".", 0, "punct", "PUNCT"),
        ],
        ents=[(6, 7, "ORG"), (11, 12, "ORG")],
    )
    found = attribute("ru", doc, 1)
    assert (found.speaker.name, found.via.name) == ("Минобороны", "Коммерсант")


def test_told_a_news_agency_is_a_relay_en():
    # "Kartapolov told Reuters that 500 men were drafted."
    doc = build(
        "en",
        [
            ("Kartapolov", 1, "nsubj", "PROPN"),
            ("told", 1, "ROOT", "VERB", "tell"),
            ("Reuters", 1, "dobj", "PROPN"),
            ("that", 7, "mark", "SCONJ"),
            ("500", 5, "nummod", "NUM"),
            ("men", 7, "nsubjpass", "NOUN", "man"),
            ("were", 7, "auxpass", "AUX", "be"),
            ("drafted", 1, "ccomp", "VERB", "draft"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON"), (2, 3, "ORG")],
    )
    found = attribute("en", doc, 4)
    assert (found.speaker.name, found.via.name) == ("Kartapolov", "Reuters")


def test_a_contrasted_clause_does_not_speak_for_the_figure_en():
    # "At least five cases are known, while Anna Lee said there are more."
    doc = build(
        "en",
        [
            ("At", 1, "advmod", "ADP"),
            ("least", 2, "advmod", "ADJ"),
            ("five", 3, "nummod", "NUM"),
            ("cases", 5, "nsubjpass", "NOUN", "case"),
            ("are", 5, "auxpass", "AUX", "be"),
            ("known", 5, "ROOT", "VERB", "know"),
            (",", 5, "punct", "PUNCT"),
            ("while", 10, "mark", "SCONJ"),
            ("Anna", 9, "compound", "PROPN"),
            ("Lee", 10, "nsubj", "PROPN"),
            ("said", 5, "advcl", "VERB", "say"),
            ("there", 12, "expl", "PRON"),
            ("are", 10, "ccomp", "VERB", "be"),
            ("more", 12, "attr", "ADJ"),
            (".", 5, "punct", "PUNCT"),
        ],
        ents=[(8, 10, "PERSON")],
    )
    assert attribute("en", doc, 2).speaker is None


def test_the_outermost_reporting_verb_speaks_en():
    # "Sybiha said officials have identified 1,436 recruits."
    doc = build(
        "en",
        [
            ("Sybiha", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("officials", 4, "nsubj", "NOUN", "official"),
            ("have", 4, "aux", "AUX"),
            ("identified", 1, "ccomp", "VERB", "identify"),
            ("1,436", 6, "nummod", "NUM"),
            ("recruits", 4, "dobj", "NOUN", "recruit"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    found = attribute("en", doc, 5)
    assert (found.speaker.name, found.rule, found.cue) == ("Sybiha", "reporting_verb", "said")


def test_a_verb_of_proposing_puts_its_complement_on_its_subject_en():
    # "Sanders called for a $15 wage."
    doc = build(
        "en",
        [
            ("Sanders", 1, "nsubj", "PROPN"),
            ("called", 1, "ROOT", "VERB", "call"),
            ("for", 1, "prep", "ADP"),
            ("a", 5, "det", "DET"),
            ("$15", 5, "compound", "NUM"),
            ("wage", 2, "pobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    found = attribute("en", doc, 4)
    assert (found.speaker.name, found.rule) == ("Sanders", "attitude_verb")


def test_a_headline_names_its_source_with_a_colon_en():
    # "Bastrykin: 10,000 sent to the front"
    doc = build(
        "en",
        [
            ("Bastrykin", 0, "ROOT", "PROPN"),
            (":", 0, "punct", "PUNCT"),
            ("10,000", 3, "nsubjpass", "NUM"),
            ("sent", 0, "appos", "VERB", "send"),
            ("to", 3, "prep", "ADP"),
            ("the", 6, "det", "DET"),
            ("front", 4, "pobj", "NOUN"),
        ],
        ents=[(0, 1, "PERSON")],
    )
    found = attribute("en", doc, 2)
    assert (found.speaker.name, found.rule) == ("Bastrykin", "colon_intro")


def test_a_description_takes_the_person_it_describes_en():
    # "Ohio Gov. John Kasich spoke. Tom Hale spoke. The Ohio governor said 11 million are here."
    doc = build(
        "en",
        [
            ("Ohio", 1, "compound", "PROPN"),
            ("Gov.", 3, "compound", "PROPN"),
            ("John", 3, "compound", "PROPN"),
            ("Kasich", 4, "nsubj", "PROPN"),
            ("spoke", 4, "ROOT", "VERB", "speak"),
            (".", 4, "punct", "PUNCT"),
            ("Tom", 7, "compound", "PROPN"),
            ("Hale", 8, "nsubj", "PROPN"),
            ("spoke", 8, "ROOT", "VERB", "speak"),
            (".", 8, "punct", "PUNCT"),
            ("The", 12, "det", "DET"),
            ("Ohio", 12, "compound", "PROPN"),
            ("governor", 13, "nsubj", "NOUN"),
            ("said", 13, "ROOT", "VERB", "say"),
            ("11", 15, "compound", "NUM"),
            ("million", 16, "nsubj", "NUM"),
            ("are", 13, "ccomp", "VERB", "be"),
            ("here", 16, "advmod", "ADV"),
            (".", 13, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "GPE"), (2, 4, "PERSON"), (6, 8, "PERSON"), (11, 12, "GPE")],
    )
    found = attribute("en", doc, 14)
    assert found.speaker.name == "John Kasich"


def test_a_possessive_pronoun_takes_the_subject_of_its_sentence_ru():
    # «Пентагон заявил, что, по его мнению, погибли 70 000 военных.»
    doc = build(
        "ru",
        [
            ("Пентагон", 1, "nsubj", "PROPN"),
            ("заявил", 1, "ROOT", "VERB", "заявить"),
            (",", 9, "punct", "PUNCT"),
            ("что", 9, "mark", "SCONJ"),
            (",", 7, "punct", "PUNCT"),
            ("по", 7, "case", "ADP"),
            ("его", 7, "det", "DET", "его"),
            ("мнению", 9, "parataxis", "NOUN", "мнение"),
            (",", 7, "punct", "PUNCT"),
            ("погибли", 1, "ccomp", "VERB", "погибнуть"),
            ("70 000", 11, "nummod", "NUM"),
            ("военных", 9, "nsubj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "ORG")],
    )
    found = attribute("ru", doc, 10)
    assert found.speaker.name == "Пентагон"


@pytest.mark.parametrize(
    "lang,rows,ents,anchor",
    [
        # a date is never a speaker: "On Monday said 40 were killed" (a parse gone wrong)
        (
            "en",
            [
                ("Monday", 1, "nsubj", "PROPN"),
                ("said", 1, "ROOT", "VERB", "say"),
                ("40", 4, "nsubjpass", "NUM"),
                ("were", 4, "auxpass", "AUX", "be"),
                ("killed", 1, "ccomp", "VERB", "kill"),
            ],
            [(0, 1, "DATE")],
            2,
        ),
        # an abstract noun is never a speaker: "A sharp increase showed 300 more recruits"
        (
            "en",
            [
                ("A", 2, "det", "DET"),
                ("sharp", 2, "amod", "ADJ"),
                ("increase", 3, "nsubj", "NOUN"),
                ("showed", 3, "ROOT", "VERB", "show"),
                ("300", 6, "nummod", "NUM"),
                ("more", 6, "amod", "ADJ"),
                ("recruits", 3, "dobj", "NOUN", "recruit"),
            ],
            [],
            4,
        ),
        # «рост показал 300 новых контрактов»
        (
            "ru",
            [
                ("Рост", 1, "nsubj", "NOUN", "рост"),
                ("показал", 1, "ROOT", "VERB", "показать"),
                ("300", 4, "nummod", "NUM"),
                ("новых", 4, "amod", "ADJ"),
                ("контрактов", 1, "obj", "NOUN", "контракт"),
            ],
            [],
            2,
        ),
        # the figure's own noun does not report itself: "300 soldiers said they would leave"
        (
            "en",
            [
                ("300", 1, "nummod", "NUM"),
                ("soldiers", 2, "nsubj", "NOUN", "soldier"),
                ("said", 2, "ROOT", "VERB", "say"),
                ("they", 5, "nsubj", "PRON"),
                ("would", 5, "aux", "AUX"),
                ("leave", 2, "ccomp", "VERB"),
            ],
            [],
            0,
        ),
        # a place in a locative phrase: "In Kemerovo, officials-less: in Kemerovo reported 7 burials"
        (
            "en",
            [
                ("In", 2, "prep", "ADP", "in"),
                ("Kemerovo", 0, "pobj", "PROPN"),
                ("reported", 2, "ROOT", "VERB", "report"),
                ("7", 4, "nummod", "NUM"),
                ("burials", 2, "dobj", "NOUN", "burial"),
            ],
            [(1, 2, "GPE")],
            3,
        ),
    ],
)
def test_never_a_speaker(lang, rows, ents, anchor):
    assert attribute(lang, build(lang, rows, ents), anchor).speaker is None


def test_a_joined_clause_with_its_own_subject_bounds_the_verbs_above_the_figure_en():
    # "Kazan was counting, but the Ministry estimated that 300 were hit."
    doc = build(
        "en",
        [
            ("Kazan", 2, "nsubj", "PROPN"),
            ("was", 2, "aux", "AUX", "be"),
            ("counting", 2, "ROOT", "VERB", "count"),
            (",", 2, "punct", "PUNCT"),
            ("but", 2, "cc", "CCONJ"),
            ("the", 6, "det", "DET"),
            ("Ministry", 7, "nsubj", "PROPN"),
            ("estimated", 2, "conj", "VERB", "estimate"),
            ("that", 11, "mark", "SCONJ"),
            ("300", 11, "nsubjpass", "NUM"),
            ("were", 11, "auxpass", "AUX", "be"),
            ("hit", 7, "ccomp", "VERB"),
            (".", 2, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "GPE"), (6, 7, "ORG")],
    )
    found = attribute("en", doc, 9)
    assert (found.speaker.name, found.rule) == ("Ministry", "reporting_verb")


def test_what_the_figures_people_are_said_to_believe_is_no_frame_of_the_figure_en():
    # "Mediazona counted names. Some 20 percent said they believe the war will end."
    doc = build(
        "en",
        [
            ("Mediazona", 1, "nsubj", "PROPN"),
            ("counted", 1, "ROOT", "VERB", "count"),
            ("names", 1, "dobj", "NOUN", "name"),
            (".", 1, "punct", "PUNCT"),
            ("Some", 6, "advmod", "ADV"),
            ("20", 6, "nummod", "NUM"),
            ("percent", 7, "nsubj", "NOUN"),
            ("said", 7, "ROOT", "VERB", "say"),
            ("they", 9, "nsubj", "PRON"),
            ("believe", 7, "ccomp", "VERB"),
            ("the", 11, "det", "DET"),
            ("war", 13, "nsubj", "NOUN"),
            ("will", 13, "aux", "AUX"),
            ("end", 9, "ccomp", "VERB"),
            (".", 7, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "ORG")],
    )
    assert attribute("en", doc, 5).speaker is None


@pytest.mark.parametrize("anchor,speaker,rule", [(2, "Ivanov", "reporting_verb"), (5, "Mediazona", "according_to")])
def test_an_asides_according_to_is_the_asides_own_en(anchor, speaker, rule):
    # "Ivanov said 81 percent (15 percent, according to Mediazona)."
    doc = build(
        "en",
        [
            ("Ivanov", 1, "nsubj", "PROPN"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("81", 3, "nummod", "NUM"),
            ("percent", 1, "dobj", "NOUN"),
            ("(", 3, "punct", "PUNCT"),
            ("15", 6, "nummod", "NUM"),
            ("percent", 3, "appos", "NOUN"),
            (",", 6, "punct", "PUNCT"),
            ("according", 6, "prep", "VERB", "accord"),
            ("to", 8, "prep", "ADP"),
            ("Mediazona", 9, "pobj", "PROPN"),
            (")", 3, "punct", "PUNCT"),
            (".", 1, "punct", "PUNCT"),
        ],
        ents=[(0, 1, "PERSON"), (10, 11, "ORG")],
    )
    found = attribute("en", doc, anchor)
    assert (found.speaker.name, found.rule) == (speaker, rule)
