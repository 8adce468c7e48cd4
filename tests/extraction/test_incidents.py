"""Incidents: one case per type and language (texts written for these tests), the place, date,
actor and group of an incident, one action one incident, and no person as a group."""

from __future__ import annotations

import pytest

import tallybook
from tallybook.extraction.triggers import load_incident_pack
from tallybook.model import INCIDENT_TYPES

CASES = [
    ("en", "raid", "Police raided a hostel in Yekaterinburg on Monday, checking the papers of 300 workers."),
    ("ru", "raid", "Полицейские провели рейд на овощной базе в Екатеринбурге."),
    ("en", "detention", "Officers detained 45 migrants at a market in Kazan."),
    ("ru", "detention", "В Казани сотрудники полиции задержали 45 мигрантов."),
    ("en", "draft_notice", "Twelve men were handed call-up papers at a warehouse in Omsk."),
    ("ru", "draft_notice", "В Омске двенадцати мужчинам вручили повестки прямо на складе."),
    ("en", "enlistment", "Afterwards 20 of the workers were taken to the enlistment office in Omsk."),
    ("ru", "enlistment", "После проверки 20 рабочих доставили в военкомат Омска."),
    ("en", "contract", "In Perm, 15 former convicts signed a contract with the defence ministry."),
    ("ru", "contract", "В Перми 15 бывших заключённых подписали контракт с Минобороны."),
    ("en", "citizenship", "A court in Samara stripped three naturalized residents of their citizenship."),
    ("ru", "citizenship", "Суд в Самаре лишил гражданства троих натурализованных жителей."),
    ("en", "deployment", "About 400 reservists from Buryatia were sent to the front last week."),
    ("ru", "deployment", "Около 400 резервистов из Бурятии отправили в зону СВО."),
    ("en", "death", "Three volunteers from Tomsk died near Bakhmut."),
    ("ru", "death", "Трое добровольцев из Томска погибли под Бахмутом."),
    ("en", "captivity", "Ukrainian troops captured two Cuban fighters near Avdiivka."),
    ("ru", "captivity", "Двое кубинских наёмников попали в плен под Авдеевкой."),
    ("en", "deportation", "The court ordered that 18 foreigners be deported from Novosibirsk."),
    ("ru", "deportation", "Из Новосибирска депортировали 18 иностранцев."),
    ("en", "protest", "Nepal's government demanded that Moscow send its citizens home."),
    ("ru", "protest", "Правительство Непала потребовало вернуть своих граждан на родину."),
    ("en", "law", "The president signed a decree on the registration of new citizens."),
    ("ru", "law", "Президент подписал указ о воинском учёте новых граждан."),
    ("en", "attack", "A drone strike hit a depot in Kharkiv overnight."),
    ("ru", "attack", "Ночью беспилотники нанесли удар по складу в Харькове."),
    ("en", "other", "Seven of the men returned to Kathmandu in March."),
    ("ru", "other", "Семеро из этих мужчин вернулись в Катманду в марте."),
]


@pytest.mark.parametrize("lang,kind,text", CASES)
def test_each_type_in_each_language(lang, kind, text):
    found = tallybook.incidents(text, lang=lang, published="2025-04-10")
    assert kind in [i.type for i in found], [(i.type, i.text) for i in found]
    inc = next(i for i in found if i.type == kind)
    assert text[inc.start : inc.end] == inc.text and inc.text


def test_every_type_has_cases_in_both_languages():
    assert {(lang, kind) for lang, kind, _ in CASES} == {(lang, k) for lang in ("en", "ru") for k in INCIDENT_TYPES}


def test_every_type_maps_to_plover_and_acled():
    pack = load_incident_pack()
    assert set(pack.types) == set(INCIDENT_TYPES)
    for t in pack.types.values():
        assert t.plover and t.acled_event and t.acled_sub_event


def test_one_action_gives_one_incident_per_event():
    text = (
        "On Tuesday police raided a hostel in Tula. Officers checked 200 residents, handed call-up papers "
        "to 30 of them and took 12 men to the enlistment office."
    )
    found = tallybook.incidents(text, lang="en", published="2025-05-30")
    assert sorted(i.type for i in found) == ["draft_notice", "enlistment", "raid"]
    raid = next(i for i in found if i.type == "raid")
    assert raid.place.name == "Tula" and raid.place.country == "RU" and raid.place.precision == "city"
    assert (raid.date, raid.date_precision) == ("2025-05-27", "day")
    assert raid.actor == "police"


def test_a_repeated_mention_is_the_same_incident():
    text = "Police raided a hostel in Tula. The raid lasted four hours. After the raid the hostel closed."
    assert [i.type for i in tallybook.incidents(text, lang="en")] == ["raid"]


def test_a_later_mention_naming_only_the_country_is_the_same_incident():
    text = "Police raided a market in Kazan. The raids across Russia caught 40 men."
    assert [i.type for i in tallybook.incidents(text, lang="en")] == ["raid"]


def test_a_general_remark_is_not_an_incident():
    text = "Police usually raid hostels before holidays. Migrants are often detained at markets."
    assert tallybook.incidents(text, lang="en") == []


