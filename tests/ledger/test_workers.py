"""`ingest` in worker processes, and on a Dask LocalCluster through shards and `load`, stores the
ledger one process stores; kills, reruns and loading twice change nothing."""

from __future__ import annotations

import os
import signal
from datetime import datetime

import pytest
from django.core.management import call_command

from tallybook.ingest.files import sources_of
from tallybook.ledger.backup import tables
from tallybook.ledger.batch import ingest_all
from tallybook.scale import cluster
from tallybook.scale.load import load

TEXTS = {
    "a.txt": "Police detained 120 migrants at a market in Kazan on Monday, the regional ministry said.\n"
    "Of them, 35 were handed call-up papers, according to the ministry.",
    "b.txt": "Title: Losses\nPublished: 2025-03-04\n\n"
    "The defence ministry said about 1,300 soldiers were killed or wounded each day in February. "
    "Officials said the figure had doubled since the autumn.",
    "c.txt": "По данным МВД, в ходе рейда в Екатеринбурге задержали 48 мигрантов.\n"
    "Из них 17 человек отправили в военкомат, сообщили в полиции.",
    "d.txt": "The governor said 2,400 men had signed contracts with the army this year.",
    "e.txt": "No figures here at all, only words about the weather in Tver.",
    "f.txt": "",
    "g.txt": "The mayor said 900 people left the city. Sources said another 300 followed.",
}


def rows() -> dict[str, list[dict]]:
    """Every table of the ledger, row by row, less the times rows were written and the record of
    the partitions `load` stored."""
    from django.apps import apps

    out = {}
    for label in tables():
        if label == "ledger.loadedshard":  # `load`'s record of the partitions it stored, not their rows
            continue
        model = apps.get_model(label)
        out[label] = [
            {k: v for k, v in r.items() if not isinstance(v, datetime)} for r in model.objects.order_by("pk").values()
        ]
    return out


def corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_two_workers_store_what_one_stores(ledger_url, tmp_path):
    folder = corpus(tmp_path)
    one = ingest_all(sources_of([str(folder)]), workers=1)
    single = rows()
    call_command("flush", interactive=False, verbosity=0)
    two = ingest_all(sources_of([str(folder)]), workers=2)
    assert rows() == single
    assert (one.added, one.claims, one.failures) == (two.added, two.claims, two.failures)
    assert one.added == 6 and one.claims >= 7 and len(one.failures) == 1 and "f.txt" in one.failures[0]
    assert single["ledger.incident"] and single["ledger.mention"]


def test_rerun_in_workers_changes_nothing(ledger_url, tmp_path):
    folder = corpus(tmp_path)
    ingest_all(sources_of([str(folder)]), workers=2)
    before = rows()
    again = ingest_all(sources_of([str(folder)]), workers=2)
    assert (again.added, again.unchanged, again.replaced) == (0, 6, 0)
    assert rows() == before


@pytest.fixture(scope="module")
def dask_client():
    """A LocalCluster of two process workers, one thread each, for the module's tests."""
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_a_dask_cluster_stores_what_one_process_stores(ledger_url, tmp_path, dask_client):
    folder = corpus(tmp_path)
    one = ingest_all(sources_of([str(folder)]), workers=1)
    single = rows()
    call_command("flush", interactive=False, verbosity=0)
    run = cluster.run(dask_client, sources_of([str(folder)]), tmp_path / "shards", size=3)
    assert (run.partitions, run.documents, len(run.failures)) == (3, 6, 1)
    loaded = load(tmp_path / "shards")
    assert (loaded.added, loaded.claims) == (one.added, one.claims)
    assert rows() == single
    again = load(tmp_path / "shards")  # loading twice changes nothing
    assert (again.added, again.unchanged, again.replaced) == (0, 6, 0)
    assert rows() == single


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(ledger_url, tmp_path, dask_client):
    folder = corpus(tmp_path)
    pids = list(dask_client.run(os.getpid).values())
    killed: list[int] = []

    def kill_one(part: int, counts: dict) -> None:
        if not killed:  # after the first partition, with the others queued or running
            killed.append(part)
            os.kill(pids[0], signal.SIGKILL)

    run = cluster.run(dask_client, sources_of([str(folder)]), tmp_path / "shards", size=1, done=kill_one)
    assert killed and run.partitions == 7 and run.documents == 6
    first = load(tmp_path / "shards")
    assert first.added == 6
    stored = rows()
    assert len({d["source"] for d in stored["ledger.document"]}) == len(stored["ledger.document"]) == 6
    rerun = cluster.run(dask_client, sources_of([str(folder)]), tmp_path / "shards", size=1)
    assert rerun.documents == 6
    second = load(tmp_path / "shards")
    assert (second.added, second.unchanged) == (0, 6)
    assert rows() == stored


def test_ingest_on_a_cluster_from_the_command_line_stores_what_one_process_stores(ledger_url, tmp_path, dask_client):
    from click.testing import CliRunner

    from tallybook.cli import main

    folder = corpus(tmp_path)
    ingest_all(sources_of([str(folder)]), workers=1)
    single = rows()
    call_command("flush", interactive=False, verbosity=0)
    address = dask_client.scheduler_info()["address"]
    args = ["ingest", "--db", ledger_url, "--dask", address, "--shards", str(tmp_path / "shards"), str(folder)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # f.txt is empty
    assert result.stdout.splitlines()[0].startswith("partitions: 1; documents: 6 analysed, 1 failed; claims: ")
    assert result.stdout.splitlines()[1].startswith("documents: 6 added, 0 unchanged, 0 replaced, 0 failed; claims: ")
    assert "tallybook: Dask dashboard: " in result.stderr and f"{folder}/f.txt: empty file" in result.stderr
    assert rows() == single
