"""Parquet shards hold every value the ledger stores, and read back as they were written."""

from __future__ import annotations

import pyarrow.parquet as pq

from tallybook.extraction.analysis import analyse
from tallybook.model import Document
from tallybook.scale.shards import read_shards, write_shards

DOCS = [
    Document(
        "Police detained 120 migrants in Kazan on Monday, the regional ministry said. "
        "Of them, 35 were handed call-up papers.",
        "a.txt",
        published="2025-03-04",
        title="Raid",
    ),
    Document("По данным МВД, в Екатеринбурге задержали 48 мигрантов.", "feed.xml", locator="entry-2", lang="ru"),
    Document("Nothing counted here.", "c.txt", pages=(0, 10)),
]


def test_shards_read_back_what_was_written(tmp_path):
    analysed = [(d, analyse(d.text, lang=d.lang, published=d.published)) for d in DOCS]
    counts = write_shards(tmp_path, 7, analysed)
    assert counts["documents"] == 3 and counts["claims"] >= 3 and counts["incidents"] >= 2
    assert list(read_shards(tmp_path)) == analysed
    claims = pq.read_table(tmp_path / "claims" / "part-00007.parquet")
    assert claims.column("value").to_pylist()[:2] == [120.0, 35.0]
    assert not list(tmp_path.glob("*/.*partial"))


def test_a_partition_written_again_replaces_its_files(tmp_path):
    analysed = [(d, analyse(d.text)) for d in DOCS[:1]]
    write_shards(tmp_path, 1, analysed)
    write_shards(tmp_path, 1, analysed)
    assert len(list(read_shards(tmp_path))) == 1
