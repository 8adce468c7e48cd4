"""A word of hours after digits ("hours", «часов») names a time of day only in a clock's frame:
after "at" / «в», «к», or before a word of the time of day; elsewhere the digits count hours."""

import pytest

from tallybook import read_numbers

CASES = [
    # a time of day
    ("The convoy left at 0600 hours on the second day.", "en", "0600", "time", "exact"),
    ("Patrols started at 2200 hours sharp.", "en", "2200", "time", "exact"),
    ("Сбор назначили в 9 часов у военкомата.", "ru", "9", "time", "exact"),
    ("Автобусы пришли к 6 часам.", "ru", "6", "time", "exact"),
    ("Обстрел начался в 3 часа ночи.", "ru", "3", "time", "exact"),
    ("Сирены звучали с 4 часов утра.", "ru", "4", "time", "exact"),
    ("Патруль заступил в 20 ч.", "ru", "20", "time", "exact"),
    # a span of hours, with or without a hedge
    ("The crew had flown roughly 410 hours since spring.", "en", "roughly 410", "cardinal", "approx"),
    ("Volunteers put in more than 90 hours of work.", "en", "more than 90", "cardinal", "lower"),
    ("The talks went on for 36 hours.", "en", "36", "cardinal", "exact"),
    ("Задержанных держали около 48 часов без воды.", "ru", "около 48", "cardinal", "approx"),
    ("Переговоры шли 17 часов подряд.", "ru", "17", "cardinal", "exact"),
    ("Смена длится почти 12 ч.", "ru", "почти 12", "cardinal", "upper"),
]


@pytest.mark.parametrize("text, lang, surface, kind, hedge", CASES)
def test_hour_words_make_a_time_only_in_a_clocks_frame(text, lang, surface, kind, hedge):
    (n,) = read_numbers(text, lang)[:1]
    assert (n.text, n.kind, n.hedge) == (surface, kind, hedge)
