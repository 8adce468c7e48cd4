"""When an incident happened: the date of its own clause, ranges as precise as their ends
agree, and yearless dates of a text with no publication date. Texts written for these tests."""

from __future__ import annotations

import pytest

import tallybook
from tallybook.extraction.dates import dates_in, latest_year
from tallybook.extraction.triggers import load_incident_pack


def _date(text: str, lang: str, kind: str, published: str | None = None) -> str | None:
    (inc,) = [i for i in tallybook.incidents(text, lang=lang, published=published) if i.type == kind]
    return inc.date


@pytest.mark.parametrize(
    "lang,sentence,value",
    [
        ("en", "From 3 June 2024 to 9 June 2024 the checks went on.", "2024-06"),
        ("ru", "С 5 марта 2023 года по 20 апреля 2023 года шли проверки.", "2023"),
    ],
)
def test_a_range_is_as_precise_as_its_ends_agree(lang, sentence, value):
    words = load_incident_pack().dates[lang]
    (w,) = dates_in(sentence, lang, None, words)
    assert w.value == value


def test_a_range_of_different_years_gives_no_date():
    words = load_incident_pack().dates["en"]
    assert dates_in("From May 1998 to June 2001 the war went on.", "en", None, words) == []


def test_a_date_of_another_clause_is_not_the_incidents():
    text = "In June 2024 Nepal banned work in Russia after 12 of its citizens were killed at the front."
    assert _date(text, "en", "death") is None
    text = "В марте 2024 года МВД сообщило, что в Омске задержали 30 мигрантов."
    assert _date(text, "ru", "detention") == "2024-03"


def test_a_yearless_date_takes_the_latest_year_the_text_states():
    text = "В мае 2023 года закон изменили. 14 октября в Самаре провели рейд на рынке."
    words = load_incident_pack().dates["ru"]
    assert latest_year(text, "ru", words) == 2023
    assert _date(text, "ru", "raid") == "2023-10-14"
    assert _date(text, "ru", "raid", published="2025-01-20") == "2024-10-14"


def test_a_range_whose_ends_take_their_prepositions():
    words = load_incident_pack().dates["ru"]
    assert dates_in("С мая 2001 года по март 2004 года там погибли 300 человек.", "ru", None, words) == []
