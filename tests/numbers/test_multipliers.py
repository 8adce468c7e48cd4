"""A multiplier written as one word ("fivefold", «вдвое») is a number: the ratio of another figure."""

import pytest

from tallybook import read_numbers

CASES = [
    ("Desertions rose fivefold over the winter.", "en", "fivefold", 5, "exact"),
    ("Prices went up nearly twofold.", "en", "nearly twofold", 2, "upper"),
    ("A hundredfold jump was reported.", "en", "hundredfold", 100, "exact"),
    ("Очереди у военкомата выросли вчетверо.", "ru", "вчетверо", 4, "exact"),
    ("Выплаты стали более чем вдвое выше.", "ru", "более чем вдвое", 2, "lower"),
    ("Число рейдов сократилось примерно втрое.", "ru", "примерно втрое", 3, "approx"),
]


@pytest.mark.parametrize("text, lang, surface, value, hedge", CASES)
def test_a_one_word_multiplier_is_read(text, lang, surface, value, hedge):
    (n,) = read_numbers(text, lang)
    assert (n.text, n.value, n.hedge, n.kind) == (surface, value, hedge, "cardinal")
