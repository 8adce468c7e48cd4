"""A measure with its scope: one quantity gets one key in either language, and a figure of another
population, place, unit or rate never lands in it."""

import pytest

from tallybook import extract
from tallybook.extraction.scope import latin_key, unit_class


def measures(text: str, lang: str, published: str | None = None) -> list[str | None]:
    return [c.measure for c in extract(text, lang=lang, published=published)]


SAME = [
    (
        "The defence ministry said 1,351 Russian servicemen had been killed since the invasion began.",
        "Минобороны заявило, что с начала вторжения погиб 1 351 российский военнослужащий.",
        ["casualties.killed"],
    ),
    (
        "Officials said 26 Indian citizens recruited by the Russian army had been killed.",
        "Власти сообщили, что погибли 26 граждан Индии, завербованных в российскую армию.",
        ["casualties.killed@india"],
    ),
    (
        "In the Tyumen region, officers put 499 naturalized migrants on the military register.",
        "В Тюменской области на воинский учёт поставили 499 натурализованных мигрантов.",
        ["recruitment.naturalized_registered@tyume"],
    ),
    (
        "He said recruits had come from at least 21 countries.",
        "По его словам, завербованные приехали как минимум из 21 страны.",
        ["~countries"],
    ),
    (
        "Putin said the front line was about 2,000 kilometres long.",
        "Путин сказал, что длина линии фронта — около 2 000 километров.",
        ["~front-line:km"],
    ),
    (
        "Kyiv said Ukrainian losses were lower and that Russia had lost 61,000 soldiers, not 5,937.",
        "В Киеве заявили, что потери Украины ниже.",
        None,
    ),
]


@pytest.mark.parametrize("english,russian,expected", [s for s in SAME if s[2]])
def test_one_quantity_one_key_in_both_languages(english, russian, expected):
    assert measures(english, "en") == expected
    assert measures(russian, "ru") == expected


@pytest.mark.parametrize(
    "text,lang,unexpected",
    [
        ("Volunteers now make up about 20% of the confirmed dead.", "en", "casualties.killed"),
        ("Payments to the families of the dead reached 3 trillion roubles.", "en", "casualties.killed"),
        ("Выплаты семьям погибших достигли 3 трлн рублей.", "ru", "casualties.killed"),
        ("A year later, 1,351 soldiers had died, the ministry said.", "en", "troops.deployed"),
        ("Двое граждан Индии, воевавших за Россию, погибли.", "ru", "casualties.killed"),
    ],
)
def test_off_topic_figures_stay_out_of_a_measure(text, lang, unexpected):
    assert unexpected not in measures(text, lang)


def test_a_money_figure_is_a_payment_and_a_percentage_no_count():
    assert measures("Recruits are offered a one-off bonus of 400,000 roubles.", "en") == ["payments.offered"]
    assert measures("Mobilisation affects 1% of the reserve.", "en") == [None]


def test_a_weekly_rate_is_its_own_measure():
    (weekly,) = measures("Weekly deaths of volunteers have not fallen below 100.", "en")
    assert weekly == "casualties.killed@volunteers@per-week"


def test_a_year_earlier_is_no_rate():
    (c,) = extract("A year earlier he had spoken of 30,000 naturalized migrants found.", lang="en")
    assert c.period is None and c.measure == "recruitment.naturalized_registered"


def test_the_other_side_is_another_population():
    a, b = measures(
        "He said 5,937 Russian servicemen had been killed, and put Ukrainian losses at more than 61,000 killed.", "en"
    )
    assert (a, b) == ("casualties.killed", "casualties.killed@ukrainian-forces")


def test_of_them_takes_the_head_from_before_and_the_event_from_its_own_clause():
    text = (
        "Investigators have caught more than 80,000 naturalized citizens who failed to register. "
        "Of those, about 20,000 are already serving at the front, he said."
    )
    assert measures(text, "en") == ["recruitment.naturalized_registered", "recruitment.naturalized_sent_to_front"]


def test_two_figures_joined_by_and_keep_their_own_events():
    text = "Naturalized migrants: he spoke of 30,000 people found and 10,000 sent to the war zone."
    assert measures(text, "en") == ["recruitment.naturalized_registered", "recruitment.naturalized_sent_to_front"]


def test_one_raid_is_its_own_quantity():
    text = "Police detained 500 migrants in Moscow during the raids."
    assert measures(text, "en", "2025-07-08") == ["raids.detentions@mosco@2025-07"]
    assert measures("Police detained 90 migrants in Kazan during the raids.", "en", "2025-07-08") == [
        "raids.detentions@kazan@2025-07"
    ]


def test_a_share_in_words_is_a_ratio():
    (c,) = extract("Roughly one in four of those found has ended up in the army.", lang="en")
    assert c.measure is None or not c.measure.startswith("recruitment.")


@pytest.mark.parametrize(
    "name,key",
    [("Тюменская область", "tyume"), ("Tyumen region", "tyume"), ("Макеевка", "makee"), ("Makeevka", "makee")],
)
def test_latin_key_of_a_place(name, key):
    assert latin_key(name) == key


@pytest.mark.parametrize(
    "unit,cls",
    [(None, "person"), ("person", "person"), ("RUB", "money"), ("USD", "money"), ("percent", "percent"), ("km", "km")],
)
def test_unit_class(unit, cls):
    assert unit_class(unit) == cls
