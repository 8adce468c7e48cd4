"""Search finds a word in any of its forms, in both languages, on both backends."""

from __future__ import annotations

import pytest

from tallybook.ledger import query
from tallybook.ledger.models import Claim, Document
from tallybook.ledger.review import review_claim
from tallybook.ledger.store import ingest_document
from tallybook.model import Document as Doc

RU = "Полиция задержала 300 мигрантов в Москве, сообщило МВД."
EN = "Officials said 40 Indian nationals were recruited to fight, the ministry said."


@pytest.fixture
def ledger(ledger_url):
    ingest_document(Doc(RU, "r/ru.txt", title="Рейды на рынках", lang="ru"))
    ingest_document(Doc(EN, "r/en.txt", title="Recruits from India", lang="en"))
    return ledger_url


def found(search: str) -> list[str]:
    return sorted(c.text for c in query.claims(query.Filters(search=search)))


@pytest.mark.parametrize(
    "search, texts",
    [
        ("мигранты", ["300"]),
        ("Мигрант", ["300"]),
        ("москва задержали", ["300"]),
        ("India", ["40"]),
        ("recruiting", ["40"]),
        ("national", ["40"]),
        ("indian nationals", ["40"]),
        ("мигранты India", []),
        ("migrants", []),
    ],
)
def test_claims_are_found_by_stem(ledger, search, texts):
    assert found(search) == texts


def test_documents_are_found_by_stem_of_title_or_text(ledger):
    assert [d.source for d in query.documents(query.Filters(search="рынки"))] == ["r/ru.txt"]
    assert [d.source for d in query.documents(query.Filters(search="recruit"))] == ["r/en.txt"]


def test_a_correction_is_found_by_its_new_words(ledger):
    claim = Claim.objects.get(text="40")
    review_claim(claim.id, "correct", "ana", {"speaker": "Nepalese embassy"})
    assert found("embassies") == ["40"]
    Document.objects.filter(source="r/ru.txt").delete()
    assert found("мигранты") == []
