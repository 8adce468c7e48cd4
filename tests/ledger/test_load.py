"""`tallybook load`'s bulk path writes the ledger that storing the same analyses one document at
a time writes (the same rows, ids, entity and source links); loading twice changes nothing; a bad
shard fails its partition alone, with one line naming the file; a kill mid-load loses or doubles
nothing after a rerun."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from test_workers import rows as table_rows

from tallybook.ledger.models import Claim, Document, DocumentVersion, Incident, LoadedShard, Mention
from tallybook.ledger.store import store_document
from tallybook.model import Document as DocumentValue
from tallybook.scale.load import load, load_partition
from tallybook.scale.shards import partition_digest, partitions, read_shards, write_shards
from tallybook.scale.work import analyse_document

DOCS = [
    DocumentValue(
        "Britain's Ministry of Defence said on Friday that about 1,200 Russian troops were killed or wounded "
        "every day in March. Police in Kazan detained 300 migrants at a market on Monday, the regional interior "
        "ministry said.",
        "reports/daily.txt",
        title="Daily toll",
        published="2025-04-04",
        lang="en",
    ),
    DocumentValue(
        "Governor Ivan Petrov said 2,400 men from the region had signed army contracts this year. "
        "Petrov added that 150 of them had come back from the front, according to the regional government.",
        "reports/contracts.html",
        format="html",
        url="https://news.example.org/contracts",
    ),
    DocumentValue(
        "По данным МВД, в Екатеринбурге задержали 48 мигрантов. Из них 17 человек отправили в военкомат, "
        "сообщили в полиции.",
        "feed.xml",
        locator="entry-1",
        format="feed",
        lang="ru",
    ),
    DocumentValue(
        "Минобороны России сообщило, что за сутки сбиты 35 беспилотников над Белгородской областью. "
        "Генштаб ВС РФ сообщил, что 120 резервистов призваны в Белгороде.",
        "feed.xml",
        locator="entry-2",
        format="feed",
        published="2025-05-01T08:00:00+03:00",
    ),
    DocumentValue("A quiet week in Tver: rain, and no news from anywhere.", "notes/tver.txt"),
    DocumentValue(
        "Weather first.\x00\nThe mayor said 900 people left the city, and officials said another 300 followed.",
        "scans/mayor.pdf",
        format="pdf",
        pages=(0, 16),
    ),
]


def rows() -> dict[str, list[dict]]:
    """Every table of the ledger, row by row, less the times rows were written, and the links of
    incidents to claims."""
    links = Incident.claims.through.objects.order_by("pk").values()
    return {**table_rows(), "ledger.incident_claims": list(links)}


@pytest.fixture(scope="module")
def analysed() -> list:
    return [(d, analyse_document(d)) for d in DOCS]


def shards(folder: Path, analysed: list, size: int = 2) -> Path:
    for k in range(0, len(analysed), size):
        write_shards(folder, k // size, analysed[k : k + size])
    return folder


def stored_one_by_one(folder: Path) -> dict:
    """The ledger after storing the shards' analyses one document at a time, as `ingest` does;
    the ledger is emptied again (ids start again at 1)."""
    for doc, analysis in read_shards(folder):
        store_document(doc, analysis=analysis)
    expected = rows()
    call_command("flush", interactive=False, verbosity=0)
    return expected


def test_load_writes_what_storing_one_by_one_writes(ledger_url, tmp_path, analysed):
    folder = shards(tmp_path / "shards", analysed)
    expected = stored_one_by_one(folder)
    assert len(expected["ledger.document"]) == 6 and len(expected["ledger.incident_claims"]) >= 2
    assert any(s["org_id"] or s["parent_id"] for s in expected["ledger.source"])  # the registry's links
    assert expected["ledger.historicalsource"] and expected["ledger.mention"]
    assert any(i["candidates"] and i["lat"] for i in expected["ledger.incident"])  # places read from JSON
    summary = load(folder)
    assert (summary.added, summary.unchanged, summary.replaced, summary.failures) == (6, 0, 0, [])
    assert summary.claims == len(expected["ledger.claim"]) >= 7
    assert rows() == expected
    assert "\x00" not in Document.objects.get(source="scans/mayor.pdf").text


def test_loading_twice_changes_nothing(ledger_url, tmp_path, analysed):
    folder = shards(tmp_path / "shards", analysed)
    load(folder)
    before = rows()
    recorded = list(LoadedShard.objects.order_by("id").values_list("digest", "path"))
    assert [p for _, p in recorded] == [str(folder / "documents" / f"part-0000{k}.parquet") for k in range(3)]
    with CaptureQueriesContext(connection) as queries:
        again = load(folder)
    assert (again.added, again.unchanged, again.replaced, again.claims, again.skipped) == (0, 6, 0, 0, 3)
    assert str(again).endswith("; partitions loaded before, skipped: 3")
    assert rows() == before
    assert list(LoadedShard.objects.order_by("id").values_list("digest", "path")) == recorded
    # no work: one look-up of each partition's record, nothing read from the other tables or written
    statements = [q["sql"] for q in queries.captured_queries]
    assert statements and all(s.startswith("SELECT") and "ledger_loadedshard" in s for s in statements), statements


def test_a_partition_another_loader_recorded_meanwhile_is_skipped(ledger_url, tmp_path, analysed):
    folder = shards(tmp_path / "shards", analysed)
    path = partitions(folder)[0]
    LoadedShard.objects.create(digest=partition_digest(path), path="/elsewhere/documents/part-00000.parquet")
    with transaction.atomic():  # as if its record was made after this loader looked for it
        done = load_partition(path, partition_digest(path))
    assert (done.added, done.unchanged, done.skipped, done.claims) == (0, 2, 1, 0)
    assert not Document.objects.exists() and LoadedShard.objects.count() == 1


def test_a_loaded_partition_is_skipped_after_the_ledger_moved_on(ledger_url, tmp_path, analysed):
    folder = shards(tmp_path / "shards", analysed)
    load(folder)
    changed = DocumentValue(DOCS[0].text + " Officials said 40 more were missing.", DOCS[0].source, lang="en")
    assert store_document(changed).outcome == "replaced"
    again = load(folder)  # the shards' older text does not turn the document back
    assert (again.added, again.replaced, again.skipped) == (0, 0, 3)
    assert Document.objects.get(source=DOCS[0].source).text == changed.text


def test_a_partition_rewritten_with_other_documents_is_loaded_again(ledger_url, tmp_path, analysed):
    folder = shards(tmp_path / "shards", analysed)
    load(folder)
    changed = DocumentValue(DOCS[0].text + " Officials said 40 more were missing.", DOCS[0].source, lang="en")
    write_shards(folder, 0, [(changed, analyse_document(changed)), analysed[1]])
    again = load(folder)
    assert (again.added, again.unchanged, again.replaced, again.skipped) == (0, 5, 1, 2)
    assert Document.objects.get(source=DOCS[0].source).text == changed.text
    assert LoadedShard.objects.count() == 4


def test_a_changed_or_repeated_document_goes_through_the_store_path(ledger_url, tmp_path, analysed):
    load(shards(tmp_path / "first", analysed))
    changed = DocumentValue(DOCS[0].text + " Officials said 40 more were missing.", DOCS[0].source, lang="en")
    copy = DocumentValue(DOCS[1].text, "mirror/contracts.html", url=DOCS[1].url)  # the same page saved twice
    more = [(changed, analyse_document(changed)), (copy, analysed[1][1]), analysed[4]]
    summary = load(shards(tmp_path / "second", more, size=3))
    assert (summary.added, summary.unchanged, summary.replaced, summary.failures) == (0, 2, 1, [])
    assert DocumentVersion.objects.get().text == DOCS[0].text
    assert Document.objects.count() == 6


def test_a_document_twice_in_a_partition_is_stored_once(ledger_url, tmp_path, analysed):
    folder = shards(tmp_path / "shards", [analysed[0], analysed[0], analysed[1]], size=3)  # an input listed twice
    summary = load(folder)
    assert (summary.added, summary.unchanged, summary.replaced, summary.failures) == (2, 1, 0, [])
    assert Document.objects.count() == 2
    assert Claim.objects.filter(document__source=DOCS[0].source).count() == len(analysed[0][1].reading.claims) >= 1


def test_a_bad_shard_fails_its_partition_alone(ledger_url, tmp_path, analysed):
    folder = shards(tmp_path / "shards", analysed)
    (folder / "claims" / "part-00001.parquet").write_bytes(b"not parquet")
    summary = load(folder)
    assert summary.added == 4
    (line,) = summary.failures
    assert line.startswith(f"{folder}/claims/part-00001.parquet: cannot be read") and "\n" not in line
    assert not Document.objects.filter(source="feed.xml").exists()


def test_a_bad_row_fails_its_partition_alone(ledger_url, tmp_path, analysed):
    import pyarrow.parquet as pq

    folder = shards(tmp_path / "shards", analysed)
    path = folder / "claims" / "part-00002.parquet"
    table = pq.read_table(path)
    pq.write_table(table.set_column(table.column_names.index("value"), "value", [[None] * table.num_rows]), path)
    summary = load(folder)
    assert summary.added == 4
    (line,) = summary.failures
    assert line.startswith(f"{folder}/documents/part-00002.parquet: not loaded (IntegrityError") and "\n" not in line
    assert not Document.objects.filter(source__in=["notes/tver.txt", "scans/mayor.pdf"]).exists()
    assert not Claim.objects.filter(text="900").exists()


def contents() -> dict[str, list]:
    """The ledger by what its rows say, not by their ids (a killed run spends ids)."""
    return {
        "documents": sorted(Document.objects.values_list("source", "locator", "content_hash")),
        "claims": sorted(Claim.objects.values_list("document__source", "document__locator", "start", "text")),
        "mentions": sorted(
            Mention.objects.values_list("document__source", "entity__kind", "entity__norm", "claim__start", "start"),
            key=repr,
        ),
        "incidents": sorted(
            Incident.objects.values_list("document__source", "start", "type", "claims__start"), key=repr
        ),
    }


def test_a_kill_mid_load_loses_and_doubles_nothing(ledger_url, tmp_path, analysed):
    many = [
        (DocumentValue(d.text, f"{d.source}-{k}", d.locator, lang=d.lang), a) for k in range(8) for d, a in analysed
    ]
    folder = shards(tmp_path / "shards", many, size=1)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    cmd = [sys.executable, "-m", "tallybook.cli", "load", "--db", ledger_url, str(folder)]
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not Document.objects.exists() and child.poll() is None:
        time.sleep(0.005)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert 0 < Document.objects.count() < len(many)  # killed after a partition, before the last
    load(folder)
    after_kill = contents()
    call_command("flush", interactive=False, verbosity=0)
    load(folder)
    assert after_kill == contents()
    assert len(after_kill["documents"]) == len(many)
