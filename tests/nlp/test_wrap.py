"""Hard-wrapped text: a line that runs on into the next is one sentence with it, in both front-ends;
a headline, a paragraph's end and a blank line still end one."""

import pytest

from tallybook import extract
from tallybook.nlp import parse
from tallybook.nlp.wrap import wraps_on


@pytest.mark.parametrize(
    "before, gap, after, runs_on",
    [
        ("police detained about", "\n", "forty men", True),
        ("полиция задержала около", "\n", "сорока мужчин", True),
        ("were detained in the raids,", "\n", "most of them", True),
        ("Police detain 40 migrants", "\n", "Police detained", False),  # a headline, then its paragraph
        ("Полиция задержала 40 мигрантов", "\n", "Полиция задержала", False),
        ("The raid ended.", "\n", "then they left", False),
        ("Рейд закончился.", "\n", "затем они ушли", False),
        ("police detained about", "\n\n", "forty men", False),  # a blank line: a paragraph's end
        ("What the minister said:", "\n", "recruits get", False),
    ],
)
def test_wraps_on(before, gap, after, runs_on):
    assert wraps_on(before, gap, after) is runs_on


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Investigators said that about forty\nthousand men were sent to the front.", "en"),
        ("Следователи сообщили, что около сорока\nтысяч мужчин отправили на фронт.", "ru"),
    ],
)
def test_a_wrapped_sentence_is_one_sentence(text, lang):
    doc = parse(text, lang)
    assert doc.text == text
    assert len([s for s in doc.sents if s.text.strip()]) == 1
    (claim,) = extract(text, lang=lang)
    assert claim.value == 40000


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Police detain 40 migrants\nPolice detained 40 migrants on Monday.", "en"),
        ("Полиция задержала 40 мигрантов\nПолиция задержала 40 мигрантов в понедельник.", "ru"),
    ],
)
def test_a_headline_is_still_its_own_sentence(text, lang):
    assert [s.text.strip() for s in parse(text, lang).sents if s.text.strip()] == text.split("\n")
