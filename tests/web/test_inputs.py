"""Numbers typed in a review form, read in the interface's locale or refused."""

from __future__ import annotations

import pytest

from tallybook.web.inputs import NumberError, parse_number


@pytest.mark.parametrize(
    "text, lang, value",
    [
        ("1500", "en", 1500),
        ("1.5", "en", 1.5),
        ("1,5", "ru", 1.5),
        ("1,5", "en", 1.5),
        ("1,500", "en", 1500),
        ("1,500", "ru", 1.5),
        ("1.500", "ru", 1.5),
        ("1,500,000", "en", 1_500_000),
        ("1.500.000", "ru", 1_500_000),
        ("1,500.5", "en", 1500.5),
        ("1.500,5", "ru", 1500.5),
        ("1 500,5", "ru", 1500.5),
        ("1\u00a0500", "ru", 1500),
        ("1\u202f500 000", "ru", 1_500_000),
        ("1 500", "en", 1500),
        ("-3,5", "ru", -3.5),
        ("\u22123", "ru", -3),
        ("12345,678", "en", 12345.678),
        (" 40 ", "en", 40),
    ],
)
def test_locale_numbers(text, lang, value):
    assert parse_number(text, lang) == value


@pytest.mark.parametrize(
    "text", ["15 00", "1,5,0", "nan", "inf", "1e5", "lots", "", "1,50,000", "1,", ",5", "1 500 ,5", "1.5.5,5", "1 5000"]
)
@pytest.mark.parametrize("lang", ["en", "ru"])
def test_what_is_no_number_is_refused(text, lang):
    with pytest.raises(NumberError, match="not a number"):
        parse_number(text, lang)


def test_a_line_break_after_the_decimal_mark_is_refused_not_a_crash():
    with pytest.raises(NumberError, match="not a number"):
        parse_number("1 500,0\n0", "ru")
