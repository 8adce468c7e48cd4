"""Every example quoted in a comment or docstring of the numbers code is a case here, read as
the comment says: test_every_quoted_example_is_a_case fails on a new example without its case."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

from tallybook import read_numbers

NUMBERS = Path(__file__).resolve().parents[2] / "src" / "tallybook" / "numbers"
QUOTED = re.compile(r'"([^"]+)"|«([^»]+)»')

# (example, language, [(surface, value or (low, high), kind)]); words quoted as vocabulary
# ("of", "th", "soldiers") are cases too: they read as no number.
EXAMPLES = [
    ("1,674.5 G", "en", [("1,674.5 G", 1674500000000, "cardinal")]),
    ("$-99.99", "en", [("$-99.99", -99.99, "money")]),
    ("US$5", "en", [("US$5", 5, "money")]),
    ("2 1/4", "en", [("2 1/4", 2.25, "cardinal")]),
    ("in 2022 over 300 people", "en", [("2022", 2022, "year"), ("over 300", 300, "cardinal")]),
    ("20 over three days", "en", [("20", 20, "cardinal"), ("over three", 3, "cardinal")]),
    ("two in 2022", "en", [("two", 2, "cardinal"), ("2022", 2022, "year")]),
    ("tens of thousands", "en", [("tens of thousands", 10000, "vague")]),
    ("десятки тысяч", "ru", [("десятки тысяч", 10000, "vague")]),
    ("dozens", "en", [("dozens", 12, "vague")]),
    ("minus 5", "en", [("minus 5", -5, "cardinal")]),
    ("-5", "en", [("-5", -5, "cardinal")]),
    ("- 10 k", "en", [("- 10 k", -10000, "cardinal")]),
    ("one in five", "en", [("one in five", 0.2, "cardinal")]),
    ("two out of five hundred", "en", [("two out of five hundred", 0.004, "cardinal")]),
    ("1 over 3", "en", [("1 over 3", 0.3333333333333333, "cardinal")]),
    ("около тысячи", "ru", [("около тысячи", 1000, "cardinal")]),
    ("4", "en", [("4", 4, "cardinal")]),
    ("four", "en", [("four", 4, "cardinal")]),
    ("четыре", "ru", [("четыре", 4, "cardinal")]),
    ("forty", "en", [("forty", 40, "cardinal")]),
    ("hundred", "en", [("hundred", 100, "cardinal")]),
    ("двести", "ru", [("двести", 200, "cardinal")]),
    ("thousand", "en", [("thousand", 1000, "cardinal")]),
    ("тысяч", "ru", [("тысяч", 1000, "vague")]),
    ("dozen", "en", [("dozen", 12, "cardinal")]),
    ("and", "en", []),
    ("forty-", "en", [("forty", 40, "cardinal")]),
    ("a", "en", []),
    ("half", "en", [("half", 0.5, "cardinal")]),
    ("fifth", "en", []),
    ("fifths", "en", []),
    ("quarter", "en", []),
    ("point five", "en", [("point five", 0.5, "cardinal")]),
    ("три десятых", "ru", [("три десятых", 0.3, "cardinal")]),
    ("five billion and three quarters", "en", [("five billion and three quarters", 5750000000, "cardinal")]),
    ("and a half million", "en", [("a half million", 500000, "cardinal")]),
    ("millions", "en", [("millions", 1000000, "vague")]),
    ("сотни людей", "ru", [("сотни", 100, "vague")]),
    ("3 hundred and 2 hundred", "en", [("3 hundred", 300, "cardinal"), ("2 hundred", 200, "cardinal")]),
    ("two thousand and five thousand", "en", [("two thousand", 2000, "cardinal"), ("five thousand", 5000, "cardinal")]),
    ("three lakh crore", "en", [("three lakh crore", 3000000000000, "cardinal")]),
    ("thousands", "en", [("thousands", 1000, "vague")]),
    ("hundred thousand dollars", "en", [("hundred thousand", 100000, "money")]),
    ("quarter million", "en", [("quarter million", 250000, "cardinal")]),
    ("point zero two", "en", [("point zero two", 0.02, "cardinal")]),
    ("and 0", "en", [("0", 0, "cardinal")]),
    ("half a million", "en", [("half a million", 500000, "cardinal")]),
    ("half million", "en", [("half million", 500000, "cardinal")]),
    ("half a dozen", "en", [("half a dozen", 6, "cardinal")]),
    ("a half", "en", [("a half", 0.5, "cardinal")]),
    ("... and a half", "en", [("a half", 0.5, "cardinal")]),
    ("one half", "en", [("one half", 0.5, "cardinal")]),
    ("two thirds of a million", "en", [("two thirds of a million", 666666.6666666666, "cardinal")]),
    ("forty seven", "en", [("forty seven", 47, "cardinal")]),
    ("4 thousand 3 hundred and 21", "en", [("4 thousand 3 hundred and 21", 4321, "cardinal")]),
    ("1,5 млн", "ru", [("1,5 млн", 1500000, "cardinal")]),
    ("1,5", "en", [("1,5", 1.5, "cardinal")]),
    ("three twenty-fifths", "en", [("three twenty-fifths", 0.12, "cardinal")]),
    ("forty-four", "en", [("forty-four", 44, "cardinal")]),
    ("двести пять", "ru", [("двести пять", 205, "cardinal")]),
    ("three hundred", "en", [("three hundred", 300, "cardinal")]),
    ("lakh crore", "en", [("lakh crore", 1000000000000, "cardinal")]),
    ("two dozen", "en", [("two dozen", 24, "cardinal")]),
    ("три сотни", "ru", [("три сотни", 300, "cardinal")]),
    ("a dozen", "en", [("a dozen", 12, "cardinal")]),
    ("three fifths", "en", [("three fifths", 0.6, "cardinal")]),
    ("a quarter million", "en", [("a quarter million", 250000, "cardinal")]),
    ("three million, two hundred and forty", "en", [("three million, two hundred and forty", 3000240, "cardinal")]),
    ("one-eighth", "en", [("one-eighth", 0.125, "cardinal")]),
    ("five hundred-fifths", "en", [("five hundred-fifths", 100, "cardinal")]),
    ("a hundred", "en", [("a hundred", 100, "cardinal")]),
    ("and a half", "en", [("a half", 0.5, "cardinal")]),
    ("a fifth", "en", [("a fifth", 0.2, "cardinal")]),
    ("a twenty-fifth", "en", [("a twenty-fifth", 0.04, "cardinal")]),
    ("две целых три десятых", "ru", [("две целых три десятых", 2.3, "cardinal")]),
    ("two point five", "en", [("two point five", 2.5, "cardinal")]),
    ("fifty-four hundredths", "en", [("fifty-four hundredths", 0.54, "cardinal")]),
    ("twenty and three and three fifths", "en", [("twenty and three and three fifths", 23.6, "cardinal")]),
    ("twenty-fifths", "en", [("twenty-fifths", 4, "cardinal")]),
    ("of", "en", []),
    ("two and a half million", "en", [("two and a half million", 2500000, "cardinal")]),
    ("one billion and a half million", "en", [("one billion and a half million", 1000500000, "cardinal")]),
    ("(и) три десятых", "ru", [("три десятых", 0.3, "cardinal")]),
    ("a hundred trillionths", "en", [("a hundred trillionths", 1e-10, "cardinal")]),
    ("155th", "en", [("155th", 155, "ordinal")]),
    ("th", "en", []),
    ("10:30", "en", [("10:30", 10, "time")]),
    ("one hundred and first", "en", [("one hundred and first", 101, "ordinal")]),
    ("до 2025 года", "ru", [("2025", 2025, "year")]),
    ("до 2000 человек", "ru", [("до 2000", 2000, "cardinal")]),
    ("the 2016 presidential election", "en", [("2016", 2016, "year")]),
    ("a 2005 video", "en", [("2005", 2005, "year")]),
    ("2000 soldiers", "en", [("2000", 2000, "cardinal")]),
    ("one", "en", [("one", 1, "cardinal")]),
    ("12.05.2024", "en", [("12.05.2024", 12, "date")]),
    ("двадцать пятого", "ru", [("двадцать пятого", 25, "ordinal")]),
    ("twenty-first", "en", [("twenty-first", 21, "ordinal")]),
    ("года", "ru", []),
    ("сто десятая", "ru", [("сто десятая", 110, "ordinal")]),
    ("пять первых дней", "ru", [("пять", 5, "cardinal")]),
    ("2-й", "ru", [("2-й", 2, "ordinal")]),
    ("3-го", "ru", [("3-го", 3, "ordinal")]),
    ("15%", "en", [("15%", 15, "percent")]),
    ("$5", "en", [("$5", 5, "money")]),
    ("100 руб.", "ru", [("100 руб.", 100, "money")]),
    ("5 pm", "en", [("5", 5, "time")]),
    ("в 7 утра", "ru", [("7", 7, "time")]),
    ("at 1800 hours", "en", [("1800", 1800, "time")]),
    ("$5-million", "en", [("$5-million", 5e6, "money")]),
    ("150-тысячная", "ru", [("150-тысячная", 150000, "cardinal")]),
    ("2-х тысяч", "ru", [("2-х тысяч", 2000, "cardinal")]),
    ("5-ти миллионов", "ru", [("5-ти миллионов", 5e6, "cardinal")]),
    ("a second half", "en", [("half", 0.5, "ordinal")]),
    ("в первой четверти года", "ru", [("четверти", 0.25, "ordinal")]),
    ("треть", "ru", [("треть", 1 / 3, "cardinal")]),
    ("одна треть", "ru", [("одна треть", 1 / 3, "cardinal")]),
    ("threefold", "en", [("threefold", 3, "cardinal")]),
    ("a threefold rise", "en", [("threefold", 3, "cardinal")]),
    ("выросло вдвое", "ru", [("вдвое", 2, "cardinal")]),
    ("в 7 часов", "ru", [("7", 7, "time")]),
    ("5 часов утра", "ru", [("5", 5, "time")]),
    ("about 300 hours", "en", [("about 300", 300, "cardinal")]),
    ("aged 35", "en", [("35", 35, "age")]),
    ("a 35-year-old", "en", [("35", 35, "age")]),
    ("35-летний", "ru", [("35", 35, "age")]),
    ("in 2024", "en", [("2024", 2024, "year")]),
    ("2022 года", "ru", [("2022", 2022, "year")]),
    ("the 2016 election", "en", [("2016", 2016, "year")]),
    ("2014–2015", "en", [("2014–2015", (2014.0, 2015.0), "year")]),
    ("soldiers", "en", []),
    ("men", "en", []),
    ("человек", "ru", []),
    ("5 June", "en", [("5", 5, "date")]),
    ("June 5", "en", [("5", 5, "date")]),
    ("5–7 June", "en", [("5–7", (5.0, 7.0), "date")]),
    ("article 105", "en", [("105", 105, "identifier")]),
    ("No. 5", "en", [("5", 5, "identifier")]),
    ("статья 328", "ru", [("328", 328, "identifier")]),
    ("MH-17", "en", [("17", 17, "identifier")]),
    ("the 155 brigade fought", "en", [("155", 155, "identifier")]),
    ("105 УК РФ", "ru", [("105", 105, "identifier")]),
    ("155 brigades", "en", [("155", 155, "cardinal")]),
    ("a 155 brigade push", "en", [("155", 155, "cardinal")]),
    ("one of them", "en", [("one", 1, "pronoun")]),
    ("one another", "en", [("one", 1, "pronoun")]),
    ("no one", "en", []),
    ("the one", "en", []),
    ("300 people", "en", [("300", 300, "cardinal")]),
    ("5 km", "en", [("5", 5, "cardinal")]),
    ("2024", "en", [("2024", 2024, "year")]),
    ("5-ти", "ru", [("5-ти", 5, "cardinal")]),
    ("5 to 10 thousand", "en", [("5 to 10 thousand", (5000.0, 10000.0), "cardinal")]),
    ("44 mg to 50 mg", "en", [("44 mg to 50", (44.0, 50.0), "cardinal")]),
    ("15%–20%", "en", [("15%–20%", (15.0, 20.0), "percent")]),
    ("30 тысяч человек и более", "ru", [("30 тысяч человек и более", 30000, "cardinal")]),
    ("about 500 or more", "en", [("about 500 or more", 500, "cardinal")]),
    ("between 10 and 20", "en", [("between 10 and 20", (10.0, 20.0), "cardinal")]),
    ("about 500", "en", [("about 500", 500, "cardinal")]),
    ("10,000 or more", "en", [("10,000 or more", 10000, "cardinal")]),
    ("10-20", "en", [("10-20", (10.0, 20.0), "cardinal")]),
    ("от 5 до 7", "ru", [("от 5 до 7", (5.0, 7.0), "cardinal")]),
    ("+1-222-2222", "en", [("1", 1, "cardinal"), ("222", 222, "cardinal"), ("2222", 2222, "cardinal")]),
    ("three-nought-four", "en", [("three", 3, "cardinal"), ("nought", 0, "identifier"), ("four", 4, "identifier")]),
    ("10 thousand", "en", [("10 thousand", 10000, "cardinal")]),
    ("about", "en", []),
    ("or more", "en", []),
    ("30", "en", [("30", 30, "cardinal")]),
    ("drop", "en", []),
    ("US$", "en", []),
    ("first", "en", []),
    ("двадцат|ого", "ru", []),
    ("i7 860", "en", [("7", 7, "cardinal"), ("860", 860, "cardinal")]),
    ("2½", "en", [("2½", 2.5, "cardinal")]),
    ("¾", "en", [("¾", 0.75, "cardinal")]),
    ("10,000", "en", [("10,000", 10000, "cardinal")]),
    ("10.000", "ru", [("10.000", 10000, "cardinal")]),
    ("1.500", "en", [("1.500", 1.5, "cardinal")]),
    ("1,500", "ru", [("1,500", 1.5, "cardinal")]),
    ("22,24,26", "en", [("22", 22, "cardinal"), ("24", 24, "cardinal"), ("26", 26, "cardinal")]),
    (
        "192.168.1.2",
        "en",
        [("192", 192, "cardinal"), ("168", 168, "cardinal"), ("1", 1, "cardinal"), ("2", 2, "cardinal")],
    ),
    (".", "en", []),
    (",", "en", []),
]


def quoted_examples() -> set[str]:
    """Every "..." and «...» in the comments and docstrings of src/tallybook/numbers."""
    found = set()
    for path in NUMBERS.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        texts = [t.string for t in tokenize.generate_tokens(io.StringIO(source).readline) if t.type == tokenize.COMMENT]
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and ast.get_docstring(node):
                texts.append(ast.get_docstring(node))
        found |= {m.group(1) or m.group(2) for text in texts for m in QUOTED.finditer(text)}
    return found


def test_every_quoted_example_is_a_case():
    missing = quoted_examples() - {text for text, _, _ in EXAMPLES}
    assert not missing, f"examples in the numbers code without a case here: {sorted(missing)}"


@pytest.mark.parametrize("text, lang, expected", EXAMPLES, ids=[e[0] for e in EXAMPLES])
def test_example_reads_as_the_comment_says(text, lang, expected):
    got = [
        (n.text, n.value if n.value_max is None else (n.value, n.value_max), n.kind) for n in read_numbers(text, lang)
    ]
    assert [(s, pytest.approx(v), k) for s, v, k in expected] == got
