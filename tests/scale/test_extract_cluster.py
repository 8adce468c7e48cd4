"""`extract` on a Dask cluster prints what one process prints, in input order; the cluster's
in_order keeps the order of its items whatever order the partitions end in."""

from __future__ import annotations

import json
import os
import time

import pytest
from click.testing import CliRunner

from tallybook.cli import main
from tallybook.scale import cluster
from tallybook.scale.pool import WorkerDied

FILES = {
    "a-raid.txt": "Title: Night raid\nPublished: 2025-02-11\n\n"
    "Police detained 64 migrants at a warehouse in Kazan overnight, the regional ministry said. "
    "Of them, 19 were handed call-up papers.",
    "b-empty.txt": "",
    "c-ru.txt": "По данным МВД, в ходе рейда в Екатеринбурге задержали 48 мигрантов. "
    "Из них 11 человек отправили в военкомат.",
    "d-records.jsonl": "".join(
        json.dumps({"text": text, "title": f"Brief {n}"}) + "\n"
        for n, text in enumerate(
            [
                "The governor said 2,400 men had signed contracts this year.",
                "Nothing is counted in this one.",
                "The mayor said about 900 families left the district in March.",
            ]
        )
    ),
    "e-page.html": "<html><head><title>Shelling</title></head><body><article><h1>Shelling</h1>"
    "<p>Officials said 7 people were killed and 23 wounded when shells hit the market on Sunday.</p>"
    "<p>Local volunteers said they had counted at least 30 damaged houses.</p></article></body></html>",
}


@pytest.fixture
def folder(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    for name, text in FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def extract(*args: str) -> tuple[int, str, list[str]]:
    result = CliRunner().invoke(main, ["extract", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    lines = [line for line in result.stderr.splitlines() if line.startswith("tallybook: ") and "Dask" not in line]
    return result.exit_code, result.stdout, lines


def test_one_process_two_workers_and_a_local_cluster_print_the_same(folder):
    single = extract("--format", "jsonl", "--workers", "1", str(folder))
    records = [json.loads(line) for line in single[1].splitlines()]
    assert single[0] == 1 and single[2] == [
        f"tallybook: {folder}/b-empty.txt: empty file",
        "tallybook: 1 file(s) failed",
    ]
    docs = [r["doc"].removeprefix(f"{folder}/") for r in records]
    assert docs == sorted(docs) and {"a-raid.txt", "c-ru.txt", "d-records.jsonl#line/3", "e-page.html"} <= set(docs)
    assert records[0]["text"] == "64" and FILES["a-raid.txt"][records[0]["start"] : records[0]["end"]] == "64"
    assert extract("--format", "jsonl", "--workers", "2", str(folder)) == single
    assert extract("--format", "jsonl", "--dask", "local", "--workers", "2", str(folder)) == single


def test_an_unreachable_scheduler_is_one_line(folder):
    result = CliRunner().invoke(main, ["extract", "--dask", "nowhere", str(folder)])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: --dask nowhere: cannot reach a Dask scheduler (")
    assert result.stderr.count("\n") == 1


def slow_square(n: int) -> int:
    """n², slower for smaller n, so that later partitions end first."""
    time.sleep(0.02 * (20 - n))
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def test_results_come_in_input_order_whatever_order_partitions_end_in():
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as local:
        with Client(local) as client:
            done = list(cluster.in_order(client, slow_square, range(20), wanted=lambda n: n % 5 != 0, size=3))
    assert [d.item for d in done] == list(range(20))
    assert [d.result for d in done] == [None if n % 5 == 0 or n == 13 else n * n for n in range(20)]
    assert [(d.item, str(d.error)) for d in done if d.error is not None] == [(13, "thirteen")]


def test_a_partition_whose_worker_dies_fails_each_of_its_items():
    import dask
    from distributed import Client, LocalCluster

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):  # no retry: the first death is final
        with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as local:
            with Client(local) as client:
                # os._exit(n) ends the worker process: the task never answers
                done = list(cluster.in_order(client, os._exit, [3, 4, 5], wanted=lambda n: n != 4, size=3))
    assert [d.item for d in done] == [3, 4, 5]
    assert [type(d.error) for d in done] == [WorkerDied, type(None), WorkerDied]
    assert "KilledWorker" in str(done[0].error)
