"""Language detection: whole texts, short texts, and texts that mix English and Russian."""

import pytest

from tallybook import extract
from tallybook.nlp.language import detect, language_runs


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Около 10 тысяч", "ru"),
        ("About 10,000", "en"),
        ("Шойгу: 300 000", "ru"),
        ("UK MoD: 913 a day", "en"),
        ("Минобороны Великобритании (UK Ministry of Defence) сообщило о потерях", "ru"),
        ("The channel «Верстка» reported that recruiters visited the dormitories", "en"),
        ("", "en"),
        ("12 345", "en"),
    ],
)
def test_detect(text, lang):
    assert detect(text) == lang


MIXED = (
    "Russia's Investigative Committee head spoke on Tuesday. He said 10,000 were sent.\n"
    "Глава СК заявил, что около 10 тысяч мигрантов отправлены на фронт. Ещё 30 000 получили гражданство.\n"
    "The UK Ministry of Defence said 900 soldiers die each day."
)


def test_runs_cover_the_text_in_order():
    runs = language_runs(MIXED)
    assert [r.lang for r in runs] == ["en", "ru", "en"]
    assert runs[0].start == 0 and runs[-1].end == len(MIXED)
    assert all(a.end == b.start for a, b in zip(runs, runs[1:]))
    assert MIXED[runs[1].start : runs[1].end].startswith("Глава СК")


def test_a_short_sentence_takes_the_language_around_it():
    text = "Глава СК заявил, что около 10 тысяч мигрантов отправлены на фронт. Kyiv, 3 March. Ещё 30 000 получили гражданство."
    assert [r.lang for r in language_runs(text)] == ["ru"]


def test_mixed_text_is_read_run_by_run():
    claims = extract(MIXED)
    assert [(c.text, c.lang) for c in claims] == [
        ("10,000", "en"),
        ("около 10 тысяч", "ru"),
        ("30 000", "ru"),
        ("900", "en"),
    ]
    for c in claims:
        assert MIXED[c.start : c.end] == c.text
        assert MIXED[c.sentence[0] : c.sentence[1]].strip()
    assert claims[1].hedge == "approx" and claims[1].value == 10000
    assert claims[3].speaker == "UK Ministry of Defence"
