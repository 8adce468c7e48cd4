"""What a figure counts and what happened to it: each rule of extraction.counted on a parse
built by hand (so a model update cannot move it), then on sentences the real models parse."""

from __future__ import annotations

import copy

import pytest
from attribution.attribution_docs import build

from tallybook import extract
from tallybook.extraction.counted import NOUN_RULES, Cues, counted_of
from tallybook.lexicons import Lexicon, LexiconError, lexicon


def counted(lang: str, rows: list[tuple], figure: tuple[int, int], others: tuple[int, ...] = ()) -> list[str]:
    """The counted phrase of the figure at doc[figure[0]:figure[1]], the words of `others` being
    other claims' figures, as a list of words."""
    doc = build(lang, rows)
    text = counted_of(list(doc[figure[0] : figure[1]]), cues=Cues.of(lexicon(lang)), figures=frozenset(others))
    return (text or "").split()


def test_every_noun_rule_is_named_once():
    names = [name for name, _ in NOUN_RULES]
    assert len(names) == len(set(names)) and all(callable(rule) for _, rule in NOUN_RULES)


NEG = "Polarity=Neg"


@pytest.mark.parametrize(
    "lang, rows, figure, others, words, absent",
    [
        # the noun stays whatever the parser called it ("citizens" as quantmod)
        (
            "en",
            [("1,400", 1, "nummod", "NUM"), ("citizens", 3, "quantmod", "NOUN"), ("are", 3, "aux", "AUX"),
             ("serving", 3, "ROOT", "VERB")],
            (0, 1), (), ["citizens"], [],
        ),
        (
            "ru",
            [("1400", 1, "nummod", "NUM"), ("граждан", 2, "det", "NOUN"), ("служат", 2, "ROOT", "VERB")],
            (0, 1), (), ["граждан"], [],
        ),
        # negation turns what happened round: it is never left out
        (
            "en",
            [("12", 1, "nummod", "NUM"), ("recruits", 4, "nsubj", "NOUN"), ("had", 4, "aux", "AUX"),
             ("not", 4, "neg", "PART"), ("returned", 4, "ROOT", "VERB")],
            (0, 1), (), ["recruits", "not", "returned"], [],
        ),
        (
            "ru",
            [("трое", 1, "nummod", "NUM"), ("мигрантов", 3, "nsubj", "NOUN"), ("не", 3, "advmod", "PART", "не", NEG),
             ("встали", 3, "ROOT", "VERB"), ("на", 5, "case", "ADP"), ("учёт", 3, "obl", "NOUN")],
            (0, 1), (), ["мигрантов", "не", "встали", "учёт"], [],
        ),
        # ... nor inside the noun's own clause
        (
            "en",
            [("40", 1, "nummod", "NUM"), ("men", 1, "ROOT", "NOUN"), ("who", 4, "nsubj", "PRON"),
             ("never", 4, "neg", "ADV"), ("registered", 1, "relcl", "VERB")],
            (0, 1), (), ["men", "never", "registered"], [],
        ),
        (
            "ru",
            [("трое", 1, "nummod", "NUM"), ("россиян", 1, "ROOT", "NOUN"), ("которые", 4, "nsubj", "PRON"),
             ("не", 4, "advmod", "PART", "не", NEG), ("встали", 1, "acl:relcl", "VERB")],
            (0, 1), (), ["россиян", "не", "встали"], [],
        ),
        # verbs joined to the verb that share its subject are what happened too
        (
            "en",
            [("30", 1, "nummod", "NUM"), ("workers", 3, "nsubjpass", "NOUN"), ("were", 3, "auxpass", "AUX"),
             ("deported", 3, "ROOT", "VERB"), ("or", 5, "cc", "CCONJ"), ("fined", 3, "conj", "VERB")],
            (0, 1), (), ["workers", "deported", "fined"], [],
        ),
        (
            "ru",
            [("70", 1, "nummod", "NUM"), ("солдат", 3, "nsubj:pass", "NOUN"), ("были", 3, "aux:pass", "AUX"),
             ("убиты", 3, "ROOT", "VERB"), ("или", 5, "cc", "CCONJ"), ("ранены", 3, "conj", "VERB")],
            (0, 1), (), ["солдат", "убиты", "ранены"], [],
        ),
        # ... but not one that has its own subject, or whose object is another claim's figure
        (
            "en",
            [("Shelling", 1, "nsubj", "NOUN"), ("killed", 1, "ROOT", "VERB"), ("four", 3, "nummod", "NUM"),
             ("people", 1, "dobj", "NOUN"), ("and", 1, "cc", "CCONJ"), ("wounded", 1, "conj", "VERB"),
             ("two", 5, "dobj", "NUM")],
            (2, 3), (6,), ["people", "killed"], ["wounded", "two"],
        ),
        (
            "ru",
            [("Обстрел", 1, "nsubj", "NOUN"), ("убил", 1, "ROOT", "VERB"), ("четырёх", 3, "nummod", "NUM"),
             ("человек", 1, "obj", "NOUN"), ("и", 5, "cc", "CCONJ"), ("ранил", 1, "conj", "VERB"),
             ("двоих", 5, "obj", "NUM")],
            (2, 3), (6,), ["человек", "убил"], ["ранил", "двоих"],
        ),
        # a conjunct holding another claim's figure is what that figure counts
        (
            "en",
            [("lost", 0, "ROOT", "VERB"), ("90", 2, "nummod", "NUM"), ("tanks", 0, "dobj", "NOUN"),
             ("and", 2, "cc", "CCONJ"), ("40", 5, "nummod", "NUM"), ("planes", 2, "conj", "NOUN")],
            (1, 2), (4,), ["tanks", "lost"], ["planes"],
        ),
        (
            "ru",
            [("уничтожили", 0, "ROOT", "VERB"), ("747", 2, "nummod", "NUM"), ("танков", 0, "obj", "NOUN"),
             ("и", 5, "cc", "CCONJ"), ("300", 5, "nummod", "NUM"), ("бронемашин", 2, "conj", "NOUN")],
            (1, 2), (4,), ["танков", "уничтожили"], ["бронемашин"],
        ),
        # the object of the verb, indirect and infinitive complements are what happened
        (
            "en",
            [("40", 1, "nummod", "NUM"), ("men", 3, "nsubjpass", "NOUN"), ("were", 3, "auxpass", "AUX"),
             ("forced", 3, "ROOT", "VERB"), ("to", 5, "aux", "PART"), ("sign", 3, "xcomp", "VERB"),
             ("contracts", 5, "dobj", "NOUN")],
            (0, 1), (), ["men", "forced", "sign", "contracts"], [],
        ),
        (
            "ru",
            [("Суд", 1, "nsubj", "NOUN"), ("лишил", 1, "ROOT", "VERB"), ("гражданства", 1, "iobj", "NOUN"),
             ("троих", 4, "nummod", "NUM"), ("мигрантов", 1, "obj", "NOUN")],
            (3, 4), (), ["мигрантов", "лишил", "гражданства"], [],
        ),
        (
            "ru",
            [("семь", 1, "nummod", "NUM"), ("человек", 2, "nsubj", "NOUN"), ("числятся", 2, "ROOT", "VERB"),
             ("пропавшими", 2, "xcomp", "VERB")],
            (0, 1), (), ["человек", "числятся", "пропавшими"], [],
        ),
        # a figure completing a participle says what the noun that the participle modifies is
        (
            "en",
            [("salaries", 0, "ROOT", "NOUN"), ("starting", 0, "acl", "VERB", "start", "VerbForm=Part"), ("at", 1, "prep", "ADP"),
             ("1,825", 2, "pobj", "NUM")],
            (3, 4), (), ["salaries"], ["starting"],
        ),
        (
            "ru",
            [("выплаты", 0, "ROOT", "NOUN"), ("превышающие", 0, "acl", "VERB", "превышать", "VerbForm=Part"), ("4800", 1, "obj", "NUM")],
            (2, 3), (), ["выплаты"], ["превышающие"],
        ),
        # ... not a finite verb that a parser hangs on a headline's first noun
        (
            "en",
            [("Title", 0, "ROOT", "NOUN"), ("Cuba", 2, "nsubj", "PROPN"), ("arrests", 0, "acl", "VERB", "arrest",
             "VerbForm=Fin"), ("17", 2, "dobj", "NUM")],
            (3, 4), (), ["arrests", "Cuba"], ["Title"],
        ),
        (
            "ru",
            [("Заголовок", 0, "ROOT", "NOUN"), ("Куба", 2, "nsubj", "PROPN"), ("арестовала", 0, "acl", "VERB",
             "арестовать", "VerbForm=Fin"), ("17", 2, "obj", "NUM")],
            (3, 4), (), ["арестовала", "Куба"], ["Заголовок"],
        ),
        # the noun that the counted noun completes belongs to the phrase, and what happened is said of it
        (
            "en",
            [("confirmed", 0, "ROOT", "VERB"), ("the", 2, "det", "DET"), ("names", 0, "dobj", "NOUN"),
             ("of", 2, "prep", "ADP"), ("320", 5, "nummod", "NUM"), ("soldiers", 3, "pobj", "NOUN")],
            (4, 5), (), ["names", "soldiers", "confirmed"], [],
        ),
        (
            "ru",
            [("вернули", 0, "ROOT", "VERB"), ("тела", 0, "obj", "NOUN"), ("10", 3, "nummod", "NUM"),
             ("граждан", 1, "nmod", "NOUN"), ("в", 5, "case", "ADP"), ("Индию", 0, "obl", "PROPN")],
            (2, 3), (), ["тела", "граждан", "вернули", "Индию"], [],
        ),
        # ... not a noun reached through a preposition of its own («граждан из списка»)
        (
            "ru",
            [("10", 1, "nummod", "NUM"), ("граждан", 3, "nmod", "NOUN"), ("из", 1, "case", "ADP"),
             ("списка", 3, "ROOT", "NOUN")],
            (0, 1), (), ["граждан"], ["списка"],
        ),
        # who says so is the speaker's field, not what happened
        (
            "en",
            [("90", 1, "nsubj", "NUM"), ("missing", 1, "ROOT", "VERB"), ("according", 1, "prep", "VERB"),
             ("to", 2, "prep", "ADP"), ("police", 3, "pobj", "NOUN")],
            (0, 1), (), ["missing"], ["according", "police"],
        ),
        (
            "ru",
            [("погибли", 0, "ROOT", "VERB"), ("26", 2, "nummod", "NUM"), ("человек", 0, "nsubj", "NOUN"),
             ("по", 4, "case", "ADP"), ("данным", 0, "obl", "NOUN"), ("Минобороны", 4, "nmod", "PROPN")],
            (1, 2), (), ["человек", "погибли"], ["данным", "Минобороны"],
        ),
        # a subject that a parser hangs on the auxiliary takes the verb the auxiliary serves
        (
            "en",
            [("90", 1, "nsubj", "NUM"), ("are", 2, "aux", "AUX"), ("missing", 2, "ROOT", "VERB")],
            (0, 1), (), ["missing"], [],
        ),
        (
            "ru",
            [("90", 1, "nsubj:pass", "NUM"), ("были", 2, "aux:pass", "AUX"), ("ранены", 2, "ROOT", "VERB")],
            (0, 1), (), ["ранены"], [],
        ),
        # a noun the parser hangs on the hedge word: the hedge word stands for the figure in the clause
        (
            "ru",
            [("Более", 3, "nsubj:pass", "ADV"), ("30", 2, "nummod", "NUM"), ("рабочих", 0, "obl", "NOUN"),
             ("депортированы", 3, "ROOT", "VERB")],
            (0, 2), (), ["рабочих", "депортированы"], ["Более"],
        ),
        (
            "en",
            [("More", 4, "nsubjpass", "ADJ"), ("than", 0, "prep", "ADP"), ("30", 3, "nummod", "NUM"),
             ("workers", 0, "pobj", "NOUN"), ("deported", 4, "ROOT", "VERB")],
            (0, 3), (), ["workers", "deported"], ["More"],
        ),
        # a figure in the verb's prepositional phrase takes the verb, and its subject is what it is of
        (
            "en",
            [("fatalities", 3, "nsubj", "NOUN"), ("have", 3, "aux", "AUX"), ("not", 3, "neg", "PART"),
             ("dipped", 3, "ROOT", "VERB"), ("below", 3, "prep", "ADP"), ("100", 4, "pobj", "NUM")],
            (4, 6), (), ["fatalities", "not", "dipped"], ["below"],
        ),
        (
            "ru",
            [("Волонтёры", 1, "nsubj", "NOUN"), ("изучают", 1, "ROOT", "VERB"), ("кладбища", 1, "obj", "NOUN"),
             ("в", 5, "case", "ADP"), ("60", 5, "nummod", "NUM"), ("городах", 1, "obl", "NOUN")],
            (4, 5), (), ["городах", "изучают", "кладбища", "Волонтёры"], [],
        ),
        # what a share is of, whichever word of the figure the "of" hangs on
        (
            "en",
            [("affecting", 0, "ROOT", "VERB"), ("one", 0, "dobj", "NUM"), ("per", 1, "prep", "ADP"),
             ("cent", 2, "pobj", "NOUN"), ("of", 3, "prep", "ADP"), ("the", 6, "det", "DET"),
             ("reserve", 4, "pobj", "NOUN")],
            (1, 4), (), ["reserve"], ["cent"],
        ),
        (
            "ru",
            [("затронет", 0, "ROOT", "VERB"), ("1", 2, "nummod", "NUM"), ("%", 0, "obj", "NOUN"),
             ("резерва", 2, "nmod", "NOUN")],
            (1, 3), (), ["резерва", "затронет"], ["%"],
        ),
        # a figure set beside a noun measures that noun
        (
            "en",
            [("500", 1, "nummod", "NUM"), ("volunteers", 1, "ROOT", "NOUN"), ("about", 3, "advmod", "ADV"),
             ("20", 4, "nummod", "NUM"), ("%", 1, "appos", "NOUN")],
            (2, 5), (0,), ["volunteers"], [],
        ),
        (
            "ru",
            [("500", 1, "nummod", "NUM"), ("добровольцев", 1, "ROOT", "NOUN"), ("—", 4, "punct", "PUNCT"),
             ("20", 4, "nummod", "NUM"), ("%", 1, "appos", "NOUN")],
            (3, 5), (0,), ["добровольцев"], [],
        ),
        # a measure of an adjective that completes a copula is the measure of the copula's subject
        (
            "en",
            [("line", 1, "nsubj", "NOUN"), ("is", 1, "ROOT", "AUX"), ("2,000", 3, "nummod", "NUM"),
             ("km", 4, "npadvmod", "NOUN"), ("long", 1, "acomp", "ADJ")],
            (2, 3), (), ["km", "line"], [],
        ),
        # (Russian puts the measure as the verb's object: «линия составляет 2000 километров», the object rule)
        (
            "ru",
            [("линия", 1, "nsubj", "NOUN"), ("составляет", 1, "ROOT", "VERB"), ("2000", 3, "nummod", "NUM"),
             ("километров", 1, "obj", "NOUN")],
            (2, 3), (), ["километров", "линия", "составляет"], [],
        ),
        # a figure beside a name is no measure of the person ("Healey, an average of 1,354")
        (
            "en",
            [("Healey", 0, "ROOT", "PROPN"), ("an", 2, "det", "DET"), ("average", 0, "appos", "NOUN"),
             ("of", 2, "prep", "ADP"), ("1,354", 3, "pobj", "NUM")],
            (1, 5), (), [], ["Healey"],
        ),
        (
            "ru",
            [("Шойгу", 0, "ROOT", "PROPN"), ("1351", 0, "appos", "NUM")],
            (1, 2), (), [], ["Шойгу"],
        ),
        # the figure's own words are never what it counts («от 2,75 до 3 трлн руб.»: «руб.» is the figure's)
        (
            "ru",
            [("выплаты", 1, "nsubj", "NOUN"), ("составили", 1, "ROOT", "VERB"), ("3", 3, "nummod", "NUM"),
             ("трлн", 1, "obj", "NOUN"), ("руб.", 3, "nmod", "NOUN")],
            (2, 5), (), ["выплаты", "составили"], ["трлн", "руб."],
        ),
        (
            "en",
            [("payments", 1, "nsubj", "NOUN"), ("reached", 1, "ROOT", "VERB"), ("3", 3, "compound", "NUM"),
             ("trillion", 1, "dobj", "NUM"), ("roubles", 3, "nmod", "NOUN")],
            (2, 5), (), ["payments", "reached"], ["trillion", "roubles"],
        ),
        # who did it, in a passive ("by" is spaCy's agent; Russian puts the doer in the instrumental)
        (
            "en",
            [("30", 1, "nummod", "NUM"), ("people", 3, "nsubjpass", "NOUN"), ("were", 3, "auxpass", "AUX"),
             ("killed", 3, "ROOT", "VERB"), ("by", 3, "agent", "ADP"), ("shelling", 4, "pobj", "NOUN")],
            (0, 1), (), ["people", "killed", "shelling"], [],
        ),
        (
            "ru",
            [("30", 1, "nummod", "NUM"), ("человек", 3, "nsubj:pass", "NOUN"), ("были", 3, "aux:pass", "AUX"),
             ("убиты", 3, "ROOT", "VERB"), ("обстрелом", 3, "obl", "NOUN")],
            (0, 1), (), ["человек", "убиты", "обстрелом"], [],
        ),
        # a year in the noun's own clause is no other claim's figure: the clause stays
        (
            "en",
            [("300", 1, "nummod", "NUM"), ("soldiers", 1, "ROOT", "NOUN"), ("who", 3, "nsubj", "PRON"),
             ("died", 1, "relcl", "VERB"), ("in", 3, "prep", "ADP"), ("2023", 4, "pobj", "NUM")],
            (0, 1), (), ["soldiers", "died", "2023"], [],
        ),
        (
            "ru",
            [("300", 1, "nummod", "NUM"), ("солдат", 1, "ROOT", "NOUN"), ("погибших", 1, "acl", "VERB"),
             ("в", 5, "case", "ADP"), ("2023", 5, "amod", "ADJ"), ("году", 2, "obl", "NOUN")],
            (0, 1), (), ["солдат", "погибших", "2023", "году"], [],
        ),
        # a number the parser hangs on a verb as its modifier is the verb's argument
        (
            "ru",
            [("30", 1, "nummod", "NUM"), ("отправили", 1, "ROOT", "VERB"), ("на", 3, "case", "ADP"),
             ("фронт", 1, "obl", "NOUN")],
            (0, 1), (), ["отправили", "фронт"], [],
        ),
        (
            "en",
            [("30", 1, "nummod", "NUM"), ("sent", 1, "ROOT", "VERB"), ("to", 1, "prep", "ADP"),
             ("front", 2, "pobj", "NOUN")],
            (0, 1), (), ["sent", "front"], [],
        ),
        # a figure that names no noun takes the noun of its twin in a parallel clause
        (
            "en",
            [("Shelling", 1, "nsubj", "NOUN"), ("killed", 1, "ROOT", "VERB"), ("four", 3, "nummod", "NUM"),
             ("people", 1, "dobj", "NOUN"), ("and", 1, "cc", "CCONJ"), ("wounded", 1, "conj", "VERB"),
             ("two", 5, "dobj", "NUM")],
            (6, 7), (2,), ["people", "wounded"], ["killed", "four"],
        ),
        (
            "ru",
            [("26", 1, "nummod", "NUM"), ("человек", 2, "nsubj", "NOUN"), ("погибли", 2, "ROOT", "VERB"),
             ("а", 5, "cc", "CCONJ"), ("семь", 5, "nsubj", "NUM"), ("пропали", 2, "conj", "VERB")],
            (4, 5), (0,), ["человек", "пропали"], ["погибли", "26"],
        ),
        # an adjective of the figure itself says what it counts
        (
            "en",
            [("losses", 1, "nsubj", "NOUN"), ("are", 1, "ROOT", "AUX"), ("5,937", 1, "attr", "NUM"),
             ("dead", 2, "amod", "ADJ")],
            (2, 3), (), ["losses", "dead"], [],
        ),
        (
            "ru",
            [("потери", 0, "ROOT", "NOUN"), ("5937", 0, "appos", "NUM"), ("убитых", 1, "amod", "ADJ")],
            (1, 2), (), ["потери", "убитых"], [],
        ),
        # an adjective or participle standing where a noun stands is the noun ("the wounded", «военных»)
        (
            "en",
            [("300", 1, "nummod", "NUM"), ("wounded", 3, "nsubjpass", "ADJ"), ("were", 3, "auxpass", "AUX"),
             ("evacuated", 3, "ROOT", "VERB")],
            (0, 1), (), ["wounded", "evacuated"], [],
        ),
        (
            "ru",
            [("12", 1, "nummod", "NUM"), ("раненых", 2, "nsubj:pass", "ADJ"), ("эвакуированы", 2, "ROOT", "VERB")],
            (0, 1), (), ["раненых", "эвакуированы"], [],
        ),
        (
            "ru",
            [("служат", 0, "ROOT", "VERB"), ("400", 2, "nummod", "NUM"), ("тысяч", 0, "nsubj", "NOUN"),
             ("контрактных", 4, "amod", "ADJ"), ("военных", 2, "nmod", "ADJ")],
            (1, 3), (), ["контрактных", "военных", "служат"], [],
        ),
        # ... but an adjective that only modifies is no noun
        (
            "ru",
            [("служат", 0, "ROOT", "VERB"), ("400", 2, "nummod", "NUM"), ("тысяч", 0, "nsubj", "NOUN"),
             ("контрактных", 2, "amod", "ADJ")],
            (1, 3), (), ["служат"], ["контрактных"],
        ),
        # a clause of its own set beside the noun is who says so, not what is counted
        (
            "en",
            [("40", 1, "nummod", "NUM"), ("recruits", 1, "ROOT", "NOUN"), (",", 4, "punct", "PUNCT"),
             ("the", 4, "det", "DET"), ("paper", 5, "nsubj", "NOUN"), ("reports", 1, "parataxis", "VERB")],
            (0, 1), (), ["recruits"], ["paper", "reports"],
        ),
        (
            "ru",
            [("40", 1, "nummod", "NUM"), ("новобранцев", 1, "ROOT", "NOUN"), (",", 3, "punct", "PUNCT"),
             ("пишет", 1, "parataxis", "VERB"), ("газета", 3, "nsubj", "NOUN")],
            (0, 1), (), ["новобранцев"], ["пишет", "газета"],
        ),
        # ... while a noun after a dash says what they are
        (
            "ru",
            [("40", 1, "nummod", "NUM"), ("человек", 1, "ROOT", "NOUN"), ("—", 3, "punct", "PUNCT"),
             ("добровольцы", 1, "parataxis", "NOUN")],
            (0, 1), (), ["человек", "добровольцы"], [],
        ),
        # a Russian short adjective is a predicate, as a verb is; a full one is not
        (
            "ru",
            [("известно", 0, "ROOT", "ADJ", "известный", "Variant=Short"), ("о", 3, "case", "ADP"),
             ("40", 3, "nummod", "NUM"), ("пленных", 0, "obl", "NOUN")],
            (2, 3), (), ["пленных", "известно"], [],
        ),
        (
            "ru",
            [("важные", 0, "ROOT", "ADJ", "важный", "Case=Nom"), ("о", 3, "case", "ADP"),
             ("40", 3, "nummod", "NUM"), ("пленных", 0, "obl", "NOUN")],
            (2, 3), (), ["пленных"], ["важные"],
        ),
        # a noun joined to another stands to the verb as the first one does
        (
            "en",
            [("lost", 0, "ROOT", "VERB"), ("90", 2, "nummod", "NUM"), ("tanks", 0, "dobj", "NOUN"),
             ("and", 2, "cc", "CCONJ"), ("40", 5, "nummod", "NUM"), ("planes", 2, "conj", "NOUN")],
            (4, 5), (1,), ["planes", "lost"], ["tanks"],
        ),
        (
            "ru",
            [("уничтожили", 0, "ROOT", "VERB"), ("747", 2, "nummod", "NUM"), ("танков", 0, "obj", "NOUN"),
             ("и", 5, "cc", "CCONJ"), ("300", 5, "nummod", "NUM"), ("бронемашин", 2, "conj", "NOUN")],
            (4, 5), (1,), ["бронемашин", "уничтожили"], ["танков"],
        ),
        # a pronoun alone says nothing of what happened
        (
            "en",
            [("68", 1, "nummod", "NUM"), ("volunteers", 2, "nsubj", "NOUN"), ("signed", 2, "ROOT", "VERB"),
             ("it", 2, "dobj", "PRON")],
            (0, 1), (), ["volunteers", "signed"], ["it"],
        ),
        (
            "ru",
            [("Этим", 1, "obj", "PRON"), ("воспользовались", 1, "ROOT", "VERB"), ("68", 3, "nummod", "NUM"),
             ("иностранцев", 1, "nsubj", "NOUN")],
            (2, 3), (), ["иностранцев", "воспользовались"], ["Этим"],
        ),
        # what the figure is based on is its source, not what happened
        (
            "en",
            [("92", 1, "nummod", "NUM"), ("names", 3, "nsubjpass", "NOUN"), ("were", 3, "auxpass", "AUX"),
             ("confirmed", 3, "ROOT", "VERB"), ("based", 3, "prep", "VERB"), ("on", 4, "prep", "ADP"),
             ("obituaries", 5, "pobj", "NOUN")],
            (0, 1), (), ["names", "confirmed"], ["based", "obituaries"],
        ),
        (
            "ru",
            [("На", 1, "case", "ADP"), ("основании", 3, "obl", "NOUN"), ("некрологов", 1, "nmod", "NOUN"),
             ("установлены", 3, "ROOT", "VERB"), ("92", 5, "nummod", "NUM"), ("имени", 3, "nsubj:pass", "NOUN")],
            (4, 5), (), ["имени", "установлены"], ["основании", "некрологов"],
        ),
        # why it happened is not what happened ...
        (
            "en",
            [("119", 1, "nummod", "NUM"), ("men", 3, "nsubjpass", "NOUN"), ("were", 3, "auxpass", "AUX"),
             ("released", 3, "ROOT", "VERB"), ("thanks", 3, "prep", "NOUN"), ("to", 4, "prep", "ADP"),
             ("talks", 5, "pobj", "NOUN")],
            (0, 1), (), ["men", "released"], ["thanks", "talks"],
        ),
        (
            "ru",
            [("119", 1, "nummod", "NUM"), ("человек", 2, "nsubj:pass", "NOUN"), ("уволены", 2, "ROOT", "VERB"),
             ("благодаря", 4, "case", "ADP"), ("переговорам", 2, "obl", "NOUN")],
            (0, 1), (), ["человек", "уволены"], ["переговорам"],
        ),
        # ... but what it was done for can be the event itself
        (
            "ru",
            [("49", 1, "nummod", "NUM"), ("мигрантов", 2, "obj", "NOUN"), ("доставили", 2, "ROOT", "VERB"),
             ("для", 4, "case", "ADP"), ("постановки", 2, "obl", "NOUN"), ("на", 6, "case", "ADP"),
             ("учёт", 4, "nmod", "NOUN")],
            (0, 1), (), ["мигрантов", "доставили", "постановки", "учёт"], [],
        ),
        # a noun the parser could not label stands to the verb all the same
        (
            "en",
            [("sent", 0, "ROOT", "VERB"), ("to", 0, "prep", "ADP"), ("front", 1, "pobj", "NOUN"),
             ("10,000", 4, "nummod", "NUM"), ("citizens", 0, "dep", "NOUN")],
            (3, 4), (), ["citizens", "sent", "front"], [],
        ),
        (
            "ru",
            [("На", 1, "case", "ADP"), ("фронт", 2, "obl", "NOUN"), ("отправлены", 2, "ROOT", "VERB"),
             ("10", 4, "nummod", "NUM"), ("тысяч", 5, "nummod", "NOUN"), ("граждан", 2, "dep", "NOUN")],
            (3, 5), (), ["граждан", "отправлены", "фронт"], [],
        ),
        # an impersonal verb of speech («сообщалось») says who gives the figure, as «сообщили» does
        (
            "ru",
            [("сообщалось", 0, "ROOT", "VERB", "сообщаться"), ("о", 2, "case", "ADP"), ("гибели", 0, "obl", "NOUN"),
             ("45", 4, "nummod", "NUM"), ("добровольцев", 2, "nmod", "NOUN")],
            (3, 4), (), ["гибели", "добровольцев"], ["сообщалось"],
        ),
        # an indirect object stands to its verb as an object does
        (
            "en",
            [("Officers", 1, "nsubj", "NOUN"), ("gave", 1, "ROOT", "VERB"), ("150", 3, "nummod", "NUM"),
             ("migrants", 1, "dative", "NOUN"), ("summonses", 1, "dobj", "NOUN")],
            (2, 3), (), ["migrants", "gave", "summonses", "Officers"], [],
        ),
        (
            "ru",
            [("Военкомат", 1, "nsubj", "NOUN"), ("вручил", 1, "ROOT", "VERB"), ("повестки", 1, "obj", "NOUN"),
             ("150", 4, "nummod", "NUM"), ("мигрантам", 1, "iobj", "NOUN")],
            (3, 4), (), ["мигрантам", "вручил", "повестки", "Военкомат"], [],
        ),
        # a sum completes the noun it measures, through «в» / «на» as through "of"
        (
            "en",
            [("promised", 0, "ROOT", "VERB"), ("a", 2, "det", "DET"), ("payment", 0, "dobj", "NOUN"),
             ("of", 2, "prep", "ADP"), ("3,000", 5, "nummod", "NUM"), ("dollars", 3, "pobj", "NOUN")],
            (4, 5), (), ["payment", "dollars", "promised"], [],
        ),
        (
            "ru",
            [("обещают", 0, "ROOT", "VERB"), ("выплату", 0, "obj", "NOUN"), ("в", 5, "case", "ADP"),
             ("195", 4, "nummod", "NUM"), ("тысяч", 5, "nummod", "NOUN"), ("рублей", 1, "nmod", "NOUN")],
            (3, 5), (), ["выплату", "рублей", "обещают"], [],
        ),
        (
            "ru",
            [("назначил", 0, "ROOT", "VERB"), ("штраф", 0, "obj", "NOUN"), ("в", 3, "case", "ADP"),
             ("размере", 1, "nmod", "NOUN"), ("40", 5, "nummod", "NUM"), ("тысяч", 6, "nummod", "NOUN"),
             ("рублей", 3, "nmod", "NOUN")],
            (4, 6), (), ["штраф", "размере", "рублей", "назначил"], [],
        ),
        # a figure that names no noun but carries a clause of its own: that clause is what happened
        (
            "en",
            [("spoke", 0, "ROOT", "VERB"), ("of", 0, "prep", "ADP"), ("300", 3, "nummod", "NUM"),
             ("people", 1, "pobj", "NOUN"), ("found", 3, "acl", "VERB"), ("and", 4, "cc", "CCONJ"),
             ("100", 3, "conj", "NUM"), ("sent", 6, "acl", "VERB"), ("to", 7, "prep", "ADP"),
             ("front", 8, "pobj", "NOUN")],
            (6, 7), (2,), ["sent", "front"], ["spoke", "people", "found"],
        ),
        (
            "ru",
            [("назвал", 0, "ROOT", "VERB"), ("цифры", 0, "obj", "NOUN"), ("10", 3, "nummod", "NUM"),
             ("тыс.", 0, "dep", "ADJ"), ("направленных", 3, "acl", "VERB"), ("в", 6, "case", "ADP"),
             ("зону", 4, "obl", "NOUN")],
            (2, 4), (), ["направленных", "зону"], ["назвал", "цифры"],
        ),
        # a figure after a dash, where a verb would stand, says what the noun before the dash is
        (
            "en",
            [("Army", 1, "compound", "NOUN"), ("losses", 1, "ROOT", "NOUN"), ("–", 4, "punct", "PUNCT"),
             ("500", 4, "nummod", "NUM"), ("people", 1, "parataxis", "NOUN")],
            (3, 4), (), ["Army", "losses", "people"], [],
        ),
        (
            "ru",
            [("Потери", 0, "ROOT", "NOUN"), ("армии", 0, "nmod", "NOUN"), ("—", 4, "punct", "PUNCT"),
             ("500", 4, "nummod", "NUM"), ("человек", 0, "parataxis", "NOUN")],
            (3, 4), (), ["Потери", "армии", "человек"], [],
        ),
        (
            "ru",
            [("Доля", 0, "ROOT", "NOUN"), ("добровольцев", 0, "nmod", "NOUN"), ("—", 4, "punct", "PUNCT"),
             ("27", 4, "nummod", "NUM"), ("%", 0, "parataxis", "SYM")],
            (3, 5), (), ["Доля", "добровольцев"], ["%"],
        ),
        # ... not a place before the dash
        (
            "ru",
            [("В", 1, "case", "ADP"), ("Татарстане", 1, "ROOT", "PROPN"), ("—", 4, "punct", "PUNCT"),
             ("5605", 4, "nummod", "NUM"), ("погибших", 1, "parataxis", "VERB")],
            (3, 4), (), ["погибших"], ["Татарстане"],
        ),
        # a day's date is the claim's time, not what happened; a period bounds the count and stays
        (
            "en",
            [("40", 1, "nummod", "NUM"), ("men", 2, "nsubj", "NOUN"), ("enlisted", 2, "ROOT", "VERB"),
             ("on", 2, "prep", "ADP"), ("2", 5, "nummod", "NUM"), ("March", 3, "pobj", "PROPN")],
            (0, 1), (), ["men", "enlisted"], ["on", "2", "March"],
        ),
        (
            "ru",
            [("11", 3, "obl", "ADJ"), ("октября", 0, "flat", "NOUN"), ("полиция", 3, "nsubj", "NOUN"),
             ("задержала", 3, "ROOT", "VERB"), ("30", 5, "nummod", "NUM"), ("мигрантов", 3, "obj", "NOUN")],
            (4, 5), (), ["мигрантов", "задержала", "полиция"], ["11", "октября"],
        ),
        (
            "en",
            [("17", 1, "nummod", "NUM"), ("men", 2, "nsubj", "NOUN"), ("enlisted", 2, "ROOT", "VERB"),
             ("in", 2, "prep", "ADP"), ("January", 3, "pobj", "PROPN"), ("2024", 4, "nummod", "NUM")],
            (0, 1), (), ["men", "enlisted", "January", "2024"], [],
        ),
        (
            "ru",
            [("в", 1, "case", "ADP"), ("январе", 4, "obl", "NOUN"), ("2024", 3, "amod", "ADJ"),
             ("года", 1, "nmod", "NOUN"), ("встали", 4, "ROOT", "VERB"), ("17", 6, "nummod", "NUM"),
             ("человек", 4, "nsubj", "NOUN")],
            (5, 6), (), ["человек", "встали", "январе", "2024", "года"], [],
        ),
        # ... or through a unit that modifies it
        (
            "en",
            [("support", 0, "ROOT", "VERB"), ("a", 4, "det", "DET"), ("30", 3, "nummod", "NUM"),
             ("day", 4, "compound", "NOUN"), ("ceasefire", 0, "dobj", "NOUN")],
            (2, 3), (), ["day", "ceasefire", "support"], [],
        ),
        (
            "ru",
            [("поддержал", 0, "ROOT", "VERB"), ("перемирие", 0, "obj", "NOUN"), ("на", 4, "case", "ADP"),
             ("30", 4, "nummod", "NUM"), ("дней", 1, "nmod", "NOUN")],
            (3, 4), (), ["перемирие", "дней", "поддержал"], [],
        ),
        # ... but people in a place are no measure of it
        (
            "ru",
            [("гибель", 0, "ROOT", "NOUN"), ("в", 3, "case", "ADP"), ("5", 3, "nummod", "NUM"),
             ("городах", 0, "nmod", "NOUN")],
            (2, 3), (), ["городах"], ["гибель"],
        ),
    ],
)  # fmt: skip
def test_counted_rule_on_a_parse(lang, rows, figure, others, words, absent):
    phrase = counted(lang, rows, figure, others)
    assert all(w in phrase for w in words) and not any(w in phrase for w in absent), phrase


