"""Incidents in the ledger: stored beside claims on ingest, linked to the claims that count
them, replaced on re-extraction with reviewed ones kept, reviewed with history; no person's
name stored as a group."""

from __future__ import annotations

from dataclasses import replace

from tallybook.ledger.incidents import review_incident
from tallybook.ledger.store import ingest_document, reextract
from tallybook.model import Document

TEXT = (
    "Police raided a hostel in Kazan on Tuesday and detained 60 migrants. "
    "Officers also detained Rustam Nazarov, a builder, near the station."
)


def models():
    from tallybook.ledger import models

    return models


def test_ingest_stores_incidents_with_place_date_and_their_claims(ledger_url):
    ingest_document(Document(TEXT, "r/kazan.txt", published="2025-03-14", lang="en"))
    m = models()
    rows = list(
        m.Incident.objects.order_by("start").values_list(
            "type", "text", "place_name", "country", "precision", "date", "status"
        )
    )
    assert rows[0] == ("raid", "raided a hostel", "Kazan", "RU", "city", "2025-03-11", "new")
    detention = m.Incident.objects.filter(type="detention").order_by("start").first()
    assert [c.value for c in detention.claims.all()] == [60]
    assert detention.sentence_text.startswith("Police raided")
    assert detention.lat is not None and detention.candidates[0]["name"] == "Kazan"


def test_no_person_is_stored_as_a_group(ledger_url):
    ingest_document(Document(TEXT, "r/kazan.txt", lang="en"))
    for affected in models().Incident.objects.values_list("affected", flat=True):
        assert "nazar" not in (affected or "").lower()


def test_review_keeps_history_and_survives_reextraction_and_a_changed_text(ledger_url):
    doc = Document(TEXT, "r/kazan.txt", lang="en")
    ingest_document(doc)
    m = models()
    raid = m.Incident.objects.get(type="raid")
    review_incident(raid.id, "correct", "ana", {"place_name": "Kazan, Vakhitovsky district"}, note="street named")
    raid.refresh_from_db()
    assert (raid.status, raid.place_name) == ("corrected", "Kazan, Vakhitovsky district")
    history = list(
        raid.history.order_by("history_date", "history_id").values_list("place_name", "history_change_reason")
    )
    assert history[0][0] == "Kazan" and history[-1] == ("Kazan, Vakhitovsky district", "correct: street named")
    assert list(m.IncidentReview.objects.values_list("action", "reviewer")) == [("correct", "ana")]
    list(reextract())
    assert m.Incident.objects.get(id=raid.id).place_name == "Kazan, Vakhitovsky district"
    assert m.Incident.objects.filter(type="raid").count() == 1
    ingest_document(replace(doc, text="Nothing happened in Kazan that week."))
    kept = m.Incident.objects.get(id=raid.id)
    assert kept.orphaned and m.Incident.objects.count() == 1  # the unreviewed detention is gone


def test_a_backup_restores_the_incidents_and_their_claims(ledger_url, tmp_path):
    from tallybook.ledger.backup import backup, restore

    ingest_document(Document(TEXT, "r/kazan.txt", lang="en"))
    m = models()
    before = sorted((i.type, i.start, tuple(sorted(c.value for c in i.claims.all()))) for i in m.Incident.objects.all())
    path = str(tmp_path / "ledger.backup")
    backup(path)
    m.Incident.objects.all().delete()
    restore(path)
    after = sorted((i.type, i.start, tuple(sorted(c.value for c in i.claims.all()))) for i in m.Incident.objects.all())
    assert after == before and before
