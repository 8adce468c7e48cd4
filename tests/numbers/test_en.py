"""English number reading: values, ranges, hedges, units and the exclusions of the guidelines."""

import pytest

from tallybook import read_numbers

# (text, surface, value, value_max, hedge, kind)
CASES = [
    ("around 10,000 naturalized men", "around 10,000", 10000, None, "approx", "cardinal"),
    ("over 30,000 migrants", "over 30,000", 30000, None, "lower", "cardinal"),
    ("about 700,000 soldiers", "about 700,000", 700000, None, "approx", "cardinal"),
    ("an average of 913 soldiers", "an average of 913", 913, None, "average", "cardinal"),
    ("just under 500 deaths", "just under 500", 500, None, "upper", "cardinal"),
    ("up to 10 years", "up to 10", 10, None, "upper", "cardinal"),
    ("nearly 300 per day", "nearly 300", 300, None, "upper", "cardinal"),
    ("at least 21 countries", "at least 21", 21, None, "lower", "cardinal"),
    ("Almost 100 are missing", "Almost 100", 100, None, "upper", "cardinal"),
    ("more than 1.2 million immigrants", "more than 1.2 million", 1200000, None, "lower", "cardinal"),
    ("no fewer than 40 men", "no fewer than 40", 40, None, "lower", "cardinal"),
    ("as many as 2,000 recruits", "as many as 2,000", 2000, None, "upper", "cardinal"),
    ("roughly 15 percent", "roughly 15 percent", 15, None, "approx", "percent"),
    ("some 600 people", "some 600", 600, None, "approx", "cardinal"),
    ("10,000 or more", "10,000 or more", 10000, None, "lower", "cardinal"),
    ("between 5,000 and 7,000 troops", "between 5,000 and 7,000", 5000, 7000, "range", "cardinal"),
    ("5,000–7,000 troops", "5,000–7,000", 5000, 7000, "range", "cardinal"),
    ("from 20 to 30 raids", "from 20 to 30", 20, 30, "range", "cardinal"),
    ("between 5 and 7 million", "between 5 and 7 million", 5e6, 7e6, "range", "cardinal"),
    ("10 000 people", "10 000", 10000, None, "exact", "cardinal"),
    ("10\u00a0000 people", "10\u00a0000", 10000, None, "exact", "cardinal"),
    ("1,234,567 votes", "1,234,567", 1234567, None, "exact", "cardinal"),
    ("1.5 million residents", "1.5 million", 1.5e6, None, "exact", "cardinal"),
    ("25 million people", "25 million", 25e6, None, "exact", "cardinal"),
    ("a budget of $2bn", "$2bn", 2e9, None, "exact", "money"),
    ("$20 each", "$20", 20, None, "exact", "money"),
    ("10k followers", "10k", 10000, None, "exact", "cardinal"),
    ("15% of recruits", "15%", 15, None, "exact", "percent"),
    ("one per cent of them", "one per cent", 1, None, "exact", "percent"),
    ("400,000 roubles", "400,000", 400000, None, "exact", "money"),
    ("0.5 percent", "0.5 percent", 0.5, None, "exact", "percent"),
    ("ten thousand men", "ten thousand", 10000, None, "exact", "cardinal"),
    ("two dozen workers", "two dozen", 24, None, "exact", "cardinal"),
    ("a hundred and fifty men", "a hundred and fifty", 150, None, "exact", "cardinal"),
    ("half a million people", "half a million", 500000, None, "exact", "cardinal"),
    ("seven soldiers", "seven", 7, None, "exact", "cardinal"),
    ("twenty-one countries", "twenty-one", 21, None, "exact", "cardinal"),
    ("one hundred and sixty-one", "one hundred and sixty-one", 161, None, "exact", "cardinal"),
    ("two million three", "two million three", 2000003, None, "exact", "cardinal"),
    ("five point two million", "five point two million", 5.2e6, None, "exact", "cardinal"),
    ("three quarters of them", "three quarters", 0.75, None, "exact", "cardinal"),
    ("five and a half million", "five and a half million", 5.5e6, None, "exact", "cardinal"),
    ("a dozen", "a dozen", 12, None, "exact", "cardinal"),
    ("minus 5 degrees", "minus 5", -5, None, "exact", "cardinal"),
    ("3 hundred and 21 yuan", "3 hundred and 21", 321, None, "exact", "cardinal"),
    ("1,674.5 million", "1,674.5 million", 1.6745e9, None, "exact", "cardinal"),
    ("1.111,11 in Europe", "1.111,11", 1111.11, None, "exact", "cardinal"),
    # exclusions: read, but of a kind that is never a claim
    ("in December 2023 that", "2023", 2023, None, "exact", "year"),
    ("since 2022 the war", "2022", 2022, None, "exact", "year"),
    ("on 2 March the", "2", 2, None, "exact", "date"),
    ("on March 25 the", "25", 25, None, "exact", "date"),
    ("on 25.03.2022 the", "25.03.2022", 25, None, "exact", "date"),
    ("a 35-year-old man", "35", 35, None, "exact", "age"),
    ("aged 42, he", "42", 42, None, "exact", "age"),
    ("men 30 years old", "30", 30, None, "exact", "age"),
    ("the 155th brigade", "155th", 155, None, "exact", "ordinal"),
    # identifiers.after: digits that name a unit after "the" (they were read as a count)
    ("the 155 brigade fought", "155", 155, None, "exact", "identifier"),
    ("the 155 motor rifle brigade", "155", 155, None, "exact", "identifier"),
    ("155 brigades were moved", "155", 155, None, "exact", "cardinal"),
    ("the 300 guards left", "300", 300, None, "exact", "cardinal"),
    # ordinals.words: an ordinal word ending a cardinal (it was read as "twenty", 20)
    ("the twenty-first day", "twenty-first", 21, None, "exact", "ordinal"),
    ("the one hundred and first day", "one hundred and first", 101, None, "exact", "ordinal"),
    ("Article 328 of the code", "328", 328, None, "exact", "identifier"),
    ("page 12 of the report", "12", 12, None, "exact", "identifier"),
    ("at 10:30 on Monday", "10:30", 10, None, "exact", "time"),
    ("one of them", "one", 1, None, "exact", "pronoun"),
    ("In 2022-2023 they", "2022-2023", 2022, 2023, "range", "year"),
]


