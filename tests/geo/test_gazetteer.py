"""The offline geocoder: inflected Russian names, regions, ambiguous names, unknown places."""

from __future__ import annotations

import pytest

import tallybook
from tallybook.geo import resolve
from tallybook.geo.gazetteer import gazetteer


@pytest.mark.parametrize(
    "raw,hint,name,country,precision",
    [
        ("Новосибирск", False, "Novosibirsk", "RU", "city"),
        ("Челябинская область", False, "Chelyabinsk Oblast", "RU", "region"),
        ("Кемеровской", True, "Kemerovo Oblast", "RU", "region"),
        ("Kemerovo region", False, "Kemerovo Oblast", "RU", "region"),
        ("Donetsk Oblast", False, "Donetsk Oblast", "UA", "region"),
        ("Донецкая область", False, "Donetsk Oblast", "UA", "region"),
        ("Запорожская область", False, "Zaporizhzhia Oblast", "UA", "region"),
        ("Ростов-на-Дону", False, "Rostov-on-Don", "RU", "city"),
        ("Индия", False, "India", "IN", "country"),
        ("зона СВО", False, "special military operation zone", "UA", "region"),
        ("ЦВО", False, "Central Military District", "RU", "region"),
        ("Сибирь", False, "Siberia", "RU", "region"),
    ],
)
def test_names_resolve(raw, hint, name, country, precision):
    p = resolve(raw, region_hint=hint)
    assert (p.name, p.country, p.precision) == (name, country, precision)
    assert p.raw == raw and p.lat is not None and p.lon is not None


@pytest.mark.parametrize(
    "sentence,raw,name",
    [
        ("Рейд прошёл в Новосибирске.", "Новосибирск", "Novosibirsk"),
        ("Мигрантов задержали в Екатеринбурге.", "Екатеринбург", "Yekaterinburg"),
        ("Рейд провели в Челябинской области.", "Челябинская область", "Chelyabinsk Oblast"),
        ("Облава прошла в Ростове-на-Дону.", "Ростов-на-Дону", "Rostov-on-Don"),
    ],
)
def test_inflected_russian_names_come_in_the_nominative(sentence, raw, name):
    (inc,) = tallybook.incidents(sentence, lang="ru")
    assert (inc.place.raw, inc.place.name) == (raw, name)


def test_several_pokrovsks_ranked_by_the_documents_other_places():
    alone = resolve("Pokrovsk")
    assert {c.country for c in alone.candidates if c.name == "Pokrovsk"} == {"RU", "UA"}
    assert alone.country == "UA"  # the larger one, with nothing else to go by
    yakutia = gazetteer().region_by_code["RU-SA"]
    assert resolve("Pokrovsk", context=[yakutia]).country == "RU"
    donetsk = gazetteer().region_by_code["UA-14"]
    assert resolve("Pokrovsk", context=[donetsk]).country == "UA"
    assert resolve("Pokrovsk", context=[yakutia]).name == "Pokrovsk"  # not Engels, once called so


def test_an_ambiguous_name_in_a_document_takes_its_countrys_reading():
    text = "Police in Yakutsk detained 12 men. Two days later 40 migrants were detained in Pokrovsk."
    found = tallybook.incidents(text, lang="en")
    assert [i.place.country for i in found] == ["RU", "RU"]


def test_an_unknown_place_is_kept_raw_never_dropped():
    p = resolve("Verkhne-Zabolotnoye Zaimishche")
    assert (p.raw, p.name, p.precision, p.lat) == ("Verkhne-Zabolotnoye Zaimishche", None, "unknown", None)
    (inc,) = tallybook.incidents("Полиция провела рейд в посёлке Малые Кривулищи.", lang="ru")
    assert (inc.place.raw, inc.place.precision, inc.place.country) == ("Малые Кривулищи", "unknown", None)
