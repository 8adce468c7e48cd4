"""The worker pool: results in input order, errors and dead workers reported per item."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

import pytest

from tallybook.scale.pool import WorkerDied, default_workers, in_order


def square(n: int) -> int:
    if n == 13:
        raise ValueError("thirteen")
    return n * n


def die_on_seven(n: int) -> int:
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return os.getpid()


@pytest.mark.parametrize("workers", [1, 2])
def test_results_in_input_order_with_errors_kept_per_item(workers: int) -> None:
    done = list(in_order(square, range(40), workers, wanted=lambda n: n % 10 != 0))
    assert [d.item for d in done] == list(range(40))
    assert [d.result for d in done if d.error is None] == [None if n % 10 == 0 else n * n for n in range(40) if n != 13]
    assert [(d.item, str(d.error)) for d in done if d.error is not None] == [(13, "thirteen")]


def test_work_runs_in_other_processes() -> None:
    pids = {d.result for d in in_order(die_on_seven, range(6), 2)}
    assert os.getpid() not in pids and len(pids) >= 1


def test_a_killed_worker_fails_only_its_item() -> None:
    done = list(in_order(die_on_seven, range(20), 2))
    assert [d.item for d in done] == list(range(20))
    failed = [d.item for d in done if d.error is not None]
    assert failed == [7]
    assert isinstance(done[7].error, WorkerDied)
    assert all(isinstance(d.result, int) for d in done if d.item != 7)


def test_one_worker_is_this_process() -> None:
    assert [d.result for d in in_order(die_on_seven, [3, 4], 1)] == [os.getpid()] * 2


def test_a_result_comes_while_the_next_item_is_still_being_read() -> None:
    import threading

    gate = threading.Event()

    def items():
        yield 5
        gate.wait(30)  # a slow fetch: the first result must not wait for it
        yield 6

    done = in_order(square, items(), 2)
    assert next(done).result == 25
    gate.set()
    assert [d.result for d in done] == [36]


def test_default_is_every_core() -> None:
    assert default_workers() == len(os.sched_getaffinity(0))


def test_preload_loads_every_language_before_workers_fork() -> None:
    """Workers forked after preload() share each front-end's models: none loads its own."""
    probe = (
        "from tallybook.scale.work import preload\n"
        "from tallybook.nlp import en, ru\n"
        "preload()\n"
        "print(en.pipeline.cache_info().currsize, ru.pipeline.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["1", "1"]