def test_what_happened_to_the_15_of_85_is_the_15s():
    """ "15 of the 85 regions had not published": the 85 counts the regions, nothing happened to them."""
    rows = [
        ("15", 5, "nsubj", "NUM"), ("of", 0, "prep", "ADP"), ("the", 4, "det", "DET"), ("85", 4, "nummod", "NUM"),
        ("regions", 1, "pobj", "NOUN"), ("published", 5, "ROOT", "VERB"),
    ]  # fmt: skip
    assert counted("en", rows, (3, 4), others=(0,)) == ["regions"]
    assert "published" in counted("en", rows, (0, 1), others=(3,))


@pytest.mark.parametrize(
    "text, lang, figure, words, absent",
    [
        ("Fifteen of the 85 regions had not published any data.", "en", "85", ["regions"], ["published"]),
        ("Пятнадцать из 85 регионов не опубликовали данные.", "ru", "85", ["регионов"], ["опубликовали"]),
        ("Officials said 12 recruits had not returned home.", "en", "12", ["recruits", "not", "returned"], []),
        ("Трое мигрантов не встали на воинский учёт.", "ru", "Трое", ["мигрантов", "не", "встали", "учёт"], []),
        ("More than 30 workers were deported or charged with visa offences.", "en", "More than 30",
         ["workers", "deported", "charged", "offences"], []),
        ("В августе 70 солдат были убиты или ранены.", "ru", "70", ["солдат", "убиты", "ранены"], []),
        ("Более 30 рабочих были депортированы или оштрафованы за нарушения.", "ru", "Более 30",
         ["рабочих", "депортированы", "оштрафованы", "нарушения"], []),
        ("The army lost 90 tanks and 40 planes.", "en", "90", ["tanks"], ["planes"]),
        ("Армия уничтожила 747 танков и 2,3 тыс. бронемашин.", "ru", "747", ["танков"], ["бронемашин", "тыс."]),
        ("At least 40 men were forced to sign contracts.", "en", "At least 40", ["men", "forced", "sign", "contracts"],
         []),
        ("Суд лишил гражданства троих мигрантов.", "ru", "троих", ["мигрантов", "лишил", "гражданства"], []),
        ("Ещё семь человек числятся пропавшими без вести.", "ru", "семь", ["человек", "числятся", "пропавшими"], []),
        ("The adverts promised salaries starting at €1,900.", "en", "€1,900", ["salaries"], []),
        ("Volunteers confirmed the names of 320 soldiers.", "en", "320", ["names", "soldiers", "confirmed"], []),
        ("Волонтёры установили имена 320 солдат.", "ru", "320", ["имена", "солдат", "установили"], []),
        ("Nearly 90 people are missing, according to the police.", "en", "Nearly 90", ["people", "missing"],
         ["according", "police"]),
        ("На фронте погибли 26 человек, по данным Минобороны.", "ru", "26", ["человек", "погибли", "фронте"],
         ["данным", "Минобороны"]),
        ("More than a million workers arrived in the city in the four months of 2024.", "en", "More than a million",
         ["workers", "arrived", "four", "months"], []),
        ("На фронт отправили 10 тыс. мигрантов.", "ru", "10 тыс.", ["мигрантов", "отправили", "фронт"], []),
        # a long subject does not crowd out what happened
        ("Officers of the regional migration police in the capital detained 500 migrants during raids on hostels "
         "and mosques in the south of the city.",
         "en", "500", ["migrants", "detained", "raids", "Officers"], []),
        ("Сотрудники регионального управления миграционной полиции в столице задержали 500 мигрантов в ходе рейдов "
         "по общежитиям и мечетям на юге города.",
         "ru", "500", ["мигрантов", "задержали", "рейдов", "Сотрудники"], []),
        ("The shelling killed four people and wounded another two.", "en", "two", ["people", "wounded"], ["killed"]),
        ("По данным полиции, 26 человек погибли, а семь пропали без вести.", "ru", "семь", ["человек", "пропали"],
         ["погибли"]),
        ('"Our losses for today are 5,937 dead," the minister said.', "en", "5,937", ["losses", "dead"], []),
        # a year in the noun's own clause is when, not another figure: the clause stays
        ("More than 300 soldiers who died in 2023 were buried in the region.", "en", "More than 300",
         ["soldiers", "died", "2023", "buried"], []),
        ("Более 300 солдат, погибших в 2023 году, похоронены в области.", "ru", "Более 300",
         ["солдат", "погибших", "2023", "похоронены"], []),
        # ... a clause with another claim's figure goes
        ("Police found 68 foreigners, 58 of whom had left for the front.", "en", "68", ["foreigners"], ["left"]),
        ("Полиция нашла 68 иностранцев, 58 из которых уже уехали на фронт.", "ru", "68", ["иностранцев"], ["уехали"]),
        # who did it, in a passive
        ("Thirty people were killed by Russian shelling.", "en", "Thirty", ["people", "killed", "shelling"], []),
        ("Тридцать человек были убиты российским обстрелом.", "ru", "Тридцать", ["человек", "убиты", "обстрелом"], []),
        ("Putin said the front line was 2,000 km long.", "en", "2,000", ["km", "front", "line"], ["Putin"]),
        ("Линия фронта составляет 2 тыс. километров.", "ru", "2 тыс.", ["километров", "Линия", "фронта"], []),
        ("Weekly fatalities have not dipped below 100 since October.", "en", "below 100",
         ["fatalities", "not", "dipped"], []),
        ("The authorities admitted to 500 deaths.", "en", "500", ["deaths", "admitted", "authorities"], []),
        ("Волонтёры изучают кладбища в 60 городах.", "ru", "60", ["городах", "изучают", "кладбища", "Волонтёры"], []),
        # the noun «тысяч» governs, whatever the tagger makes of what it governs
        ("По словам генерала, на границе сейчас находятся 90 тысяч российских военных.", "ru", "90 тысяч",
         ["российских", "военных", "находятся", "границе"], []),
        ("Пока известно о 40 погибших добровольцах.", "ru", "40", ["добровольцах", "известно"], []),
        ("В январе на учёт встали 17 человек, сообщает газета.", "ru", "17", ["человек", "встали", "учёт"],
         ["сообщает", "газета"]),
        ("На основании открытых данных издание установило имена 92 военных.", "ru", "92",
         ["имена", "военных", "установило"], ["основании", "данных"]),
        ("Благодаря усилиям посольства из армии были уволены 119 человек.", "ru", "119", ["человек", "уволены"],
         ["усилиям", "посольства"]),
        ("Thanks to the talks, 119 men were released from the army.", "en", "119", ["men", "released", "army"],
         ["talks"]),
        ("Армия уничтожила 747 танков и 2,3 тыс. бронемашин.", "ru", "2,3 тыс.", ["бронемашин", "уничтожила"],
         ["танков"]),
        ("The army destroyed 747 tanks and 2,300 armoured vehicles.", "en", "2,300", ["vehicles", "destroyed"],
         ["tanks"]),
        ("Ранее сообщалось о гибели 45 добровольцев из области.", "ru", "45", ["гибели", "добровольцев"],
         ["сообщалось"]),
        ("Военкомат вручил повестки более чем 200 новым гражданам.", "ru", "более чем 200",
         ["гражданам", "вручил", "повестки"], []),
        ("Контрактникам обещают выплату в 195 тысяч рублей.", "ru", "195 тысяч", ["выплату", "рублей", "обещают"], []),
        ("11 октября полиция задержала 30 мигрантов.", "ru", "30", ["мигрантов", "задержала"], ["октября"]),
        ("On 2 March the authorities admitted 500 deaths.", "en", "500", ["deaths", "admitted"], ["March"]),
        ("В январе 2024 года на учёт встали 17 человек.", "ru", "17", ["человек", "встали", "январе", "2024"], []),
        ("In January 2024, 17 men enlisted.", "en", "17", ["men", "enlisted", "January", "2024"], []),
        ("Zelensky said he would support a 30-day ceasefire.", "en", "30", ["ceasefire", "support"], []),
        ("The call-up affects one per cent of the reserve.", "en", "one per cent", ["reserve"], []),
        ("Investigators spoke of more than 300 people found and around 100 sent to the war zone.", "en", "around 100",
         ["sent", "zone"], ["spoke", "found"]),
        ("Открытые источники охватывают от 45 до 65% всех смертей.", "ru", "от 45 до 65%",
         ["смертей", "охватывают"], []),
        ("Потери армии — 500 человек.", "ru", "500", ["Потери", "армии", "человек"], []),
        ("Доля добровольцев — 27%.", "ru", "27%", ["Доля", "добровольцев"], []),
        ("В Татарстане — 5605 погибших.", "ru", "5605", ["погибших"], ["Татарстане"]),
    ],
)  # fmt: skip
def test_counted_rules_on_real_parses(text, lang, figure, words, absent):
    (c,) = [c for c in extract(text, lang=lang) if c.text == figure]
    phrase = (c.counted or "").split()
    assert all(w in phrase for w in words) and not any(w in phrase for w in absent), phrase


