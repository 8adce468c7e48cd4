"""Sources in the ledger: one Source per real speaker, found by any of its names in any case or
script, on SQLite and PostgreSQL; merges, splits and edits keep their history."""

from __future__ import annotations

import pytest

from tallybook.ledger import sources
from tallybook.ledger.models import Claim, Source, SourceKey
from tallybook.ledger.query import Filters, claims
from tallybook.ledger.store import ingest_document
from tallybook.model import Document

DOCS = [
    Document(
        "The British Defence Ministry said about 1,500 Russian soldiers were killed or wounded each day.",
        "uk-en.txt",
        published="2024-11-10",
        lang="en",
    ),
    Document(
        "По данным Минобороны Великобритании, за сутки погибли или были ранены 1300 российских военных.",
        "uk-ru.txt",
        published="2024-11-12",
        lang="ru",
    ),
    Document(
        "Александр Бастрыкин заявил, что 20 000 натурализованных мигрантов отправлены на фронт.",
        "sk-ru.txt",
        published="2025-05-20",
        lang="ru",
    ),
    Document(
        "Nepal's government said 12 of its citizens had been killed fighting for Russia.",
        "np-en.txt",
        published="2024-03-01",
        lang="en",
    ),
]


@pytest.fixture
def filled(ledger_url):
    for d in DOCS:
        ingest_document(d)


def texts(qs) -> list[str]:
    return sorted(c.text for c in qs)


def test_one_source_for_every_name_in_both_scripts(filled):
    uk = sources.named("UK Ministry of Defence")
    assert uk is not None and uk.kind == "government"
    assert texts(sources.claims_of(uk)) == ["1300", "about 1,500"]
    assert set(sources.names_seen(uk)) == {"British Defence Ministry", "Минобороны Великобритании"}
    assert Source.objects.filter(keys__key="uk-ministry-of-defence").count() == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("минобороны великобритании", ["1300", "about 1,500"]),  # Cyrillic, lower case: SQLite's LIKE cannot
        ("МИНОБОРОНЫ", ["1300", "about 1,500"]),
        ("uk ministry", ["1300", "about 1,500"]),
        ("бастрыкин", ["20 000"]),
        ("Bastrykin", ["20 000"]),  # the registry's other-script name
        ("government of nepal", ["12"]),
        ("Sergei Shoigu", []),
    ],
)
def test_speaker_filter_by_entity_any_case_any_script(filled, text, expected):
    assert texts(claims(Filters(speaker=text))) == expected
    assert texts(Claim.objects.filter(sources.by_speaker(text))) == expected


def test_an_organisation_includes_its_people(filled):
    assert texts(Claim.objects.filter(sources.by_org("Следственный комитет"))) == ["20 000"]
    assert texts(Claim.objects.filter(sources.by_speaker("Следственный комитет"))) == []


def test_merge_and_split_keep_history(filled):
    uk = sources.named("UK Ministry of Defence")
    stray = sources.source_for_key("org:british-army-hq", "British Army HQ")
    stray_id = stray.id
    sources.merge(stray, uk, reason="the army's figures are the ministry's")
    assert set(SourceKey.objects.filter(source=uk).values_list("key", flat=True)) == {
        "uk-ministry-of-defence",
        "org:british-army-hq",
    }
    assert not Source.objects.filter(id=stray_id).exists()
    moved = SourceKey.history.filter(key="org:british-army-hq").order_by("history_date").last()
    assert moved.history_change_reason == "the army's figures are the ministry's" and moved.source_id == uk.id
    assert Source.history.filter(id=stray_id, history_type="-").exists()

    army = sources.split(uk, ["org:british-army-hq"], "British Army", reason="not the ministry")
    assert list(SourceKey.objects.filter(source=army).values_list("key", flat=True)) == ["org:british-army-hq"]
    assert SourceKey.history.filter(
        key="org:british-army-hq", source_id=army.id, history_change_reason="not the ministry"
    ).exists()


def test_rename_set_kind_and_parent_with_history(filled):
    nepal = sources.named("Government of Nepal")
    sources.edit(nepal, name="Nepal (government)", kind="government", reason="house style")
    assert sources.named("nepal (government)") == nepal  # the new name finds it too
    assert sources.named("Government of Nepal") == nepal
    uk = sources.named("UK Ministry of Defence")
    sources.edit(uk, parent=nepal, reason="a test of parents")
    assert texts(Claim.objects.filter(sources.by_org("Nepal (government)"))) == ["12", "1300", "about 1,500"]
    record = Source.history.filter(id=uk.id).order_by("history_date").last()
    assert record.history_change_reason == "a test of parents" and record.parent_id == nepal.id


def test_a_split_leaves_the_registry_names_and_takes_its_own(filled):
    bastrykin = sources.named("Alexander Bastrykin")
    stray = sources.source_for_key("person:a-bstrkn", "А. И. Бастрыкин", "person")
    Claim.objects.filter(speaker_id="alexander-bastrykin").update(speaker_id="person:a-bstrkn")
    sources.merge(stray, bastrykin, reason="one man")
    apart = sources.split(bastrykin, ["person:a-bstrkn"], "А. И. Бастрыкин", reason="kept apart")
    assert sources.named("а. и. бастрыкин") == apart
    assert sources.named("Alexander Bastrykin") == bastrykin
    assert bastrykin in sources.matching("Александр Бастрыкин")  # the registry's names stay with him
    assert texts(sources.claims_of(apart)) == ["20 000"] and texts(sources.claims_of(bastrykin)) == []
