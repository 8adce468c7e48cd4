"""Filters and full-text search: the same answers from SQLite FTS5 and PostgreSQL tsvector."""

from __future__ import annotations

from datetime import date

import pytest

from tallybook.ledger.query import Filters, claim_record, claims, document_record, documents
from tallybook.ledger.store import ingest_document
from tallybook.model import Document

DOCS = [
    Document(
        "The UK Ministry of Defence said about 1,500 Russian soldiers were killed or wounded each day.",
        "a.txt",
        title="Daily losses",
        published="2024-11-10",
        lang="en",
    ),
    Document(
        "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said.",
        "b.txt",
        title="Raids in Moscow",
        published="2025-07-08T09:30:00+03:00",
        lang="en",
    ),
    Document(
        "Alexander Bastrykin, chairman of the Investigative Committee, said more than 30,000 migrants "
        "had received citizenship.",
        "c.txt",
        title=None,
        published=None,
        lang="en",
    ),
]


@pytest.fixture
def filled(ledger_url):
    for d in DOCS:
        ingest_document(d)


def texts(f: Filters) -> list[str]:
    return [c.text for c in claims(f)]


def sources(f: Filters) -> list[str]:
    return [d.source for d in documents(f)]


CLAIM_CASES = [
    (Filters(), ["about 1,500", "500", "more than 30,000"]),
    (Filters(measure="raids.detentions"), ["500"]),
    (Filters(speaker="ministry"), ["about 1,500", "500"]),
    (Filters(speaker="investigative committee"), ["more than 30,000"]),  # the speaker's organisation
    (Filters(lang="ru"), []),
    (Filters(since=date(2025, 1, 1)), ["500"]),
    (Filters(until=date(2024, 11, 10)), ["about 1,500"]),
    (Filters(search="migrants"), ["500", "more than 30,000"]),
    (Filters(search="MIGRANTS Moscow"), ["500"]),  # every word, any case
    (Filters(search="Bastrykin"), ["more than 30,000"]),
    (Filters(search="migrants", speaker="Bastrykin"), ["more than 30,000"]),
    (Filters(search="tanks"), []),
    (Filters(search="  ,; "), ["about 1,500", "500", "more than 30,000"]),  # no words: no search
]


@pytest.mark.parametrize("f, expected", CLAIM_CASES)
def test_claim_filters(filled, f, expected):
    assert texts(f) == expected


DOCUMENT_CASES = [
    (Filters(), ["a.txt", "b.txt", "c.txt"]),
    (Filters(search="raids"), ["b.txt"]),  # the title is searched
    (Filters(search="citizenship"), ["c.txt"]),
    (Filters(measure="casualties.daily_average"), ["a.txt"]),
    (Filters(speaker="ministry"), ["a.txt", "b.txt"]),
    (Filters(since=date(2024, 1, 1), until=date(2025, 12, 31)), ["a.txt", "b.txt"]),
]


@pytest.mark.parametrize("f, expected", DOCUMENT_CASES)
def test_document_filters(filled, f, expected):
    assert sources(f) == expected


def test_search_follows_changes(filled):
    ingest_document(Document("Officials counted 42 drones over the city.", "a.txt", lang="en"))
    assert sources(Filters(search="drones")) == ["a.txt"]
    assert sources(Filters(search="Defence")) == []
    assert texts(Filters(search="drones")) == ["42"]


def test_records_carry_ledger_ids(filled):
    rec = claim_record(claims(Filters(measure="raids.detentions")).get())
    assert rec["id"] > 0 and rec["document_id"] > 0
    assert {k: rec[k] for k in ("source", "published", "start", "end", "text", "value", "speaker", "status")} == {
        "source": "b.txt",
        "published": "2025-07-08T09:30:00+03:00",
        "start": 16,
        "end": 19,
        "text": "500",
        "value": 500.0,
        "speaker": "Interior Ministry",
        "status": "new",
    }
    doc = document_record(documents(Filters(search="raids")).get())
    assert (doc["source"], doc["title"], doc["claims"], doc["chars"]) == ("b.txt", "Raids in Moscow", 1, 78)


def test_measures_in_use_are_the_distinct_measures_sorted(ledger_url):
    from tallybook.ledger.models import Claim
    from tallybook.ledger.query import measures_in_use

    assert measures_in_use() == []
    texts = [
        "Police detained 500 migrants in Moscow, the Interior Ministry said.",
        "About 1,500 Russian soldiers were killed or wounded each day, the UK Ministry of Defence said.",
        "Officials counted 42 drones over the city.",
    ]
    for i, text in enumerate(texts):
        ingest_document(Document(text, f"m{i}.txt", lang="en"))
    expected = sorted(set(Claim.objects.exclude(measure=None).exclude(measure="").values_list("measure", flat=True)))
    assert len(expected) >= 2 and measures_in_use() == expected


def test_one_person_in_two_scripts_is_one_speaker(ledger_url):
    from tallybook.ledger.models import Claim
    from tallybook.ledger.query import names_of_person, speakers

    ingest_document(
        Document(
            "Alexander Bastrykin said 20,000 naturalized men were sent to the front.",
            "en.txt",
            lang="en",
            published="2025-05-20",
        )
    )
    ingest_document(
        Document(
            "Александр Бастрыкин заявил, что на фронт отправлены 20 000 натурализованных мужчин.",
            "ru.txt",
            lang="ru",
            published="2025-05-21",
        )
    )
    ingest_document(Document("Sergei Shoigu said 300,000 reservists would be called up.", "s.txt", lang="en"))
    people = {s.name: s for s in speakers(Claim.objects.all()) if s.kind == "person"}
    assert sorted(people) == ["Alexander Bastrykin", "Sergei Shoigu"]  # a tie: the first name in order leads
    bastrykin = people["Alexander Bastrykin"]
    assert (bastrykin.claims, bastrykin.also) == (2, ("Александр Бастрыкин",))
    assert (bastrykin.first, bastrykin.last) == (date(2025, 5, 20), date(2025, 5, 21))
    assert names_of_person("Alexander Bastrykin") == ["Alexander Bastrykin", "Александр Бастрыкин"]
    assert names_of_person("Sergei Shoigu") == ["Sergei Shoigu"]


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Alexander Bastrykin", "Александр Бастрыкин", True),
        ("Sergei Shoigu", "Сергей Шойгу", True),
        ("Dmitry Medvedev", "Дмитрий Медведев", True),
        ("Subrahmanyam Jaishankar", "Субраманьям Джайшанкар", True),
        ("Vladimir Putin", "Vladimir Potanin", False),
        ("Sergei Shoigu", "Sergei Rudskoy", False),
    ],
)
def test_person_key_joins_transliterations_only(a, b, same):
    from tallybook.ledger.names import person_key

    assert (person_key(a) == person_key(b)) is same
    assert person_key("Bastrykin") is None  # a surname alone is too likely two people