@pytest.mark.parametrize("text,surface,value,value_max,hedge,kind", CASES)
def test_reads_one_number(text, surface, value, value_max, hedge, kind):
    found = [n for n in read_numbers(text, "en")]
    assert found, text
    n = found[0]
    assert n.text == surface
    assert text[n.start : n.end] == surface
    assert n.value == pytest.approx(value)
    assert n.value_max == (pytest.approx(value_max) if value_max is not None else None)
    assert n.hedge == hedge
    assert n.kind == kind


@pytest.mark.parametrize("text", ["no one came", "which one is it", "the one he saw", "This one is good"])
def test_pronoun_one_is_no_number(text):
    assert read_numbers(text, "en") == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("dozens of migrants", 12),
        ("tens of thousands of men", 10000),
        ("hundreds of recruits", 100),
        ("millions of people", 1e6),
    ],
)
def test_vague_multiples_are_marked(text, value):
    (n,) = read_numbers(text, "en")
    assert n.vague and n.kind == "vague" and n.value == value


def test_every_number_of_a_sentence():
    text = "On 2 March 2022, 15 of Russia's 85 regions had 1,351 dead."
    assert [(n.text, n.kind) for n in read_numbers(text, "en")] == [
        ("2", "date"),
        ("2022", "year"),
        ("15", "cardinal"),
        ("85", "cardinal"),
        ("1,351", "cardinal"),
    ]


def test_two_numbers_joined_by_and_are_two():
    assert [n.value for n in read_numbers("4000 and 21 men", "en")] == [4000, 21]


