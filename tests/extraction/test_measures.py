"""Measures from the domain pack: the same quantity gets the same measure in either language."""

import pytest

from tallybook import extract
from tallybook.extraction.measures import load_pack

PAIRS = [
    (
        (
            "Investigators found more than 30,000 people who had received Russian citizenship but had not "
            "registered for military service. Approximately 10,000 of them had been sent to the front.",
            "en",
        ),
        (
            "Следователи выявили более 30 000 человек, которые получили российское гражданство, но не встали "
            "на воинский учёт. Около 10 000 из них уже направлены на фронт.",
            "ru",
        ),
        ["recruitment.naturalized_registered", "recruitment.naturalized_sent_to_front"],
    ),
    (
        ("Russia will call up 300,000 reservists, the defence minister said.", "en"),
        ("Россия призовёт 300 000 резервистов, заявил министр обороны.", "ru"),
        ["recruitment.mobilized"],
    ),
    (
        ("Police detained 150 migrants in raids on warehouses.", "en"),
        ("Полиция задержала 150 мигрантов в ходе рейдов на склады.", "ru"),
        ["raids.detentions"],
    ),
]


@pytest.mark.parametrize("english,russian,measures", PAIRS)
def test_same_measure_in_both_languages(english, russian, measures):
    for text, lang in (english, russian):
        assert [c.measure for c in extract(text, lang=lang)] == measures


@pytest.mark.parametrize("text,lang", PAIRS[0][:2])
def test_of_them_counts_what_the_figure_before_counted(text, lang):
    """The noun phrase comes from the figure before (English prints it; Russian keeps «из них» as
    written, and the measure above is still the set's); what happened is the figure's own."""
    first, second = extract(text, lang=lang)
    noun = {
        "en": "people who had received Russian citizenship",
        "ru": "человек которые получили российское гражданство",
    }[lang]
    assert noun in first.counted and second.counted.startswith({"en": noun, "ru": "из них"}[lang])
    assert second.counted.endswith({"en": "sent to the front", "ru": "направлены на фронт"}[lang])


@pytest.mark.parametrize(
    "word,text,hit",
    [
        ("citizens$", "foreign citizens recruited", True),
        ("citizens$", "received citizenship", False),
        ("citizens", "received citizenship", True),
    ],
)
def test_whole_word_marker(word, text, hit, tmp_path):
    pack = tmp_path / "pack.toml"
    pack.write_text(f'[[measure]]\nid = "m"\nen = [["{word}"]]\n', encoding="utf-8")
    assert (load_pack(str(pack)).match(text, "", "en", None) == "m") == hit


@pytest.mark.parametrize(
    "text,lang,first,second",
    [
        (
            "Some 68 foreigners signed contracts in 2023, 58 of whom have already left for the front.",
            "en",
            "foreigners signed contracts in 2023",
            "foreigners left for the front",
        ),
        (
            "Этим воспользовались 68 иностранцев в 2023 году, 58 из которых уже выехали на службу.",
            "ru",
            "воспользовались иностранцев 2023 году",
            "выехали на службу",
        ),
    ],
)
def test_a_clause_with_its_own_figure_stays_out_of_the_counted_phrase(text, lang, first, second):
    assert [c.counted for c in extract(text, lang=lang)] == [first, second]


def test_measures_sharing_words_each_answer_for_their_own(tmp_path):
    """Each pack word is looked up once per text and shared by every measure that has it: a word
    found for one measure counts for the next, and a whole word ("citizens$") is not its prefix."""
    pack = tmp_path / "pack.toml"
    pack.write_text(
        '[[measure]]\nid = "dead"\nen = [["recruit"], ["killed$"]]\n'
        '[[measure]]\nid = "sent"\nen = [["recruit"], ["sent"]]\n'
        '[[measure]]\nid = "whole"\nen = [["citizens$"]]\n'
        '[[measure]]\nid = "prefix"\nen = [["citizens"]]\n',
        encoding="utf-8",
    )
    p = load_pack(str(pack))
    assert p.match("recruits sent to the front", "", "en", None) == "sent"
    assert p.match("recruits killed in the assault", "", "en", None) == "dead"
    assert p.match("men who received citizenship", "", "en", None) == "prefix"
    assert p.match("foreign citizens", "", "en", None) == "whole"
    assert [m.hits("recruits sent, recruits killed", "en") for m in p.measures] == [2, 2, 0, 0]
