"""Sources as entities: one speaker_id for one person or body, however it is written."""

from __future__ import annotations

import pytest

import tallybook
from tallybook.extraction.sources import Resolver, is_known_surname, is_outlet, key, registry
from tallybook.model import Speaker

UK = "uk-ministry-of-defence"

ALIASES = [  # (name, kind, lang, id): registry names across scripts, cases, word orders, spellings
    ("UK Ministry of Defence", "org", "en", UK),
    ("the British Defence Ministry", "org", "en", UK),
    ("British Ministry of Defense", "org", "en", UK),
    ("UK MoD", "org", "en", UK),
    ("British intelligence", "org", "en", UK),
    ("Defence Intelligence", "org", "en", UK),
    ("Минобороны Великобритании", "org", "ru", UK),
    ("Министерства обороны Великобритании", "org", "ru", UK),
    ("британской разведки", "org", "ru", UK),
    ("британские военные", "org", "ru", UK),
    ("Минобороны России", "org", "ru", "russia-ministry-of-defence"),
    ("Russia's Defence Ministry", "org", "en", "russia-ministry-of-defence"),
    ("Следственного комитета России", "org", "ru", "russia-investigative-committee"),
    ("СК", "org", "ru", "russia-investigative-committee"),
    ("Russian Investigative Committee", "org", "en", "russia-investigative-committee"),
    ("Медиазоны", "org", "ru", "mediazona"),
    ("Mediazona", "org", "en", "mediazona"),
    ("Русской службы Би-би-си", "org", "ru", "bbc-russian"),
    ("BBC Russian", "org", "en", "bbc-russian"),
    ("Пентагон США", "org", "ru", "us-department-of-defense"),
    ("the Pentagon", "org", "en", "us-department-of-defense"),
    ("Генштаб ВСУ", "org", "ru", "ukraine-general-staff"),
    ("Ukrainian General Staff", "org", "en", "ukraine-general-staff"),
    ("МИД Индии", "org", "ru", "india-ministry-of-external-affairs"),
    ("Indian foreign ministry", "org", "en", "india-ministry-of-external-affairs"),
    ("Bastrykin", "person", "en", "alexander-bastrykin"),
    ("Александра Бастрыкина", "person", "ru", "alexander-bastrykin"),
    ("Alexander Bastrykin", "person", "en", "alexander-bastrykin"),
    ("Sergey Shoigu", "person", "en", "sergei-shoigu"),
    ("Сергей Шойгу", "person", "ru", "sergei-shoigu"),
    ("S. Jaishankar", "person", "en", "subrahmanyam-jaishankar"),
    ("Субраманьям Джайшанкар", "person", "ru", "subrahmanyam-jaishankar"),
    ("Investigative Committee chief Bastrykin", "org", "en", "alexander-bastrykin"),
]


@pytest.mark.parametrize("name, kind, lang, expected", ALIASES)
def test_registry_names_in_both_scripts_and_every_case(name, kind, lang, expected):
    assert Resolver("", lang).speaker_id(Speaker(name, kind), 0, lang) == expected


COUNTRIES = [  # a country, its adjective with a word of government, or its seat speaks as its government
    ("Nepal", "org", "en", "np-government"),
    ("Nepal", "person", "en", "np-government"),  # a tagger's mistake does not make it a person
    ("the Nepalese authorities", "org", "en", "np-government"),
    ("Kyiv", "person", "en", "ua-government"),
    ("the Kremlin", "org", "en", "ru-government"),
    ("Ukrainian officials", "org", "en", "ua-government"),
    ("Российские власти", "org", "ru", "ru-government"),
    ("украинской стороны", "org", "ru", "ua-government"),
    ("Кубы", "org", "ru", "cu-government"),
    ("South Africa", "org", "en", "za-government"),
]


@pytest.mark.parametrize("name, kind, lang, expected", COUNTRIES)
def test_a_country_speaks_as_its_government(name, kind, lang, expected):
    assert Resolver("", lang).speaker_id(Speaker(name, kind), 0, lang) == expected


def test_unseen_people_join_across_scripts_by_transliteration():
    r = Resolver("", "en")
    english = r.speaker_id(Speaker("Yevgeny Prigozhin", "person"), 0, "en")
    russian = r.speaker_id(Speaker("Евгений Пригожин", "person"), 0, "ru")
    assert english == russian == "person:v-prgzn"
    assert r.speaker_id(Speaker("Anna Prigozhina", "person"), 0, "en") != english


def test_a_surname_alone_takes_the_full_name_of_the_document():
    r = Resolver("Colonel Ivan Petrenko said. Petrenko added.", "en")
    r.learn(Speaker("Ivan Petrenko", "person"))
    assert r.speaker_id(Speaker("Petrenko", "person"), 30, "en") == r.speaker_id(Speaker("Ivan Petrenko", "person"))


def test_a_person_inside_a_body_s_name_is_the_person():
    r = Resolver("", "en")
    assert r.speaker_id(Speaker("Foreign Ministry spokesperson Anil Kumar", "org"), 0, "en") == r.speaker_id(
        Speaker("Anil Kumar", "person"), 0, "en"
    )
    assert r.speaker_id(Speaker("General Staff", "org"), 0, "en") is None  # "general" here is no rank


GENERIC = ["правительство", "the ministry", "officials", "ведомство", "the authorities", "local officials"]