@pytest.mark.parametrize(
    "lang, rows, antecedent, words, absent",
    [
        # English names the set for "them": the antecedent comes first
        (
            "en",
            [("500", 3, "nsubjpass", "NUM"), ("of", 0, "prep", "ADP"), ("them", 1, "pobj", "PRON"),
             ("sent", 3, "ROOT", "VERB"), ("to", 3, "prep", "ADP"), ("front", 4, "pobj", "NOUN")],
            "migrants", ["migrants", "of", "them", "sent", "front"], [],
        ),
        # Russian keeps the words as written, «из них»
        (
            "ru",
            [("500", 3, "nsubj", "NUM"), ("из", 2, "case", "ADP"), ("них", 0, "nmod", "PRON"),
             ("уехали", 3, "ROOT", "VERB"), ("на", 5, "case", "ADP"), ("фронт", 3, "obl", "NOUN")],
            "мигрантов", ["из", "них", "уехали", "фронт"], ["мигрантов"],
        ),
    ],
)  # fmt: skip
def test_of_them_reads_as_the_language_says(lang, rows, antecedent, words, absent):
    """ "500 of them were sent": the lexicon's partitive_reads says whether the set named before
    stands first or the words are kept as they stand; what happened is the figure's own."""
    doc = build(lang, rows)
    phrase = (counted_of([doc[0]], antecedent, Cues.of(lexicon(lang))) or "").split()
    assert phrase[0] == words[0] and all(w in phrase for w in words), phrase
    assert not any(w in phrase for w in absent), phrase


