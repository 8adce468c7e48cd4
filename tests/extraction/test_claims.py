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
    "text, lang, kept",
    [
        # a rate of time (periods.phrases) is a figure, a bare span is not
        ("Recruits drilled 14 hours a day for 3 weeks.", "en", ["14"]),
        ("Guards stood 6 hours per week for 2 months.", "en", ["6"]),
        ("Мобилизованные копали окопы 10 часов в сутки уже 5 недель.", "ru", ["10"]),
        ("Drones flew over every 20 minutes for 3 days.", "en", ["20"]),
        ("Сирены включали каждые 2 часа.", "ru", ["2"]),
        # a multiplier is the ratio of another figure; a bare count of repeats is no claim
        ("Losses grew 3 times faster in 12 months.", "en", ["3"]),
        ("Fines rose to 4 times the old rate.", "en", ["4"]),
        ("The office was searched 4 times in 2 weeks.", "en", []),
        ("Each recruit was called at least 6 times.", "en", ["at least 6"]),
        ("Число задержанных выросло в 2 раза за 6 месяцев.", "ru", ["2"]),
        ("Штрафы стали 3 раза больше прежних.", "ru", ["3"]),
        ("Склад проверяли 7 раз за 3 дня.", "ru", []),
        ("Patrols found someone only two out of 9 times.", "en", ["two out of 9"]),
        # a span closed by punctuation or a quote is still a span
        ("The unit held out for 72 hours: then 40 men surrendered.", "en", ["40"]),
        ("«Всех отпустили через 48 часов», — сказал адвокат.", "ru", []),
    ],
)
def test_a_rate_of_time_and_a_multiplier_are_claims_a_bare_span_or_repeat_is_not(text, lang, kept):
    assert [c.text for c in extract(text, lang=lang)] == kept


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
