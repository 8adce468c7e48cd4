"""The English front-end: outlets named by their web address stay one name."""

import pytest

from tallybook import extract
from tallybook.nlp import parse


@pytest.mark.parametrize(
    "text, name",
    [
        ("This is reported by Forbes, Censor.NET reports.", "Censor.NET"),
        ("Gazeta.Ru reported that 300 migrants were detained.", "Gazeta.Ru"),
        ("According to Fontanka.ru, police detained 500 migrants.", "Fontanka.ru"),
    ],
)
def test_a_web_address_name_is_one_organisation(text, name):
    doc = parse(text, "en")
    assert name in [t.text for t in doc]
    assert (name, "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_a_sentence_run_into_the_next_is_still_split():
    assert [t.text for t in parse("He left Russia.Moscow is big.", "en")][:5] == ["He", "left", "Russia", ".", "Moscow"]


def test_the_outlet_is_the_speaker():
    (claim,) = extract("Gazeta.Ru reported that 300 migrants were detained.", lang="en")
    assert (claim.speaker, claim.speaker_kind) == ("Gazeta.Ru", "org")