@pytest.mark.parametrize(
    "text, lang, words, absent",
    [
        ("Police detained 2,000 migrants. 500 of them were sent to the front.", "en", ["migrants", "them", "sent"],
         []),
        ("Полиция задержала 2000 мигрантов. 500 из них отправили на фронт.", "ru", ["из", "них", "отправили"],
         ["мигрантов"]),
    ],
)  # fmt: skip
def test_of_them_on_real_parses(text, lang, words, absent):
    phrase = (extract(text, lang=lang)[1].counted or "").split()
    assert phrase[0] == words[0] and all(w in phrase for w in words) and not any(w in phrase for w in absent), phrase


def test_of_them_keeps_its_measure_in_either_reading():
    """The set "of them" names still decides the measure when Russian does not print it."""
    en = extract("Russia called up 300,000 mobilized men. 50,000 of them were sent to the front.", lang="en")
    ru = extract("Призваны 300 тысяч мобилизованных. 50 тысяч из них отправлены на фронт.", lang="ru")
    assert en[1].measure == ru[1].measure == "troops.mobilized_deployed"


def test_a_partitive_reading_the_code_does_not_know_is_an_error():
    data = copy.deepcopy(lexicon("ru").data)
    data["counted"]["partitive_reads"] = "both"
    with pytest.raises(LexiconError, match="partitive_reads"):
        Cues.of(Lexicon("ru", data))
