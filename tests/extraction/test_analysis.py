"""One parse for claims, names and incidents gives what tallybook.read and tallybook.incidents give."""

from __future__ import annotations

from pathlib import Path

import pytest

import tallybook
from tallybook.extraction.analysis import analyse
from tallybook.reports import read_report

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

MIXED = (
    "Police detained 120 migrants at a warehouse in Moscow on Tuesday, the Interior Ministry said.\n"
    "По данным МВД, в ходе рейда задержали 45 человек, из них 12 отправили в военкомат.\n"
    "The ministry later said 30 of them had signed contracts with the army."
)
LINKED = (
    "The regional governor said 2,500 men were called up in March. "
    "See https://example.org/report/48213 for the 17 districts listed.\n"
    "Officers raided 3 hostels in Kazan, according to the police."
)


def _texts() -> list[tuple[str, str]]:
    names = ["en-03-shoigu-partial-mobilisation.txt", "en-16-moscow-raids-2025.txt", "ru-11-reydy-moskva.txt"]
    out = []
    for name in names:
        report = read_report(SAMPLES / name)
        out.append((name, report.text[report.body_start :]))
    return out + [("mixed", MIXED), ("linked", LINKED), ("empty", "")]


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[n for n, _ in _texts()])
def test_analyse_is_read_and_incidents(name: str, text: str) -> None:
    found = analyse(text, published="2025-07-08")
    reading = tallybook.read(text, published="2025-07-08")
    assert found.reading == reading
    assert found.incidents == tallybook.incidents(text, published="2025-07-08")
    if name != "empty":
        assert reading.claims and found.incidents  # the cases do test something


def test_analyse_with_a_language_given() -> None:
    assert analyse(MIXED, lang="en").reading == tallybook.read(MIXED, lang="en")
    assert analyse(MIXED, lang="en").incidents == tallybook.incidents(MIXED, lang="en")
