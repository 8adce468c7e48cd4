"""Where an incident happened: the roles a toponym plays in its sentence (a place, an origin,
an actor, a war's side), places carried from one sentence to the next, named zones kept raw.
Texts written for these tests."""

from __future__ import annotations

import pytest

import tallybook


def _only(text: str, lang: str, kind: str) -> tallybook.Incident:
    found = [i for i in tallybook.incidents(text, lang=lang) if i.type == kind]
    assert len(found) == 1, [(i.type, i.text) for i in tallybook.incidents(text, lang=lang)]
    return found[0]


@pytest.mark.parametrize(
    "lang,text,kind,place",
    [
        ("en", "Artillery shelled the port city of Mykolaiv overnight.", "attack", "Mykolaiv"),
        ("en", "Ethnic Russians in northern Kazakhstan signed a contract with the army.", "contract", "Kazakhstan"),
        ("ru", "Сотни выходцев из Таджикистана погибли на войне России против Украины.", "death", "Украина"),
        ("ru", "Силовые органы в Челябинске провели рейд на рынке.", "raid", "Челябинск"),
    ],
)
def test_the_place_is_where_it_happened(lang, text, kind, place):
    assert _only(text, lang, kind).place.raw == place


@pytest.mark.parametrize(
    "lang,text,kind,not_place",
    [
        ("en", "Mercenaries from Cuba, Serbia and Mali signed a contract with the army.", "contract", "Serbia"),
        ("ru", "Россия завербовала 300 иностранцев для участия в войне против Украины.", "contract", "Украина"),
        ("ru", "Вооружённые силы Белоруссии нанесли удар по складу.", "attack", "Белоруссия"),
        ("en", "Countries such as Peru and Chile urged Russia to release their citizens.", "protest", "Russia"),
    ],
)
def test_origins_actors_sides_and_addressees_are_not_the_place(lang, text, kind, not_place):
    place = _only(text, lang, kind).place
    assert place is None or place.raw != not_place


def test_a_place_carries_to_the_next_sentence_but_not_a_named_actor():
    text = "Police raided a market in Kazan. Later 60 migrants were detained."
    assert _only(text, "en", "detention").place.name == "Kazan"
    text = "Officials accused Moscow of hiding losses. Later 60 migrants were detained."
    assert _only(text, "en", "detention").place.precision == "country"


def test_a_bodys_name_is_not_carried():
    text = "Об этом сообщило УМВД по Курской области. Позже в Белгороде задержали 15 мигрантов. Их депортировали."
    assert _only(text, "ru", "deportation").place.raw == "Белгород"


def test_a_named_zone_is_kept_as_the_text_names_it():
    place = _only("Мигрантов отправили на СВО.", "ru", "deployment").place
    assert (place.raw, place.country, place.precision) == ("СВО", "UA", "region")
    place = _only("В ЦВО на учёт поставили 300 мигрантов.", "ru", "enlistment").place
    assert (place.raw, place.name) == ("ЦВО", "Central Military District")


def test_a_zone_does_not_replace_the_region_it_holds():
    text = (
        "В Приморском крае суд лишил гражданства двоих мужчин. Это первый такой случай на Дальнем Востоке. Их выслали."
    )
    assert _only(text, "ru", "deportation").place.raw == "Приморский край"


@pytest.mark.parametrize(
    "lang,text,kind,place",
    [
        ("ru", "Также гражданства лишили троих москвичей.", "citizenship", "Москва"),
        ("ru", "Омский суд лишил гражданства двоих мужчин.", "citizenship", "Омск"),
        ("en", "Kenya said it would investigate how its citizens were recruited.", "other", "Kenya"),
    ],
)
def test_a_city_named_by_its_people_and_the_country_that_acts(lang, text, kind, place):
    assert _only(text, lang, kind).place.raw == place


def test_a_common_adjective_is_no_city():
    from tallybook.geo.gazetteer import gazetteer

    assert gazetteer().city_of_adjective("красноярский") == "Красноярск"
    assert gazetteer().city_of_adjective("советский") is None
    assert gazetteer().city_of_adjective("братский") is None


@pytest.mark.parametrize(
    "text, lang, found",
    [
        # the same alias twice, the last one the sentence's last word; a two-word alias
        ("Recruits from Kiev and St Petersburg were sent to Kiev", "en", [(2, 2), (4, 5), (9, 9)]),
        # by the lemma of an inflected form («Питера» → Питер), twice, another alias between
        ("Из Питера и Кузбасса, а также из Питера", "ru", [(1, 1), (3, 3), (8, 8)]),
        # a three-word alias, its first word by lemma, the later ones as written
        ("Бои в зоне боевых действий", "ru", [(2, 4)]),
    ],
)
def test_the_packs_aliases_wherever_they_stand(text, lang, found):
    from tallybook.extraction.places import _aliases
    from tallybook.nlp import parse

    sent = next(iter(parse(text, lang).sents))
    assert sorted((t.first, t.last) for t in _aliases(sent)) == found