def test_an_obligation_is_not_an_incident():
    text = "Naturalized men must register with the military within a month."
    assert tallybook.incidents(text, lang="en") == []


def test_the_figures_that_count_it_are_linked():
    text = "In Kazan, police detained 45 migrants."
    claims = tallybook.extract(text, lang="en")
    (inc,) = [i for i in tallybook.incidents(text, lang="en") if i.type == "detention"]
    assert [claims[k].value for k in inc.claims] == [45] and inc.figures == ("45",)


def test_russian_place_in_the_nominative_and_month_resolved():
    text = "В марте в Новосибирске полиция задержала 30 мигрантов."
    (inc,) = tallybook.incidents(text, lang="ru", published="2024-06-07")
    assert inc.type == "detention"
    assert (inc.place.name, inc.place.country, inc.place.raw) == ("Novosibirsk", "RU", "Новосибирск")
    assert (inc.date, inc.date_precision) == ("2024-03", "month")
    assert inc.affected == "мигрантов" or inc.affected.startswith("30") is False


def test_an_unknown_place_is_kept_raw():
    text = "Police raided a hostel in Zarechnaya Sloboda-Vtoraya."
    (inc,) = tallybook.incidents(text, lang="en")
    assert inc.place is not None


PEOPLE = [
    ("en", "Police detained Rustam Nazarov, a builder from Tajikistan, at a hostel in Kazan.", "Nazarov"),
    ("en", "Akmal Yusupov was handed call-up papers in Omsk.", "Yusupov"),
    ("ru", "В Казани полиция задержала Рустама Назарова, строителя из Таджикистана.", "Назаров"),
    ("ru", "Суд лишил гражданства Алишера Каримова за уклонение от учёта.", "Каримов"),
]


@pytest.mark.parametrize("lang,text,surname", PEOPLE)
def test_no_person_becomes_the_affected_group(lang, text, surname):
    found = tallybook.incidents(text, lang=lang)
    assert found
    stem = surname[:5].lower()
    for inc in found:
        assert stem not in (inc.affected or "").lower()
        assert stem not in str(inc.as_record().get("affected")).lower()


def test_a_long_text_is_read_in_pieces_with_offsets_into_the_whole():
    para = "Police raided a hostel in Tula and detained 40 migrants.\n\n"
    filler = "Nothing else happened that week in the town, as far as anyone could tell.\n\n" * 1500
    text = filler + para + filler + "Three volunteers from Tomsk died near Bakhmut.\n"
    assert len(text) > 200_000
    found = tallybook.incidents(text, lang="en")
    assert [(i.type, text[i.start : i.end]) for i in found][:2] == [
        ("raid", "raided a hostel"),
        ("detention", "detained"),
    ]
    assert found[-1].type == "death" and text[found[-1].start : found[-1].end] == "died"


NOT_EVENTS = [
    ("en", "The minister said that students would not be called up.", "enlistment"),
    ("en", "They are counted as foreigners even if they receive citizenship.", "citizenship"),
    ("en", "Peru asked Moscow not to recruit its citizens.", "contract"),
    ("en", "Russia recruits students from poor regions.", "contract"),
    ("en", "Many of the men will not return home.", "other"),
    ("en", "Migrants could not apply for residence without signing a contract.", "contract"),
    ("en", "Peru asked Moscow not to recruit its citizens and to return them home.", "other"),
    ("ru", "Эти мигранты забыли встать на воинский учёт.", "enlistment"),
    ("ru", "Иностранцы подписывают контракт, чтобы избежать депортации.", "deportation"),
]


@pytest.mark.parametrize("lang,text,kind", NOT_EVENTS)
def test_negated_conditional_habitual_and_avoided_actions_are_not_incidents(lang, text, kind):
    assert kind not in [i.type for i in tallybook.incidents(text, lang=lang)]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "Some 50,000 reservists will be mobilized, the minister said."),
        ("ru", "Власти призовут 50 тысяч резервистов."),
    ],
)
def test_a_call_up_told_in_the_future_is_the_decision(lang, text):
    assert [i.type for i in tallybook.incidents(text, lang=lang)] == ["law"]


def test_an_ability_refused_is_an_event():
    text = "Since May, migrants could not file citizenship applications in Tver."
    assert "citizenship" in [i.type for i in tallybook.incidents(text, lang="en")]


@pytest.mark.parametrize(
    "text, lang, found",
    [
        # one trigger at two places of the sentence, by lemma
        (
            "Police detained 40 men on Monday and detained 12 more on Tuesday.",
            "en",
            [("detention", 1), ("detention", 7)],
        ),
        ("Полиция задержала 30 мигрантов, ещё 12 задержали в Питере.", "ru", [("detention", 1), ("detention", 7)]),
        # a step with its part of speech: "recruit/verb" is the verb, not "recruits", people
        ("The recruits said they were recruited in May.", "en", [("contract", 5)]),
    ],
)
def test_triggers_wherever_they_stand(text, lang, found):
    from tallybook.extraction.triggers import hits_of, load_incident_pack
    from tallybook.nlp import parse

    sent = next(iter(parse(text, lang).sents))
    hits = hits_of(sent, load_incident_pack().triggers[lang])
    assert [(h.type, h.tokens[0].i) for h in hits] == found
