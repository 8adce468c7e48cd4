"""Putting documents and their claims into the ledger, one transaction per document.

Human work is never lost: a claim that has been reviewed (status other than "new", any Review,
or any history record) is kept when its document's claims are replaced; it stays as it is when
its span text still sits at the same offsets, moves with its sentence, and is marked orphaned
(never deleted) when its sentence is gone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q

import tallybook
from tallybook.extraction.analysis import Analysis, analyse
from tallybook.model import Claim as ClaimValue
from tallybook.model import Document as DocumentValue
from tallybook.model import Reading
from tallybook.schema import flat_values
from tallybook.version import current

from .entities import link_entities, prune_entities
from .history import record_history
from .incidents import replace_incidents
from .models import Claim, Document, DocumentVersion, Mention
from .sources import link_sources

# The version recorded on every claim the ledger stores: the package version and a digest of
# the extraction rules and lexicons (tallybook/version.py), so it moves whenever they change.
EXTRACTOR_VERSION = current(tallybook.__version__)

Read = Callable[..., Reading]  # tallybook.read, or another extractor of the same shape


@dataclass(frozen=True)
class Stored:
    """What storing one document did: "added", "unchanged" or "replaced", and claims written."""

    outcome: str
    claims: int
    document_id: int


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def without_nul(doc: DocumentValue) -> DocumentValue:
    """`doc` with each NUL character made U+FFFD (same offsets): PostgreSQL refuses NUL in text,
    SQLite stores it, and both must hold the same ledger."""
    changed: dict[str, Any] = {
        f.name: v.replace("\x00", "\ufffd")
        for f in fields(doc)
        if isinstance(v := getattr(doc, f.name), str) and "\x00" in v
    }
    return replace(doc, **changed) if changed else doc


def ingest_document(doc: DocumentValue, read: Read = tallybook.read) -> str:
    """Store `doc` and its claims: "added", "unchanged" (same text, nothing written) or "replaced"."""
    return store_document(doc, read).outcome


def store_document(
    doc: DocumentValue, read: Read = tallybook.read, version: str = EXTRACTOR_VERSION, analysis: Analysis | None = None
) -> Stored:
    """ingest_document with the count of claims written and the document's ledger id. `analysis`
    is the document's, when a worker process made it (tallybook.scale), else it is made here."""
    doc = without_nul(doc)
    digest = content_hash(doc.text)
    old = earlier_copy(doc)
    if old is not None and (old.content_hash == digest or _older_copy(old, doc, digest)):
        return Stored("unchanged", 0, old.id)
    if analysis is None:
        analysis = analysed(doc.text, doc.lang, doc.published, read)  # slow: outside the transaction
    reading = analysis.reading
    with transaction.atomic():
        row, created = _save_document(doc, digest, reading.claims, old)
        written = replace_claims(row, reading, version)
        replace_incidents(row, analysis.incidents, [(c.start, c.end) for c in reading.claims], version)
    return Stored("added" if created else "replaced", written, row.id)


def analysed(text: str, lang: str | None, published: str | None, read: Read = tallybook.read) -> Analysis:
    """The claims, names and incidents of a text: one parse (extraction.analysis) with the
    default extractor, else `read` and the incidents apart."""
    if read is tallybook.read:
        return analyse(text, lang=lang, published=published)
    reading = read(text, lang=lang, published=published)
    return Analysis(reading, tallybook.incidents(text, lang=lang, published=published))


def is_unchanged(doc: DocumentValue) -> bool:
    """Does the ledger hold `doc` as it is (store_document would write nothing)?"""
    doc = without_nul(doc)
    digest = content_hash(doc.text)
    old = earlier_copy(doc)
    return old is not None and (old.content_hash == digest or _older_copy(old, doc, digest))


def earlier_copy(doc: DocumentValue) -> Document | None:
    """The ledger's document `doc` is a copy of: the same source and locator, else the same URL
    (an article saved twice, under two file names, is one document in two versions)."""
    same = Document.objects.filter(source=doc.source, locator=doc.locator)
    found = same.only("id", "content_hash", "source", "locator").first()
    if found is None and doc.url:
        found = (
            Document.objects.filter(url=doc.url).only("id", "content_hash", "source", "locator").order_by("id").first()
        )
    return found


def _older_copy(old: Document, doc: DocumentValue, digest: str) -> bool:
    """True when `doc`, found by its URL under another source, holds a text the document had
    before (the first of two saved copies, read again): it does not turn the document back.
    The same source with an older text is the file changed back, and is stored."""
    other_source = (old.source, old.locator) != (doc.source, doc.locator)
    return other_source and old.versions.filter(content_hash=digest).exists()


def _save_document(
    doc: DocumentValue, digest: str, claims: list[ClaimValue], old: Document | None
) -> tuple[Document, bool]:
    """Write `doc`'s row: a new one, or `old` updated, its text before kept as a DocumentVersion."""
    fields = document_fields(doc, digest, claims[0].lang if claims else None)
    if old is None:
        return Document.objects.create(**fields), True
    row = Document.objects.select_for_update().get(id=old.id)
    DocumentVersion.objects.create(
        document=row,
        source=row.source,
        title=row.title,
        published=row.published,
        text=row.text,
        content_hash=row.content_hash,
        stored=row.updated,
    )
    for name, value in fields.items():
        setattr(row, name, value)
    row.save()
    return row, False


