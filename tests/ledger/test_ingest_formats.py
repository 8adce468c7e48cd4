"""`tallybook ingest` over a folder holding every source format at once, with broken files among
them: each good source lands with its claims, each bad one is listed, and nothing half-lands."""

from __future__ import annotations

import json

from click.testing import CliRunner
from fpdf import FPDF

from tallybook.cli import main
from tallybook.ledger.models import Claim, Document

SENTENCE = "The UK Ministry of Defence said about 1,500 Russian soldiers were killed or wounded each day."
RUSSIAN = "По данным Минобороны Великобритании, около 1500 российских военных выбывают из строя каждый день."


def write_sources(folder) -> None:
    (folder / "note.txt").write_text(SENTENCE + "\n", encoding="utf-8")
    (folder / "note-cp1251.txt").write_bytes((RUSSIAN + "\n").encode("cp1251"))
    (folder / "page.html").write_text(
        "<html><head><title>Losses</title></head><body><article><p>"
        + SENTENCE
        + " " * 3
        + "Analysts compared the figure with earlier estimates published over the summer months.</p>"
        "</article></body></html>",
        encoding="utf-8",
    )
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, SENTENCE)
    pdf.output(str(folder / "report.pdf"))
    (folder / "feed.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        "<item><title>Losses</title><link>http://127.0.0.1/a</link><guid>a</guid>"
        "<pubDate>Sun, 10 Nov 2024 10:00:00 GMT</pubDate><description>" + SENTENCE + "</description></item>"
        "</channel></rss>",
        encoding="utf-8",
    )
    (folder / "result.json").write_text(
        json.dumps(
            {
                "name": "Channel",
                "type": "public_channel",
                "id": 1,
                "messages": [{"id": 7, "type": "message", "date": "2024-11-10T09:00:00", "text": RUSSIAN}],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    (folder / "records.jsonl").write_text(
        json.dumps({"text": SENTENCE, "url": "http://127.0.0.1/r", "published": "2024-11-10"}) + "\n{broken\n",
        encoding="utf-8",
    )
    (folder / "empty.txt").write_bytes(b"")
    (folder / "cut.pdf").write_bytes((folder / "report.pdf").read_bytes()[:200])


def test_every_format_in_one_batch(ledger_url, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    write_sources(folder)
    result = CliRunner().invoke(main, ["ingest", "--db", ledger_url, str(folder)])
    assert result.exit_code == 1  # some sources failed
    failed = [line for line in result.stderr.splitlines() if "empty file" in line or "PDF" in line or "JSON" in line]
    assert len(failed) == 3, result.stderr
    formats = sorted(Document.objects.values_list("format", flat=True))
    assert formats == ["feed", "html", "jsonl", "pdf", "telegram", "txt", "txt"]
    for doc in Document.objects.all():
        values = sorted(Claim.objects.filter(document=doc).values_list("value", flat=True))
        assert values == [1500.0], (doc.format, doc.source, values)
    again = CliRunner().invoke(main, ["ingest", "--db", ledger_url, str(folder)])
    assert Document.objects.count() == 7 and Claim.objects.count() == 7
    assert "7 unchanged" in again.stdout + again.stderr
