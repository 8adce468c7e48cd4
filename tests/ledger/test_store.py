"""Storing documents: added / unchanged / replaced, one transaction each, reviews never lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from conftest import REPORT

import tallybook
from tallybook.ledger.review import review_claim
from tallybook.ledger.store import EXTRACTOR_VERSION, content_hash, ingest_document, reextract, store_document
from tallybook.model import Claim as ClaimValue
from tallybook.model import Reading


def models():
    from tallybook.ledger import models

    return models


def rows(document_id: int) -> list[tuple]:
    return list(
        models()
        .Claim.objects.filter(document_id=document_id)
        .order_by("start")
        .values_list("start", "end", "text", "value", "hedge", "speaker", "measure", "status", "orphaned")
    )


def test_added_then_unchanged(ledger_url, report):
    assert ingest_document(report) == "added"
    doc = models().Document.objects.get()
    assert (doc.source, doc.locator, doc.title, doc.published, str(doc.published_on), doc.lang) == (
        "reports/mod.txt",
        "",
        "Daily losses",
        "2024-11-10",
        "2024-11-10",
        "en",
    )
    assert doc.content_hash == content_hash(REPORT) == __import__("hashlib").sha256(REPORT.encode()).hexdigest()
    assert rows(doc.id) == [
        (32, 43, "about 1,500", 1500.0, "approx", "UK Ministry of Defence", "casualties.daily_average", "new", False),
        (110, 113, "500", 500.0, "exact", "Interior Ministry", "raids.detentions@mosco@2024-11", "new", False),
    ]
    claim = models().Claim.objects.get(start=32)
    assert claim.sentence_text == REPORT[:93]
    assert (claim.period, claim.extractor_version) == ("each day", EXTRACTOR_VERSION)
    assert EXTRACTOR_VERSION.startswith(tallybook.__version__ + "+")
    updated = doc.updated
    assert ingest_document(report) == "unchanged"
    assert models().Document.objects.get().updated == updated
    assert models().Claim.objects.count() == 2


def test_changed_text_replaces_unreviewed_claims(ledger_url, report):
    ingest_document(report)
    changed = replace(report, text=REPORT.replace("about 1,500", "about 1,700"))
    assert store_document(changed).outcome == "replaced"
    assert [(r[2], r[3]) for r in rows(models().Document.objects.get().id)] == [("about 1,700", 1700.0), ("500", 500.0)]
    assert models().Document.objects.count() == 1


def test_reviewed_claim_kept_when_span_holds_and_orphaned_when_gone(ledger_url, report):
    ingest_document(report)
    first = models().Claim.objects.get(start=32)
    second = models().Claim.objects.get(start=110)
    review_claim(first.id, "accept", "ana")
    review_claim(second.id, "correct", "ana", {"value": 510.0}, note="the ministry later said 510")
    # the first span still reads "about 1,500" at 32..43; the second sentence is rewritten
    changed = replace(report, text=REPORT[:93] + " Police detained 800 migrants in Moscow, the Interior Ministry said.")
    assert ingest_document(changed) == "replaced"
    got = {c.id: (c.text, c.value, c.status, c.orphaned) for c in models().Claim.objects.order_by("id")}
    assert got[first.id] == ("about 1,500", 1500.0, "accepted", False)
    assert got[second.id] == ("500", 510.0, "corrected", True)
    new = [v for k, v in got.items() if k not in (first.id, second.id)]
    assert new == [("800", 800.0, "new", False)]  # no second claim over the kept, still-valid span
    assert models().Review.objects.filter(claim_id=second.id).get().changes == {"value": [500.0, 510.0]}
    # the old text comes back: the orphan is whole again, and nothing is duplicated
    assert ingest_document(report) == "replaced"
    assert [(c.text, c.status, c.orphaned) for c in models().Claim.objects.order_by("start")] == [
        ("about 1,500", "accepted", False),
        ("500", "corrected", False),
    ]


def test_reviewed_claim_moves_with_its_sentence(ledger_url, report):
    ingest_document(report)
    first = models().Claim.objects.get(start=32)
    review_claim(first.id, "accept", "ana")
    preface = "Update, 11 November: the figures below were first published on Sunday.\n"
    assert ingest_document(replace(report, text=preface + REPORT)) == "replaced"
    moved = models().Claim.objects.get(id=first.id)
    shift = len(preface)
    assert (moved.start, moved.end, moved.status, moved.orphaned) == (32 + shift, 43 + shift, "accepted", False)
    assert (moved.sentence_start, moved.sentence_end) == (first.sentence_start + shift, first.sentence_end + shift)
    assert moved.document.text[moved.start : moved.end] == "about 1,500"
    assert models().Claim.objects.filter(text="about 1,500").count() == 1  # no fresh copy beside it


def test_an_entity_no_claim_names_any_more_is_removed(ledger_url, report):
    ingest_document(report)
    names = lambda: sorted(models().Entity.objects.values_list("name", flat=True))  # noqa: E731
    assert names() == ["Interior Ministry", "Moscow", "UK Ministry of Defence"]
    changed = replace(report, text=REPORT.replace("the Interior Ministry said", "officers said"))
    assert ingest_document(changed) == "replaced"
    assert names() == ["Moscow", "UK Ministry of Defence"]
    # the speaker link of the first claim, and the names "UK Ministry of Defence" and "Moscow" in the text
    assert models().Mention.objects.filter(claim__isnull=False).count() == 1
    assert models().Mention.objects.filter(claim__isnull=True).count() == 2


def test_one_transaction_per_document(ledger_url, report):
    def broken(text, lang=None, published=None):
        good = tallybook.read(text, lang=lang, published=published)
        # NOT NULL fails after the document row is written
        return Reading(good.claims + [replace(good.claims[0], value=None)], good.names)

    with pytest.raises(Exception):  # noqa: B017 - whichever error the database raises for NOT NULL
        store_document(report, broken)
    assert models().Document.objects.count() == 0
    assert models().Claim.objects.count() == 0
    assert ingest_document(report) == "added"


def test_reextract_with_a_newer_extractor_keeps_reviews(ledger_url, report):
    ingest_document(report)
    kept = models().Claim.objects.get(start=110)
    review_claim(kept.id, "reject", "bo", note="not a claim")

    def newer(text, lang=None, published=None):
        found = tallybook.read(text, lang=lang, published=published)
        return Reading([replace(c, confidence=0.5) for c in found.claims], found.names)

    results = list(reextract(newer, version="0.2.0"))
    assert [(r.outcome, r.claims) for r in results] == [("replaced", 1)]
    got = [(c.start, c.confidence, c.extractor_version, c.status) for c in models().Claim.objects.order_by("start")]
    assert got == [(32, 0.5, "0.2.0", "new"), (110, 1.0, EXTRACTOR_VERSION, "rejected")]


def test_speakers_become_entities_with_mentions(ledger_url):
    text = (
        "Alexander Bastrykin, chairman of the Investigative Committee, said more than 30,000 migrants "
        "had received citizenship."
    )
    doc = tallybook.model.Document(text, "b.txt", lang="en")
    ingest_document(doc)
    entities = sorted(models().Entity.objects.values_list("kind", "name", "norm"))
    assert entities == [
        ("org", "Investigative Committee", "investigative committee"),
        ("person", "Alexander Bastrykin", "alexander bastrykin"),
    ]
    links = models().Mention.objects.filter(claim__isnull=False)
    mentions = sorted((m.entity.name, m.start, m.end, m.claim.text) for m in links)
    assert mentions == [
        ("Alexander Bastrykin", 0, 19, "more than 30,000"),
        ("Investigative Committee", 37, 60, "more than 30,000"),
    ]
    assert models().Claim.objects.get().speaker_kind == "person"
    ingest_document(replace(doc, source="c.txt"))  # the same people again: no new entities
    assert models().Entity.objects.count() == 2
    assert links.all().count() == 4


def test_fake_claims_from_a_custom_extractor(ledger_url, report):
    def one(text, lang=None, published=None):
        return Reading(
            [
                ClaimValue(
                    start=0,
                    end=3,
                    text="The",
                    value=1.0,
                    value_max=None,
                    hedge="exact",
                    unit=None,
                    counted=None,
                    speaker=None,
                    speaker_role=None,
                    speaker_org=None,
                    cue=None,
                    period=None,
                    time_ref=None,
                    measure=None,
                    sentence=(0, 93),
                    confidence=0.1,
                    lang="en",
                )
            ],
            [],
        )

    assert store_document(report, one).claims == 1
    assert rows(models().Document.objects.get().id) == [(0, 3, "The", 1.0, "exact", None, None, "new", False)]


def test_places_and_organisations_named_in_the_text_are_entities(ledger_url):
    text = (
        "Police raided a warehouse in Yekaterinburg and detained 120 migrants, the regional police said. "
        "Later they went on to Chelyabinsk."
    )
    ingest_document(tallybook.model.Document(text, "p.txt", lang="en"))
    places = {
        m.entity.name: (m.start, m.end, m.claim_id) for m in models().Mention.objects.filter(entity__kind="place")
    }
    assert places == {"Yekaterinburg": (29, 42, None), "Chelyabinsk": (text.index("Chelyabinsk"), len(text) - 1, None)}


def test_a_person_enters_the_ledger_only_as_a_speaker(ledger_url):
    text = (
        "Rustam Nazarov, a builder from Samarkand, was detained at the site. "
        "Alexander Bastrykin said 20,000 naturalized men had been sent to the front. "
        "Bastrykin repeated the figure in Moscow."
    )
    ingest_document(tallybook.model.Document(text, "q.txt", lang="en"))
    people = models().Entity.objects.filter(kind="person")
    assert [p.name for p in people] == ["Alexander Bastrykin"]
    spans = sorted((m.start, m.claim_id is not None) for m in people.get().mentions.all())
    # the speaker link, the name in the text, and the surname alone in the third sentence
    assert spans == [(68, False), (68, True), (text.index("Bastrykin repeated"), False)]
    assert "Nazarov" not in " ".join(models().Entity.objects.values_list("name", flat=True))


def test_russian_places_take_their_nominative(ledger_url):
    text = "В Екатеринбурге полиция задержала 120 мигрантов, сообщило МВД."
    ingest_document(tallybook.model.Document(text, "r.txt", lang="ru"))
    place = models().Entity.objects.get(kind="place")
    assert (place.name, place.mentions.get().start) == ("Екатеринбург", 2)


def test_claims_carry_their_documents_publication_date(ledger_url, report):
    ingest_document(report)
    claim = models().Claim.objects.get(start=110)
    review_claim(claim.id, "accept", "ana")
    assert set(models().Claim.objects.values_list("published_on", flat=True)) == {date(2024, 11, 10)}
    ingest_document(replace(report, published="2024-11-12", text=report.text + " More later."))
    assert set(models().Claim.objects.values_list("published_on", flat=True)) == {date(2024, 11, 12)}


def test_a_long_document_of_many_words_is_stored_and_found(ledger_url):
    import random

    from tallybook.ledger import fts
    from tallybook.model import Document as DocumentValue

    rng = random.Random(7)
    letters = "абвгдежзиклмнопрстуфхцчшщыэюя"
    words = ["".join(rng.choice(letters) for _ in range(rng.randint(5, 11))) for _ in range(150_000)]
    text = "Мобилизованы триста человек. " + " ".join(words)  # 1.3 M characters, 2.5 MB of Cyrillic
    assert len(text) > 1_000_000
    stored = store_document(
        DocumentValue(text, "long.txt", lang="ru"), lambda text, lang=None, published=None: Reading([], [])
    )
    assert stored.outcome == "added"
    found = fts.search(models().Document.objects.all(), "мобилизованы")
    assert list(found.values_list("id", flat=True)) == [stored.document_id]


def test_nul_characters_are_stored_alike_on_both_backends(ledger_url):
    from tallybook.model import Document as DocumentValue

    text = "Police detained 500\x00 migrants in Moscow on Tuesday, the Interior Ministry said."
    stored = store_document(DocumentValue(text, "nul\x00.jsonl", locator="line/1", title="A\x00B", lang="en"))
    row = models().Document.objects.get(id=stored.document_id)
    assert (row.text, row.source, row.title) == (text.replace("\x00", "\ufffd"), "nul\ufffd.jsonl", "A\ufffdB")
    assert list(models().Claim.objects.values_list("text", flat=True)) == ["500"]
