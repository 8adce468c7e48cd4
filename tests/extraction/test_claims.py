"""Claims: what is kept, what is counted, hedges, periods, times and measures."""

import pytest

from tallybook import extract


def test_exclusions_are_not_claims():
    text = (
        "In December 2023, a 35-year-old man from the 155th brigade was charged under Article 328. "
        "One of them said no one knew. On 2 March 1,351 soldiers had died."
    )
    assert [c.text for c in extract(text, lang="en")] == ["1,351"]


def test_counted_thing_and_what_happened_to_it():
    (c,) = extract("Around 10,000 naturalized men have already been sent to the front lines.", lang="en")
    assert c.counted is not None
    assert "naturalized men" in c.counted and "sent" in c.counted


@pytest.mark.parametrize(
    "text,words,absent",
    [
        # what the figure is, when it is "of" a noun: the noun, not the preposition left behind
        ("The ministry offered a monthly payment of $3,000 to each recruit.", ["monthly", "payment"], ["of"]),
        ("Casualties show an increase of nearly 300 per day.", ["increase"], []),
        # a figure that is the subject of "to be" counts what it is
        ("Among them, 13,781 were volunteers.", ["volunteers"], ["were"]),
        # who did it, when what is counted is the verb's object
        ("Russia will call up 300,000 reservists next year.", ["Russia", "reservists"], []),
        ("The army now comprises 617,000 people.", ["army", "people"], []),
        # not a pronoun
        ("We recruited 40 drivers.", ["drivers"], ["We"]),
    ],
)
def test_counted_phrase_constructions(text, words, absent):
    (c,) = [c for c in extract(text, lang="en") if c.value >= 40]
    assert c.counted is not None
    for w in words:
        assert w in c.counted.split(), c.counted
    for w in absent:
        assert w not in c.counted.split(), c.counted


def test_average_and_period():
    (c,) = extract("Reports indicate that an average of 913 Russian soldiers die each day.", lang="en")
    assert c.hedge == "average"
    assert c.period == "each day"
    assert c.measure == "casualties.daily_average"


def test_time_ref_from_sentence_and_from_publication_date():
    a, b = extract(
        "In June 2024, 10,000 migrants were sent to the front. Today 500 more were sent.",
        lang="en",
        published="2024-06-07",
    )
    assert a.time_ref == "2024-06"
    assert b.time_ref == "2024-06-07"


def test_measure_from_pack():
    (c,) = extract("Bastrykin said 30,000 naturalized migrants were found in raids and registered.", lang="en")
    assert c.measure == "recruitment.naturalized_registered"


def test_vague_multiples_are_flagged():
    (c,) = extract("Dozens of migrants were detained.", lang="en")
    assert c.vague is True


def test_bare_duration_is_not_a_claim_but_a_hedged_one_is():
    claims = extract("In four months, 1.2 million arrived. It could take up to 10 years to rebuild.", lang="en")
    assert [c.text for c in claims] == ["1.2 million", "up to 10"]


@pytest.mark.parametrize(
    "text, lang, first, duration",
    [
        ("2,000 migrants were detained in four months. 500 of them were sent to the front.", "en", "migrants",
         "months"),
        # Russian keeps «из них» as written (lexicon counted.partitive_reads)
        ("За четыре месяца задержали 2000 мигрантов. 500 из них отправили на фронт.", "ru", "из", "месяца"),
    ],
)  # fmt: skip
def test_of_them_takes_the_figure_before_not_a_dropped_duration(text, lang, first, duration):
    """A bare duration ("in four months") is dropped before it can become what "of them" counts."""
    claims = extract(text, lang=lang)
    assert [c.text for c in claims] == ["2,000" if lang == "en" else "2000", "500"]
    assert claims[1].counted.split()[0] == first and duration not in claims[1].counted.split()


def test_a_unit_number_is_not_a_claim():
    assert [c.text for c in extract("The 155 brigade fought near 300 soldiers.", lang="en")] == ["300"]


def test_spans_point_into_the_text():
    text = "Shoigu said 300,000 reservists would be mobilised, about 1% of 25 million."
    for c in extract(text, lang="en"):
        assert text[c.start : c.end] == c.text
        assert c.sentence[0] <= c.start < c.end <= c.sentence[1]


@pytest.mark.parametrize(
    "text, lang, words, absent",
    [
        # the figure counts the object of "of"; what happened is the verb of the quantity ("average")
        ("Reports say an average of 913 Russian soldiers die each day.", "en", ["soldiers", "die", "each", "day"], []),
        # complements before the verb, as Russian puts them, with a year kept as time
        (
            "После рейдов на воинский учёт в ЦВО встали 1,5 тысячи мигрантов.",
            "ru",
            ["мигрантов", "встали", "учёт", "ЦВО", "рейдов"],
            [],
        ),
        ("В январе 2024 года на воинский учёт поставили 17 человек.", "ru", ["человек", "поставили", "2024"], []),
        # a verb of speech says who gives the figure, not what happened to what it counts
        ("The ministry announced 10,000 migrants.", "en", ["migrants"], ["announced"]),
        ("Ведомство назвало 300 иностранцев.", "ru", ["иностранцев"], ["назвало"]),
        # a complement with a figure of its own stays out
        ("Police detained 150 migrants in 12 raids.", "en", ["migrants", "detained"], ["raids"]),
    ],
)
def test_what_happened_takes_the_verbs_complements(text, lang, words, absent):
    counted = extract(text, lang=lang)[0].counted.split()
    assert all(w in counted for w in words) and not any(w in counted for w in absent), counted


def test_digits_of_web_addresses_are_no_figures():
    text = (
        "Photo: https://cdn.example.org/61a216a68d5c/87496219403.jpg data:image/png;base64,AB12CD34 "
        "Police detained 40 men."
    )
    assert [c.text for c in extract(text, lang="en")] == ["40"]