def document_fields(doc: DocumentValue, digest: str, claim_lang: str | None) -> dict[str, Any]:
    """The ledger Document's fields for `doc` (NULs already replaced): its language as given,
    else its first claim's (`claim_lang`), else detected."""
    return dict(
        source=doc.source,
        locator=doc.locator,
        format=doc.format,
        url=doc.url,
        title=doc.title,
        author=doc.author,
        published=doc.published,
        published_on=_date_of(doc.published),
        lang=doc.lang or claim_lang or _detected(doc.text),
        text=doc.text,
        source_note=doc.source_note,
        pages=list(doc.pages),
        content_hash=digest,
    )


def replace_claims(document: Document, reading: Reading, version: str = EXTRACTOR_VERSION) -> int:
    """Swap `document`'s unreviewed claims and its names for `reading`'s, keeping reviewed claims
    (and their speaker links); claims written."""
    changed = Claim.history.filter(document_id=document.id).values("id")  # e.g. edited in the admin
    touched = ~Q(status="new") | Q(reviews__isnull=False) | Q(id__in=changed)
    kept = list(Claim.objects.filter(document=document).filter(touched).distinct())
    for c in kept:
        shift = _shift_of(c, document.text)
        orphaned = shift is None
        if shift:
            c.start, c.end = c.start + shift, c.end + shift
            c.sentence_start, c.sentence_end = c.sentence_start + shift, c.sentence_end + shift
        if orphaned != c.orphaned or shift:
            c.orphaned = orphaned
            why = (
                "orphaned: its span is gone from the changed text"
                if orphaned
                else f"moved with its sentence ({shift:+d} characters)"
                if shift
                else "its span is back in the text"
            )
            record_history(c, None, why, fields=["orphaned", "start", "end", "sentence_start", "sentence_end"])
    stale = Claim.objects.filter(document=document).exclude(id__in=[c.id for c in kept])
    gone = Mention.objects.filter(Q(claim__in=stale) | Q(document=document, claim__isnull=True))
    named = set(gone.values_list("entity_id", flat=True))
    gone.delete()
    # Unreviewed claims go without a trace: they have no history, reviews or mentions left, so
    # the rows are deleted in one statement, not one by one through the history signals.
    stale._raw_delete(stale.db)
    if kept:  # the document's date may have changed
        Claim.objects.filter(document=document).update(published_on=document.published_on)
    held = [(c.start, c.end) for c in kept if not c.orphaned]
    fresh = [c for c in reading.claims if not any(c.start < e and s < c.end for s, e in held)]
    rows = Claim.objects.bulk_create([claim_row(document, c, version) for c in fresh])
    link_entities(document, rows, reading.names)
    link_sources(rows)
    prune_entities(named)
    return len(rows)


def _shift_of(claim: Claim, text: str) -> int | None:
    """How far a reviewed claim's span moved in a changed text: 0 when it holds where it was,
    else the move of its whole sentence found again (the occurrence nearest the old place);
    None when the sentence is gone, and the claim is orphaned."""
    if text[claim.start : claim.end] == claim.text:
        return 0
    sentence = claim.sentence_text
    if not sentence or claim.text not in sentence:
        return None
    found, at = None, text.find(sentence)
    while at != -1:
        if found is None or abs(at - claim.sentence_start) < abs(found - claim.sentence_start):
            found = at
        at = text.find(sentence, at + 1)
    return None if found is None else found - claim.sentence_start


def claim_row(document: Document, c: ClaimValue, version: str) -> Claim:
    """An unsaved ledger Claim for an extracted claim of `document`."""
    s, e = c.sentence
    return Claim(
        document=document,
        **flat_values(c),
        sentence_text=document.text[s:e],
        extractor_version=version,
        published_on=document.published_on,
    )


def reextract(read: Read = tallybook.read, version: str = EXTRACTOR_VERSION) -> Iterator[Stored]:
    """Rerun the extractor over every document, by the same rules as a changed document."""
    for doc_id in list(Document.objects.order_by("id").values_list("id", flat=True)):  # not a cursor held across writes
        doc = Document.objects.get(id=doc_id)
        analysis = analysed(doc.text, doc.lang, doc.published, read)
        reading = analysis.reading
        with transaction.atomic():
            doc = Document.objects.select_for_update().get(id=doc_id)
            written = replace_claims(doc, reading, version)
            replace_incidents(doc, analysis.incidents, [(c.start, c.end) for c in reading.claims], version)
        yield Stored("replaced", written, doc_id)


def _date_of(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _detected(text: str) -> str | None:
    from tallybook.nlp.language import detect

    try:
        return detect(text)
    except Exception:  # an undetectable text keeps lang empty rather than failing the document
        return None
