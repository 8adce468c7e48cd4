"""Number forms read whole: a Russian fraction word alone («треть»), the oblique forms of «пол-»
halves of a scale, a scale joined to digits by a hyphen or after a case ending; and a fraction
word after an ordinal, which names a part of a period, not a share."""

import pytest

from tallybook import read_numbers

CASES = [
    # a fraction word alone is one such part (English needs "a": "a third")
    ("Треть призывников не явилась.", "ru", "Треть", 1 / 3, "exact", "cardinal"),
    ("Более четверти заявок отклонили.", "ru", "Более четверти", 0.25, "lower", "cardinal"),
    ("Отказ получили в трети случаев.", "ru", "трети", 1 / 3, "exact", "cardinal"),
    ("Ущерб составил почти четверть миллиона.", "ru", "почти четверть миллиона", 250000, "upper", "cardinal"),
    ("A third of the drivers quit.", "en", "A third", 1 / 3, "exact", "cardinal"),
    # «пол-» halves of a scale in every case
    ("Уехали свыше полумиллиона жителей.", "ru", "свыше полумиллиона", 500000, "lower", "cardinal"),
    ("На площади было около полусотни машин.", "ru", "около полусотни", 50, "approx", "cardinal"),
    ("Из полутысячи анкет вернулась сотня.", "ru", "полутысячи", 500, "exact", "cardinal"),
    ("Бюджет вырос до полумиллиарда.", "ru", "до полумиллиарда", 5e8, "upper", "cardinal"),
    # a scale joined to digits by a hyphen
    ("They signed a $40-million deal.", "en", "$40-million", 4e7, "exact", "money"),
    ("A 2-million-strong diaspora voted.", "en", "2-million", 2e6, "exact", "cardinal"),
    ("Туда перебросили 30-тысячный контингент.", "ru", "30-тысячный", 30000, "exact", "cardinal"),
    ("Жители 5-миллионного города ждали.", "ru", "5-миллионного", 5e6, "exact", "cardinal"),
    # a scale after digits with a case ending
    ("Штраф составит до 3-х тысяч рублей.", "ru", "до 3-х тысяч", 3000, "upper", "money"),
    ("Ущерб составил около 10-ти миллионов.", "ru", "около 10-ти миллионов", 1e7, "approx", "cardinal"),
    # a fraction word after an ordinal is a part of a period
    ("Рост пришёлся на первую четверть года.", "ru", "четверть", 0.25, "exact", "ordinal"),
    ("Prices rose in the second half of the year.", "en", "half", 0.5, "exact", "ordinal"),
    ("Half of the recruits left.", "en", "Half", 0.5, "exact", "cardinal"),
]


@pytest.mark.parametrize("text, lang, surface, value, hedge, kind", CASES)
def test_reads_the_form_whole(text, lang, surface, value, hedge, kind):
    n = read_numbers(text, lang)[0]
    assert (n.text, n.hedge, n.kind) == (surface, hedge, kind)
    assert n.value == pytest.approx(value)


@pytest.mark.parametrize("text", ["Помощь пришла из третьих стран.", "Третий батальон отошёл."])
def test_an_ordinal_is_no_fraction_alone(text):
    assert [n for n in read_numbers(text, "ru") if n.kind == "cardinal"] == []