# Fractions, decimals and lists written the long way: (text, surface, value)
FRACTIONS = [
    ("a tenth of the budget", "a tenth", 0.1),
    ("four sevenths of the land", "four sevenths", 4 / 7),
    ("two-fifths of the wells", "two-fifths", 0.4),
    ("one twenty-fourth of it", "one twenty-fourth", 1 / 24),
    ("five thirty-sixths", "five thirty-sixths", 5 / 36),
    ("a millionth", "a millionth", 1e-6),
    ("thirty and two fifths", "thirty and two fifths", 30.4),
    ("seven and a fortieth", "seven and a fortieth", 7.025),
    ("four billion and two fifths", "four billion and two fifths", 4.4e9),
    ("three million and a half thousand", "three million and a half thousand", 3000500),
    ("eight million and one half", "eight million and one half", 8.5e6),
    ("two and a half thousand", "two and a half thousand", 2500),
    ("three quarters of a million", "three quarters of a million", 750000),
    ("quarter billion", "quarter billion", 2.5e8),
    ("one in four recruits", "one in four", 0.25),
    ("three out of ten", "three out of ten", 0.3),
    ("6 over 4", "6 over 4", 1.5),
    ("3 3/4 miles", "3 3/4", 3.75),
    ("¾ of them", "¾", 0.75),
    ("4½ hours", "4½", 4.5),
    ("a .75 share", ".75", 0.75),
    ("point four oh six", "point four oh six", 0.406),
    ("six point oh two", "six point oh two", 6.02),
    ("2.5^2", "2.5^2", 6.25),
    ("3x10^4 cells", "3x10^4", 30000),
    ("4.2×10−3", "4.2×10−3", 0.0042),
    ("five million, four hundred & six", "five million, four hundred & six", 5000406),
    ("a thirty-second of it", "a thirty-second", 1 / 32),
    ("two hundred and three eighths", "two hundred and three eighths", 200.375),
    ("minus two over 8", "minus two over 8", -0.25),
]


@pytest.mark.parametrize("text,surface,value", FRACTIONS)
def test_reads_fractions_and_notations(text, surface, value):
    n = read_numbers(text, "en")[0]
    assert (n.text, n.value) == (surface, pytest.approx(value))


@pytest.mark.parametrize(
    "text,values",
    [
        ("items 14,18,23", [14, 18, 23]),
        ("host 10.0.0.7", [10, 0, 0, 7]),
        ("5 hundred and 6 hundred", [500, 600]),
        ("9 thousand and 0", [9000, 0]),
        ("six thousand and seven thousand", [6000, 7000]),
        ("on 3/14/2021 it", [3, 14, 2021]),
        ("call +7-495-1234/5678", [7, 495, 1234, 5678]),
        ("five-nought-one", [5, 0, 1]),
        ("see https://example.org/a?id=25%20x and 3 more", [3]),
        ("two in 2022", [2, 2022]),
        ("20 over three days", [20, 3]),
        ("four quarters", [1.0]),
    ],
)
def test_separate_numbers_stay_separate(text, values):
    assert [n.value for n in read_numbers(text, "en")] == [pytest.approx(v) for v in values]


def test_signs_before_a_space_and_after_a_currency():
    assert [n.value for n in read_numbers("- 7 thousand", "en")] == [-7000]
    (n,) = read_numbers("a loss of $-12.5", "en")
    assert (n.value, n.unit) == (-12.5, "USD")


@pytest.mark.parametrize(
    "text,surface,hedge",
    [
        ("about 400 or more", "about 400 or more", "lower"),
        ("roughly 90 or fewer", "roughly 90 or fewer", "upper"),
        ("at least 12 or so", "at least 12", "lower"),
    ],
)
def test_a_bound_after_the_number_outranks_an_approximation_before_it(text, surface, hedge):
    (n,) = read_numbers(text, "en")
    assert (n.text, n.hedge) == (surface, hedge)


@pytest.mark.parametrize(
    "text,surface,low,high,unit",
    [
        ("doses of 20 mg to 40 mg a day", "20 mg to 40", 20, 40, "mg"),
        ("between 3 miles and 7 miles away", "between 3 miles and 7", 3, 7, "mile"),
        ("from 2 km to 6 km", "from 2 km to 6", 2, 6, "km"),
    ],
)
def test_a_range_whose_ends_both_carry_a_unit(text, surface, low, high, unit):
    (n,) = read_numbers(text, "en")
    assert (n.text, n.value, n.value_max, n.hedge, n.unit) == (surface, low, high, "range", unit)


@pytest.mark.parametrize(
    "text,values",
    [
        ("jailed 5 people to 9 years", [5, 9]),
        ("cut from 8 mg to 3 g", [8, 3]),
    ],
)
def test_a_unit_between_two_numbers_that_is_not_repeated_is_no_range(text, values):
    assert [n.value for n in read_numbers(text, "en")] == values


@pytest.mark.parametrize(
    "text,unit",
    [("a 12km march", "km"), ("40kg of explosives", "kg"), ("250 ml", "ml"), ("30 miles", "mile"), ("-5 °C", "°C")],
)
def test_units_written_after_the_number(text, unit):
    assert read_numbers(text, "en")[0].unit == unit


def test_a_sign_right_after_a_comparison():
    (n,) = read_numbers("readings <-40", "en")
    assert (n.value, n.hedge) == (-40, "upper")