@pytest.mark.parametrize("name", GENERIC)
def test_a_bare_description_is_no_entity_of_its_own(name):
    lang = "ru" if name[0] > "z" else "en"
    assert Resolver("Nothing is named here.", lang).speaker_id(Speaker(name, "org"), 0, lang) is None


@pytest.mark.parametrize(
    "text, name, lang, expected",
    [
        (
            "The Indian foreign ministry wrote to Moscow. Later the ministry said 12 were home.",
            "the ministry",
            "en",
            "india-ministry-of-external-affairs",
        ),
        ("Британская разведка оценила потери. Позже ведомство сообщило о 500 убитых.", "ведомство", "ru", UK),
        (
            "Officials in Kathmandu wrote that the Nepalese government had asked Moscow to stop. "
            "Local officials counted 40.",
            "local officials",
            "en",
            "np-government",
        ),
        (
            "The General Staff of the Armed Forces of Ukraine gave its daily figures; the General Staff "
            "put them at 1,200.",
            "the General Staff",
            "en",
            "ukraine-general-staff",
        ),
        (
            "The Defence Ministry in London said 20,000 had died, the UK MoD wrote. The MoD added 300.",
            "the MoD",
            "en",
            UK,
        ),
    ],
)
def test_a_bare_kind_takes_the_body_the_document_names(text, name, lang, expected):
    at = text.rfind(name.split()[-1])
    assert Resolver(text, lang).speaker_id(Speaker(name, "org"), at, lang) == expected


def test_a_russian_bare_ministry_of_defence_is_russia_s_by_default():
    assert (
        Resolver("Ничего не названо.", "ru").speaker_id(Speaker("Минобороны", "org"), 0, "ru")
        == "russia-ministry-of-defence"
    )


def test_a_bare_kind_is_the_language_s_default_before_a_country_named_later():
    # the citizens of Nepal named after «МВД» do not make it Nepal's interior ministry
    text = "В МВД сообщили о 40 задержанных. Среди них двое граждан Непала."
    assert Resolver(text, "ru").speaker_id(Speaker("МВД", "org"), 2, "ru") == "russia-interior-ministry"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Mediazona", True),  # an outlet of the registry, in either script
        ("Медиазоны", True),
        ("Verstka", True),
        ("Interior Ministry", False),  # a kind of state body the registry lists
        ("ГУ МВД по Москве", False),
        ("пресс-служба УМВД", False),
        ("Acme Holdings", None),  # unknown
        ("Alexander Bastrykin", None),  # a person is no body
    ],
)
def test_the_registry_tells_an_outlet_from_a_state_body(name, expected):
    assert is_outlet(name) is expected


@pytest.mark.parametrize(
    "word, expected",
    [("Bastrykin", True), ("Бастрыкин", True), ("MOD", False), ("Moscow", False)],  # MOD's skeleton is Modi's
)
def test_a_lone_surname_is_known_only_as_the_registry_spells_it(word, expected):
    assert is_known_surname(word) is expected


def test_a_regional_unit_is_its_own_source_in_any_case():
    r = Resolver("", "ru")
    a = r.speaker_id(Speaker("УМВД по Тульской области", "org"), 0, "ru")
    b = r.speaker_id(Speaker("УМВД России по Тульской области", "org"), 0, "ru")
    assert a == b == "ru-interior-ministry/тульский-область"
    assert a != r.speaker_id(Speaker("МВД по Челябинской области", "org"), 0, "ru")


def test_unseen_bodies_are_keyed_in_the_nominative():
    r = Resolver("", "ru")
    assert r.speaker_id(Speaker("Союза комитетов солдатских матерей", "org"), 0, "ru") == r.speaker_id(
        Speaker("Союз комитетов солдатских матерей", "org"), 0, "ru"
    )


def test_registry_keys_ignore_case_order_and_articles():
    assert key("The Ministry of Defence") == key("defence MINISTRY")
    assert {s.kind for s in registry().sources.values()} == {"person", "org", "outlet", "government"}


def test_the_extractor_prints_one_id_in_both_languages():
    en = tallybook.extract("The British Defence Ministry said 1,200 soldiers were killed last week.", lang="en")
    ru = tallybook.extract("Минобороны Великобритании сообщило о гибели 1200 военных за неделю.", lang="ru")
    assert [c.speaker_id for c in en] == [UK]
    assert [c.speaker_id for c in ru] == [UK]
    assert en[0].as_record()["speaker_id"] == UK


UNNAMED = [
    ("Media", "en"),
    ("several outlets", "en"),
    ("Russian media", "en"),
    ("experts", "en"),
    ("СМИ", "ru"),
    ("российские СМИ", "ru"),
    ("источники", "ru"),
    ("западные СМИ", "ru"),
]


@pytest.mark.parametrize("name, lang", UNNAMED)
def test_media_and_sources_name_no_one_even_beside_a_named_body(name, lang):
    text = "The Ministry of Defence of Russia spoke. Минобороны России сообщило. Then the press wrote."
    assert Resolver(text, lang).speaker_id(Speaker(name, "org"), 60, lang) is None


def test_a_named_outlet_is_still_itself():
    assert Resolver("", "en").speaker_id(Speaker("Meduza", "org"), 0, "en") == "meduza"
    assert Resolver("", "en").speaker_id(Speaker("BBC Russian Service", "org"), 0, "en") == "bbc-russian"
