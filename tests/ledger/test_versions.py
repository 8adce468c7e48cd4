"""The same article saved twice is one document in two versions; a report's named source is kept."""

from __future__ import annotations

from tallybook.ingest import read_file
from tallybook.ledger.batch import ingest_all
from tallybook.ledger.models import Claim, Document, DocumentVersion, Review
from tallybook.ledger.review import review_claim
from tallybook.ledger.store import ingest_document
from tallybook.model import Document as Doc

URL = "https://example.org/news/raids"
FIRST = "Police detained 500 migrants in Moscow on Tuesday, the Interior Ministry said."
SECOND = "Police detained 600 migrants in Moscow on Tuesday, the Interior Ministry said."


def page(text: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><title>Raids</title><link rel="canonical" href="{URL}">'
        f"</head><body><article><p>{text}</p></article></body></html>"
    )


def test_a_page_saved_twice_is_a_new_version_of_the_first(ledger_url, tmp_path):
    (tmp_path / "raids.html").write_text(page(FIRST), encoding="utf-8")
    (tmp_path / "raids (1).html").write_text(page(SECOND), encoding="utf-8")
    first = ingest_all(read_file(tmp_path / "raids.html"))
    claim = Claim.objects.get(text="500")
    review_claim(claim.id, "accept", "tester")
    second = ingest_all(read_file(tmp_path / "raids (1).html"))
    assert (first.added, second.added, second.replaced) == (1, 0, 1)
    (doc,) = Document.objects.all()
    assert doc.url == URL and "600 migrants" in doc.text and doc.source.endswith("raids (1).html")
    (old,) = DocumentVersion.objects.filter(document=doc)
    assert "500 migrants" in old.text and old.source.endswith("raids.html")
    kept = Claim.objects.get(id=claim.id)  # the reviewed claim stays, its span gone: orphaned
    assert kept.orphaned and Review.objects.filter(claim=kept).count() == 1
    assert Claim.objects.filter(document=doc, text="600").exists()
    again = ingest_all(read_file(tmp_path / "raids.html"))  # the older copy again: nothing goes back
    assert again.unchanged == 1 and "600 migrants" in Document.objects.get().text


def test_a_changed_text_keeps_its_earlier_version(ledger_url):
    ingest_document(Doc(FIRST, "notes/raids.txt"))
    assert ingest_document(Doc(SECOND, "notes/raids.txt")) == "replaced"
    assert [v.text for v in DocumentVersion.objects.all()] == [FIRST]


def test_the_header_source_is_kept(ledger_url, tmp_path):
    path = tmp_path / "r.txt"
    path.write_text(
        f"Title: Raids\nSource: written for the project from police statements\n\n{FIRST}\n", encoding="utf-8"
    )
    ingest_all(read_file(path))
    assert Document.objects.get().source_note == "written for the project from police statements"
