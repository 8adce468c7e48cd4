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


class _Counting:
    """Stands in for lingua's detector, counting the texts it is asked about."""

    def __init__(self, detector):
        self.detector, self.asked = detector, []

    def detect_language_of(self, text):
        self.asked.append(text)
        return self.detector.detect_language_of(text)


@pytest.fixture
def lingua(monkeypatch):
    from tallybook.nlp import language

    counting = _Counting(language._detector())
    monkeypatch.setattr(language, "_detector", lambda: counting)
    return counting


def test_one_alphabet_is_read_by_its_letters_alone(lingua):
    english = "The regional governor said 1,200 volunteers had signed up. Another 40 refused.\nWeekly summary"
    russian = "Губернатор заявил, что набрали 1200 добровольцев. Ещё 40 отказались.\nИтоги недели"
    assert [r.lang for r in language_runs(english)] == ["en"]
    assert [r.lang for r in language_runs(russian)] == ["ru"]
    assert lingua.asked == []


def test_lingua_only_for_a_sentence_of_mixed_letters(lingua):
    text = (
        "Губернатор заявил, что набрали 1200 добровольцев. "
        "Press service Tverskoy Oblast Krai soobshchil 40 otkazalis. "
        "Ещё 40 отказались от контракта."
    )
    runs = language_runs(text)
    assert lingua.asked == []  # each sentence is in one alphabet
    assert [r.lang for r in runs] == ["ru", "en", "ru"]
    mixed = "Пресс-служба Tverskoy Oblast сообщила"
    detect(mixed)
    assert lingua.asked == [mixed]
