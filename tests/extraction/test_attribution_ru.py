"""Russian attribution patterns, each on a text written for the test."""
import pytest

from tallybook import extract

CASES = [
    # «по словам X» with a role noun and the person in apposition
    ("По словам главы Следственного комитета России Александра Бастрыкина, около 10 тысяч "
     "натурализованных мигрантов отправлены в зону боевых действий.", "около 10 тысяч", "Александр Бастрыкин"),
    # «по данным X», the organisation's name running on into a genitive
    ("По данным Минобороны Великобритании, в среднем 913 российских военных выбывают из строя каждый день.",
     "в среднем 913", "Минобороны Великобритании"),
    # «по информации издания X»: the outlet named in apposition
    ("По информации издания «Верстка», от 20 до 30 тысяч заключённых ушли воевать.", "от 20 до 30 тысяч", "Верстка"),
    # «как сообщает X»
    ("Как сообщает «Медиазона», журналисты установили имена более 100 тысяч погибших.", "более 100 тысяч",
     "Медиазона"),
    # X заявил, что …
    ("Министр обороны Сергей Шойгу заявил, что призовут 300 000 резервистов.", "300 000", "Сергей Шойгу"),
    # a pronoun in the next sentence takes the person named
    ("Сергей Шойгу выступил в среду. Он сообщил, что погибли 5 937 военных.", "5 937", "Сергей Шойгу"),
    # a surname alone takes the full name given earlier
    ("Александр Бастрыкин выступил на форуме. Бастрыкин подсчитал, что 20 тысяч уже на фронте.", "20 тысяч",
     "Александр Бастрыкин"),
    # «ведомство» takes the last organisation named
    ("Министерство обороны Великобритании опубликовало сводку. Ведомство отметило, что потери составили "
     "около 1500 человек в сутки.", "около 1500", "Министерство обороны Великобритании"),
    # the reporting clause after the figure
    ("Около 500 мигрантов подписали контракты, заявил глава СК Александр Бастрыкин.", "Около 500",
     "Александр Бастрыкин"),
    ("Более 30 тысяч иностранцев получили гражданство, сообщило МВД.", "Более 30 тысяч", "МВД"),
    ("До конца года власти планируют набрать 50 тысяч контрактников, сообщил Дмитрий Медведев.", "50 тысяч",
     "Дмитрий Медведев"),
    # no one in particular, or no one at all
    ("Источники сообщают, что из колонии завербовали 200 заключённых.", "200", None),
    ("В Москве прошли рейды, задержаны 150 мигрантов.", "150", None),
]


@pytest.mark.parametrize("text,quote,speaker", CASES)
def test_speaker(text, quote, speaker):
    claims = {c.text: c for c in extract(text, lang="ru")}
    assert quote in claims, sorted(claims)
    assert claims[quote].speaker == speaker


@pytest.mark.parametrize("text,quote,role,org", [
    (CASES[0][0], "около 10 тысяч", "глава", "Следственный комитет России"),
    (CASES[4][0], "300 000", "министр обороны", None),
    (CASES[8][0], "Около 500", "глава", "СК"),
])
def test_role_and_organisation(text, quote, role, org):
    claim = next(c for c in extract(text, lang="ru") if c.text == quote)
    assert (claim.speaker_role, claim.speaker_org) == (role, org)


def test_cue_is_the_attribution_words():
    claim = extract(CASES[1][0], lang="ru")[0]
    assert claim.cue == "По данным"
    assert claim.hedge == "average"
